"""A local stand-in for GitHub Pages: serves a built site below a sub-path, in a thread of the test process.

Behaviour copied from GitHub Pages, so that browser tests see what visitors will see:
- the site is mounted under a base path (e.g. /teknologipagt/); anything else is a miss;
- `dir/` serves `dir/index.html`; `dir` (no slash) answers 301 to `dir/`; `name` also finds `name.html`;
- gzip when the client accepts it, real content types, and the ROOT 404.html with status 404 for every miss.
Every request is recorded with its status, for the tests to inspect.
"""

from __future__ import annotations

import gzip
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".mjs": "application/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".gz": "application/gzip",
    ".pdf": "application/pdf",
}
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    status: int


def content_type(path: Path) -> str:
    return CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")


class StaticSite:
    """Maps request paths to files of a built site, the way GitHub Pages does."""

    def __init__(self, root: Path, base_path: str) -> None:
        if not (base_path.startswith("/") and base_path.endswith("/")):
            raise ValueError(f"base_path must start and end with '/': {base_path!r}")
        self.root = root.resolve()
        self.base_path = base_path

    def resolve(self, url_path: str) -> tuple[int, Path | str | None]:
        """(200, file), (301, new location) or (404, the root 404.html or None)."""
        if url_path == self.base_path.rstrip("/"):
            return HTTPStatus.MOVED_PERMANENTLY, self.base_path
        if not url_path.startswith(self.base_path):
            return self._miss()
        relative = unquote(url_path[len(self.base_path) :])
        candidate = (self.root / relative).resolve()
        if candidate != self.root and self.root not in candidate.parents:
            return self._miss()  # ../ tricks stay inside the site
        if candidate.is_dir():
            if not url_path.endswith("/"):
                return HTTPStatus.MOVED_PERMANENTLY, url_path + "/"
            candidate = candidate / "index.html"
        elif not candidate.exists() and candidate.with_name(candidate.name + ".html").is_file():
            candidate = candidate.with_name(candidate.name + ".html")
        if candidate.is_file():
            return HTTPStatus.OK, candidate
        return self._miss()

    def _miss(self) -> tuple[int, Path | None]:
        not_found = self.root / "404.html"
        return HTTPStatus.NOT_FOUND, not_found if not_found.is_file() else None


class _Handler(BaseHTTPRequestHandler):
    server: StaticSiteServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        parts = urlsplit(self.path)
        status, target = self.server.site.resolve(parts.path)
        if status == HTTPStatus.MOVED_PERMANENTLY:
            location = str(target) + (f"?{parts.query}" if parts.query else "")
            self._send(status, b"", "text/html; charset=utf-8", send_body, {"Location": location})
            return
        if isinstance(target, Path):
            body, ctype = target.read_bytes(), content_type(target)
        else:
            body, ctype = b"Not Found", "text/plain; charset=utf-8"
        self._send(status, body, ctype, send_body, {"Cache-Control": "max-age=600"})

    def _send(self, status: int, body: bytes, ctype: str, send_body: bool, extra: dict[str, str]) -> None:
        headers = {"Content-Type": ctype, **extra}
        if ctype.startswith(COMPRESSIBLE):
            headers["Vary"] = "Accept-Encoding"
            if "gzip" in self.headers.get("Accept-Encoding", "") and body:
                body = gzip.compress(body, mtime=0)
                headers["Content-Encoding"] = "gzip"
        headers["Content-Length"] = str(len(body))
        self.server.record(RecordedRequest(self.command, self.path, int(status)))
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if send_body:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the browser went away mid-answer (a page closed): not an error

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the requests are recorded instead."""


class StaticSiteServer(ThreadingHTTPServer):
    """Serves a StaticSite on 127.0.0.1 at a free port; use as a context manager."""

    daemon_threads = True

    def __init__(self, root: Path, base_path: str) -> None:
        site = StaticSite(root, base_path)  # validates before a socket is opened
        super().__init__(("127.0.0.1", 0), _Handler)
        self.site = site
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self.serve_forever, name="static-site", daemon=True)

    @property
    def origin(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def base_url(self) -> str:
        return self.origin + self.site.base_path

    def url(self, path: str = "") -> str:
        """Absolute URL of a path below the base path, e.g. url('en/puljen/')."""
        return self.base_url + path.lstrip("/")

    def record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def requests(self, since: int = 0) -> list[RecordedRequest]:
        """The requests recorded so far (from index `since` on)."""
        with self._lock:
            return self._requests[since:]

    def request_count(self) -> int:
        with self._lock:
            return len(self._requests)

    def __enter__(self) -> StaticSiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)
