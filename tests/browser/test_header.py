"""The header on phones and desktops: the name and the authority in full, the other language one tap away."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pages_server import StaticSiteServer
from playwright.sync_api import Browser
from support.browser import DRAWER_OPEN, PAGE_IDS, PAGES, VIEWPORTS, Visit, page_path
from support.site import LOCALES

pytestmark = pytest.mark.browser

# Width 320 too: the narrowest a site must reflow to (WCAG 1.4.10).
WIDTHS = {**{name: size["width"] for name, size in VIEWPORTS.items()}, "320px": 320}


def _box_problems(visit: Visit, selector: str) -> list[str]:
    element = visit.page.locator(selector).first
    if not element.is_visible():
        return [f"{selector} is not visible"]
    box = element.bounding_box()
    width = visit.page.viewport_size["width"]
    problems = []
    if box is None or box["x"] < 0 or box["x"] + box["width"] > width + 0.5:
        problems.append(f"{selector} is outside the screen ({box})")
    if element.evaluate(
        "e => e.scrollWidth > e.clientWidth + 1 || getComputedStyle(e).textOverflow === 'ellipsis'"
    ):
        problems.append(f"{selector} is cut off")
    return problems


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize(("md", "lang"), PAGES, ids=PAGE_IDS)
def test_name_authority_and_language_link_show_in_full(
    open_page: Callable[..., Visit], md: str, lang: str, width: int
) -> None:
    visit = open_page(page_path(md, lang), size={"width": width, "height": 800})
    problems = [
        problem
        for selector in (".site-title__name", ".site-title__authority", ".site-languages__link")
        for problem in _box_problems(visit, selector)
    ]
    assert not problems, f"header on {visit.where()}: {problems}"


SEARCH_BOX_FOCUSED = (
    "document.activeElement?.matches('[data-md-component=search-query]')"
    " && document.getElementById('__search').checked"
)


def _tab_to(visit: Visit, selector: str, stops: int = 10) -> None:
    for _ in range(stops):
        visit.page.keyboard.press("Tab")
        if visit.page.evaluate("(s) => document.activeElement?.matches(s)", selector):
            return
    pytest.fail(f"Tab never reaches {selector} on {visit.where()}")


# The icon-only header buttons on a phone: (the label, true once what it opens is open).
BUTTONS = {
    "menu": ("label.md-header__button[for=__drawer]", DRAWER_OPEN),
    "search": ("label.md-header__button[for=__search]", SEARCH_BOX_FOCUSED),
}


@pytest.mark.parametrize("key", ["Enter", " "], ids=["Enter", "Space"])
@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("button", BUTTONS)
def test_header_buttons_work_by_keyboard_on_a_phone(
    open_page: Callable[..., Visit], button: str, lang: str, key: str
) -> None:
    selector, opened = BUTTONS[button]
    visit = open_page(page_path("index.md", lang), "phone")
    _tab_to(visit, selector)
    assert visit.page.locator(selector).inner_text().strip(), (
        f"the {button} button on {visit.where()} has no name for screen readers"
    )
    visit.page.keyboard.press(key)
    visit.page.wait_for_function(opened, timeout=3_000)


@pytest.mark.parametrize("lang", LOCALES)
def test_without_javascript_the_menu_and_language_links_work_and_no_dead_search_button(
    browser: Browser, site_server: StaticSiteServer, lang: str
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["phone"])
    try:
        page = context.new_page()
        page.goto(site_server.url(page_path("index.md", lang)))
        page.click("label.md-header__button[for=__drawer]")
        page.wait_for_timeout(400)  # the drawer slides in by CSS alone (no script to wait for)
        left = page.locator(".md-sidebar--primary").evaluate("e => e.getBoundingClientRect().left")
        assert left >= 0, f"without JavaScript the menu drawer does not open on {page.url}"
        assert not page.locator("label.md-header__button[for=__search]").is_visible(), (
            f"without JavaScript {page.url} shows a search button that cannot work"
        )
        page.keyboard.press("Escape")
        page.goto(site_server.url(page_path("index.md", lang)))
        link = page.locator(".site-languages__link").first
        other = link.get_attribute("hreflang")
        link.click()
        assert page.locator("html").get_attribute("lang") == other, (
            "the language link did not work without JavaScript"
        )
    finally:
        context.close()
