"""Absolute language alternates for each page: hreflang links, x-default and Open Graph locales.

Danish pages live at the site root and English pages under /en/, with the same file names, so a
page's twin is found by swapping the language folder. Search engines want absolute URLs, which
mkdocs-static-i18n does not give.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from site_locales import (
    DEFAULT_LOCALE,
    LOCALES,
    REGIONAL_LOCALES,
    locale_of,
    locale_prefix,
    site_root_url,
)

_files: Files | None = None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _files
    _files = files
    return files


def alternates(page: Page, config: MkDocsConfig) -> list[dict[str, str]]:
    """hreflang alternates of a page, default language first, then x-default."""
    locale, _, rest = page.file.src_uri.partition("/")
    root = site_root_url(config)
    links = []
    for other in LOCALES:
        src = f"{other}/{rest}"
        if _files is not None and other != locale and _files.get_file_from_path(src) is None:
            continue
        path = page.url if other == locale else _twin_url(page.url, locale, other)
        links.append({"lang": other, "href": root + path})
    default = next(link["href"] for link in links if link["lang"] == DEFAULT_LOCALE)
    links.append({"lang": "x-default", "href": default})
    return links


def _twin_url(url: str, locale: str, other: str) -> str:
    return locale_prefix(other) + url.removeprefix(locale_prefix(locale))


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    # Theme pages such as 404.html: the language being built.
    context["locale_prefix"] = locale_prefix(config.theme["language"])
    return context


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    locale = locale_of(page.file.src_uri)
    # "" for Danish pages, "en/" for English ones: where this language's pages and search index live.
    context["locale_prefix"] = locale_prefix(locale)
    context["page_alternates"] = alternates(page, config)
    context["page_absolute_url"] = site_root_url(config) + page.url
    context["og_locale"] = REGIONAL_LOCALES.get(locale, locale)
    context["og_locale_alternates"] = [v for k, v in REGIONAL_LOCALES.items() if k != locale]
    return context
