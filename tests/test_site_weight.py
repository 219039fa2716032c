"""Page weight budget: exact bytes and files of what each page loads by itself (times: `make bench`).

The same budgets hold in a real browser, with everything a first visit requests (tests/browser/
test_first_load.py); this test is the fast, exact one for every page of the built site.
"""

from __future__ import annotations

from pathlib import Path

from bench.budgets import MAX_REQUESTS, is_search_asset, max_bytes
from bench.static_weight import page_weights
from support.site import LOCALES, nav_pages


def test_every_page_stays_within_the_weight_budget(site_dir: Path) -> None:
    rows = page_weights(site_dir)
    assert len(rows) >= len(nav_pages()) * len(LOCALES), "every page of every language is measured"
    heavy = [(page, packed, max_bytes(page)) for page, _, _, packed in rows if packed > max_bytes(page)]
    busy = [(page, files) for page, files, _, _ in rows if len(files) > MAX_REQUESTS]
    assert not heavy, f"pages over their gzip budget (page, bytes, budget): {heavy}"
    assert not busy, f"pages loading more than {MAX_REQUESTS} files: {busy}"


def test_no_page_loads_search_before_a_search(site_dir: Path) -> None:
    eager = [(page, f) for page, files, _, _ in page_weights(site_dir) for f in files if is_search_asset(f)]
    assert not eager, f"pages that load search code or data with the page: {eager}"


def test_no_page_loads_more_than_one_stylesheet(site_dir: Path) -> None:
    counts = {page: sum(f.endswith(".css") for f in files) for page, files, _, _ in page_weights(site_dir)}
    several = {page: n for page, n in counts.items() if n > 1}
    assert not several, f"pages loading several stylesheets (one cut stylesheet is the rule): {several}"
    assert any(counts.values()), "no page loads a stylesheet: the weight measurement misses the <link>"
