"""Fixtures for the real-browser tests: a GitHub-Pages-like server for the built site and one Chromium.

One browser per session. `open_page` hands out pooled pages, one per set-up (viewport, CSP bypass, font
size), reset between tests; tests that judge cookies, storage or every request make fresh contexts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from chromium import CHROMIUM_FLAGS, NO_CHROMIUM, find_chromium
from pages_server import StaticSiteServer
from playwright.sync_api import Browser, Playwright, sync_playwright
from support.browser import (
    AXE_JS,
    VIEWPORTS,
    PoolKey,
    Tab,
    Visit,
    new_tab,
)
from support.site import TEST_BASE_PATH


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        pytest.fail(NO_CHROMIUM, pytrace=False)
    return path


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` (make test does it)", pytrace=False)
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def site_server(site_dir: Path) -> Iterator[StaticSiteServer]:
    with StaticSiteServer(site_dir, TEST_BASE_PATH) as server:
        yield server


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright, chromium_path: str) -> Iterator[Browser]:
    chromium = playwright_driver.chromium.launch(
        executable_path=chromium_path, args=CHROMIUM_FLAGS, headless=True
    )
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def page_pool(browser: Browser) -> Iterator[dict[PoolKey, Tab]]:
    """Pages kept open between tests, one per browser set-up: a new renderer for every test would cost a
    third of the run. Tests that judge storage, cookies or every request use fresh contexts instead."""
    pool: dict[PoolKey, Tab] = {}
    yield pool
    for tab in pool.values():
        tab.context.close()


@pytest.fixture
def open_page(
    browser: Browser, site_server: StaticSiteServer, page_pool: dict[PoolKey, Tab]
) -> Callable[..., Visit]:
    """open_page(path, viewport="desktop", *, bypass_csp=False, font_size=None, goto=True, size=None).

    path is below the site's base path ('' is the Danish home page); size overrides the named viewport;
    font_size sets the browser's default font size in px. The page is reset (blank document, screen
    media, mouse in the corner, empty recorder) before it is handed out again.
    """

    def _open(
        path: str,
        viewport: str = "desktop",
        *,
        bypass_csp: bool = False,
        font_size: int | None = None,
        goto: bool = True,
        size: dict[str, int] | None = None,
    ) -> Visit:
        size = size or VIEWPORTS[viewport]
        key = (size["width"], size["height"], bypass_csp, font_size)
        tab = page_pool.get(key)
        if tab is None or tab.page.is_closed():
            tab = page_pool[key] = new_tab(browser, key)
        else:
            tab.page.goto("about:blank")
            tab.page.emulate_media(media="null")
            tab.page.mouse.move(0, 0)
        tab.recorder.reset()
        if goto:
            tab.page.goto(site_server.url(path), wait_until="load")
        label = viewport if size == VIEWPORTS.get(viewport) else f"{size['width']}px"
        return Visit(tab.page, tab.context, tab.recorder, label)

    return _open
