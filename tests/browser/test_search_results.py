"""Search results read right: a word found through its stem is never "missing", and the page opened from
a result highlights the words found (the inflected forms on the page, not only the typed word)."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from support.browser import Visit, heading_word, page_path, run_search
from support.site import LOCALES

pytestmark = pytest.mark.browser

TEXTS = "(selector) => [...document.querySelectorAll(selector)].map((e) => e.textContent.trim())"
MISSING_WORDS = ".md-search-result__terms del"  # Material's "Mangler: ~~word~~"
MARKED_WORDS = ".md-search-result__list mark"
HIGHLIGHTED = "mark[data-md-highlight]"  # on the page opened from a result


@pytest.mark.parametrize("lang", LOCALES)
def test_found_words_are_not_missing_and_are_highlighted_on_the_page_opened(
    open_page: Callable[..., Visit], lang: str
) -> None:
    visit = open_page(page_path("index.md", lang), "desktop")
    query = heading_word(visit.page)
    results = run_search(visit.page, query)
    assert results, f"searching {query!r} on {visit.where()} found nothing"
    missing = visit.page.evaluate(TEXTS, MISSING_WORDS)
    assert query not in missing, f"the results for {query!r} on {visit.where()} say it is missing: {missing}"
    marked = {word.lower() for word in visit.page.evaluate(TEXTS, MARKED_WORDS)}
    assert marked, f"the results for {query!r} on {visit.where()} mark no word"

    link = results[0]["href"]
    highlight = parse_qs(urlsplit(link).query).get("h", [""])[0].split()
    assert highlight, f"the first result for {query!r} links to {link} with no words to highlight (?h=)"
    assert set(highlight) <= marked, (
        f"?h={highlight} of {link} names words the results did not mark ({marked})"
    )

    visit.page.goto(link)
    visit.page.wait_for_selector("mark[data-md-highlight]", timeout=10_000)
    shown = {word.lower() for word in visit.page.evaluate(TEXTS, HIGHLIGHTED)}
    assert shown & set(highlight), f"{link} highlights {shown}, none of the words found {highlight}"


def test_a_danish_inflection_is_found_through_its_stem_and_not_missing(
    open_page: Callable[..., Visit],
) -> None:
    # A Danish plural with its definite article ("-erne") shares the stem of the word on the pages.
    visit = open_page(page_path("index.md", LOCALES[0]), "desktop")
    words = re.findall(r"\b\w{6,}e\b", visit.page.locator("main").inner_text().lower())
    assert words, f"no Danish word ending in -e on {visit.where()} to inflect"
    query = words[0] + "rne"
    results = run_search(visit.page, query)
    assert results, f"searching the inflected {query!r} on {visit.where()} found nothing: stemming is off"
    missing = visit.page.evaluate(TEXTS, MISSING_WORDS)
    assert query not in missing, f"the results for {query!r} say it is missing: {missing}"
    link = results[0]["href"]
    assert parse_qs(urlsplit(link).query).get("h", [""])[0], f"{link} carries an empty ?h="
