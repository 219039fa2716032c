"""Reading comfort, measured in the browser: short lines, the site's name once on a desktop screen, a
phone header that leaves the screen to the page, the menu's title in full."""

from __future__ import annotations

import statistics
from collections.abc import Callable

import pytest
from support.browser import PAGE_IDS, PAGES, Visit, js, open_drawer, page_path
from support.site import LOCALES

pytestmark = pytest.mark.browser

LINE_LENGTHS = js("line-lengths")
PROSE = ".md-content .md-typeset p, .md-content .md-typeset li"
# About 75 characters a line is comfortable; no line of a paragraph may run past 90.
LONGEST_LINE = 90
TYPICAL_LINE = 75
WIDTHS = [768, 1280, 1920]
PHONE = {"width": 320, "height": 568}  # the smallest phone screen in use
PHONE_HEADER_SHARE = 0.15
# Elements outside the page's own text that show the site's name on screen (the text itself may name it).
SHOWN_NAMES = """(name) => [...document.querySelectorAll("body *:not(script)")]
  .filter((el) => !el.closest(".md-content") && [...el.childNodes].some(
    (node) => node.nodeType === Node.TEXT_NODE && node.textContent.includes(name)))
  .filter((el) => {
    const r = el.getBoundingClientRect();
    return el.checkVisibility({visibilityProperty: true, opacityProperty: true})
      && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  })
  .map((el) => el.tagName.toLowerCase() + "." + [...el.classList].join("."))"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("md", "lang"), PAGES, ids=PAGE_IDS)
def test_prose_lines_stay_short_at_every_width(
    open_page: Callable[..., Visit], md: str, lang: str, width: int
) -> None:
    visit = open_page(page_path(md, lang), size={"width": width, "height": 900})
    blocks = visit.page.evaluate(LINE_LENGTHS, PROSE)
    assert blocks, f"no paragraph on {visit.where()} to measure"
    long = [f"{b['longest']} characters: {b['text']}…" for b in blocks if b["longest"] > LONGEST_LINE]
    assert not long, f"lines over {LONGEST_LINE} characters on {visit.where()}:\n" + "\n".join(long)
    typical = statistics.median(b["longest"] for b in blocks)
    assert typical <= TYPICAL_LINE, (
        f"the paragraphs' longest lines on {visit.where()} run {typical} characters"
    )


@pytest.mark.parametrize(("md", "lang"), PAGES, ids=PAGE_IDS)
def test_the_site_name_shows_once_on_a_desktop_screen(
    open_page: Callable[..., Visit], md: str, lang: str
) -> None:
    visit = open_page(page_path(md, lang), "desktop")
    name = visit.page.locator("meta[property='og:site_name']").get_attribute("content")
    shown = visit.page.evaluate(SHOWN_NAMES, name)
    assert len(shown) == 1, (
        f"{visit.where()} shows the site's name {len(shown)} times outside its text: {shown}"
    )


@pytest.mark.parametrize(("md", "lang"), PAGES, ids=PAGE_IDS)
def test_the_phone_header_leaves_the_screen_to_the_page(
    open_page: Callable[..., Visit], md: str, lang: str
) -> None:
    visit = open_page(page_path(md, lang), size=PHONE)
    page, where = visit.page, visit.where()
    height = page.locator(".md-header").bounding_box()["height"]
    assert height <= PHONE_HEADER_SHARE * PHONE["height"], (
        f"the header on {where} is {height:.0f} px tall, {height / PHONE['height']:.0%} of the screen"
    )
    name = page.locator(".site-title__name")
    expected = page.locator("meta[property='og:site_name']").get_attribute("content")
    assert " ".join(name.inner_text().split()) == expected and name.is_visible(), f"the name on {where}"
    cut = name.evaluate("e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1")
    assert not cut, f"the site's name is cut off in the header on {where}"


@pytest.mark.parametrize("lang", LOCALES)
def test_the_menu_title_shows_the_name_in_full_on_a_phone(open_page: Callable[..., Visit], lang: str) -> None:
    visit = open_page(page_path("index.md", lang), size=PHONE)
    open_drawer(visit.page)
    title = visit.page.locator(".md-nav--primary > .md-nav__title")
    expected = visit.page.locator("meta[property='og:site_name']").get_attribute("content")
    assert expected in " ".join(title.inner_text().split()), f"the menu's title on {visit.where()}"
    cut = title.evaluate("e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1")
    assert not cut, f"the menu's title is cut off on {visit.where()}: {title.inner_text()!r}"
