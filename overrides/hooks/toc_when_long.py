"""A table of contents only where a page is long enough to need one.

Material shows "Indholdsfortegnelse / Table of contents" beside every page; on a short page it only
repeats the headings the reader sees anyway. A page with fewer than MIN_SECTIONS second-level
headings gets `hide: [toc]`, Material's own front-matter switch (an editor may also set it by hand).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

MIN_SECTIONS = 4


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    sections = sum(len(top.children) for top in page.toc)  # the H1 holds the H2s
    if sections < MIN_SECTIONS:
        hide = list(page.meta.get("hide") or [])
        page.meta["hide"] = [*hide, "toc"] if "toc" not in hide else hide
    return html
