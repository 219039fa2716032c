"""Each optional finishing step switched off: the site still works in a real browser (search, the menu
by keyboard), only heavier. With search_on_demand off, Material's script loads with the page and
assets/javascripts/site.js must leave it be; with the search steps off, search still finds the page.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pages_server import StaticSiteServer
from playwright.sync_api import Browser
from support.browser import VIEWPORTS, heading_word, open_drawer, page_path, run_search
from support.site import LANGUAGES, TEST_BASE_PATH, build_site, copy_project

from finishing import SWITCHES

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", params=SWITCHES)
def served_with_step_off(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator:
    switch = request.param
    project = copy_project(tmp_path_factory.mktemp(switch) / "project")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(f"    {switch}: true", f"    {switch}: false")
    )
    site = project.parent / "site"
    result = build_site(site, project=project)
    assert result.returncode == 0, result.stderr
    with StaticSiteServer(site, TEST_BASE_PATH) as server:
        yield switch, server


@pytest.mark.parametrize("language", LANGUAGES, ids=[language.code for language in LANGUAGES])
def test_search_and_the_keyboard_menu_work_with_a_step_off(
    browser: Browser, served_with_step_off: tuple, language
) -> None:
    switch, server = served_with_step_off
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(server.url(page_path("index.md", language.code)))
        word = heading_word(page)
        results = run_search(page, word)
        assert results, f"{switch} off: searching {word!r} on {page.url} finds nothing"
        assert all(f"/{language.prefix}" in result["href"] for result in results) or not language.prefix, (
            (f"{switch} off: the {language.code} page's search left its language")
            if switch != "search_per_language"
            else True
        )
        page.set_viewport_size(VIEWPORTS["phone"])
        page.goto(server.url(page_path("index.md", language.code)))
        open_drawer(page)
        page.keyboard.press("Escape")
        page.wait_for_function("() => !document.getElementById('__drawer').checked")
        focused = page.evaluate("() => document.activeElement.getAttribute('for')")
        assert focused == "__drawer", f"{switch} off: Escape does not return the focus to the menu button"
        assert not errors, f"{switch} off: script errors {errors}"
    finally:
        context.close()
