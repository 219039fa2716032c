#!/usr/bin/env python3
"""Benchmark the site: build times (medians and ratios) and what a visitor downloads per page.

Wall-clock times vary from run to run, so they live here and not in the tests: each build is timed
several times and the median is reported. Byte counts are exact and are also asserted by the tests.

Exit codes: 0 done, 1 a build failed, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from site_config import ROOT, site_languages


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


def time_build(runs: int, **env: str) -> list[float]:
    """Seconds per strict build of the whole site (or one language with BUILD_ONLY_LOCALE)."""
    seconds = []
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", tmp],
                cwd=ROOT,
                env=full_env,
                capture_output=True,
                text=True,
                check=False,
            )
            seconds.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise RuntimeError(f"build failed:\n{result.stderr}")
    return seconds


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds per measurement (default 5)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    try:
        default = site_languages()[0]
        every = time_build(args.runs)
        one = time_build(args.runs, BUILD_ONLY_LOCALE=default.code)
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Build, every language:  median {statistics.median(every):.2f} s over {args.runs} runs")
    print(f"Build, {default.name} only:     median {statistics.median(one):.2f} s over {args.runs} runs")
    print(f"Ratio every/one:        {statistics.median(every) / statistics.median(one):.2f}")

    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", tmp],
            cwd=ROOT,
            env=env,
            check=True,
        )
        rows = page_weights(Path(tmp))
    print(
        "\nWhat each page references by itself (HTML, stylesheets, scripts);"
        " search's worker and index come on top:"
    )
    print(f"{'page':<26}{'requests':>9}{'bytes':>10}{'gzip':>9}")
    for page, requests, raw, packed in rows:
        print(f"{page:<26}{requests:>9}{raw:>10}{packed:>9}")
    print(
        f"{'median':<26}{'':>9}{statistics.median(r[2] for r in rows):>10.0f}"
        f"{statistics.median(r[3] for r in rows):>9.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
