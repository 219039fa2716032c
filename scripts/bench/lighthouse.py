"""Lighthouse's scores (mobile defaults), from the npm package pinned in package.json.

`npm ci` (make test and make bench run it) installs it; without node_modules/lighthouse the benchmark
says so and records null. Pinned at 12.2.3: Lighthouse 13 needs Node 22. Its performance score
swings by several points on a 2-core machine, so each figure is the median of several runs.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
from pathlib import Path

from chromium import CHROMIUM_FLAGS, find_chromium
from pages_server import StaticSiteServer

from bench.builds import MeasurementFailed

from site_config import ROOT

LIGHTHOUSE_CLI = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
NOT_INSTALLED = "lighthouse: not installed (run `npm ci`; package.json pins it)"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {
    "first-contentful-paint": "fcp_ms",
    "largest-contentful-paint": "lcp_ms",
    "total-blocking-time": "tbt_ms",
    "cumulative-layout-shift": "cls",
}


def installed() -> bool:
    return LIGHTHOUSE_CLI.is_file() and shutil.which("node") is not None


def run_once(url: str) -> dict[str, float]:
    """One Lighthouse run: the four category scores (0-100) and the main timings."""
    command = [
        "node",
        str(LIGHTHOUSE_CLI),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
    ]
    env = {**os.environ, "CHROME_PATH": find_chromium() or ""}
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=True, timeout=300)
        report = json.loads(result.stdout)
    except (subprocess.SubprocessError, json.JSONDecodeError) as error:
        stderr = getattr(error, "stderr", "") or ""
        raise MeasurementFailed(f"lighthouse on {url}: {error}\n{stderr[-2000:]}") from error
    if any(report["categories"][name]["score"] is None for name in CATEGORIES):  # the run itself failed
        raise MeasurementFailed(f"lighthouse on {url}: {report.get('runtimeError', 'no score')}")
    scores = {name: round(report["categories"][name]["score"] * 100, 1) for name in CATEGORIES}
    timings = {key: report["audits"][audit]["numericValue"] for audit, key in METRICS.items()}
    return {**scores, **timings}


def medians(url: str, runs: int) -> dict[str, float]:
    """The median of each score and timing over `runs` runs of url."""
    results = [run_once(url) for _ in range(runs)]
    return {key: round(statistics.median(result[key] for result in results), 3) for key in results[0]}


def score_site(site_dir: Path, paths: list[str], runs: int) -> dict[str, dict[str, float]]:
    """Median scores and timings per page path ('', 'en/') of a built site, served as GitHub Pages does."""
    with StaticSiteServer(site_dir, "/") as server:
        return {"/" + path: medians(server.url(path), runs) for path in paths}
