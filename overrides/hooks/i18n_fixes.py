"""Repairs that need the whole bilingual site, run once after every language is built.

- 404.html: GitHub Pages serves only the root 404.html, and mkdocs-static-i18n leaves the one of the
  language built last. Keep the default (Danish) one.
- Search: the plugin writes one index mixing both languages. Split it so Danish pages search Danish
  pages only (with the Danish stemmer) and English pages English only (see overrides/main.html).
- sitemap.xml: an x-default alternate for every page (see overrides/sitemap.xml).
- /was/: the short address Danish law asks for, leading to the accessibility statement.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from site_locales import (
    DEFAULT_LOCALE,
    OTHER_LOCALES,
    building_other_language,
    locale_prefix,
    site_root_url,
)

ACCESSIBILITY_PAGE = "tilgaengelighed/"

_default_404: str | None = None


@event_priority(-110)  # after mkdocs-static-i18n (-100) has put its sitemap template first
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Let overrides/sitemap.xml (which adds x-default) win over the plugin's sitemap template."""
    custom_dir = config.theme.custom_dir
    if custom_dir in config.theme.dirs:
        config.theme.dirs.remove(custom_dir)
        config.theme.dirs.insert(0, custom_dir)
    return config


@event_priority(-200)  # after csp.py has added the page's policy
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    global _default_404
    if template_name == "404.html" and config.theme["language"] == DEFAULT_LOCALE:
        _default_404 = output
    return output


def _site_root_dir(config: MkDocsConfig) -> Path:
    site_dir = Path(config.site_dir)
    for locale in OTHER_LOCALES:
        if site_dir.name == locale:
            return site_dir.parent
    return site_dir


def split_search_index(site_dir: Path) -> None:
    merged_path = site_dir / "search" / "search_index.json"
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    by_locale: dict[str, list[dict]] = {DEFAULT_LOCALE: [], **{loc: [] for loc in OTHER_LOCALES}}
    for doc in merged["docs"]:
        locale = next((loc for loc in OTHER_LOCALES if doc["location"].startswith(f"{loc}/")), None)
        if locale is None:
            by_locale[DEFAULT_LOCALE].append(doc)
        else:
            by_locale[locale].append({**doc, "location": doc["location"][len(locale) + 1 :]})
    for locale, docs in by_locale.items():
        if not docs:  # a language left out with BUILD_ONLY_LOCALE
            continue
        index = {**merged, "config": {**merged["config"], "lang": [locale]}, "docs": docs}
        target = merged_path if locale == DEFAULT_LOCALE else site_dir / locale / "search" / merged_path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def redirect_page(target: str, canonical: str, lang: str) -> str:
    """A tiny page that sends the visitor on at once and still works without a refresh."""
    href = html.escape(target, quote=True)
    text = {"da": "Gå til tilgængelighedserklæringen", "en": "Go to the accessibility statement"}[lang]
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{text}</title>\n"
        '<meta name="robots" content="noindex">\n'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'self'; object-src 'none'; base-uri 'self'\">\n"
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<link rel="canonical" href="{html.escape(canonical, quote=True)}">\n</head>\n'
        f'<body>\n<p><a href="{href}">{text}</a></p>\n</body>\n</html>\n'
    )


def write_was_redirects(site_dir: Path, config: MkDocsConfig) -> None:
    statement_url = config.extra.get("accessibility_statement_url") or ""
    site_url = site_root_url(config)
    base_path = "/" + site_url.split("://", 1)[-1].partition("/")[2]
    for locale in (DEFAULT_LOCALE, *OTHER_LOCALES):
        fallback = locale_prefix(locale) + ACCESSIBILITY_PAGE
        if not (site_dir / fallback / "index.html").is_file():  # a language left out with BUILD_ONLY_LOCALE
            continue
        # A site-relative path, so the local preview stays on the preview server.
        target = statement_url or base_path + fallback
        canonical = statement_url or site_url + fallback
        folder = site_dir / locale_prefix(locale) / "was"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(redirect_page(target, canonical, locale), encoding="utf-8")


@event_priority(-200)  # after mkdocs-static-i18n (-100), which builds the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if building_other_language(config):
        return
    site_dir = _site_root_dir(config)
    if _default_404 is not None:
        (site_dir / "404.html").write_text(_default_404, encoding="utf-8")
    split_search_index(site_dir)
    write_was_redirects(site_dir, config)
