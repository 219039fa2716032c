"""Keyboard alone, as a visitor uses the site: every Tab stop seen, the menu and the search as dialogs.

A walk with Tab through a page, at phone and desktop width, judges every stop as the visitor sees it
(tests/support/focus.py): shown, not covered, with a focus indicator of 3:1 against what is around it.
On a phone the walk opens the menu with Enter: Tab then stays in the menu, Escape closes it and puts the
focus back on the menu button. The search's results are reached with Tab, and Escape closes the search.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page
from support.browser import (
    DRAWER_OPEN,
    SEARCH_OUTCOME,
    VIEWPORTS,
    Visit,
    heading_word,
    page_path,
    search_translations,
)
from support.focus import FocusStop, focus_stop, tab
from support.html import parse
from support.site import LOCALES, nav_pages, page_url_path

pytestmark = pytest.mark.browser

# The pages walked: each language's home page, and the page with the most links (the steering group).
WALKS = [("index.md", "da"), ("organisering.md", "da"), ("index.md", "en")]
MAX_STOPS = 80
DRAWER = ".md-sidebar--primary"
SEARCH = ".md-search"
MENU_BUTTON = "label.md-header__button[for=__drawer]"
SEARCH_BUTTON = "label.md-header__button[for=__search]"
SEARCH_FIELD = "[data-md-component=search-query]"
TOC_TOGGLE = ".md-nav--primary label.md-nav__link[for=__toc]"
TOC_PANEL = ".md-nav--primary .md-nav__item--active > .md-nav"


def _is_focused(page: Page, selector: str) -> bool:
    return page.evaluate("(s) => !!document.activeElement?.matches(s)", selector)


def _checked(page: Page, toggle: str) -> bool:
    return page.evaluate("(id) => document.getElementById(id).checked", toggle)


def _report(stops: list[FocusStop | None], where: str) -> str:
    bad = [f"Tab stop {n}: {stop.describe()}" for n, stop in enumerate(stops, 1) if stop and stop.problems]
    return f"keyboard focus cannot be seen on {where}:\n" + "\n".join(bad)


def _tab_until(page: Page, selector: str, where: str) -> list[FocusStop | None]:
    """Tab from the top of the page until `selector` has the focus; the stops met on the way."""
    stops = []
    for _ in range(MAX_STOPS):
        stops.append(tab(page))
        if _is_focused(page, selector):
            return stops
    pytest.fail(f"Tab never reaches {selector} on {where}")


def _tab_to_the_end(page: Page, selectors: list[str] = ()) -> list[FocusStop]:
    """Tab on until the focus leaves the page (or comes round again); the stops met."""
    stops: list[FocusStop] = []
    for _ in range(MAX_STOPS):
        stop = tab(page, selectors)
        if stop is None:
            return stops
        stops.append(stop)
    return stops


def _open_the_menu(page: Page, where: str) -> FocusStop:
    """Press Enter on the menu button: the menu opens with the focus in it. Where the focus is."""
    page.keyboard.press("Enter")
    page.wait_for_function(DRAWER_OPEN, timeout=3_000)
    first = focus_stop(page, [DRAWER])
    assert first is not None and first.within == [True], (
        f"opening the menu with Enter on {where} leaves the focus at {first}, not in the menu"
    )
    return first


def _round_the_menu(page: Page, first: FocusStop, where: str) -> list[FocusStop | None]:
    """Tab from the menu's first stop until it has come round twice; every stop met is in the menu."""
    stops: list[FocusStop | None] = [first]
    while len(stops) < MAX_STOPS and sum(s is not None and s.element == first.element for s in stops) < 3:
        stops.append(tab(page, [DRAWER]))
    outside = [stop.element for stop in stops if stop is not None and not stop.within[0]]
    assert not outside, f"with the menu open on {where}, Tab reaches what the menu covers: {outside}"
    assert len(stops) < MAX_STOPS, f"Tab never comes back round the menu on {where}"
    return stops


def _escape_the_menu(page: Page, where: str) -> None:
    page.keyboard.press("Escape")
    assert not _checked(page, "__drawer"), f"Escape does not close the menu on {where}"
    assert _is_focused(page, MENU_BUTTON), (
        f"after Escape on {where} the focus is at {focus_stop(page)}, not on the menu button"
    )


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize(("md", "lang"), WALKS, ids=[f"{lang}/{md}" for md, lang in WALKS])
def test_every_tab_stop_can_be_seen_and_the_menu_holds_the_focus(
    open_page: Callable[..., Visit], md: str, lang: str, viewport: str
) -> None:
    visit = open_page(page_path(md, lang), viewport)
    page, where = visit.page, visit.where()
    stops: list[FocusStop | None] = []
    if viewport == "phone":
        stops += _tab_until(page, MENU_BUTTON, where)
        stops += _round_the_menu(page, _open_the_menu(page, where), where)
        _escape_the_menu(page, where)
    stops += _tab_to_the_end(page)
    assert not any(stop and stop.problems for stop in stops), _report(stops, where)
    assert len([stop for stop in stops if stop]) > 5, f"the walk on {where} met almost nothing: {stops}"


def _open_search_by_keyboard(visit: Visit) -> str:
    """Tab to the search (the field on a desktop; the search button and Enter on a phone), type a word
    that the page's heading has; wait for the outcome. The search field's selector."""
    page, where = visit.page, visit.where()
    query = heading_word(page)
    button = page.locator(SEARCH_BUTTON)
    entry = SEARCH_BUTTON if button.is_visible() else SEARCH_FIELD
    stops = _tab_until(page, entry, where)
    assert not any(stop and stop.problems for stop in stops), _report(stops, where)
    if entry == SEARCH_BUTTON:
        page.keyboard.press("Enter")
    assert _is_focused(page, SEARCH_FIELD) and _checked(page, "__search"), (
        f"the search on {where} did not open with the focus in its field"
    )
    page.keyboard.type(query)
    messages = search_translations(page)
    outcomes = [messages[f"search.result.{n}"] for n in ("none", "one", "other")]
    page.wait_for_function(SEARCH_OUTCOME, arg=outcomes, timeout=10_000)
    return entry


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LOCALES)
def test_search_results_are_reached_with_tab_and_the_search_closes_when_left(
    open_page: Callable[..., Visit], lang: str, viewport: str
) -> None:
    visit = open_page(page_path("index.md", lang), viewport)
    page, where = visit.page, visit.where()
    _open_search_by_keyboard(visit)
    # What can take the focus: the results, and the "more on this page" summaries (a closed one's results
    # are not shown). The selector Material's own arrow keys use.
    reachable = page.locator(".md-search-result__list").evaluate(
        "list => list.querySelectorAll(':not(details) > [href], summary, details[open] [href]').length"
    )
    assert reachable, f"the search on {where} lists no result to reach"
    stops = [tab(page, [SEARCH]) for _ in range(reachable)]
    assert not any(stop and stop.problems for stop in stops), _report(stops, where)
    left = [stop.element for stop in stops if stop is None or not stop.within[0]]
    assert not left, f"Tab leaves the search on {where} before its {reachable} results: {left}"
    after = tab(page, [SEARCH])
    assert after is not None and not after.within[0], f"Tab after the last result on {where}: {after}"
    assert not _checked(page, "__search"), f"the search on {where} stays open after Tab left it"
    assert not after.problems, _report([after], f"{where} after leaving the search")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LOCALES)
def test_escape_closes_the_search_from_a_result(
    open_page: Callable[..., Visit], lang: str, viewport: str
) -> None:
    visit = open_page(page_path("index.md", lang), viewport)
    page, where = visit.page, visit.where()
    entry = _open_search_by_keyboard(visit)
    result = tab(page, [SEARCH])
    assert result is not None and result.within[0], f"Tab does not reach a result on {where}: {result}"
    page.keyboard.press("Escape")
    assert not _checked(page, "__search"), f"Escape does not close the search on {where}"
    if entry == SEARCH_BUTTON:
        assert _is_focused(page, SEARCH_BUTTON), (
            f"after Escape on {where} the focus is at {focus_stop(page)}, not on the search button"
        )
    else:
        assert focus_stop(page) is None, f"after Escape on {where} the focus stays at {focus_stop(page)}"
    following = tab(page, [SEARCH])
    assert following is not None and not following.within[0] and not following.problems, (
        f"Tab after closing the search on {where} goes to {following}"
    )


def _a_page_with_a_table_of_contents(site_dir: Path) -> tuple[str, str]:
    for md in nav_pages():
        for lang in LOCALES:
            sidebar = parse(site_dir / page_url_path(md, lang)).by_class("md-sidebar--secondary")[0]
            if "hidden" not in sidebar.attrs:
                return md, lang
    pytest.fail("no page has a table of contents (overrides/hooks/toc_when_long.py): nothing to open")


def test_the_table_of_contents_in_the_phone_menu_opens_and_closes_by_keyboard(
    open_page: Callable[..., Visit], site_dir: Path
) -> None:
    md, lang = _a_page_with_a_table_of_contents(site_dir)
    visit = open_page(page_path(md, lang), "phone")
    page, where = visit.page, visit.where()
    _tab_until(page, MENU_BUTTON, where)
    menu = _round_the_menu(page, _open_the_menu(page, where), where)  # the closed contents' links hidden
    assert not any(stop and stop.problems for stop in menu), _report(menu, where)
    for _ in range(MAX_STOPS):
        if _is_focused(page, TOC_TOGGLE):
            break
        tab(page, pixels=False)
    assert _is_focused(page, TOC_TOGGLE), f"Tab never reaches the table of contents in the menu on {where}"

    page.keyboard.press("Enter")
    assert _checked(page, "__toc"), f"Enter does not open the table of contents on {where}"
    first = focus_stop(page, [TOC_PANEL])
    stops: list[FocusStop | None] = [first]
    while len(stops) < MAX_STOPS and sum(s is not None and s.element == first.element for s in stops) < 2:
        stops.append(tab(page, [TOC_PANEL]))
    assert not any(stop and stop.problems for stop in stops), _report(stops, where)
    outside = [stop.element for stop in stops if stop is not None and not stop.within[0]]
    assert not outside, f"with the table of contents open on {where}, Tab reaches what it covers: {outside}"
    links = page.locator(f"{TOC_PANEL} a[href^='#']").count()
    assert sum(1 for s in stops if s and "#" in s.element) >= links, (
        f"Tab does not reach the {links} headings of the table of contents on {where}"
    )

    _escape_the_menu(page, where)
