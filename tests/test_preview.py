"""`make serve`: the live preview regenerates the steering group when an editor saves the roster."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from support.site import copy_project


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}")


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def test_saving_the_roster_updates_both_languages_in_the_preview(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/"}
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        page = f"http://127.0.0.1:{port}/en/organisering/"
        _wait_for(lambda: "Principal" in _page(page), 60, "the preview to start")
        roster = project / "data" / "steering-group.yml"
        roster.write_text(roster.read_text(encoding="utf-8").replace("Principal", "Head Teacher"), "utf-8")
        _wait_for(lambda: "Head Teacher" in _page(page), 60, "the preview to show the new title")
        english = (project / "docs" / "en" / "organisering.md").read_text(encoding="utf-8")
        assert "Head Teacher" in english and "Principal" not in english
    except AssertionError as error:
        raise AssertionError(
            f"{error}\n--- mkdocs serve said:\n{(tmp_path / 'serve.log').read_text()}"
        ) from None
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
