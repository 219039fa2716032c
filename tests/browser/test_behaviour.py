"""What visitors do: switch language, search, hit a missing address, use the /was/ short address, print."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pages_server import StaticSiteServer
from playwright.sync_api import Browser
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from support.browser import (
    NOT_FOUND_SHOWN,
    PAGE_IDS,
    PAGES,
    VIEWPORTS,
    Visit,
    axe_violations,
    format_violations,
    js,
    open_missing,
    page_id,
    page_path,
    run_search,
)
from support.site import (
    DEFAULT_LOCALE,
    LANGUAGES,
    LOCALES,
    TEST_SITE_URL,
    language_by_code,
    mkdocs_config,
    nav_pages,
)

pytestmark = pytest.mark.browser

PAGE_STYLED = js("page-styled")
PRINTED_ADDRESSES = js("printed-addresses")
# Every page in every language, with each other language its switcher offers.
SWITCHES = [(md, lang, other) for md, lang in PAGES for other in LOCALES if other != lang]
# The /was/ short address of each language, also without its trailing slash at the site root.
OTHER_LANGUAGES = [language for language in LANGUAGES if not language.default]
WAS_CASES = [("was", page_path("tilgaengelighed.md", DEFAULT_LOCALE), DEFAULT_LOCALE)] + [
    (f"{language.prefix}was/", page_path("tilgaengelighed.md", language.code), language.code)
    for language in LANGUAGES
]


def _html_lang(visit: Visit) -> str:
    return visit.page.evaluate("document.documentElement.lang")


@pytest.mark.parametrize(
    ("md", "lang", "other"), SWITCHES, ids=[f"{page_id(md, lang)}-to-{other}" for md, lang, other in SWITCHES]
)
def test_language_switcher_leads_to_the_same_page_in_the_other_language(
    open_page: Callable[..., Visit], site_server: StaticSiteServer, md: str, lang: str, other: str
) -> None:
    visit = open_page(page_path(md, lang))
    page, where = visit.page, visit.where()
    link = page.locator(f".md-header .site-languages__link[hreflang={other}]")
    assert link.count() == 1, f"no language link `.site-languages__link[hreflang={other}]` on {where}"
    assert link.is_visible(), f"the {other} link on {where} is not visible without hovering"
    expected = site_server.url(page_path(md, other))
    href = link.evaluate("a => a.href")
    assert href == expected, (
        f"the {other} link of the language selector on {where} goes to {href}, not {expected}"
    )

    link.click()
    page.wait_for_url(expected)
    assert _html_lang(visit) == other, (
        f"{page.url} (reached from {where}) has <html lang={_html_lang(visit)!r}>"
    )


def _language_pages(site_server: StaticSiteServer, lang: str) -> set[str]:
    return {site_server.url(page_path(md, lang)) for md in nav_pages()}


def _page_of(href: str) -> str:
    """A result link without its ?h= highlight query and #section."""
    return href.split("#")[0].split("?")[0]


def test_danish_search_finds_danish_pages_only(
    open_page: Callable[..., Visit], site_server: StaticSiteServer
) -> None:
    visit = open_page(page_path("index.md", "da"))
    results = run_search(visit.page, "uddannelserne")
    assert results, (
        f"searching 'uddannelserne' on {visit.where()} found nothing (Danish stemming should match)"
    )
    pages = _language_pages(site_server, "da")
    wrong = [r["href"] for r in results if _page_of(r["href"]) not in pages]
    assert not wrong, (
        f"searching on the Danish page {visit.where()} offers pages that are not Danish: {wrong}"
    )
    assert any("uddannelse" in r["text"].lower() for r in results), (
        f"no result about 'uddannelse' for 'uddannelserne' on {visit.where()}: "
        f"{[r['text'][:80] for r in results]}"
    )


@pytest.mark.parametrize("query", ["education", "steering"])
def test_english_search_finds_english_pages_only(
    open_page: Callable[..., Visit], site_server: StaticSiteServer, query: str
) -> None:
    visit = open_page(page_path("index.md", "en"))
    results = run_search(visit.page, query)
    assert results, f"searching {query!r} on {visit.where()} found nothing"
    pages = _language_pages(site_server, "en")
    wrong = [r["href"] for r in results if _page_of(r["href"]) not in pages]
    assert not wrong, (
        f"searching on the English page {visit.where()} offers pages that are not English: {wrong}"
    )


def test_danish_word_finds_nothing_on_english_pages(open_page: Callable[..., Visit]) -> None:
    visit = open_page(page_path("index.md", "en"))
    results = run_search(visit.page, "uddannelserne")
    assert not results, f"the Danish word 'uddannelserne' found results on {visit.where()}: {results}"


def _language_of_address(path: str) -> str:
    """The language whose folder holds a path below the site ('en/x/': English; 'x/': the default)."""
    return next((other.code for other in OTHER_LANGUAGES if path.startswith(other.prefix)), DEFAULT_LOCALE)


# A missing address in every language's folder, one deeper, and one of an old-style file name.
MISSING = [
    "findes/ikke/heller/",
    *(f"{language.prefix}findes-ikke/" for language in LANGUAGES),
    *(f"{language.prefix}puljen/gammel-side.html" for language in OTHER_LANGUAGES),
]


@pytest.mark.parametrize("missing", MISSING)
def test_missing_address_gets_the_styled_404_page_in_its_language(
    open_page: Callable[..., Visit], site_server: StaticSiteServer, missing: str
) -> None:
    visit = open_page(missing, goto=False)
    page = visit.page
    url = site_server.url(missing)
    status = open_missing(visit, url)
    assert status == 404, f"{url} answered {status}, not 404"
    lang = _language_of_address(missing)
    ui = language_by_code(lang).ui
    assert _html_lang(visit) == lang, (
        f"the 404 page at {url} has <html lang={_html_lang(visit)!r}>, not {lang!r}"
    )
    assert page.url == url, f"the 404 page at {url} moved the visitor to {page.url}"
    heading = page.locator("h1").inner_text().strip()
    assert heading == ui["not_found_title"], f"the 404 page at {url} starts with {heading!r}, not in {lang}"
    assert page.title().startswith(ui["not_found_title"]), f"the 404 page at {url} is titled {page.title()!r}"

    rec = visit.recorder
    assets_failing = [line for line in rec.bad_responses if not line.endswith(url)] + rec.failed
    assert not assets_failing, (
        f"the 404 page at {url} loads broken assets (relative paths?): {assets_failing}"
    )
    # Chromium logs the document's own 404 as a console error; anything else is a real error.
    errors = [line for line in rec.console_errors if not line.endswith(f"({url})")] + rec.page_errors
    assert not errors, f"console errors on the 404 page at {url}: {errors}"
    styled = page.evaluate(PAGE_STYLED)
    assert styled, f"the 404 page at {url} is not styled or its script did not run (theme CSS/JS missing)"

    for other, target in ((language.code, site_server.url(language.prefix)) for language in LANGUAGES):
        links = page.locator("a[href]")
        hrefs = links.evaluate_all("els => els.map(a => a.href)")
        assert target in hrefs, f"the 404 page at {url} has no link to the {other} home page {target}"
        link = links.nth(hrefs.index(target))
        link.click()
        page.wait_for_url(target)
        assert _html_lang(visit) == other, (
            f"the {other} home link of the 404 page led to {page.url}, lang {_html_lang(visit)}"
        )
        page.go_back(wait_until="load")
        page.wait_for_function(NOT_FOUND_SHOWN)


@pytest.mark.parametrize("lang", LOCALES)
def test_the_404_page_searches_its_own_language(
    open_page: Callable[..., Visit], site_server: StaticSiteServer, lang: str
) -> None:
    visit = open_page("", goto=False)
    missing = f"{language_by_code(lang).prefix}findes-ikke/"
    open_missing(visit, site_server.url(missing))
    home = site_server.url(language_by_code(lang).prefix)
    results = run_search(visit.page, "STEM")
    assert results, f"searching on the 404 page at /{missing} found nothing"
    wrong = [r["href"] for r in results if not _page_of(r["href"]).startswith(home)]
    pages = _language_pages(site_server, lang)
    wrong += [r["href"] for r in results if _page_of(r["href"]) not in pages]
    assert not wrong, f"the 404 page at /{missing} offers results outside its language ({lang}): {wrong}"


def test_without_javascript_the_404_page_shows_every_language(
    browser: Browser, site_server: StaticSiteServer
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["phone"])
    try:
        page = context.new_page()
        for language in LANGUAGES:
            url = site_server.url(f"{language.prefix}findes-ikke/")
            page.goto(url)
            for other in LANGUAGES:
                text = page.get_by_text(other.ui["not_found_text"], exact=True)
                assert text.count() == 1 and text.is_visible(), (
                    f"without JavaScript the 404 page at {url} does not show the {other.name} text"
                )
    finally:
        context.close()


@pytest.mark.parametrize("missing", [f"{language.prefix}findes-ikke/" for language in LANGUAGES])
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_404_page_is_accessible(
    open_page: Callable[..., Visit],
    axe_source: str,
    site_server: StaticSiteServer,
    viewport: str,
    missing: str,
) -> None:
    visit = open_page("", viewport, bypass_csp=True, goto=False)
    open_missing(visit, site_server.url(missing))
    violations = axe_violations(visit.page, axe_source)
    assert not violations, (
        f"axe-core: WCAG A/AA violations on {visit.where()}:\n{format_violations(violations)}"
    )


@pytest.mark.parametrize(("short", "target", "lang"), WAS_CASES)
def test_was_short_address_leads_to_the_accessibility_page(
    open_page: Callable[..., Visit], site_server: StaticSiteServer, short: str, target: str, lang: str
) -> None:
    visit = open_page(short)
    expected = site_server.url(target)
    try:
        visit.page.wait_for_url(expected, timeout=5_000)
    except PlaywrightTimeoutError as error:
        pytest.fail(
            f"{site_server.url(short)} did not lead to {expected} (stuck at {visit.page.url}): {error}"
        )
    assert _html_lang(visit) == lang, f"{expected} (from /{short}) has <html lang={_html_lang(visit)!r}>"
    assert not visit.recorder.bad_responses, (
        f"errors on the way from /{short}: {visit.recorder.bad_responses}"
    )


@pytest.mark.parametrize(("md", "lang"), PAGES, ids=PAGE_IDS)
def test_print_shows_content_and_contact_without_navigation(
    open_page: Callable[..., Visit], site_server: StaticSiteServer, md: str, lang: str
) -> None:
    visit = open_page(page_path(md, lang))
    page = visit.page
    page.emulate_media(media="print")
    shown = [
        sel
        for sel in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search")
        if page.locator(sel).first.is_visible()
    ]
    assert not shown, f"printing {visit.where()} shows screen-only parts: {shown}"
    assert page.locator(".md-content").is_visible(), (
        f"printing {visit.where()} hides the main content .md-content"
    )
    email = mkdocs_config()["extra"]["contact_email"]
    contact = page.locator(f".md-footer a[href='mailto:{email}']")
    assert contact.count() == 1 and contact.is_visible(), (
        f"printing {visit.where()} hides the footer contact {email} (`.md-footer a[href='mailto:{email}']`)"
    )
    # Every printed sheet names the site and the page's address (a fixed element repeats on each sheet).
    print_header = page.locator(".site-print-header")
    assert print_header.is_visible(), f"printing {visit.where()} does not name the site and the address"
    assert print_header.evaluate("e => getComputedStyle(e).position") == "fixed"
    header_text = print_header.inner_text()
    site_name = page.locator("meta[property='og:site_name']").get_attribute("content")
    assert site_name in header_text and TEST_SITE_URL + page_path(md, lang) in header_text, header_text
    # Where each link of the text (and the footer's link to the authority) leads is printed after it,
    # unless its words are the address: e-mail without "mailto:", another page as its full address.
    unsaid = page.evaluate(PRINTED_ADDRESSES, [site_server.url(), TEST_SITE_URL])
    assert not unsaid, f"printing {visit.where()} hides where links lead: {unsaid}"
