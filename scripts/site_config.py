"""The site's languages, read from mkdocs.yml: the one list every hook, script and test uses.

Also what every script needs to know of the project: where it is, the files a build reads (for
throw-away copies), and how a file is named in a message to an editor.

Each language is an entry under `plugins: i18n: languages:` in mkdocs.yml. Its `extra:` holds the
regional locale (for dates and Open Graph) and `ui:`, every word the theme, the 404 page, the
redirect pages, the owner's settings and the generated steering-group block show in that language.
The default language lives at the site root, every other one in a folder named by its code (/en/).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = ROOT / "mkdocs.yml"
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


def read_mkdocs_yml(path: Path = MKDOCS_YML) -> dict[str, Any]:
    """mkdocs.yml as plain data (environment variables are not read: their defaults are used)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_MkDocsYamlLoader)


def i18n_entries(config: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The `languages:` entries of the i18n plugin in a parsed mkdocs.yml."""
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]["languages"]
    raise KeyError("mkdocs.yml has no i18n plugin with a 'languages:' list")


def languages_from_entries(entries: Iterable[Mapping[str, Any]]) -> tuple[Language, ...]:
    """Languages from i18n `languages:` entries (dicts from the file, or the plugin's live config)."""
    languages = []
    for entry in entries:
        extra = entry.get("extra") or {}
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
