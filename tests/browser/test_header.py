"""The header on phones and desktops: the name and the authority in full, the other language one tap away."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from support.browser import PAGE_IDS, PAGES, VIEWPORTS, Visit, page_path

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
