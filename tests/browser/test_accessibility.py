"""WCAG 2.2 AA in a real browser: axe-core, keyboard use, reflow and text zoom, on every page and language."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pages_server import StaticSiteServer
from support.browser import (
    OVERFLOW_PROBLEMS,
    PAGE_IDS,
    PAGES,
    VIEWPORTS,
    Visit,
    axe_violations,
    format_violations,
    heading_word,
    js,
    open_drawer,
    open_missing,
    page_path,
    run_search,
)
from support.focus import focus_stop, tab
from support.site import LOCALES, language_by_code

pytestmark = pytest.mark.browser

SKIP_LINK_TARGET = js("skip-link-target")
FOCUS_FOLLOWS = js("focus-follows")
TAB_STOPS = 25
# Areas whose content must stay whole when the page reflows (the header title may shorten with "…").
CONTENT_AREAS = [".md-main *", ".md-footer *"]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize(("md", "lang"), PAGES, ids=PAGE_IDS)
def test_axe_finds_no_wcag_violations(
    open_page: Callable[..., Visit], axe_source: str, md: str, lang: str, viewport: str
) -> None:
    # bypass_csp for this run only: axe is injected as a script; the CSP itself is tested without bypass.
    visit = open_page(page_path(md, lang), viewport, bypass_csp=True)
    violations = axe_violations(visit.page, axe_source)
    assert not violations, (
        f"axe-core: WCAG A/AA violations on {visit.where()}:\n{format_violations(violations)}"
    )


def _open_search_results(visit: Visit) -> None:
    query = heading_word(visit.page)
    results = run_search(visit.page, query)
    assert results, f"search for {query!r} found nothing on {visit.where()}: cannot check the result list"


def _open_navigation_drawer(visit: Visit) -> None:
    open_drawer(visit.page)


# state -> (how to open it, the component axe checks then; the page around it is checked closed above)
COMPONENT_STATES: dict[str, tuple[Callable[[Visit], None], str]] = {
    "search-results": (_open_search_results, ".md-search"),
    "navigation-drawer": (_open_navigation_drawer, ".md-sidebar--primary"),
}
# The drawer exists on narrow screens only; on the desktop the navigation is always shown (and tested above).
STATE_CASES = [
    (state, lang, viewport)
    for state in COMPONENT_STATES
    for lang in LOCALES
    for viewport in VIEWPORTS
    if not (state == "navigation-drawer" and viewport == "desktop")
]


@pytest.mark.parametrize(("state", "lang", "viewport"), STATE_CASES, ids=["-".join(c) for c in STATE_CASES])
def test_axe_finds_no_violations_in_open_header_components(
    open_page: Callable[..., Visit], axe_source: str, state: str, lang: str, viewport: str
) -> None:
    visit = open_page(page_path("index.md", lang), viewport, bypass_csp=True)
    open_component, component = COMPONENT_STATES[state]
    open_component(visit)
    violations = axe_violations(visit.page, axe_source, include=component)
    assert not violations, (
        f"axe-core: WCAG A/AA violations with the {state} open on {visit.where()}:\n"
        + format_violations(violations)
    )


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize(("md", "lang"), PAGES, ids=PAGE_IDS)
def test_keyboard_skip_link_and_visible_focus(
    open_page: Callable[..., Visit], md: str, lang: str, viewport: str
) -> None:
    assert_keyboard_access(open_page(page_path(md, lang), viewport))


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_keyboard_on_the_404_page(
    open_page: Callable[..., Visit], site_server: StaticSiteServer, viewport: str, lang: str
) -> None:
    visit = open_page("", viewport, goto=False)
    open_missing(visit, site_server.url(f"{language_by_code(lang).prefix}findes-ikke/"))
    assert_keyboard_access(visit)


def assert_keyboard_access(visit: Visit) -> None:
    """Skip link first and working, and every tab stop shown, uncovered and with a focus indicator.

    Whether each indicator stands out (3:1) is judged on a few pages in tests/browser/test_keyboard.py:
    its pictures take too long for every page.
    """
    page, where = visit.page, visit.where()
    skip = page.locator("a.md-skip")
    assert skip.count() == 1, (
        f"no skip link on {where}: Material renders `a.md-skip` only when the page has a heading in its "
        "table of contents; every page needs one (WCAG 2.4.1)"
    )

    first = tab(page, pixels=False)
    assert page.evaluate("document.activeElement === document.querySelector('a.md-skip')"), (
        f"the first Tab on {where} focuses {first and first.element}, not the skip link a.md-skip"
    )
    stops = [first]
    for _ in range(TAB_STOPS - 1):
        stop = tab(page, pixels=False)
        if stop is None:  # focus left the document: every stop was visited
            break
        stops.append(stop)
    problems = [f"Tab stop {n}: {stop.describe()}" for n, stop in enumerate(stops, 1) if stop.problems]
    assert not problems, f"keyboard focus cannot be seen on {where}:\n" + "\n".join(problems)

    target_id = skip.get_attribute("href").removeprefix("#")
    page.focus("a.md-skip")
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    landed = page.evaluate(SKIP_LINK_TARGET, target_id)
    assert "error" not in landed, f"{landed.get('error')} on {where}"
    assert landed["hash"] == f"#{target_id}", (
        f"activating the skip link on {where} did not go to #{target_id}"
    )
    assert landed["inMain"], (
        f"the skip link on {where} points to #{target_id}, which is not in the main content"
    )
    assert 0 <= landed["top"] < landed["height"], (
        f"after the skip link on {where}, #{target_id} is not in view (top at {landed['top']:.0f}px)"
    )
    page.keyboard.press("Tab")
    follows = page.evaluate(FOCUS_FOLLOWS, target_id)
    assert follows, (
        f"after the skip link on {where}, Tab did not continue from the main content "
        f"(it focused {focus_stop(page, pixels=False)}): focus did not move to #{target_id}"
    )


@pytest.mark.parametrize(("md", "lang"), PAGES, ids=PAGE_IDS)
def test_reflow_at_320_css_pixels(open_page: Callable[..., Visit], md: str, lang: str) -> None:
    # 320 CSS px is what a 1280 px window shows at 400 % zoom (WCAG 1.4.10).
    visit = open_page(page_path(md, lang), size={"width": 320, "height": 800})
    scroll_width = visit.page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320, (
        f"horizontal scrolling at 320 px on {visit.where()}: scrollWidth {scroll_width}"
    )
    problems = visit.page.evaluate(OVERFLOW_PROBLEMS, CONTENT_AREAS)
    assert not problems, f"content does not reflow at 320 px on {visit.where()}:\n" + "\n".join(problems)


@pytest.mark.parametrize(("md", "lang"), PAGES, ids=PAGE_IDS)
def test_text_zoom_200_percent(open_page: Callable[..., Visit], md: str, lang: str) -> None:
    # Text-only zoom the way a visitor sets it: Chromium's default font size (Settings > Font size) doubled
    # from 16 to 32 px through DevTools' Page.setFontSizes. Unlike an inline `font-size: 200%` on <html>,
    # this also moves the theme's em-based media queries, exactly as the browser setting does (WCAG 1.4.4).
    visit = open_page(page_path(md, lang), size={"width": 1280, "height": 900}, font_size=32)
    root_px = float(visit.page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)"))
    assert root_px >= 32, f"text zoom did not take effect on {visit.where()}: root font size {root_px}px"
    scroll_width = visit.page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 1280, (
        f"horizontal scrolling at 200 % text on {visit.where()}: scrollWidth {scroll_width}"
    )
    problems = visit.page.evaluate(OVERFLOW_PROBLEMS, CONTENT_AREAS)
    assert not problems, f"content is cut off at 200 % text on {visit.where()}:\n" + "\n".join(problems)
