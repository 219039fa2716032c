"""The browser tests' server behaves like GitHub Pages: what the browser tests see is what visitors get."""

from __future__ import annotations

import gzip
import http.client
from collections.abc import Iterator
from pathlib import Path

import pytest
from pages_server import StaticSiteServer

BASE = "/base/"
HTML = "text/html; charset=utf-8"
NOT_FOUND_PAGE = b"<p>missing</p>"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StaticSiteServer]:
    root = tmp_path_factory.mktemp("served")
    files = {
        "index.html": "<p>home</p>",
        "404.html": NOT_FOUND_PAGE.decode(),
        "en/index.html": "<p>en</p>",
        "assets/app.js": "let x = 1;",
        "assets/style.css": "p{}",
        "assets/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
        "search/search_index.json": "{}",
        "page.html": "<p>page</p>",
        "æble/index.html": "<p>æble</p>",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root.parent / "secret.txt").write_text("outside")  # must stay unreachable via ../
    with StaticSiteServer(root, BASE) as running:
        yield running


def _get(server: StaticSiteServer, path: str, gzip_ok: bool = False) -> tuple[int, dict[str, str], bytes]:
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), int(port), timeout=5)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


@pytest.mark.parametrize(
    ("path", "content_type", "body"),
    [
        ("/base/", HTML, b"<p>home</p>"),
        ("/base/en/", HTML, b"<p>en</p>"),
        ("/base/page", HTML, b"<p>page</p>"),
        ("/base/%C3%A6ble/", HTML, b"<p>\xc3\xa6ble</p>"),
        ("/base/assets/app.js", "application/javascript; charset=utf-8", b"let x = 1;"),
        ("/base/assets/style.css", "text/css; charset=utf-8", b"p{}"),
        ("/base/assets/logo.svg", "image/svg+xml", None),
        ("/base/search/search_index.json?x=1", "application/json; charset=utf-8", b"{}"),
    ],
)
def test_serves_each_file_with_its_type(
    server: StaticSiteServer, path: str, content_type: str, body: bytes | None
) -> None:
    status, headers, got_body = _get(server, path)
    assert (status, headers["content-type"]) == (200, content_type), f"GET {path}"
    if body is not None:
        assert got_body == body, f"GET {path}"


@pytest.mark.parametrize(
    "path", ["/base/nothing/", "/base/en/nothing", "/", "/base/../secret.txt", "/base/%2e%2e/secret.txt"]
)
def test_what_is_not_there_gets_the_sites_404_page(server: StaticSiteServer, path: str) -> None:
    status, headers, body = _get(server, path)
    assert (status, headers["content-type"], body) == (404, HTML, NOT_FOUND_PAGE), f"GET {path}"


@pytest.mark.parametrize(
    ("path", "location"), [("/base", "/base/"), ("/base/en", "/base/en/"), ("/base/en?q=1", "/base/en/?q=1")]
)
def test_folder_without_slash_redirects(server: StaticSiteServer, path: str, location: str) -> None:
    status, headers, _ = _get(server, path)
    assert (status, headers.get("location")) == (301, location), f"GET {path}"


def test_gzip_only_when_accepted(server: StaticSiteServer) -> None:
    status, headers, body = _get(server, "/base/assets/app.js", gzip_ok=True)
    assert status == 200 and headers.get("content-encoding") == "gzip"
    assert gzip.decompress(body) == b"let x = 1;"
    _, plain_headers, plain = _get(server, "/base/assets/app.js")
    assert "content-encoding" not in plain_headers and plain == b"let x = 1;"


def test_records_every_request_with_its_status(server: StaticSiteServer) -> None:
    start = server.request_count()
    _get(server, "/base/")
    _get(server, "/base/missing")
    assert [(r.method, r.path, r.status) for r in server.requests(start)] == [
        ("GET", "/base/", 200),
        ("GET", "/base/missing", 404),
    ]
    assert server.url("en/") == f"{server.origin}/base/en/" and server.origin.startswith("http://127.0.0.1:")


def test_base_path_must_be_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="base_path"):
        StaticSiteServer(tmp_path, "/base")
