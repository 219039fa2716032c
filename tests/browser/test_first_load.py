"""What a first visit downloads, in Chromium: within budget, and search only once the reader searches.

Each page is opened on a cold cache and measured until the network is idle, from the server's own record
of what it sent (gzip, as GitHub Pages sends it): the same measurement as `make bench`.
"""

from __future__ import annotations

from http import HTTPStatus

import pytest
from bench.budgets import MAX_REQUESTS, is_search_asset, max_bytes
from bench.page_weight import weigh_page
from pages_server import StaticSiteServer
from playwright.sync_api import Browser
from support.browser import PAGE_IDS, PAGES, VIEWPORTS, heading_word, page_path, run_search
from support.site import LOCALES, TEST_BASE_PATH

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("md", "lang"), PAGES, ids=PAGE_IDS)
def test_first_load_stays_within_budget_without_search(
    browser: Browser, site_server: StaticSiteServer, md: str, lang: str
) -> None:
    path = page_path(md, lang)
    weight = weigh_page(browser, site_server, path)
    page = "/" + path
    responses = [(r["path"], r["status"], r["bytes"]) for r in weight.detail]
    assert weight.total_bytes <= max_bytes(page), (
        f"the first load of {page} is {weight.total_bytes} gzip bytes, "
        f"over its {max_bytes(page)}: {responses}"
    )
    assert weight.total_requests <= MAX_REQUESTS, (
        f"the first load of {page} makes {weight.total_requests} requests, over {MAX_REQUESTS}: {responses}"
    )
    failed = [r for r in responses if r[1] >= HTTPStatus.BAD_REQUEST]
    assert not failed, f"failed requests on the first load of {page}: {failed}"
    assert not weight.external, f"requests to other hosts from {page}: {weight.external}"
    eager = [r[0] for r in responses if is_search_asset(r[0])]
    assert not eager, f"{page} loads search before any search: {eager}"


def _search_index(lang: str) -> str:
    return TEST_BASE_PATH + ("" if lang == LOCALES[0] else f"{lang}/") + "search/search_index.json"


@pytest.mark.parametrize("lang", LOCALES)
def test_search_loads_on_the_first_search_and_only_its_own_language(
    browser: Browser, site_server: StaticSiteServer, lang: str
) -> None:
    context = browser.new_context(viewport=VIEWPORTS["phone"])  # a cold cache: every fetch reaches the server
    try:
        page = context.new_page()
        since = site_server.request_count()
        page.goto(site_server.url(page_path("index.md", lang)), wait_until="networkidle")
        eager = [r.path for r in site_server.requests(since) if is_search_asset(r.path)]
        assert not eager, f"search loaded on {page.url} before the reader searched: {eager}"
        assert run_search(page, heading_word(page)), "the search found nothing"
        indexes = [r.path for r in site_server.requests(since) if r.path.endswith("search_index.json")]
        assert indexes == [_search_index(lang)], (
            f"a search on {page.url} fetched the indexes {indexes}, "
            f"not only its language's {_search_index(lang)}"
        )
    finally:
        context.close()
