"""A third language, added by following the README's "Add a language" steps on a copy of the site.

The pages are copied from English; the `ui` words get a German label where the test looks for it.
The copy must build strictly, and the new language must get its pages, switcher, sitemap entries,
hreflang links, search index, dates and steering group like the others.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import pytest
from support.html import parse
from support.site import TEST_SITE_URL, build_site, copy_project, nav_pages, page_url_path

from site_config import Language, site_languages

NEW = "de"
NEW_UI = {"last_updated": "Zuletzt aktualisiert", "not_found_title": "Seite nicht gefunden"}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def add_language_to_config(mkdocs_yml: Path) -> None:
    """Step 1: copy the English entry to the end of `languages:` and change what the README says."""
    text = mkdocs_yml.read_text(encoding="utf-8")
    start = text.index("        - locale: en\n")
    end = text.index("\nnav:")
    entry = text[start:end].rstrip("\n") + "\n"
    entry = entry.replace("- locale: en", f"- locale: {NEW}").replace("name: English", "name: Deutsch")
    entry = entry.replace("regional_locale: en_GB", "regional_locale: de_DE")
    entry = entry.replace(
        "site_name: The North Denmark Technology Pact", "site_name: Der Nordjütische Technologiepakt"
    )
    for key, word in NEW_UI.items():
        entry, count = re.subn(rf"(\n\s+{key}: ).*", rf"\g<1>{word}", entry, count=1)
        assert count == 1, f"ui.{key} not found in the English entry"
    mkdocs_yml.write_text(text[:end].rstrip("\n") + "\n" + entry + text[end:], encoding="utf-8")


def add_language_to_roster(roster: Path) -> None:
    """Step 3: a `de:` line under every title, organisation and note (here: the English text)."""
    lines = []
    for line in roster.read_text(encoding="utf-8").splitlines(keepends=True):
        lines.append(line)
        match = re.fullmatch(r"(\s+)en:(.*\n?)", line)
        if match:
            lines.append(f"{match[1]}{NEW}:{match[2]}")
    roster.write_text("".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def three_language_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("third-language") / "project")
    add_language_to_config(project / "mkdocs.yml")
    shutil.copytree(project / "docs" / "en", project / "docs" / NEW)
    add_language_to_roster(project / "data" / "steering-group.yml")
    roster = subprocess.run(
        [sys.executable, str(project / "scripts" / "steering_group.py")],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert roster.returncode == 0, roster.stderr
    # A git history, so the pages get their "last updated" dates.
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "A third language"]):
        subprocess.run([*git, *command], cwd=project, check=True, capture_output=True)
    site = project / "site"
    result = build_site(site, project=project)
    assert result.returncode == 0, (
        f"strict build with a third language failed:\n{result.stdout}\n{result.stderr}"
    )
    return site


@pytest.fixture(scope="module")
def languages(three_language_site: Path) -> dict[str, Language]:
    """The copy's languages by code, the new one among them, as its mkdocs.yml lists them."""
    return {language.code: language for language in site_languages(three_language_site.parent / "mkdocs.yml")}


def test_the_config_reader_sees_the_new_language(three_language_site: Path) -> None:
    languages = site_languages(three_language_site.parent / "mkdocs.yml")
    assert [language.code for language in languages][-1] == NEW
    assert languages[-1].regional_locale == "de_DE" and languages[-1].prefix == f"{NEW}/"


def test_every_page_exists_in_the_new_language(
    three_language_site: Path, languages: dict[str, Language]
) -> None:
    for name in nav_pages():
        page = parse(three_language_site / page_url_path(name, languages[NEW]))
        assert page.find("html").attrs["lang"] == NEW, name
        updated = page.by_class("page-updated")
        assert updated and "Zuletzt aktualisiert" in updated[0].text, f"{name}: the new language's ui words"
        assert re.search(r"\d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4}", updated[0].text), f"{name}: not a de_DE date"


def test_switcher_and_hreflang_link_every_language(
    three_language_site: Path, languages: dict[str, Language]
) -> None:
    codes = ["da", "en", NEW]
    for name in nav_pages():
        for code in codes:
            page = parse(three_language_site / page_url_path(name, languages[code]))
            switcher = {a.attrs.get("hreflang") for a in page.by_class("site-languages__link")}
            assert switcher == set(codes) - {code}, f"{code}/{name}: the header links to {switcher}"
            alternates = {
                link.attrs["hreflang"]: link.attrs["href"]
                for link in page.find_all("link")
                if "hreflang" in link.attrs
            }
            expected_new = TEST_SITE_URL + page_url_path(name, languages[NEW]).removesuffix("index.html")
            assert alternates.get(NEW) == expected_new, f"{code}/{name}: hreflang {alternates}"
            assert alternates.get("x-default") == alternates.get("da")


def test_sitemap_lists_the_new_pages_with_their_alternates(
    three_language_site: Path, languages: dict[str, Language]
) -> None:
    root = ET.parse(three_language_site / "sitemap.xml").getroot()
    entries = {url.findtext(f"{SITEMAP}loc"): url for url in root.iter(f"{SITEMAP}url")}
    for name in nav_pages():
        loc = TEST_SITE_URL + page_url_path(name, languages[NEW]).removesuffix("index.html")
        assert loc in entries, f"the sitemap lacks {loc}"
        langs = {link.get("hreflang") for link in entries[loc].iter(f"{XHTML}link")}
        assert langs == {"da", "en", NEW, "x-default"}, f"{loc}: alternates {langs}"


def test_the_new_language_searches_its_own_pages(
    three_language_site: Path, languages: dict[str, Language]
) -> None:
    index = json.loads(
        (three_language_site / NEW / "search" / "search_index.json").read_text(encoding="utf-8")
    )
    assert index["config"]["lang"] == [NEW]
    assert len({doc["location"].partition("#")[0] for doc in index["docs"]}) == len(nav_pages())
    for other in ("da", "en"):
        other_index = three_language_site / ("" if other == "da" else other) / "search" / "search_index.json"
        assert json.loads(other_index.read_text(encoding="utf-8"))["config"]["lang"] == [other]
    assert (three_language_site / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{NEW}.min.js").is_file()
    for name in nav_pages():
        path = page_url_path(name, languages[NEW])
        page = (three_language_site / path).read_text(encoding="utf-8")
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', page, re.S)
        assert config, path
        searched = urljoin(TEST_SITE_URL + path, json.loads(config[1])["base"])
        assert searched == f"{TEST_SITE_URL}{NEW}/", f"{path} searches the index at {searched}"


def test_the_steering_group_is_generated_in_the_new_language(
    three_language_site: Path, languages: dict[str, Language]
) -> None:
    data = json.loads(
        (three_language_site / NEW / "data" / "steering-group.json").read_text(encoding="utf-8")
    )
    assert data["language"] == NEW and data["members"]
    page = parse(three_language_site / page_url_path("organisering.md", languages[NEW]))
    assert all(member["name"] in page.text for member in data["members"])


def test_the_404_page_has_a_section_in_the_new_language(three_language_site: Path) -> None:
    page = parse(three_language_site / "404.html")
    sections = {section.attrs.get("lang"): section for section in page.find_all("section")}
    assert NEW in sections and NEW_UI["not_found_title"] in sections[NEW].text
