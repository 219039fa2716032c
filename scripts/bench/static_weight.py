"""What each built page references by itself (HTML, stylesheets, scripts, icon), read from the files.

Exact and fast, so the tests hold every page to its budget with it (tests/test_site_weight.py). It does not
see what scripts load later (search, on the first search): the browser measurement (page_weight.py) does.
"""

from __future__ import annotations

import gzip
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit


class _AssetFinder(HTMLParser):
    """Collects what a page loads by itself: stylesheets, scripts, the icon."""

    def __init__(self) -> None:
        super().__init__()
        self.assets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src"):
            self.assets.append(values["src"] or "")
        rel = (values.get("rel") or "").split()
        if tag == "link" and ("stylesheet" in rel or "icon" in rel) and values.get("href"):
            self.assets.append(values["href"] or "")


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def page_weights(site_dir: Path) -> list[tuple[str, list[str], int, int]]:
    """(page, the files it loads, bytes, gzip bytes) for every page of the built site; page as '/en/'."""
    rows = []
    for html in sorted(site_dir.rglob("index.html")):
        folder = html.relative_to(site_dir).parent.as_posix()
        page = "/" if folder == "." else f"/{folder}/"
        finder = _AssetFinder()
        finder.feed(html.read_text(encoding="utf-8"))
        files = [html]
        for asset in finder.assets:
            path = urlsplit(urljoin(f"/{html.relative_to(site_dir)}", asset)).path
            files.append(site_dir / path.lstrip("/"))
        loaded = [f.relative_to(site_dir).as_posix() for f in files]
        rows.append((page, loaded, sum(f.stat().st_size for f in files), sum(map(gzip_size, files))))
    return rows
