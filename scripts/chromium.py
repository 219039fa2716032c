"""Headless Chromium as the browser tests and the benchmark start it: which browser, with which flags.

Debian's chromium package (or CHROMIUM_PATH, e.g. GitHub's preinstalled Google Chrome), driven by
Playwright through its executable path: browser downloads fail on this project's machines.
"""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM_CANDIDATES = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
)
# Quiet and offline: without these, Chromium's own background connections (updates, sync, field trials)
# flood the logs and try other hosts; --no-sandbox lets it run as root (CI containers), and
# --disable-dev-shm-usage in a small /dev/shm. Playwright adds a fresh, empty profile.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
NO_CHROMIUM = (
    "No Chromium found. Install Debian's package: sudo apt-get install -y chromium (or set CHROMIUM_PATH)"
)


def find_chromium(environ: dict[str, str] | None = None) -> str | None:
    """CHROMIUM_PATH if set, else the first Chromium/Chrome of the usual Debian/Ubuntu paths."""
    environ = dict(os.environ) if environ is None else environ
    configured = environ.get("CHROMIUM_PATH")
    if configured:
        return configured if Path(configured).is_file() else None
    return next((path for path in CHROMIUM_CANDIDATES if Path(path).is_file()), None)
