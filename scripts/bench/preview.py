"""Preview latency: from saving a page to `mkdocs serve` serving the changed page.

`mkdocs serve --livereload --no-strict` (what `make serve` runs) on a copy of the project; each sample
appends a line with a unique marker to one page and polls that page's served HTML until the marker is in
it. The browser's own reload comes on top (it follows the same rebuild).
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.builds import MeasurementFailed, build_env

from site_config import generator_command

START_TIMEOUT_S = 180
CHANGE_TIMEOUT_S = 120
POLL_S = 0.02
SETTLE_S = 1.0  # after a change shows, let the rebuild of the other languages finish before the next one


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    """The served text, or '' while the server does not answer."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> float:
    """Poll condition until true; the seconds it took. MeasurementFailed after timeout."""
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > timeout:
            raise MeasurementFailed(f"no {what} after {timeout:.0f} s")
        time.sleep(POLL_S)
    return time.perf_counter() - start


@contextmanager
def serving(project: Path, log: Path, config_file: str | None = None) -> Iterator[str]:
    """`mkdocs serve` on project at a free port; yields the served root URL, stops the server after."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    command = generator_command("serve", "--livereload", "--no-strict")
    command += ["--dev-addr", f"127.0.0.1:{port}"]
    command += ["--config-file", config_file] if config_file else []
    env = build_env({"SITE_URL": url})
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            wait_until(lambda: "</html>" in fetch(url), START_TIMEOUT_S, f"preview at {url} (see {log})")
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)


def save_marker(page: Path) -> str:
    """Append a line with a new unique marker to page (as an editor saves a change); the marker."""
    marker = f"benchmark{uuid.uuid4().hex}"
    with page.open("a", encoding="utf-8") as file:
        file.write(f"\n{marker}\n")
    os.utime(page)
    return marker


def latencies(
    project: Path, source: str, url_path: str, samples: int, log: Path, config_file: str | None = None
) -> list[float]:
    """Seconds from saving docs/<source> ('da/puljen.md') until its page (url_path, 'puljen/') shows it."""
    with serving(project, log, config_file) as root:
        seconds = []
        for _ in range(samples):
            marker = save_marker(project / "docs" / source)
            shown = wait_until(
                lambda m=marker: m in fetch(root + url_path), CHANGE_TIMEOUT_S, "change served"
            )
            seconds.append(shown)
            time.sleep(SETTLE_S)
        return seconds
