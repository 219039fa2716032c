"""What each built page references by itself (HTML, stylesheets, scripts), read from the files.

Exact and fast, so the tests hold every page to a budget with it (tests/test_site_weight.py). It does not
see what scripts load later (search's worker, index and language files): the browser measurement
(page_weight.py) does.
"""

from __future__ import annotations

import gzip
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit


class _AssetFinder(HTMLParser):
    """Collects what a page loads by itself: stylesheets, scripts, icons."""

    def __init__(self) -> None:
        super().__init__()
        self.assets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src"):
            self.assets.append(values["src"] or "")
        if tag == "link" and "stylesheet" in (values.get("rel") or "").split() and values.get("href"):
            self.assets.append(values["href"] or "")


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def page_weights(site_dir: Path) -> list[tuple[str, int, int, int]]:
    """(page, requests on load, bytes, gzip bytes) for every page of the built site."""
    rows = []
    for html in sorted(site_dir.rglob("index.html")):
        page = "/" + str(html.relative_to(site_dir).parent).replace(".", "").strip("/")
        finder = _AssetFinder()
        finder.feed(html.read_text(encoding="utf-8"))
        files = [html]
        for asset in finder.assets:
            path = urlsplit(urljoin(f"/{html.relative_to(site_dir)}", asset)).path
            files.append(site_dir / path.lstrip("/"))
        rows.append((page, len(files), sum(f.stat().st_size for f in files), sum(map(gzip_size, files))))
    return rows
