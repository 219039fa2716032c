"""Absolute language alternates for each page: hreflang links, x-default and Open Graph locales.

The default language's pages live at the site root and every other language's under its own folder
(/en/), with the same file names, so a page's twin is found by swapping the language folder. Search
engines want absolute URLs, which mkdocs-static-i18n does not give. overrides/main.html writes them.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from sitelib.site import current_language, language_of, languages, site_root_url

from site_config import Language


def alternates(page: Page, language: Language, config: MkDocsConfig) -> list[dict[str, str]]:
    """hreflang alternates of a page, default language first, then x-default."""
    rest = page.file.src_uri.partition("/")[2]
    root = site_root_url(config)
    links = []
    for other in languages(config):
        if other != language and not (Path(config.docs_dir) / other.code / rest).is_file():
            continue
        path = other.prefix + page.url.removeprefix(language.prefix)
        links.append({"lang": other.code, "href": root + path})
    links.append({"lang": "x-default", "href": links[0]["href"]})
    return links


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    # Theme pages such as 404.html: the language being built, and every language for the 404 page.
    context["locale_prefix"] = current_language(config).prefix
    context["site_languages"] = languages(config)
    context["site_root"] = site_root_url(config)  # the footer's links, printed with their address
    return context


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    language = language_of(config, page.file.src_uri)
    if language is None:
        return context
    # "" for Danish pages, "en/" for English ones: where this language's pages live.
    context["locale_prefix"] = language.prefix
    context["site_root"] = site_root_url(config)
    context["page_alternates"] = alternates(page, language, config)
    context["page_absolute_url"] = site_root_url(config) + page.url
    context["og_locale"] = language.regional_locale
    context["og_locale_alternates"] = [
        other.regional_locale for other in languages(config) if other != language
    ]
    return context
