"""The site's languages, read from mkdocs.yml: the one list every hook, script and test uses.

Also what every script needs to know of the project: where it is, the files a build reads (for
throw-away copies), and how a file is named in a message to an editor.

Each language is an entry under `plugins: i18n: languages:` in mkdocs.yml. Its `extra:` holds the
regional locale (for dates and Open Graph) and `ui:`, every word the theme, the 404 page, the
redirect pages, the owner's settings and the generated steering-group block show in that language.
The default language lives at the site root, every other one in a folder named by its code (/en/).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from yaml_syntax import syntax_problem

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = ROOT / "mkdocs.yml"
# The generator that builds the site: MkDocs 1.6, or ProperDocs, its maintained continuation, which
# builds this site byte for byte the same (README, "End of life"). SITE_GENERATOR=properdocs switches
# every command of the project (make build, make serve, make check, the tests, the benchmark) over.
GENERATOR = os.environ.get("SITE_GENERATOR") or "mkdocs"


def generator_command(*arguments: str, generator: str | None = None) -> list[str]:
    """The generator's command line in this Python: generator_command("build", "--strict")."""
    return [sys.executable, "-m", generator or GENERATOR, *arguments]


DOCS_DIR = ROOT / "docs"
# What a build reads: a copy of these builds the same site (tests and benchmarks change the copy).
BUILD_INPUTS = ("mkdocs.yml", "docs", "overrides", "data", "scripts")


def copy_build_inputs(destination: Path) -> Path:
    """A throw-away copy of what the build reads, in destination."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in BUILD_INPUTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, destination / name)
    return destination


def script_parser(prog: str, description: str | None, epilog: str) -> argparse.ArgumentParser:
    """A script's command line: its docstring as the description, the exit codes (and examples) below."""
    return argparse.ArgumentParser(
        prog=prog,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def add_path_option(
    parser: argparse.ArgumentParser, flag: str, default: Path, what: str = "", metavar: str = "PATH"
) -> None:
    """An option naming a file or folder of the project; its help shows the default as the project
    names it: '--config PATH  default: mkdocs.yml'."""
    shown = f"default: {default.relative_to(ROOT).as_posix()}"
    help_text = f"{what} ({shown})" if what else shown
    parser.add_argument(flag, type=Path, default=default, metavar=metavar, help=help_text)


def add_site_options(parser: argparse.ArgumentParser) -> None:
    """--docs-dir and --config: the pages and the configuration a script reads (a copy's, in the tests)."""
    add_path_option(parser, "--docs-dir", DOCS_DIR, metavar="DIR")
    add_path_option(parser, "--config", MKDOCS_YML)


def display_path(path: Path) -> str:
    """The path as short as it can be, for messages: relative to the current folder when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Language:
    code: str  # the folder name and the `lang` of its pages
    regional_locale: str  # language_REGION: for babel's dates and Open Graph
    name: str  # 'Dansk': as the language switcher shows it
    default: bool
    ui: Mapping[str, Any]  # the words of this language (extra.ui)
    # How plain its pages must read (extra.readability: measure and limit; scripts/plain_language.py).
    readability: Mapping[str, Any] | None = None

    @property
    def prefix(self) -> str:
        """Where the language's pages live below the site root: '' for the default, 'en/' for English."""
        return "" if self.default else f"{self.code}/"


class _MkDocsYamlLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's plain settings: `!ENV [NAME, default]` gives the default, Python tags None."""


def _env_default(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode) and len(node.value) > 1:
        return loader.construct_object(node.value[-1])
    return None


_MkDocsYamlLoader.add_constructor("!ENV", _env_default)
_MkDocsYamlLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


class SiteConfigError(Exception):
    """mkdocs.yml cannot be read. The message names the file, the line and the fix, in Danish."""


# What every message about mkdocs.yml ends with: the consequence, for an editor.
NOT_PUBLISHED = "Intet udgives, før det er rettet."


def read_mkdocs_yml(path: Path = MKDOCS_YML) -> dict[str, Any]:
    """mkdocs.yml as plain data (environment variables are not read: their defaults are used).

    A mistake in the file (bad indentation, a missing colon) raises SiteConfigError, told at the
    line to change, as the roster's mistakes are.
    """
    label = display_path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise SiteConfigError(f"{label}: filen findes ikke. (not found)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SiteConfigError(f"{label}: filen kan ikke læses. Gem den som UTF-8. ({error})") from None
    try:
        data = yaml.load(text, Loader=_MkDocsYamlLoader)
    except yaml.MarkedYAMLError as error:
        raise SiteConfigError(f"{syntax_problem(text, error).format(label)} {NOT_PUBLISHED}") from None
    except yaml.YAMLError as error:
        raise SiteConfigError(f"{label}: filen kan ikke læses. {NOT_PUBLISHED} ({error})") from None
    if not isinstance(data, dict):
        raise SiteConfigError(
            f"{label}: filen skal bestå af 'navn: værdi'-linjer, fx 'site_name: ...'. {NOT_PUBLISHED}"
        )
    return data


def i18n_entries(config: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The `languages:` entries of the i18n plugin in a parsed mkdocs.yml."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            entries = plugin["i18n"].get("languages")
            if isinstance(entries, list) and entries:
                return entries
    raise SiteConfigError(
        "mkdocs.yml: sprogene mangler: 'plugins:' skal have 'i18n:' med en liste 'languages:'. "
        f"Sammenlign med filen, som den ser ud på GitHub. {NOT_PUBLISHED}"
    )


def languages_from_entries(entries: Iterable[Mapping[str, Any]]) -> tuple[Language, ...]:
    """Languages from i18n `languages:` entries (dicts from the file, or the plugin's live config)."""
    languages = []
    for entry in entries:
        extra = (entry.get("extra") if isinstance(entry, Mapping) else None) or {}
        missing = [
            key
            for key, present in (
                ("locale", "locale" in entry),
                ("name", "name" in entry),
                ("extra: regional_locale", "regional_locale" in extra),
                ("extra: ui", isinstance(extra.get("ui"), Mapping)),
            )
            if not present
        ]
        if missing:
            shown = entry.get("locale", "?") if isinstance(entry, Mapping) else "?"
            raise SiteConfigError(
                f"mkdocs.yml: sproget '{shown}' under 'languages:' mangler {', '.join(missing)}. "
                f"Sammenlign med de andre sprog i listen. {NOT_PUBLISHED}"
            )
        languages.append(
            Language(
                code=entry["locale"],
                regional_locale=extra["regional_locale"],
                name=entry["name"],
                default=bool(entry.get("default")),
                ui=extra["ui"],
                readability=extra.get("readability"),
            )
        )
    # The default language first: it is built first and its pages are the x-default alternates.
    return tuple(sorted(languages, key=lambda language: not language.default))


def site_languages(path: Path = MKDOCS_YML) -> tuple[Language, ...]:
    """Every language of the site as mkdocs.yml lists it, the default first."""
    return languages_from_entries(i18n_entries(read_mkdocs_yml(path)))


def nav_pages(config: Mapping[str, Any]) -> list[str]:
    """The Markdown files of `nav:` in a parsed mkdocs.yml, in menu order at any depth: every language
    has each of them (overrides/hooks/translations.py stops a build where one is missing)."""

    def files(entry: object) -> list[str]:
        if isinstance(entry, str):
            return [entry] if entry.endswith(".md") else []  # not an external link in the menu
        if isinstance(entry, Mapping):
            return [name for value in entry.values() for name in files(value)]
        if isinstance(entry, list):
            return [name for item in entry for name in files(item)]
        return []

    return files(config.get("nav") or [])


def page_folder(md_name: str, language: Language) -> str:
    """Where MkDocs writes a page, below the site root: ('puljen.md', English) -> 'en/puljen/',
    ('index.md', Danish) -> '' (directory URLs, MkDocs' default)."""
    stem = md_name.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
    else:
        stem += "/"
    return language.prefix + stem
