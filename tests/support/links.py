"""A link checker for a built static site: broken internal links and #anchors, and the outbound links.

Every HTML file is read with the tests' HTML parser (support/html.py). A page's URL is the one it will
have when published (below the site's base path), so relative links are resolved exactly as a browser
would resolve them there.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from support.html import parse_fragment

# (tag, attribute) pairs that reference another resource.
LINK_ATTRIBUTES = {
    ("a", "href"),
    ("area", "href"),
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("form", "action"),
}
REFRESH_URL = re.compile(r"^\s*\d+\s*;\s*url\s*=\s*(?P<url>.+?)\s*$", re.I)
IGNORED_SCHEMES = {"data", "blob", "about"}


@dataclass(frozen=True)
class Reference:
    page: str  # site-relative file path of the page holding the link, e.g. "en/puljen/index.html"
    raw: str  # the link as written
    element: str  # e.g. 'a href'


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    references: list[tuple[str, str]] = field(default_factory=list)  # (element, raw URL)


def parse_page(path: Path) -> ParsedPage:
    """The ids a page defines and the references it makes, in document order."""
    root, _ = parse_fragment(path.read_text(encoding="utf-8"))
    result = ParsedPage()
    for element in root.descendants():
        tag, values = element.tag, element.attrs
        if "id" in values:
            result.ids.add(values["id"])
        if tag == "a" and "name" in values:
            result.ids.add(values["name"])
        for name, value in values.items():
            if (tag, name) in LINK_ATTRIBUTES and value.strip():
                result.references.append((f"{tag} {name}", value.strip()))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            match = REFRESH_URL.match(values.get("content", ""))
            if match:
                result.references.append(("meta refresh", match["url"].strip("'\"")))
        if tag == "meta" and values.get("property") in {"og:url", "og:image"} and values.get("content"):
            result.references.append((f"meta {values['property']}", values["content"]))
    return result


@dataclass
class CrawlReport:
    pages: int = 0
    broken: list[str] = field(default_factory=list)  # one readable line per problem
    outbound: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # URL -> pages

    def outbound_hosts(self) -> set[str]:
        return {outbound_key(url) for url in self.outbound}


def outbound_key(url: str) -> str:
    """'https://example.org' for web links, 'mailto:rn.dk' for e-mail addresses."""
    parts = urlsplit(url)
    if parts.scheme == "mailto":
        return "mailto:" + parts.path.rpartition("@")[2].lower()
    return f"{parts.scheme}://{parts.hostname or ''}"


def published_url(site_url: str, relative_file: str) -> str:
    """The URL a file is published at: 'en/puljen/index.html' -> '<site_url>en/puljen/'."""
    if relative_file == "index.html" or relative_file.endswith("/index.html"):
        relative_file = relative_file.removesuffix("index.html")
    return site_url + relative_file


def target_file(site_dir: Path, relative_path: str) -> Path | None:
    """The file GitHub Pages would serve for a path below the site root, or None."""
    candidate = site_dir / unquote(relative_path)
    if relative_path in ("", ".") or relative_path.endswith("/"):
        candidate = candidate / "index.html"
    elif candidate.is_dir():
        candidate = candidate / "index.html"  # served after a 301 to the slashed address
    return candidate if candidate.is_file() else None


def crawl(site_dir: Path, site_url: str, absolute_only: tuple[str, ...] = ("404.html",)) -> CrawlReport:
    """Check every internal link and anchor of the site built in site_dir, published at site_url.

    Files in absolute_only are served at any missing address (the 404 page), so their internal links
    must not be relative.
    """
    pages = {
        path.relative_to(site_dir).as_posix(): parse_page(path) for path in sorted(site_dir.rglob("*.html"))
    }
    checker = _Checker(site_dir, site_url, pages, absolute_only)
    for page_path, parsed in pages.items():
        for element, raw in parsed.references:
            problem = checker.check(Reference(page_path, raw, element))
            if problem:
                checker.report.broken.append(f"{page_path}: <{element}={raw!r}> {problem}")
    return checker.report


class _Checker:
    def __init__(
        self, site_dir: Path, site_url: str, pages: dict[str, ParsedPage], absolute_only: tuple[str, ...]
    ) -> None:
        self.site_dir = site_dir
        self.site_url = site_url
        self.site = urlsplit(site_url)
        self.pages = pages
        self.absolute_only = absolute_only
        self.report = CrawlReport(pages=len(pages))

    def check(self, ref: Reference) -> str | None:
        """None if the reference is fine (outbound ones are collected), else what is wrong with it."""
        url = urljoin(published_url(self.site_url, ref.page), ref.raw)
        parts = urlsplit(url)
        if parts.scheme in IGNORED_SCHEMES:
            return None
        if parts.scheme == "mailto":
            self.report.outbound[url].add(ref.page)
            return None if "@" in parts.path else "is not an e-mail address"
        if parts.scheme not in ("http", "https"):
            return f"uses the unexpected scheme {parts.scheme!r}"
        if parts.netloc != self.site.netloc:
            self.report.outbound[url].add(ref.page)
            return None
        if ref.page in self.absolute_only and not ref.raw.startswith(("/", "http://", "https://", "#")):
            return "is relative, but this page is served at any missing address: use an absolute path"
        base_path = self.site.path
        if not parts.path.startswith(base_path):
            return f"points outside the site (not below {base_path})"
        target = target_file(self.site_dir, parts.path[len(base_path) :])
        if target is None:
            return f"points to {parts.path}, which does not exist in the built site"
        if parts.fragment:
            relative = target.relative_to(self.site_dir).as_posix()
            ids = self.pages[relative].ids if relative in self.pages else set()
            if unquote(parts.fragment) not in ids:
                return f"points to #{parts.fragment}, which is no id in {relative}"
        return None
