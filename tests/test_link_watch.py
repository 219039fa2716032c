"""The link watch (scripts/link_watch.py, `make links`), offline: the real site built with links to a
local server that plays the other websites, checked by the real lychee through the script."""

from __future__ import annotations

import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from support.site import LANGUAGES, build_site, copy_project, mkdocs_config

from site_config import nav_pages, page_folder

SITE_PATH = "/teknologipagt/"  # the site's own addresses on the local server: never to be fetched
LIVE, DEAD, BUSY = "/elsewhere/live-page", "/elsewhere/dead-page?id=7&lang=da", "/elsewhere/busy-page"


@dataclass
class OtherWebsites:
    """A local server standing in for the websites the pages link to."""

    port: int
    working: set[str] = field(default_factory=set)  # paths that answer 200; BUSY answers 429, the rest 404
    requested: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture(scope="module")
def websites() -> Iterator[OtherWebsites]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requested.append(self.path)
            status = 200 if self.path in state.working else 429 if self.path == BUSY else 404
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_HEAD = do_GET

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state = OtherWebsites(port=int(server.server_address[1]))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


@dataclass(frozen=True)
class LinkedPage:
    source: str  # docs/<language>/<page>.md
    address: str  # its public address


@dataclass(frozen=True)
class Project:
    root: Path
    site: Path
    dead_on: LinkedPage  # the one page holding the dead link
    live_on: LinkedPage


OUTBOUND_LINK = re.compile(r"\]\(https?://[^)\s]+\)")


def play_every_other_website(root: Path, live: str) -> None:
    """Every link the site has to another website (the authority's in mkdocs.yml, any in the pages)
    leads to the local server's working page instead: offline, only the test's own links are checked."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^(\s*authority_url:).*$", rf"\1 {live}", text), encoding="utf-8")
    for page in (root / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(OUTBOUND_LINK.sub(f"]({live})", text), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, websites: OtherWebsites) -> Project:
    """A copy of the site whose pages link to the local server, built as published (at the server's
    address, so that the site's own absolute links would reach it if the watch did not leave them out)."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    play_every_other_website(root, websites.url(LIVE))
    site_url = websites.url(SITE_PATH)
    pages = nav_pages(mkdocs_config())
    # The dead link on a page of the last language, the others on a page of the default one.
    dead_language, live_language = LANGUAGES[-1], LANGUAGES[0]
    dead_page, live_page = pages[-1], pages[0]

    def add(language_code: str, page: str, markdown: str) -> LinkedPage:
        path = root / "docs" / language_code / page
        path.write_text(path.read_text(encoding="utf-8") + "\n" + markdown + "\n", encoding="utf-8")
        language = next(language for language in LANGUAGES if language.code == language_code)
        return LinkedPage(f"docs/{language_code}/{page}", site_url + page_folder(page, language))

    dead_on = add(
        dead_language.code,
        dead_page,
        f"[Et link, der ikke virker]({websites.url(DEAD)}), "
        "[en telefon](tel:+4512345678) og [en adresse](mailto:someone@example.org).",
    )
    live_on = add(
        live_language.code,
        live_page,
        f"[Et link, der virker]({websites.url(LIVE)}) og [en travl server]({websites.url(BUSY)}).",
    )
    site = root / "site"
    result = build_site(site, project=root, SITE_URL=site_url)
    assert result.returncode == 0, result.stdout + result.stderr
    return Project(root, site, dead_on, live_on)


def watch(project: Project, *args: str) -> subprocess.CompletedProcess[str]:
    """scripts/link_watch.py as `make links` runs it, in the copy."""
    env = {key: value for key, value in os.environ.items() if "proxy" not in key.lower()}
    return subprocess.run(
        [sys.executable, str(project.root / "scripts" / "link_watch.py"), *args],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def table_rows(markdown: str) -> list[list[str]]:
    rows = [line for line in markdown.splitlines() if line.startswith("| ") and not line.startswith("| ---")]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows[1:]]  # without the header


def test_a_dead_link_is_named_with_its_page_and_file_in_danish(
    project: Project, websites: OtherWebsites, tmp_path: Path
) -> None:
    websites.working = {LIVE}
    websites.requested.clear()
    summary = tmp_path / "summary.md"
    summary.write_text("Before.\n", encoding="utf-8")

    result = watch(project, "--site", str(project.site), "--summary", str(summary))

    assert result.returncode == 1, result.stdout + result.stderr
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("Before.\n"), "the job summary is appended to, not replaced"
    assert result.stdout.strip() in written
    # Exactly the dead link, once, with its page's public address and the file to edit.
    assert table_rows(written) == [[websites.url(DEAD), "404: siden findes ikke", project.dead_on.address,
                                    f"`{project.dead_on.source}`"]]  # fmt: skip
    assert "Links til andre hjemmesider: 1 link virker ikke" in written
    assert "Ret i" in written
    # Working links (429 included), mail and phone links and the site's own addresses are not reported.
    for not_reported in (websites.url(LIVE), websites.url(BUSY), "mailto:", "tel:"):
        assert not_reported not in written
    # The other websites were asked, the site itself never (its links are the build's to check).
    assert {LIVE, DEAD, BUSY} <= set(websites.requested)
    assert not [path for path in websites.requested if path.startswith(SITE_PATH)]
    assert websites.requested.count(DEAD) == 1, "a 404 is not retried"


def test_every_link_working_passes(project: Project, websites: OtherWebsites, tmp_path: Path) -> None:
    websites.working = {LIVE, DEAD}
    summary = tmp_path / "summary.md"

    result = watch(project, "--site", str(project.site), "--summary", str(summary))

    assert result.returncode == 0, result.stdout + result.stderr
    written = summary.read_text(encoding="utf-8")
    assert "Links til andre hjemmesider: alle virker" in written
    assert f"{len(LANGUAGES) * len(nav_pages(mkdocs_config()))} sider er gennemgået" in written
    assert not table_rows(written)
    assert websites.url(DEAD) not in written


def test_a_dead_link_on_two_pages_is_named_on_each(
    project: Project, websites: OtherWebsites, tmp_path: Path
) -> None:
    websites.working = {LIVE}
    site = shutil.copytree(project.site, tmp_path / "site")
    live_html = site / project.live_on.address.removeprefix(websites.url(SITE_PATH)) / "index.html"
    live_html.write_text(
        live_html.read_text(encoding="utf-8").replace(
            websites.url(LIVE), websites.url(DEAD).replace("&", "&amp;")
        ),
        encoding="utf-8",
    )

    result = watch(project, "--site", str(site))

    assert result.returncode == 1, result.stdout + result.stderr
    rows = table_rows(result.stdout)
    assert sorted((row[0], row[2]) for row in rows) == sorted(
        [(websites.url(DEAD), project.dead_on.address), (websites.url(DEAD), project.live_on.address)]
    )


@pytest.mark.parametrize("damage", ["no site", "a page missing", "no public address"])
def test_bad_input_stops_with_exit_2_and_names_the_problem(
    project: Project, tmp_path: Path, damage: str
) -> None:
    site = shutil.copytree(project.site, tmp_path / "site")
    page = site / page_folder(nav_pages(mkdocs_config())[-1], LANGUAGES[-1]) / "index.html"
    if damage == "no site":
        shutil.rmtree(site)
        expected = "findes ikke"
    elif damage == "a page missing":
        page.unlink()
        expected = "mangler"
    else:
        page.write_text(
            page.read_text(encoding="utf-8").replace('rel="canonical"', 'rel="x"'), encoding="utf-8"
        )
        expected = "canonical"

    summary = tmp_path / "summary.md"

    result = watch(project, "--site", str(site), "--summary", str(summary))

    assert result.returncode == 2, result.stdout + result.stderr
    assert expected in result.stderr
    assert "make build" in result.stderr
    assert not result.stdout
    # The run's summary says why there is no result.
    assert "kontrollen kunne ikke køre" in summary.read_text(encoding="utf-8")
    assert expected in summary.read_text(encoding="utf-8")


def test_help_names_the_exit_codes(project: Project) -> None:
    result = watch(project, "--help")
    assert result.returncode == 0
    for code in ("0", "1", "2"):
        assert f"  {code}  " in result.stdout


def test_pages_in_menu_sections_are_found_where_mkdocs_writes_them() -> None:
    nav = {"nav": ["index.md", {"Om puljen": ["puljen/index.md", {"Ansøg": "puljen/ansoeg.md"}]},
                   {"Et andet websted": "https://example.org/"}]}  # fmt: skip
    default, other = LANGUAGES[0], LANGUAGES[-1]
    assert nav_pages(nav) == ["index.md", "puljen/index.md", "puljen/ansoeg.md"]
    assert [page_folder(page, default) for page in nav_pages(nav)] == ["", "puljen/", "puljen/ansoeg/"]
    assert page_folder("puljen/ansoeg.md", other) == f"{other.code}/puljen/ansoeg/"
