"""The printed table of `make bench`, made from the same figures as the JSON file."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bench.lighthouse import NOT_INSTALLED
from bench.page_weight import TYPES

Figures = Mapping[str, Any]


def seconds(summary: Figures) -> str:
    return f"{summary['median_s']:.2f} s ({summary['min_s']:.2f}-{summary['max_s']:.2f})"


def optional(value: float | None, fmt: str) -> str:
    return "-" if value is None else format(value, fmt)


def real_site(figures: Figures) -> list[str]:
    return [
        f"Build of the real site (mkdocs build --strict, {figures['runs']} fresh processes)",
        f"  median {seconds(figures)}, peak memory {figures['peak_rss_mb']:.0f} MB",
    ]


def scaling(figures: Figures) -> list[str]:
    lines = [
        f"Scaling: synthetic pages per language in sections of {figures['section_size']}, "
        "ours and stock built alternately on the same copy",
        f"{'pages/lang':>10}  {'config':<6}{'median s (min-max)':>24}{'ours/stock':>12}"
        f"{'ms/added page':>15}{'page HTML B':>13}{'peak MB':>9}",
    ]
    for size in figures["sizes"]:
        for index, name in enumerate(("ours", "stock")):
            config = size[name]
            ratio = f"{size['ratio_ours_stock']:.2f}" if index == 0 else ""
            label = str(size["pages_per_language"]) if index == 0 else ""
            lines.append(
                f"{label:>10}  {name:<6}{seconds(config):>24}{ratio:>12}"
                f"{optional(config['per_added_page_ms'], '.2f'):>15}"
                f"{optional(config['page_html_bytes'], ','):>13}{config['peak_rss_mb']:>9.0f}"
            )
    ratio = figures["per_page_cost_ratio_1000_vs_200"]
    if ratio:
        lines.append(
            f"  cost per added page at 1000 / at 200: ours {optional(ratio['ours'], '.2f')}, "
            f"stock {optional(ratio['stock'], '.2f')} (1.00 = linear)"
        )
    lines.append(
        f"  ms/added page = (median - median at 0) / (pages/lang x {figures['languages']} languages)"
    )
    return lines


def by_type(page: Figures) -> str:
    cells = [
        f"{page['requests_by_type'][kind]}/{page['gzip_bytes_by_type'][kind] / 1000:.1f}" for kind in TYPES
    ]
    return "".join(f"{cell:>10}" for cell in cells)


def page_weight(figures: Figures) -> list[str]:
    lines = [
        "Page weight: a first visit in headless Chromium (cold cache, network idle), bytes as sent (gzip)",
        "  per type: requests/kB (kB = 1000 bytes)",
        f"{'page':<10}{'config':<7}{'requests':>9}{'kB':>8}" + "".join(f"{kind:>10}" for kind in TYPES),
    ]
    for name, site in figures.items():
        for home, page in site["homes"].items():
            lines.append(
                f"{home:<10}{name:<7}{page['requests']:>9}{page['gzip_bytes'] / 1000:>8.1f}{by_type(page)}"
            )
    for name, site in figures.items():
        top = site["max"]
        lines.append(
            f"{'max':<10}{name:<7}{top['requests']:>9}{top['gzip_bytes'] / 1000:>8.1f}"
            f"  most requests {top['requests_page']}, most bytes {top['gzip_bytes_page']}"
            f", over {len(site['pages'])} pages"
        )
    for name, site in figures.items():
        blocked = {url for page in site["pages"] for url in page["external_requests_blocked"]}
        if blocked:
            lines.append(
                f"  {name}: requests to other hosts (blocked, not counted): {', '.join(sorted(blocked))}"
            )
    return lines


def lighthouse(figures: Figures | None) -> list[str]:
    if figures is None:
        return [NOT_INSTALLED]
    lines = [f"Lighthouse (mobile defaults, median of {figures['runs']})"]
    for name, site in figures["sites"].items():
        for page, scores in site.items():
            text = ", ".join(f"{key} {value:g}" for key, value in scores.items())
            lines.append(f"  {page:<6}{name:<7}{text}")
    return lines


def preview(figures: Figures) -> list[str]:
    lines = [f"Preview: save a page -> mkdocs serve serves it changed (median of {figures['samples']})"]
    for name in ("ours", "stock"):
        samples = figures[name]["samples_s"]
        lines.append(
            f"  {name:<6}median {figures[name]['median_s']:.2f} s ({min(samples):.2f}-{max(samples):.2f})"
        )
    return lines


def targets(checks: list[Figures]) -> list[str]:
    lines = ["Targets"]
    for check in checks:
        verdict = {True: "holds", False: "MISSED", None: "not measured"}[check["holds"]]
        lines.append(f"  {verdict:<13}{check['target']}: {check['value']} (target {check['limit']})")
    return lines


def render(results: Figures) -> str:
    """Every section, in the order they are measured."""
    sections = [
        real_site(results["real_site"]),
        scaling(results["scaling"]),
        page_weight(results["page_weight"]),
        lighthouse(results["lighthouse"]),
        preview(results["preview_latency"]),
        targets(results["targets"]),
        [f"Took {results['phase_seconds']['total']:.0f} s; all figures: {results['settings']['json_path']}"],
    ]
    return "\n\n".join("\n".join(lines) for lines in sections)
