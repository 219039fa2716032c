"""An outdated translation says so at the top of the page, in its own language.

A translated page records the fingerprint of the Danish text it was checked against
(scripts/translation_status.py). When the Danish page has changed in substance since then, the
translated page is still published, with a short notice under its heading that the Danish page is
the authoritative version, a link to it and the day the translation was checked. The words are the
language's `ui` in mkdocs.yml (`translation_notice_title`, `translation_outdated`,
`translation_original_link`). The notice is plain HTML: no script, no request.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from babel.dates import format_date
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from sitelib.site import default_language, language_of

from translation_status import CHECKED_KEY, FINGERPRINT_KEY, fingerprint


def notice(page: Page, config: MkDocsConfig) -> str | None:
    """The notice for this page; None for an original and an up-to-date (or unconfirmed) translation."""
    language = language_of(config, page.file.src_uri)
    recorded = page.meta.get(FINGERPRINT_KEY)
    if language is None or language.default or recorded is None:
        return None
    original = default_language(config)
    name = page.file.src_uri.partition("/")[2]
    original_path = Path(config.docs_dir) / original.code / name
    if fingerprint(original_path.read_text(encoding="utf-8")) == str(recorded):
        return None
    checked = page.meta.get(CHECKED_KEY)
    day = (
        format_date(dt.date.fromisoformat(str(checked)), "long", locale=language.regional_locale)
        if checked
        else "?"
    )
    original_url = original.prefix + page.url.removeprefix(language.prefix)
    href = html.escape(get_relative_url(original_url or ".", page.url), quote=True)
    link_text = html.escape(language.ui["translation_original_link"])
    link = f'<a href="{href}" hreflang="{original.code}">{link_text}</a>'
    text = html.escape(language.ui["translation_outdated"]).replace("{date}", day).replace("{link}", link)
    title = html.escape(language.ui["translation_notice_title"])
    return (
        f'<div class="admonition warning translation-notice" role="note">\n'
        f'<p class="admonition-title">{title}</p>\n<p>{text}</p>\n</div>\n'
    )


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    box = notice(page, config)
    if box is None:
        return content
    heading_end = content.find("</h1>")
    if heading_end < 0:
        return box + content
    heading_end += len("</h1>")
    return content[:heading_end] + "\n" + box + content[heading_end:]
