"""Scaling runs: our configuration and the stock one, built alternately on the same synthetic pages.

For each size, a copy of the project gets that many synthetic pages per language (bench.synthetic). Each
repetition builds it with both configurations, ours first on even repetitions and stock first on odd ones,
so that machine noise (another process, a warm disk cache) hits both alike. Size 0 is the real site's pages
alone, in the same kind of copy (not a git checkout: neither build reads git dates there), and is the
baseline of the cost per added page.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench import synthetic
from bench.builds import Run, Summary, build
from bench.project import STOCK_CONFIG_NAME, scaling_project

# The configurations compared: a name and the configuration file (None: the project's mkdocs.yml).
CONFIGS: dict[str, str | None] = {"ours": None, "stock": STOCK_CONFIG_NAME}
SAMPLE_PAGE = synthetic.page_url(0) + "index.html"  # the default language's first synthetic page


@dataclass(frozen=True)
class SizeResult:
    """One configuration at one size: its build times and memory, and the HTML of one synthetic page."""

    pages_per_language: int
    summary: Summary
    page_html_bytes: int | None  # None at size 0 (no synthetic page)


def build_order(repetition: int) -> list[str]:
    """Ours then stock on even repetitions, stock then ours on odd ones."""
    names = list(CONFIGS)
    return names if repetition % 2 == 0 else names[::-1]


def measure_size(
    pages_per_language: int, runs: int, progress: Callable[[str], None]
) -> dict[str, SizeResult]:
    """Build a copy with pages_per_language synthetic pages `runs` times per configuration, alternating."""
    with tempfile.TemporaryDirectory(prefix="bench-scaling-") as tmp:
        workdir = Path(tmp)
        project = scaling_project(workdir / "project", pages_per_language)
        measured: dict[str, list[Run]] = {name: [] for name in CONFIGS}
        for repetition in range(runs):
            for name in build_order(repetition):
                site = workdir / f"site-{name}"
                shutil.rmtree(site, ignore_errors=True)  # every build starts from an empty folder
                run = build(project, site, CONFIGS[name])
                measured[name].append(run)
                progress(
                    f"{pages_per_language} pages/language, {name}, run {repetition + 1}/{runs}: "
                    f"{run.seconds:.2f} s, {run.peak_rss_mb:.0f} MB"
                )
        return {
            name: SizeResult(
                pages_per_language, Summary.of(runs_), sample_html_bytes(workdir / f"site-{name}")
            )
            for name, runs_ in measured.items()
        }


def sample_html_bytes(site: Path) -> int | None:
    """Uncompressed size of the first synthetic page's HTML, None when the build has none."""
    page = site / SAMPLE_PAGE
    return page.stat().st_size if page.is_file() else None


def measure_scaling(
    sizes: Sequence[int], runs: int, progress: Callable[[str], None]
) -> dict[int, dict[str, SizeResult]]:
    """Every size, 0 (the baseline) first."""
    return {pages: measure_size(pages, runs, progress) for pages in [0, *sizes]}


def per_added_page_ms(result: SizeResult, baseline: SizeResult, languages: int) -> float | None:
    """(median time - median time without synthetic pages) / pages added in all languages, in ms."""
    added = result.pages_per_language * languages
    if added == 0:
        return None
    return (result.summary.median - baseline.summary.median) / added * 1000


def scaling_json(results: dict[int, dict[str, SizeResult]], languages: int) -> dict[str, object]:
    """The scaling figures as JSON: per size and configuration, the ratios, the per-page cost ratio."""
    baseline = results[0]
    sizes = []
    per_page: dict[int, dict[str, float | None]] = {}
    for pages, by_config in results.items():
        entry: dict[str, object] = {"pages_per_language": pages}
        per_page[pages] = {}
        for name, result in by_config.items():
            cost = per_added_page_ms(result, baseline[name], languages)
            per_page[pages][name] = cost
            entry[name] = {
                **result.summary.as_json(),
                "per_added_page_ms": None if cost is None else round(cost, 2),
                "page_html_bytes": result.page_html_bytes,
            }
        entry["ratio_ours_stock"] = round(
            by_config["ours"].summary.median / by_config["stock"].summary.median, 3
        )
        sizes.append(entry)
    return {
        "languages": languages,
        "section_size": synthetic.SECTION_SIZE,
        "per_added_page_ms_is": "(median - median at 0 pages) / (pages_per_language x languages) x 1000",
        "sizes": sizes,
        "per_page_cost_ratio_1000_vs_200": cost_ratio(per_page, 1000, 200),
    }


def cost_ratio(
    per_page: dict[int, dict[str, float | None]], large: int, small: int
) -> dict[str, float | None] | None:
    """Cost per added page at `large` over that at `small`, per configuration (1.0: linear growth)."""
    if large not in per_page or small not in per_page:
        return None
    ratios: dict[str, float | None] = {}
    for name in CONFIGS:
        big, little = per_page[large][name], per_page[small][name]
        ratios[name] = round(big / little, 2) if big is not None and little else None
    return ratios
