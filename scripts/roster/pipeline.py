"""The roster pipeline in one place: read and check the roster, then make what the site shows from it.

The build (overrides/hooks/steering_group_page.py), scripts/steering_group.py (`make roster`) and
the checks that need the roster's words (scripts/spelling.py) all read the roster here, through the
strict reader (source.py) and the schema (schema.py): no other code reads data/steering-group.yml.
"""

from __future__ import annotations

from pathlib import Path

from . import render
from .model import Roster
from .page import PAGE_NAME, fill
from .problems import PageError
from .schema import parse_roster
from .source import read_roster_nodes
from site_config import MKDOCS_YML, ROOT, Language, display_path, site_languages

ROSTER_FILE = "data/steering-group.yml"  # below the project's folder
ROSTER = ROOT / ROSTER_FILE
DOCS_DIR = ROOT / "docs"


def load_roster(roster: Path = ROSTER, config: Path = MKDOCS_YML) -> Roster:
    """The checked roster, with a text in each of the site's languages; RosterError lists every problem."""
    return roster_for(roster, site_languages(config))


def roster_for(roster: Path, languages: tuple[Language, ...]) -> Roster:
    """As load_roster, for languages already read (the build has them from its own configuration)."""
    root, problems = read_roster_nodes(roster)
    return parse_roster(root, languages, problems)


def page_with_list(
    page_text: str, roster: Roster, language: Language, languages: tuple[Language, ...], label: str
) -> str:
    """The organisation page's Markdown with the list in place of its marker line."""
    return fill(page_text, render.page_block(roster, language, languages), label)


def open_data_files(roster: Roster, language: Language) -> dict[str, str]:
    """The open-data files of one language: path below docs/ (e.g. 'en/data/steering-group.json') -> text."""
    return {
        render.open_data_path(language, "json"): render.open_data_json(roster, language),
        render.open_data_path(language, "csv"): render.open_data_csv(roster, language),
    }


def check_pages(docs_dir: Path, languages: tuple[Language, ...]) -> None:
    """Every language's organisation page has its marker line once; PageError names the first that has not."""
    for language in languages:
        path = docs_dir / language.code / PAGE_NAME
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise PageError(f"{display_path(path)}: siden findes ikke.", "not found") from None
        except (OSError, UnicodeDecodeError) as error:
            raise PageError(f"{display_path(path)}: siden kan ikke læses.", str(error)) from None
        fill(text, "", display_path(path))
