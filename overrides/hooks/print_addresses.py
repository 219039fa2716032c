"""Printed links say where they lead: each link in a page's text carries its address for print.

On paper a link is only its words ("skriv til puljeansvarlig Majken Davids"). Each link in the page's
text whose words are not already its address gets the address in a `data-print-address` attribute, which
the print styles (overrides/assets/stylesheets/site.css) show after the link: a web address as it is,
an e-mail address or phone number without "mailto:"/"tel:", a link to another page or file of this site
as its full address (from site_url). A link to a part of the same page gets none.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote, urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitelib.site import site_root_url

# Markdown's links: <a href="…" …>words</a> (links do not nest).
LINK = re.compile(r'<a\b(?P<attrs>[^>]*\bhref="(?P<href>[^"]*)"[^>]*)>(?P<words>.*?)</a>', re.S)
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def print_address(href: str, page_url: str) -> str | None:
    """What a reader of paper needs to follow a link; None for a link within the page."""
    if not href or href.startswith("#"):
        return None
    if href.startswith(("mailto:", "tel:")):
        return unquote(href.partition(":")[2].partition("?")[0])
    if SCHEME.match(href):
        return href
    return urljoin(page_url, href)


def _same(words: str, address: str) -> bool:
    """Whether a link's words already are its address (give or take the scheme and a final slash)."""

    def bare(text: str) -> str:
        return re.sub(r"^[a-z]+://", "", text.strip().lower()).rstrip("/")

    return bare(words) == bare(address)


def add_print_addresses(content: str, page_url: str) -> str:
    def mark(link: re.Match[str]) -> str:
        address = print_address(html.unescape(link["href"]), page_url)
        words = html.unescape(re.sub(r"<[^>]+>", "", link["words"]))
        if address is None or _same(words, address) or "data-print-address" in link["attrs"]:
            return link[0]
        attribute = f' data-print-address="{html.escape(address, quote=True)}"'
        return f"<a{link['attrs']}{attribute}>{link['words']}</a>"

    return LINK.sub(mark, content)


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return add_print_addresses(html_text, site_root_url(config) + page.url)
