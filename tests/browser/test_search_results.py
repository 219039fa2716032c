"""Search results read right: a word found through its stem is never "missing", and the page opened from
a result highlights the words found (the inflected forms on the page, not only the typed word)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from support.browser import SEARCH_RESULTS, Visit, heading_word, page_path, run_search
from support.site import LOCALES, language_by_code

pytestmark = pytest.mark.browser

TEXTS = "(selector) => [...document.querySelectorAll(selector)].map((e) => e.textContent.trim())"
MISSING_WORDS = ".md-search-result__terms del"  # Material's "Mangler: ~~word~~"
MARKED_WORDS = ".md-search-result__list mark"
HIGHLIGHTED = "mark[data-md-highlight]"  # on the page opened from a result


def _page_of(href: str) -> str:
    return href.split("#")[0].split("?")[0]


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
    words = re.findall(r"\b\w{6,}e\b", visit.page.locator(".md-content").inner_text().lower())
    assert words, f"no Danish word ending in -e on {visit.where()} to inflect"
    # Nouns in -else ("uddannelse") first: their "-erne" form is a real word; a verb's is not. Whatever
    # the page says, one of its first few such words is a noun; without stemming, none is found.
    candidates = sorted(dict.fromkeys(words), key=lambda word: not word.endswith("else"))[:4]
    for query in (word + "rne" for word in candidates):
        results = run_search(visit.page, query)
        if results:
            break
    assert results, (
        f"searching the inflected {candidates} + 'rne' on {visit.where()} found nothing: stemming is off"
    )
    missing = visit.page.evaluate(TEXTS, MISSING_WORDS)
    assert query not in missing, f"the results for {query!r} say it is missing: {missing}"
    link = results[0]["href"]
    assert parse_qs(urlsplit(link).query).get("h", [""])[0], f"{link} carries an empty ?h="


# Words as the search marks and highlights them: letters and digits, no punctuation around them.
PLAIN_WORD = re.compile(r"^\w+$")
# Each result group: its links' ?h= words, and whether the page's own entry (its first link) marks a word.
GROUPS = """() => [...document.querySelectorAll(".md-search-result__item")].map((item) => {
  const links = [...item.querySelectorAll("a.md-search-result__link")];
  return {links: links.map((a) => a.href), pageMarks: links[0].querySelectorAll("mark").length};
})"""


def _index_docs(site_dir: Path, lang: str) -> list[dict]:
    index = site_dir / language_by_code(lang).prefix / "search" / "search_index.json"
    return json.loads(index.read_text(encoding="utf-8"))["docs"]


def _plain(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def _words_only_in_a_section(site_dir: Path, lang: str) -> list[str]:
    """Words in a section of a page that its title and opening text lack (not even their first five
    letters): a search for one finds the page through that section only."""
    docs = _index_docs(site_dir, lang)
    pages = {doc["location"]: doc for doc in docs if "#" not in doc["location"]}
    words = []
    for doc in docs:
        if "#" in doc["location"]:
            page = pages[doc["location"].split("#")[0]]
            own = f"{page['title']} {_plain(page['text'])}".lower()
            words += [w for w in re.findall(r"\w{7,}", _plain(doc["text"]).lower()) if w[:5] not in own]
    return list(dict.fromkeys(words))


def _highlights(link: str) -> list[str]:
    return parse_qs(urlsplit(link).query).get("h", [""])[0].split()


@pytest.mark.parametrize("lang", LOCALES)
def test_every_result_link_highlights_words_even_for_a_page_found_in_its_sections(
    open_page: Callable[..., Visit], site_dir: Path, lang: str
) -> None:
    visit = open_page(page_path("index.md", lang), "desktop")
    for query in _words_only_in_a_section(site_dir, lang)[:6]:
        visit.page.goto(visit.page.url.split("?")[0])
        if not run_search(visit.page, query):
            continue  # a stop word, say
        groups = visit.page.evaluate(GROUPS)
        if any(group["pageMarks"] == 0 for group in groups):
            break
    else:
        pytest.fail(f"no {lang} word found a page through its sections only: nothing to check")
    links = [link for group in groups for link in group["links"]]
    empty = [link for link in links if not _highlights(link)]
    assert not empty, f"results for {query!r} on {visit.where()} link with nothing to highlight: {empty}"
    unplain = [word for link in links for word in _highlights(link) if not PLAIN_WORD.match(word)]
    assert not unplain, (
        f"results for {query!r} on {visit.where()} highlight words with punctuation: {unplain}"
    )

    page_link = next(group["links"][0] for group in groups if group["pageMarks"] == 0)
    visit.page.goto(page_link)
    visit.page.wait_for_selector(HIGHLIGHTED, timeout=10_000)
    shown = {word.lower() for word in visit.page.evaluate(TEXTS, HIGHLIGHTED)}
    assert shown & set(_highlights(page_link)), f"{page_link} highlights {shown}"


@pytest.mark.parametrize("lang", LOCALES)
def test_words_are_marked_without_the_punctuation_after_them(
    open_page: Callable[..., Visit], site_dir: Path, lang: str
) -> None:
    text = " ".join(_plain(doc["text"]) for doc in _index_docs(site_dir, lang))
    before_punctuation = re.findall(r"(\w{6,})[.,:;!?]", text)
    assert before_punctuation, f"no {lang} word stands before a full stop or comma: nothing to check"
    visit = open_page(page_path("index.md", lang), "desktop")
    query = before_punctuation[0].lower()
    assert run_search(visit.page, query), f"searching {query!r} on {visit.where()} found nothing"
    marked = visit.page.evaluate(TEXTS, MARKED_WORDS)
    highlights = [
        word for result in visit.page.evaluate(SEARCH_RESULTS) for word in _highlights(result["href"])
    ]
    unplain = [word for word in marked + highlights if not PLAIN_WORD.match(word)]
    assert not unplain, f"searching {query!r} on {visit.where()} marks words with punctuation: {unplain}"


@pytest.mark.parametrize("lang", LOCALES)
def test_the_result_count_reads_as_a_number_and_a_noun_in_every_language(
    open_page: Callable[..., Visit], lang: str
) -> None:
    visit = open_page(page_path("index.md", lang), "desktop")
    results = run_search(visit.page, heading_word(visit.page))
    count = visit.page.locator(".md-search-result__meta").inner_text().strip()
    # "5 resultater" and "5 results", not "4 matching documents": the same words' shape in each language.
    assert re.fullmatch(rf"{len({_page_of(r['href']) for r in results})} \w+", count), (
        f"the result count on {visit.where()} reads {count!r}"
    )
