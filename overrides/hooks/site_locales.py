"""The site's languages and addresses, shared by the hooks (not a hook itself).

Danish is the default language at the site root; every other language lives in a folder of its
own (/en/), with the same file names.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

DEFAULT_LOCALE = "da"
OTHER_LOCALES = ("en",)
LOCALES = (DEFAULT_LOCALE, *OTHER_LOCALES)
# Language and region, for date formats (babel) and Open Graph.
REGIONAL_LOCALES = {"da": "da_DK", "en": "en_GB"}


def locale_of(src_uri: str) -> str:
    """The language of a page from its source path, e.g. 'en/puljen.md' -> 'en'."""
    return src_uri.partition("/")[0]


def locale_prefix(locale: str) -> str:
    """Where a language's pages live below the site root: '' for Danish, 'en/' for English."""
    return "" if locale == DEFAULT_LOCALE else f"{locale}/"


def site_root_url(config: MkDocsConfig) -> str:
    """The published site's root URL, also while mkdocs-static-i18n builds a language below it."""
    root = config.site_url or "/"
    for locale in OTHER_LOCALES:
        if root.endswith(f"/{locale}/"):
            return root[: -len(locale) - 1]
    return root


def building_other_language(config: MkDocsConfig) -> bool:
    """True while mkdocs-static-i18n builds a non-default language inside the default one's build.

    Work done once per site (not once per language) checks this and skips the nested builds.
    """
    return bool(getattr(config.plugins.get("i18n"), "building", False))
