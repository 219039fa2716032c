"""The one cut stylesheet styles every page exactly as Material's full stylesheets and ours would.

scripts/finishing/stylesheet.py keeps only the rules the pages can use. Here every page, on a phone and a
desktop, and with the search results and the menu drawer open, is styled twice: with the cut stylesheet
as published, then with the full stylesheets it was cut from. Every element's computed style must be the
same: a rule cut that a page needed shows up as the element and property it changed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page
from support.browser import (
    PAGE_IDS,
    PAGES,
    SETTLE,
    VIEWPORTS,
    Visit,
    heading_word,
    js,
    open_drawer,
    page_path,
    run_search,
)
from support.site import LOCALES

from finishing import stylesheet

pytestmark = pytest.mark.browser

STYLE_DIFFERENCES = js("computed-styles")


def full_stylesheets(site_dir: Path) -> list[str]:
    """The stylesheets the cut one is made from, in order, as addresses beside it."""
    return [path.name for path in stylesheet.source_files(site_dir)]


def differences(page: Page, site_dir: Path) -> list[str]:
    page.evaluate(SETTLE)
    return page.evaluate(STYLE_DIFFERENCES, full_stylesheets(site_dir))


def _report(found: list[str], where: str) -> str:
    return f"the cut stylesheet styles {where} differently ({len(found)} values):\n" + "\n".join(found[:15])


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize(("md", "lang"), PAGES, ids=PAGE_IDS)
def test_cut_stylesheet_styles_each_page_as_the_full_ones(
    open_page: Callable[..., Visit], site_dir: Path, md: str, lang: str, viewport: str
) -> None:
    visit = open_page(page_path(md, lang), viewport)
    found = differences(visit.page, site_dir)
    assert not found, _report(found, visit.where())


def _search_open(visit: Visit) -> None:
    assert run_search(visit.page, heading_word(visit.page)), "the search found nothing"


def _drawer_open(visit: Visit) -> None:
    open_drawer(visit.page)


STATES = {"search-results": _search_open, "navigation-drawer": _drawer_open}


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("state", STATES)
def test_cut_stylesheet_styles_search_and_drawer_as_the_full_ones(
    open_page: Callable[..., Visit], site_dir: Path, state: str, lang: str
) -> None:
    visit = open_page(page_path("index.md", lang), "phone")
    STATES[state](visit)
    found = differences(visit.page, site_dir)
    assert not found, _report(found, f"{visit.where()} with the {state} open")
