#!/usr/bin/env python3
"""Benchmark the site against a stock Material + mkdocs-static-i18n set-up: build time, scaling, page weight.

Run it with `make bench` (or `.venv/bin/python scripts/benchmark.py`); `--quick` takes a few minutes,
the full run longer (it builds 1000 synthetic pages per language ten times). It prints a table and writes
every figure, with each single run, to a JSON file (`--json`, default test-reports/bench.json). Wall-clock
times vary from run to run, so they live here and not in the tests. Nothing is downloaded: every build runs
with its proxies pointed at a closed port.

What each figure means:
- Real site: `python -m mkdocs build --strict` of this project (with its git dates) into a new temporary
  folder, as a fresh process, `--runs` times: the median and the spread (min-max) of the wall-clock time,
  and the peak memory (the largest resident set of the build process or its children).
- Scaling: a temporary copy of the project with N synthetic pages per language (0, 200 and 1000; `--quick`:
  0 and 200), in sections of 50, each in `nav:` (bench/synthetic.py). The copy is built with our
  configuration (mkdocs.yml: hooks, overrides, strict) and with the stock one (bench/stock-mkdocs.yml:
  Material's defaults and mkdocs-static-i18n's quick start), alternately, `--runs` times each. Per size
  and configuration: median time, ours/stock, the cost per added page (median minus the median at 0,
  divided by the pages added in all languages), the uncompressed HTML of one synthetic page, peak memory;
  and how the cost per added page grows from 200 to 1000 pages (1.00: linear, more: worse than linear).
- Page weight: every page of the real site in every language, built with each configuration, served as
  GitHub Pages serves it (gzip) and opened in headless Chromium with a cold cache, measured at network
  idle: requests and transferred (gzip) bytes by type, for each language's home page and the maximum
  over all pages. Requests to other hosts are blocked and listed.
- Lighthouse: mobile defaults, median of 5 runs of each home page (the pinned npm package, installed with
  the test tools by `npm ci`); skipped with a note if node_modules/lighthouse is missing.
- Targets: each of the site's performance targets (bench/targets.py) with the figure and whether it holds.
- Preview: `mkdocs serve --livereload --no-strict` on a copy of the project; the seconds from saving a
  change to the home page's Markdown until the served page contains it, median of 5 (`--quick`: 3).

Exit codes: 0 done, 1 a build (or a measurement) failed, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.metadata
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import lighthouse, page_weight, preview, report, scaling, targets
from bench.builds import BuildFailed, MeasurementFailed, Summary, build
from bench.project import STOCK_CONFIG_NAME, copy_project

from site_config import ROOT, nav_pages, page_folder, read_mkdocs_yml, site_languages

FULL = {"runs": 5, "sizes": (200, 1000), "samples": 5}
QUICK = {"runs": 3, "sizes": (200,), "samples": 3}
LIGHTHOUSE_RUNS = 5
DEFAULT_JSON = ROOT / "test-reports" / "bench.json"
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "playwright")


@dataclasses.dataclass(frozen=True)
class Settings:
    runs: int  # builds per configuration and size
    sizes: tuple[int, ...]  # synthetic pages per language, besides 0
    samples: int  # preview latency samples
    json_path: Path
    quick: bool


def parse_args(argv: list[str] | None) -> Settings:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="3 runs, sizes 0 and 200, 3 preview samples")
    parser.add_argument("--runs", type=int, help="builds per measurement (default 5, --quick 3)")
    parser.add_argument(
        "--sizes", help="synthetic pages per language, comma-separated (default 200,1000; --quick 200)"
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=DEFAULT_JSON,
        help=f"where to write the figures ({DEFAULT_JSON.relative_to(ROOT)})",
    )
    args = parser.parse_args(argv)
    defaults = QUICK if args.quick else FULL
    runs = defaults["runs"] if args.runs is None else args.runs
    if runs < 1:
        parser.error("--runs must be at least 1")
    try:
        sizes = tuple(int(size) for size in args.sizes.split(",")) if args.sizes else defaults["sizes"]
    except ValueError:
        parser.error(f"--sizes must be whole numbers separated by commas, not {args.sizes!r}")
    if any(size < 1 for size in sizes):
        parser.error("--sizes must be at least 1 page each")
    return Settings(runs, tuple(sorted(set(sizes))), defaults["samples"], args.json, args.quick)


def progress(message: str) -> None:
    print(f"  {message}", file=sys.stderr, flush=True)


def page_paths() -> list[str]:
    """Every page of the real site in every language, as addresses below the root."""
    pages = nav_pages(read_mkdocs_yml())
    return [page_folder(page, language) for language in site_languages() for page in pages]


def home_paths() -> list[str]:
    return [language.prefix for language in site_languages()]


def measure_real_site(runs: int) -> Summary:
    """`--runs` strict builds of the project itself, each into a new temporary folder."""
    measured = []
    for run_number in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-real-") as tmp:
            measured.append(build(ROOT, Path(tmp) / "site"))
        progress(f"real site, run {run_number + 1}/{runs}: {measured[-1].seconds:.2f} s")
    return Summary.of(measured)


def measure_page_weight(workdir: Path) -> dict[str, Any]:
    """Our build of the project and the stock build of the same pages, each weighed in Chromium."""
    project = copy_project(workdir / "project")
    sites = {"ours": workdir / "ours", "stock": workdir / "stock"}
    build(ROOT, sites["ours"])
    build(project, sites["stock"], STOCK_CONFIG_NAME)
    paths, homes = page_paths(), ["/" + home for home in home_paths()]
    figures = {}
    for name, site in sites.items():
        progress(f"page weight, {name}: {len(paths)} pages in Chromium")
        figures[name] = page_weight.summary_json(page_weight.weigh_site(site, paths), homes)
    return figures


def measure_lighthouse(workdir: Path) -> dict[str, Any] | None:
    """Lighthouse on each home page of both builds (made by measure_page_weight), or None if absent."""
    if not lighthouse.installed():
        return None
    sites = {}
    for name in ("ours", "stock"):
        progress(f"lighthouse, {name}: {LIGHTHOUSE_RUNS} runs per home page")
        sites[name] = lighthouse.score_site(workdir / name, home_paths(), LIGHTHOUSE_RUNS)
    return {"runs": LIGHTHOUSE_RUNS, "sites": sites}


def measure_preview(samples: int, workdir: Path) -> dict[str, Any]:
    """Save-to-served latency of `mkdocs serve`, with our configuration and the stock one."""
    project = copy_project(workdir / "project")
    default = site_languages()[0]
    home = nav_pages(read_mkdocs_yml())[0]
    figures: dict[str, Any] = {"samples": samples, "page": f"docs/{default.code}/{home}"}
    for name, config_file in scaling.CONFIGS.items():
        progress(f"preview, {name}: {samples} saves")
        log = workdir / f"serve-{name}.log"
        seconds = preview.latencies(
            project, f"{default.code}/{home}", page_folder(home, default), samples, log, config_file
        )
        figures[name] = {
            "samples_s": [round(s, 3) for s in seconds],
            "median_s": round(statistics.median(seconds), 3),
        }
    return figures


def timed(phases: dict[str, float], name: str, measure: Callable[[], Any]) -> Any:
    """Run one measurement, announce it, and note how long it took."""
    print(f"{name} ...", file=sys.stderr, flush=True)
    start = time.perf_counter()
    result = measure()
    phases[name] = round(time.perf_counter() - start, 1)
    return result


def machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": {name: importlib.metadata.version(name) for name in PACKAGES},
    }


def settings_json(settings: Settings) -> dict[str, Any]:
    return {**dataclasses.asdict(settings), "json_path": str(settings.json_path)}


def measure(settings: Settings) -> dict[str, Any]:
    """Every measurement, in the order of the table."""
    phases: dict[str, float] = {}
    start = time.perf_counter()
    languages = len(site_languages())
    results: dict[str, Any] = {"machine": machine(), "settings": settings_json(settings)}
    results["real_site"] = timed(phases, "real site", lambda: measure_real_site(settings.runs)).as_json()
    scaled = timed(
        phases, "scaling", lambda: scaling.measure_scaling(settings.sizes, settings.runs, progress)
    )
    results["scaling"] = scaling.scaling_json(scaled, languages)
    with tempfile.TemporaryDirectory(prefix="bench-weight-") as tmp:
        results["page_weight"] = timed(phases, "page weight", lambda: measure_page_weight(Path(tmp)))
        results["lighthouse"] = timed(phases, "lighthouse", lambda: measure_lighthouse(Path(tmp)))
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as tmp:
        results["preview_latency"] = timed(
            phases, "preview", lambda: measure_preview(settings.samples, Path(tmp))
        )
    phases["total"] = round(time.perf_counter() - start, 1)
    results["phase_seconds"] = phases
    results["targets"] = targets.check_all(results)
    return results


def write_json(results: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    settings = parse_args(argv)
    try:
        results = measure(settings)
    except BuildFailed as error:
        print(f"A build failed: {error}", file=sys.stderr)
        return 1
    except MeasurementFailed as error:
        print(f"A measurement failed: {error}", file=sys.stderr)
        return 1
    write_json(results, settings.json_path)
    print(report.render(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
