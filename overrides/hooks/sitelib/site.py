"""The site's languages and addresses as the running build sees them."""

from __future__ import annotations

import logging
from pathlib import Path

import mkdocs
from mkdocs.config.defaults import MkDocsConfig

from roster.pipeline import ROSTER_FILE
from site_config import Language, languages_from_entries

# The generator running the build: "mkdocs", or "properdocs", MkDocs' maintained continuation, which
# answers `import mkdocs` with itself. Its loggers are named after it ("properdocs.structure.pages").
GENERATOR = mkdocs.__name__


def hook_logger(name: str) -> logging.Logger:
    """A hook's logger in the running generator's own tree: its warnings are shown, counted by --strict
    and listed by the preview under MkDocs and ProperDocs alike."""
    return logging.getLogger(f"{GENERATOR}.hooks.{name}")


# The languages made from the build's i18n entries, with those entries: hooks ask on every page, and a
# build (or a rebuild of `make serve`) keeps one list of entries throughout.
_made_from: tuple[object, tuple[Language, ...]] | None = None


def languages(config: MkDocsConfig) -> tuple[Language, ...]:
    """Every language in mkdocs.yml, the default first (whether or not BUILD_ONLY_LOCALE builds it)."""
    global _made_from
    entries = config.plugins["i18n"].config.languages
    if _made_from is None or _made_from[0] is not entries:
        _made_from = (entries, languages_from_entries(entries))
    return _made_from[1]


def default_language(config: MkDocsConfig) -> Language:
    return languages(config)[0]


def language_of(config: MkDocsConfig, src_uri: str) -> Language | None:
    """The language of a page from its source path ('en/puljen.md' -> English); None outside them."""
    code = src_uri.partition("/")[0]
    return next((language for language in languages(config) if language.code == code), None)


def current_language(config: MkDocsConfig) -> Language:
    """The language being built now: mkdocs-static-i18n sets the theme's language for each."""
    code = config.theme["language"]
    return next(language for language in languages(config) if language.code == code)


def roster_path(config: MkDocsConfig) -> Path:
    """The steering-group roster of the project being built (data/steering-group.yml)."""
    return Path(config.config_file_path).parent / ROSTER_FILE


def site_root_url(config: MkDocsConfig) -> str:
    """The published site's root URL, also while mkdocs-static-i18n builds a language below it."""
    root = config.site_url or "/"
    for language in languages(config):
        if not language.default and root.endswith(f"/{language.code}/"):
            return root[: -len(language.code) - 1]
    return root


def building_other_language(config: MkDocsConfig) -> bool:
    """True while mkdocs-static-i18n builds a non-default language inside the default one's build.

    Work done once per site (not once per language) checks this and skips the nested builds.
    """
    return bool(getattr(config.plugins.get("i18n"), "building", False))


# When finishing runs (overrides/hooks/finish.py). MkDocs runs the handlers of one event from the highest
# priority to the lowest (the default is 0). mkdocs-static-i18n's on_post_build (priority -100) builds
# every other language inside the default language's build; work on the whole site runs after it, once.
AFTER_EVERY_LANGUAGE = -200
