"""The built site: the same pages in every language, each with the right language, metadata and links."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from support.html import Element, parse, rel_tokens
from support.site import (
    DEFAULT_LOCALE,
    LANGUAGES,
    LOCALES,
    ROOT,
    TEST_BASE_PATH,
    TEST_EDIT_URI,
    TEST_SITE_URL,
    language_by_code,
    mkdocs_config,
    nav_pages,
    page_url_path,
)

PAGES = nav_pages()
PAGE_LOCALES = [(md, locale) for md in PAGES for locale in LOCALES]


def page_url(md: str, locale: str) -> str:
    return TEST_SITE_URL + page_url_path(md, locale).removesuffix("index.html")


def alternate_urls(md: str) -> dict[str, str]:
    """hreflang -> address of a page's version in every language, and x-default for the default one."""
    return {locale: page_url(md, locale) for locale in LOCALES} | {"x-default": page_url(md, DEFAULT_LOCALE)}


def link_target(md: str, locale: str, href: str) -> str:
    """The built file a link on a page leads to, relative to the site folder (as a browser resolves it)."""
    path = urlsplit(urljoin(TEST_BASE_PATH + page_url_path(md, locale), href)).path
    assert path.startswith(TEST_BASE_PATH), f"{href} leaves the site"
    path = path.removeprefix(TEST_BASE_PATH)
    return path + "index.html" if path == "" or path.endswith("/") else path


def test_every_language_has_the_same_source_pages() -> None:
    names = {locale: sorted(p.name for p in (ROOT / "docs" / locale).glob("*.md")) for locale in LOCALES}
    default = names[DEFAULT_LOCALE]
    differ = [f"docs/{locale}" for locale in LOCALES if names[locale] != default]
    assert not differ, f"pages differ between docs/{DEFAULT_LOCALE} and {differ}: {names}"
    assert default == sorted(PAGES), "every page in docs/ must be in the nav of mkdocs.yml, and back"


@pytest.mark.parametrize(("md", "locale"), PAGE_LOCALES)
def test_page_is_built_in_its_language(site_dir: Path, md: str, locale: str) -> None:
    page = parse(site_dir / page_url_path(md, locale))
    assert page.find("html").attrs["lang"] == locale
    assert len(page.find_all("h1")) == 1, "one H1 per page"


@pytest.mark.parametrize(("md", "locale"), PAGE_LOCALES)
def test_page_has_title_description_and_open_graph(site_dir: Path, md: str, locale: str) -> None:
    page = parse(site_dir / page_url_path(md, locale))
    title = page.find("title").text.strip()
    description = page.meta(name="description") or ""
    assert title and description
    assert len(description) <= 200, f"description should be one sentence for search results: {description!r}"
    assert page.meta(property="og:title") and page.meta(property="og:description") == description
    assert page.meta(property="og:url") == page_url(md, locale)
    assert page.meta(property="og:locale") == language_by_code(locale).regional_locale


def test_titles_and_descriptions_differ_per_page_and_language(site_dir: Path) -> None:
    seen_titles: dict[str, str] = {}
    seen_descriptions: dict[str, str] = {}
    for md, locale in PAGE_LOCALES:
        page = parse(site_dir / page_url_path(md, locale))
        key = f"{locale}/{md}"
        title, description = page.find("title").text.strip(), page.meta(name="description")
        assert title not in seen_titles, f"{key} has the same <title> as {seen_titles.get(title)}"
        assert description not in seen_descriptions, f"{key} repeats {seen_descriptions.get(description)}"
        seen_titles[title], seen_descriptions[description] = key, key


@pytest.mark.parametrize(("md", "locale"), PAGE_LOCALES)
def test_canonical_and_absolute_hreflang_alternates(site_dir: Path, md: str, locale: str) -> None:
    page = parse(site_dir / page_url_path(md, locale))
    canonical = [e for e in page.find_all("link") if rel_tokens(e) == {"canonical"}]
    assert [e.attrs["href"] for e in canonical] == [page_url(md, locale)]
    alternates = {
        e.attrs["hreflang"]: e.attrs["href"]
        for e in page.find_all("link")
        if rel_tokens(e) == {"alternate"} and "hreflang" in e.attrs
    }
    assert alternates == alternate_urls(md)


@pytest.mark.parametrize(("md", "locale"), PAGE_LOCALES)
def test_language_links_lead_to_the_same_page(site_dir: Path, md: str, locale: str) -> None:
    """The header names every other language in words ("English", "Dansk"), marked with its language."""
    page = parse(site_dir / page_url_path(md, locale))
    links = {e.attrs["hreflang"]: e for e in page.by_class("site-languages__link")}
    assert set(links) == set(LOCALES) - {locale}, f"the header's language links: {sorted(links)}"
    for other, link in links.items():
        assert link.attrs["lang"] == other
        assert " ".join(link.text.split()) == language_by_code(other).name
        assert link_target(md, locale, link.attrs["href"]) == page_url_path(md, other), f"link to {other}"


@pytest.mark.parametrize(("md", "locale"), PAGE_LOCALES)
def test_skip_link_leads_to_the_content(site_dir: Path, md: str, locale: str) -> None:
    page = parse(site_dir / page_url_path(md, locale))
    skip = page.by_class("md-skip")
    assert skip, "every page needs a skip link"
    target = skip[0].attrs["href"].lstrip("#")
    assert page.find("h1", id=target) or any(e.attrs.get("id") == target for e in page.elements)


def assert_authority_linked(footer: Element, locale: str) -> None:
    """The authority's name links to its own website (extra.authority_url), where a visitor can check who
    stands behind the site."""
    url = mkdocs_config()["extra"]["authority_url"]
    links = [e for e in footer.descendants() if e.tag == "a" and e.attrs.get("href") == url]
    assert len(links) == 1, f"the footer has no single link to the authority's website {url}"
    assert " ".join(links[0].text.split()) == language_by_code(locale).ui["authority"]


@pytest.mark.parametrize(("md", "locale"), PAGE_LOCALES)
def test_footer_names_authority_contact_and_legal_pages(site_dir: Path, md: str, locale: str) -> None:
    page = parse(site_dir / page_url_path(md, locale))
    footer = page.by_class("site-footer")
    assert footer, "footer block missing"
    text = " ".join(footer[0].text.split())
    assert language_by_code(locale).ui["authority"] in text  # Region Nordjylland, North Denmark Region
    hrefs = [e.attrs["href"] for e in footer[0].descendants() if e.tag == "a" and "href" in e.attrs]
    assert f"mailto:{mkdocs_config()['extra']['contact_email']}" in hrefs
    assert_authority_linked(footer[0], locale)
    own = [h for h in hrefs if not h.startswith("mailto:") and h != mkdocs_config()["extra"]["authority_url"]]
    targets = {link_target(md, locale, h) for h in own}
    for legal in ("tilgaengelighed.md", "privatliv.md"):
        assert page_url_path(legal, locale) in targets, f"footer link to {legal} in the same language"


def _git_date(md: str, locale: str) -> str:
    path = f"docs/{locale}/{md}"
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", path], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    if dirty:
        return date.today().isoformat()
    return subprocess.run(
        ["git", "log", "-1", "--format=%cs", "--", path], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.mark.parametrize(("md", "locale"), PAGE_LOCALES)
def test_last_updated_date_comes_from_git(site_dir: Path, md: str, locale: str) -> None:
    page = parse(site_dir / page_url_path(md, locale))
    updated = page.by_class("page-updated")
    assert updated, "no 'last updated' line"
    assert language_by_code(locale).ui["last_updated"] in updated[0].text  # Sidst opdateret, Last updated
    times = [e for e in updated[0].descendants() if e.tag == "time"]
    assert times[0].attrs["datetime"] == _git_date(md, locale)


@pytest.mark.parametrize(("md", "locale"), PAGE_LOCALES)
def test_edit_link_points_to_the_source_file(site_dir: Path, md: str, locale: str) -> None:
    page = parse(site_dir / page_url_path(md, locale))
    hrefs = {e.attrs.get("href") for e in page.find_all("a")}
    assert f"{TEST_EDIT_URI}{locale}/{md}" in hrefs


def test_sitemap_lists_every_language_with_alternates(site_dir: Path) -> None:
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ET.parse(site_dir / "sitemap.xml")
    entries = {}
    for url in tree.getroot().findall("s:url", ns):
        loc = url.find("s:loc", ns).text
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        entries[loc] = (links, url.find("s:lastmod", ns).text)
    expected = {page_url(md, locale) for md, locale in PAGE_LOCALES}
    assert set(entries) == expected
    for md, locale in PAGE_LOCALES:
        links, lastmod = entries[page_url(md, locale)]
        assert links == alternate_urls(md)
        assert lastmod == _git_date(md, locale), "lastmod is the page's own date, not the build date"


@pytest.mark.parametrize("locale", LOCALES)
def test_each_language_has_a_404_page_with_a_way_to_every_language(site_dir: Path, locale: str) -> None:
    """The root 404.html (the one GitHub Pages serves) is the default language's; each other language's
    lies in its folder, for the root page to fetch under that folder (overrides/404.html)."""
    language = language_by_code(locale)
    page = parse(site_dir / language.prefix / "404.html")
    assert page.find("html").attrs["lang"] == locale
    assert page.find("h1").text.strip() == language.ui["not_found_title"], "its own language first"
    hrefs = {e.attrs.get("href") for e in page.find_all("a")}
    homes = {f"{TEST_BASE_PATH}{other.prefix}" for other in LANGUAGES}  # /teknologipagt/, …/en/
    assert homes <= hrefs, f"no link to the home page of {homes - hrefs}"
    for other in LANGUAGES:
        assert other.ui["not_found_text"] in " ".join(page.text.split()), f"nothing in {other.name}"
    skip = page.by_class("md-skip")
    assert len(skip) == 1 and page.find("h1", id=skip[0].attrs["href"].lstrip("#")), "skip link to the H1"
    # Shown at any depth: every asset must be addressed from the site root.
    for element in page.find_all("link") + page.find_all("script"):
        ref = element.attrs.get("href") or element.attrs.get("src")
        if ref and "stylesheet" in rel_tokens(element) | {element.tag}:
            assert ref.startswith(TEST_BASE_PATH), ref
    assert_authority_linked(page.by_class("site-footer")[0], locale)
    config = json.loads(next(e for e in page.find_all("script") if e.attrs.get("id") == "__config").text)
    assert config["base"] == f"{TEST_BASE_PATH}{language.prefix}", "it searches its own language's index"
