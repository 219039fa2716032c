"""What the build does with the owner's settings and with an editor's mistakes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from support.html import parse
from support.site import (
    LANGUAGES,
    LOCALES,
    ROOT,
    TEST_BASE_PATH,
    build_site,
    copy_project,
    load_hook,
    page_url_path,
)

from site_config import Language

STATEMENT_MARKER = load_hook("owner_settings").STATEMENT_MARKER


@pytest.fixture(scope="module")
def site_with_settings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with every owner setting filled in."""
    destination = tmp_path_factory.mktemp("settings") / "site"
    result = build_site(
        destination,
        ACCESSIBILITY_STATEMENT_URL="https://was.digst.example/teknologipagt",
        FUND_PHONE="+45 12 34 56 78",
    )
    assert result.returncode == 0, result.stderr
    return destination


def _content(site: Path, md: str, locale: str):
    return parse(site / page_url_path(md, locale)).by_class("md-content__inner")[0]


@pytest.mark.parametrize("locale", LOCALES)
def test_accessibility_page_says_statement_is_being_prepared(site_dir: Path, locale: str) -> None:
    article = _content(site_dir, "tilgaengelighed.md", locale)
    text = " ".join(article.text.split())
    assert {"da": "under udarbejdelse", "en": "being prepared"}[locale] in text
    assert not any("digst" in e.attrs.get("href", "") for e in article.descendants())


@pytest.mark.parametrize("locale", LOCALES)
def test_accessibility_page_links_the_official_statement(site_with_settings: Path, locale: str) -> None:
    article = _content(site_with_settings, "tilgaengelighed.md", locale)
    hrefs = [e.attrs.get("href") for e in article.descendants() if e.tag == "a"]
    assert "https://was.digst.example/teknologipagt" in hrefs


def test_was_address_leads_to_the_accessibility_page(site_dir: Path) -> None:
    for language in LANGUAGES:
        folder = f"{language.prefix}was"
        target = page_url_path("tilgaengelighed.md", language.code).removesuffix("index.html")
        page = parse(site_dir / folder / "index.html")
        assert page.meta(**{"http-equiv": "refresh"}) == f"0; url={TEST_BASE_PATH}{target}"
        assert (site_dir / target / "index.html").is_file()


def test_was_address_leads_to_the_official_statement_once_set(site_with_settings: Path) -> None:
    page = parse(site_with_settings / "was" / "index.html")
    assert page.meta(**{"http-equiv": "refresh"}) == "0; url=https://was.digst.example/teknologipagt"


@pytest.mark.parametrize("language", LANGUAGES, ids=LOCALES)
def test_phone_is_shown_only_when_set(site_dir: Path, site_with_settings: Path, language: Language) -> None:
    label = language.ui["phone"].partition(":")[0]  # "Telefon", "Phone"
    assert label not in _content(site_dir, "kontakt.md", language.code).text
    with_phone = _content(site_with_settings, "kontakt.md", language.code)
    assert "+45 12 34 56 78" in with_phone.text
    assert "tel:+4512345678" in [e.attrs.get("href") for e in with_phone.descendants()]


def _break_and_build(tmp_path: Path, change) -> subprocess.CompletedProcess[str]:
    project = copy_project(tmp_path / "project")
    change(project)
    return build_site(tmp_path / "site", project=project)


def test_missing_translation_stops_the_build(tmp_path: Path) -> None:
    result = _break_and_build(tmp_path, lambda p: (p / "docs/en/maal.md").unlink())
    assert result.returncode != 0
    # The editors' message is Danish: which file is missing, and the fix (copy the Danish page).
    assert "docs/en/maal.md mangler" in result.stderr, result.stderr
    assert "kopiér docs/da/maal.md til docs/en/maal.md" in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("page", "added_line", "named"),
    [
        ("docs/da/kontakt.md", "[Se puljen](pulje.md)", ["da/kontakt.md", "pulje.md"]),
        ("docs/en/puljen.md", "[Girls in STEM](indsatsomraader.md#girls)", ["en/puljen.md", "#girls"]),
    ],
    ids=["broken-link", "broken-anchor"],
)
def test_broken_link_or_anchor_stops_the_build_naming_the_file(
    tmp_path: Path, page: str, added_line: str, named: list[str]
) -> None:
    def add_line(project: Path) -> None:
        path = project / page
        path.write_text(path.read_text(encoding="utf-8") + f"\n{added_line}\n", encoding="utf-8")

    result = _break_and_build(tmp_path, add_line)
    assert result.returncode != 0
    for text in named:
        assert text in result.stderr, f"the error does not name {text!r}:\n{result.stderr}"


def test_removed_settings_marker_stops_the_build(tmp_path: Path) -> None:
    def drop_marker(project: Path) -> None:
        page = project / "docs/da/tilgaengelighed.md"
        text = page.read_text(encoding="utf-8").replace(STATEMENT_MARKER, "")
        page.write_text(text, encoding="utf-8")

    result = _break_and_build(tmp_path, drop_marker)
    assert result.returncode != 0
    assert "docs/da/tilgaengelighed.md" in result.stderr and STATEMENT_MARKER in result.stderr


def test_shallow_clone_builds_with_a_warning(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "--quiet", "--depth", "1", f"file://{ROOT}", str(clone)],
        check=True,
        capture_output=True,
    )
    result = build_site(tmp_path / "site", project=clone)
    assert result.returncode == 0, result.stderr
    assert "shallow" in result.stderr and "git fetch --unshallow" in result.stderr
    assert parse(tmp_path / "site" / "index.html").by_class("page-updated"), "dates still shown"


def test_same_sources_build_the_same_site(site_dir: Path, tmp_path: Path) -> None:
    again = tmp_path / "site"
    assert build_site(again).returncode == 0
    first = {p.relative_to(site_dir): p.read_bytes() for p in site_dir.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    differing = [str(path) for path in first if first[path] != second[path]]
    assert not differing, f"not reproducible: {differing}"


@pytest.mark.parametrize("language", LANGUAGES, ids=LOCALES)
def test_the_footer_links_the_official_statement_once_set(
    site_with_settings: Path, language: Language
) -> None:
    """Every page links the accessibility statement the law asks for: the official one once it is set."""
    footer = parse(site_with_settings / page_url_path("puljen.md", language.code)).by_class("site-footer")[0]
    links = {" ".join(e.text.split()): e.attrs.get("href") for e in footer.descendants() if e.tag == "a"}
    assert links[language.ui["accessibility"]] == "https://was.digst.example/teknologipagt"
