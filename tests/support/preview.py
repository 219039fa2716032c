"""`mkdocs serve` on a copy of the project, as `make serve` runs it, for the preview tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# What `make serve` runs (Makefile).
SERVE = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--no-strict"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> str:
    """The page's text, or '' when the server does not answer within the timeout."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}")


@dataclass
class Preview:
    project: Path
    url: str  # the root of the served site, ending in '/'
    log: Path

    def page(self, path: str = "") -> str:
        return fetch(self.url + path)

    def serve_log(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def serving(project: Path, log: Path) -> Iterator[Preview]:
    """`make serve`'s command (scripts/serve.py: live reload, --no-strict) on project, stopped afterwards."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url}
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, str(project / "scripts" / "serve.py"), "--port", str(port)],
            cwd=project,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        preview = Preview(project, url, log)
        try:
            wait_for(lambda: "</html>" in preview.page(), 90, "the preview to start")
            yield preview
        except AssertionError as error:
            raise AssertionError(f"{error}\n--- mkdocs serve said:\n{preview.serve_log()}") from None
        finally:
            server.terminate()
            server.wait(timeout=10)
