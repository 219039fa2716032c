"""What a first visit to a page downloads: requests and gzip bytes by type, in headless Chromium.

The built site is served as GitHub Pages serves it (scripts/pages_server.py: gzip, `dir/` ->
`dir/index.html`). Every page is opened in a new, empty browser context (a cold cache) and measured once
the network has been idle for 500 ms: everything a first visit loads. (This site loads search on the first
search; stock Material loads its search worker, index and lunr language files on every page view.)
Bytes are the response bodies the server sent for the page (gzip where it compresses, as GitHub Pages
does), without headers, counted from the server's own record of requests.
Requests to any other host are blocked and listed apart (`external`): the site must make none, while
stock Material asks Google Fonts for its typeface.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from chromium import CHROMIUM_FLAGS, NO_CHROMIUM, find_chromium
from pages_server import COMPRESSIBLE, RecordedRequest, StaticSiteServer, content_type

from bench.builds import MeasurementFailed

if TYPE_CHECKING:
    from playwright.sync_api import Browser

TYPES = ("document", "css", "js", "json", "image", "other")
# Response Content-Type (as the server sends it) -> type, first match wins.
CONTENT_TYPES = (
    ("text/html", "document"),
    ("text/css", "css"),
    ("javascript", "js"),
    ("json", "json"),
    ("image/", "image"),
)


@dataclass
class PageWeight:
    """One page's first visit: requests and transferred bytes per type, and blocked foreign requests."""

    path: str
    requests: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    bytes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    external: list[str] = field(default_factory=list)
    detail: list[dict[str, object]] = field(default_factory=list)  # every response: path, status, type, bytes

    @property
    def total_requests(self) -> int:
        return sum(self.requests.values())

    @property
    def total_bytes(self) -> int:
        return sum(self.bytes.values())

    def add(self, url: str, status: int, content_type: str, body_bytes: int) -> None:
        kind = next((kind for key, kind in CONTENT_TYPES if key in content_type), "other")
        self.requests[kind] += 1
        self.bytes[kind] += body_bytes
        self.detail.append({"path": urlsplit(url).path, "status": status, "type": kind, "bytes": body_bytes})

    def as_json(self) -> dict[str, object]:
        return {
            "page": self.path,
            "requests": self.total_requests,
            "gzip_bytes": self.total_bytes,
            "requests_by_type": self.requests,
            "gzip_bytes_by_type": self.bytes,
            "external_requests_blocked": self.external,
            "responses": self.detail,
        }


def sent(server: StaticSiteServer, request: RecordedRequest) -> tuple[str, int]:
    """(content type, body bytes) of the answer the server sent: gzip-compressed as it compresses."""
    status, target = server.site.resolve(urlsplit(request.path).path)
    if request.method != "GET" or status == HTTPStatus.MOVED_PERMANENTLY:
        return "text/html", 0  # headers only
    if isinstance(target, Path):
        body, kind = target.read_bytes(), content_type(target)
    else:
        body, kind = b"Not Found", "text/plain"  # a miss on a site without 404.html
    return kind, len(gzip.compress(body, mtime=0)) if kind.startswith(COMPRESSIBLE) else len(body)


def weigh_page(browser: Browser, server: StaticSiteServer, path: str) -> PageWeight:
    """Open the page in a fresh context, wait for network idle, add up what the server sent meanwhile.

    The server's own record counts every request, including those of Material's search worker (the
    browser's per-request sizes miss the worker's own script).
    """
    weight = PageWeight("/" + path)
    since = server.request_count()
    context = browser.new_context()
    try:
        local = server.origin + "/"
        context.route(lambda url: not url.startswith(local), lambda route: route.abort())
        context.on("requestfailed", lambda request: weight.external.append(request.url))
        context.new_page().goto(server.url(path), wait_until="networkidle", timeout=30_000)
    finally:
        context.close()
    for request in server.requests(since):
        kind, body_bytes = sent(server, request)
        weight.add(request.path, request.status, kind, body_bytes)
    weight.external = [url for url in weight.external if not url.startswith(server.origin + "/")]
    return weight


def weigh_site(site_dir: Path, paths: Iterable[str]) -> list[PageWeight]:
    """Every page path ('', 'puljen/', 'en/', ...) of the built site, each on a cold cache."""
    from playwright.sync_api import Error, sync_playwright  # only `make bench` needs a browser, not the tests

    chromium = find_chromium()
    if chromium is None:
        raise MeasurementFailed(NO_CHROMIUM)
    try:
        with StaticSiteServer(site_dir, "/") as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS, headless=True)
            try:
                return [weigh_page(browser, server, path) for path in paths]
            finally:
                browser.close()
    except Error as error:
        raise MeasurementFailed(f"headless Chromium ({chromium}): {error}") from error


def summary_json(weights: list[PageWeight], homes: Iterable[str]) -> dict[str, object]:
    """The home pages ('/', '/en/'), the maximum over every page, and every page's figures."""
    by_path = {weight.path: weight for weight in weights}
    heaviest = max(weights, key=lambda weight: weight.total_bytes)
    busiest = max(weights, key=lambda weight: weight.total_requests)
    return {
        "homes": {home: by_path[home].as_json() for home in homes},
        "max": {
            "gzip_bytes": heaviest.total_bytes,
            "gzip_bytes_page": heaviest.path,
            "gzip_bytes_by_type": {kind: max(w.bytes[kind] for w in weights) for kind in TYPES},
            "requests": busiest.total_requests,
            "requests_page": busiest.path,
            "requests_by_type": {kind: max(w.requests[kind] for w in weights) for kind in TYPES},
            "external_requests_blocked": max(len(weight.external) for weight in weights),
        },
        "pages": [weight.as_json() for weight in weights],
    }
