"""The performance targets, checked against one `make bench` run: what each is, the figure, and if it holds.

The first-load budgets are the tests' own (bench/budgets.py); the timing targets exist only here, because
wall-clock times are not fit for tests.
"""

from __future__ import annotations

from typing import Any

from bench.budgets import HOME_PAGES, MAX_REQUESTS, PAGE_MAX_BYTES, max_bytes
from bench.lighthouse import CATEGORIES

SCALING_PAGES = 1000
MAX_RATIO_TO_STOCK = 0.25
MAX_COST_GROWTH = 1.25  # cost per added page at 1000 over that at 200
MAX_PAGE_HTML_BYTES = 30 * 1024
MAX_PEAK_MB = 250
MAX_PREVIEW_S = 1.0
LIGHTHOUSE_SCORE = 100


def _target(name: str, value: object, limit: str, holds: bool | None) -> dict[str, Any]:
    return {"target": name, "value": value, "limit": limit, "holds": holds}


def first_load(weights: dict[str, Any]) -> list[dict[str, Any]]:
    ours = weights["ours"]
    checks = []
    for home in HOME_PAGES:
        page = ours["homes"][home]
        checks.append(
            _target(
                f"first load of {home}",
                f"{page['gzip_bytes']} B in {page['requests']} requests",
                f"<= {max_bytes(home)} B in <= {MAX_REQUESTS}",
                page["gzip_bytes"] <= max_bytes(home) and page["requests"] <= MAX_REQUESTS,
            )
        )
    heaviest = ours["max"]
    checks.append(
        _target(
            "first load of every page",
            f"at most {heaviest['gzip_bytes']} B ({heaviest['gzip_bytes_page']}), "
            f"{heaviest['requests']} requests",
            f"<= {PAGE_MAX_BYTES} B in <= {MAX_REQUESTS}",
            heaviest["gzip_bytes"] <= PAGE_MAX_BYTES and heaviest["requests"] <= MAX_REQUESTS,
        )
    )
    external = sorted({url for page in ours["pages"] for url in page["external_requests_blocked"]})
    checks.append(_target("requests to other hosts", len(external), "0", not external))
    return checks


def scaling(figures: dict[str, Any]) -> list[dict[str, Any]]:
    large = next((size for size in figures["sizes"] if size["pages_per_language"] == SCALING_PAGES), None)
    if large is None:
        return [_target(f"build with {SCALING_PAGES} pages per language", "not measured (--quick)", "", None)]
    growth = (figures["per_page_cost_ratio_1000_vs_200"] or {}).get("ours")
    html = large["ours"]["page_html_bytes"]
    return [
        _target(
            f"build time, {SCALING_PAGES} pages per language, ours/stock",
            large["ratio_ours_stock"],
            f"<= {MAX_RATIO_TO_STOCK}",
            large["ratio_ours_stock"] <= MAX_RATIO_TO_STOCK,
        ),
        _target(
            "cost per added page, 1000 / 200",
            growth,
            f"<= {MAX_COST_GROWTH}",
            None if growth is None else growth <= MAX_COST_GROWTH,
        ),
        _target(
            "synthetic page HTML",
            html,
            f"<= {MAX_PAGE_HTML_BYTES} B",
            html is not None and html <= MAX_PAGE_HTML_BYTES,
        ),
        _target(
            "peak memory",
            large["ours"]["peak_rss_mb"],
            f"<= {MAX_PEAK_MB} MB",
            large["ours"]["peak_rss_mb"] <= MAX_PEAK_MB,
        ),
    ]


def lighthouse(figures: dict[str, Any] | None) -> list[dict[str, Any]]:
    if figures is None:
        return [_target("Lighthouse", "not installed", "", None)]
    checks = []
    for page, scores in figures["sites"]["ours"].items():
        four = [scores[name] for name in CATEGORIES]
        checks.append(
            _target(
                f"Lighthouse {page} (median of {figures['runs']})",
                " / ".join(f"{score:g}" for score in four),
                " / ".join(str(LIGHTHOUSE_SCORE) for _ in CATEGORIES),
                all(score >= LIGHTHOUSE_SCORE for score in four),
            )
        )
    return checks


def preview(figures: dict[str, Any]) -> list[dict[str, Any]]:
    median = figures["ours"]["median_s"]
    return [
        _target(
            "preview: saved page served changed",
            f"{median:.2f} s",
            f"<= {MAX_PREVIEW_S} s",
            median <= MAX_PREVIEW_S,
        )
    ]


def check_all(results: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        *first_load(results["page_weight"]),
        *lighthouse(results["lighthouse"]),
        *scaling(results["scaling"]),
        *preview(results["preview_latency"]),
    ]
