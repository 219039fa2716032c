"""Each language searches only itself, and nothing in the built site loads anything from another host."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from support.html import parse, rel_tokens
from support.site import (
    LOCALES,
    TEST_SITE_URL,
    language_by_code,
    mkdocs_config,
    nav_pages,
    page_url_path,
)

from finishing import FinishingError, search_worker


def search_index(site_dir: Path, locale: str) -> dict:
    folder = language_by_code(locale).prefix
    return json.loads((site_dir / folder / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("locale", LOCALES)
def test_each_language_has_its_own_search_index(site_dir: Path, locale: str) -> None:
    index = search_index(site_dir, locale)
    assert index["config"]["lang"] == [locale], "the stemmer must be the page language's only"
    prefix = language_by_code(locale).prefix
    built_titles = {parse(site_dir / page_url_path(md, locale)).find("h1").text.strip() for md in nav_pages()}
    page_docs = [doc for doc in index["docs"] if "#" not in doc["location"]]
    assert {doc["title"] for doc in page_docs} == built_titles
    for doc in index["docs"]:
        target = site_dir / prefix / doc["location"].split("#")[0] / "index.html"
        assert target.is_file(), f"{locale} index entry {doc['location']!r} is not a {locale} page"
        assert not doc["location"].startswith("en/"), "locations are relative to the language's root"


def test_each_language_reads_its_own_index(site_dir: Path) -> None:
    """Material loads <base>/search/search_index.json; base on each language's pages must be its own
    folder (/en/ for English), so that each language searches only itself."""
    for md in nav_pages():
        for locale in LOCALES:
            page_html = (site_dir / page_url_path(md, locale)).read_text(encoding="utf-8")
            config = json.loads(
                re.search(r'<script id="__config" type="application/json">(.*?)</script>', page_html, re.S)[1]
            )
            page_address = TEST_SITE_URL + page_url_path(md, locale)
            base = urlsplit(urljoin(page_address, config["base"])).path.rstrip("/") + "/"
            expected = urlsplit(TEST_SITE_URL).path + language_by_code(locale).prefix
            assert base == expected, f"{locale}/{md}: search base {config['base']!r}"


# What an element loads by itself (not a link the reader chooses to follow).
LOADING_ATTRIBUTES = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
    "form": "action",
}
NAVIGATION_RELS = {"canonical", "alternate"}


def _other_host(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) and parts.netloc != urlsplit(TEST_SITE_URL).netloc


def built_files(site_dir: Path, suffix: str) -> list[Path]:
    return sorted(site_dir.rglob(f"*{suffix}"))


def test_html_loads_nothing_from_other_hosts(site_dir: Path) -> None:
    offenders = []
    for path in built_files(site_dir, ".html"):
        page = parse(path)
        for element in page.elements:
            attribute = LOADING_ATTRIBUTES.get(element.tag)
            if attribute and _other_host(element.attrs.get(attribute, "")):
                offenders.append(f"{path.relative_to(site_dir)}: <{element.tag} {attribute}>")
            is_resource_link = element.tag == "link" and not rel_tokens(element) & NAVIGATION_RELS
            if is_resource_link and _other_host(element.attrs.get("href", "")):
                offenders.append(f"{path.relative_to(site_dir)}: <link {element.attrs}>")
        if re.search(r"url\(\s*['\"]?(https?:)?//", path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(site_dir)}: inline style url()")
    assert not offenders, "third-party requests:\n" + "\n".join(offenders)


def test_outbound_links_in_content_are_deliberate(site_dir: Path) -> None:
    """Content may link out (the reader chooses to follow); the chrome around it may not."""
    hosts = set()
    for path in built_files(site_dir, ".html"):
        for element in parse(path).find_all("a"):
            href = element.attrs.get("href", "")
            if _other_host(href):
                hosts.add(urlsplit(href).netloc)
    # Only edit links to the repository (for editors) and the footer's link to the authority's own
    # website (extra.authority_url) leave the site.
    authority = urlsplit(mkdocs_config()["extra"]["authority_url"]).netloc
    assert hosts <= {urlsplit("https://github.example/").netloc, authority}, hosts


def test_css_loads_nothing_from_other_hosts(site_dir: Path) -> None:
    offenders = []
    for path in built_files(site_dir, ".css"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"(?:url\(\s*['\"]?|@import\s+['\"])((?:https?:)?//[^'\")\s]+)", text):
            offenders.append(f"{path.relative_to(site_dir)}: {match[1]}")
    assert not offenders, offenders


# Host names that appear in the theme's JavaScript only as comments, licence notes, documentation links
# or code paths this site does not enable (repository facts for repo_url, Mermaid from a CDN). The
# browser tests prove that no page view requests any of them. A new host here needs a human look.
INERT_JS_HOSTS = {
    "www.w3.org",
    "www.mozilla.org",
    "github.com",
    "snowball.tartarus.org",
    "code.google.com",
    "unpkg.com",
    "fontawesome.com",
    "api.github.com",
    "en.wikipedia.org",
    "developer.mozilla.org",
    "clipboardjs.com",
    "bit.ly",
    "wiki.ecmascript.org",
    "wiki.commonjs.org",
    "underscorejs.org",
    "tartarus.org",
    "people.mozilla.org",
    "narwhaljs.org",
    "msdn.microsoft.com",
    "lunrjs.com",
    "docs.python.org",
    "chasen.org",
    "squidfunk.github.io",
    "gitlab.com",
    "mermaid.js.org",
}


def test_javascript_names_no_unexpected_host(site_dir: Path) -> None:
    hosts = set()
    for path in built_files(site_dir, ".js"):
        hosts |= set(re.findall(r"https?://([a-zA-Z0-9.-]+)", path.read_text(encoding="utf-8")))
    assert hosts - INERT_JS_HOSTS == set(), f"new hosts in JavaScript: {hosts - INERT_JS_HOSTS}"


def test_no_google_fonts_or_cdn(site_dir: Path) -> None:
    for path in built_files(site_dir, ".html") + built_files(site_dir, ".css"):
        text = path.read_text(encoding="utf-8")
        for host in ("fonts.googleapis.com", "fonts.gstatic.com", "cdn.jsdelivr.net", "unpkg.com"):
            assert host not in text, f"{path.relative_to(site_dir)} names {host}"


def test_built_search_worker_stems_queries_and_names_found_words(site_dir: Path) -> None:
    workers = list(site_dir.glob("assets/javascripts/workers/search.*.min.js"))
    assert len(workers) == 1
    worker = workers[0].read_text(encoding="utf-8")
    for original, patched in search_worker.PATCHES:
        assert patched in worker and original not in worker, f"the built worker lacks {patched[:40]!r}"
    assert search_index(site_dir, "da")["config"]["pipeline"][0] == "stemmer"


def test_changed_search_worker_stops_the_finishing_step() -> None:
    with pytest.raises(FinishingError, match="is not there once"):
        search_worker.patch_worker("a worker without the expected code", "search.x.min.js")
