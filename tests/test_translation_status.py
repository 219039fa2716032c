"""Translation status: a changed Danish page flags its translations (table, JSON, notice) until confirmed."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from support.html import parse
from support.site import LANGUAGES, build_site, copy_project, nav_pages, page_url_path, run_script

ORIGINAL, *TRANSLATIONS = LANGUAGES
PAGE = "puljen.md"


def status(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_script(project, "translation_status.py", *args)


def states(project: Path) -> dict[tuple[str, str], str]:
    result = status(project, "--json")
    assert result.returncode in (0, 1), result.stderr
    return {(row["page"], row["language"]): row["state"] for row in json.loads(result.stdout)}


def add_sentence(project: Path, sentence: str) -> None:
    page = project / "docs" / ORIGINAL.code / PAGE
    page.write_text(page.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_every_page_of_the_site_is_in_every_language() -> None:
    """Outdated and unconfirmed translations are published (with a notice, or none to compare with);
    a missing one is not."""
    root = Path(__file__).resolve().parent.parent
    found = states(root)
    expected = {(name, language.code) for name in nav_pages() for language in TRANSLATIONS}
    assert set(found) >= expected
    assert "missing" not in found.values(), found


def test_a_substantial_change_makes_the_translation_outdated(project: Path) -> None:
    add_sentence(project, "Puljen har fået en ny regel.")
    assert {states(project)[(PAGE, language.code)] for language in TRANSLATIONS} == {"outdated"}
    table = status(project)
    assert table.returncode == 0, "an outdated translation must not block publishing"
    assert PAGE in table.stdout and "FORÆLDET" in table.stdout
    assert "make confirm PAGE=" in table.stderr and "translated_from: " in table.stdout
    assert status(project, "--strict").returncode == 1


def summary_lines(project: Path, page: str, language: str) -> list[str]:
    """The front-matter lines the pull request's summary tells the editor to write, for this page."""
    summary = status(project, "--markdown").stdout
    (row,) = [line for line in summary.splitlines() if line.startswith(f"| `{page}` | {language} |")]
    return re.findall(r"<br>`([^`]+)`", row)


def write_in_front_matter(page: Path, lines: list[str]) -> None:
    """What the summary says to do, as an editor does it in the web editor: each line replaces the line
    with its key, or goes just above the closing '---'."""
    text = page.read_text(encoding="utf-8")
    head, closing, body = text.partition("\n---\n")
    for line in lines:
        key = line.partition(":")[0]
        existing = re.search(rf"^{key}:.*$", head, flags=re.M)
        head = head.replace(existing[0], line) if existing else head + "\n" + line
    page.write_text(head + closing + body, encoding="utf-8")


def test_the_summarys_lines_confirm_a_translation_without_a_command(project: Path, tmp_path: Path) -> None:
    """Danish page changed, English page updated, then the lines the summary shows written by hand:
    no notice, in the table or on the built page."""
    add_sentence(project, "Puljen har fået en ny regel.")
    for language in TRANSLATIONS:
        lines = summary_lines(project, PAGE, language.code)
        assert [line.partition(":")[0] for line in lines] == ["translated_from", "translation_checked"]
        translation = project / "docs" / language.code / PAGE
        translation.write_text(
            translation.read_text(encoding="utf-8") + "\nThe fund has a new rule.\n", "utf-8"
        )
        write_in_front_matter(translation, lines)
    assert {states(project)[(PAGE, language.code)] for language in TRANSLATIONS} == {"current"}
    site = tmp_path / "site"
    assert build_site(site, project=project).returncode == 0
    for language in TRANSLATIONS:
        assert not parse(site / page_url_path(PAGE, language.code)).by_class("translation-notice")


def test_a_translation_without_the_lines_is_unconfirmed_published_and_can_be_confirmed(
    project: Path, tmp_path: Path
) -> None:
    """A page translated by hand has no lines yet: no notice, a hint in the summary, and its lines."""
    translation = project / "docs" / TRANSLATIONS[0].code / PAGE
    text = translation.read_text(encoding="utf-8")
    translation.write_text(
        re.sub(r"^(translated_from|translation_checked):.*\n", "", text, flags=re.M), "utf-8"
    )
    assert states(project)[(PAGE, TRANSLATIONS[0].code)] == "unconfirmed"
    assert status(project).returncode == 0 and status(project, "--strict").returncode == 1
    site = tmp_path / "site"
    assert build_site(site, project=project).returncode == 0
    assert not parse(site / page_url_path(PAGE, TRANSLATIONS[0].code)).by_class("translation-notice")
    write_in_front_matter(translation, summary_lines(project, PAGE, TRANSLATIONS[0].code))
    assert states(project)[(PAGE, TRANSLATIONS[0].code)] == "current"


def test_whitespace_and_line_breaks_do_not_count(project: Path) -> None:
    assert status(project, "--confirm", PAGE).returncode == 0  # whatever the page's state in the repository
    page = project / "docs" / ORIGINAL.code / PAGE
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(". ", ".\n", 3).replace("\n\n", "\n\n\n", 2) + "\n\n", encoding="utf-8")
    assert {states(project)[(PAGE, language.code)] for language in TRANSLATIONS} == {"current"}


def test_confirm_records_the_check_and_touches_only_its_lines(project: Path) -> None:
    add_sentence(project, "Puljen har fået en ny regel.")
    translation = project / "docs" / TRANSLATIONS[0].code / PAGE
    body_before = translation.read_text(encoding="utf-8").split("---", 2)[2]
    result = status(project, "--confirm", PAGE)
    assert result.returncode == 0, result.stderr
    assert states(project)[(PAGE, TRANSLATIONS[0].code)] == "current"
    assert translation.read_text(encoding="utf-8").split("---", 2)[2] == body_before


def test_a_missing_page_fails_and_bad_input_exits_2(project: Path) -> None:
    (project / "docs" / TRANSLATIONS[0].code / PAGE).unlink()
    result = status(project)
    assert result.returncode == 1 and "mangler" in result.stdout
    assert status(project, "--confirm", "findes-ikke.md").returncode == 2


def test_help_names_the_exit_codes(project: Path) -> None:
    result = status(project, "--help")
    assert result.returncode == 0 and "exit codes" in result.stdout


def test_an_outdated_translation_is_published_with_a_notice(project: Path, tmp_path: Path) -> None:
    add_sentence(project, "Puljen har fået en ny regel.")
    site = tmp_path / "site"
    result = build_site(site, project=project)
    assert result.returncode == 0, result.stderr
    for language in TRANSLATIONS:
        page = parse(site / page_url_path(PAGE, language.code))
        (notice,) = page.by_class("translation-notice")
        assert notice.attrs.get("role") == "note"
        assert language.ui["translation_notice_title"] in notice.text
        (link,) = notice.find_all("a")
        assert link.attrs["hreflang"] == ORIGINAL.code
        assert link.attrs["href"].endswith(page_url_path(PAGE, ORIGINAL.code).removesuffix("index.html"))
        assert not notice.find_all("script") and not notice.find_all("img"), "the notice must cost no request"
        other = parse(site / page_url_path("kontakt.md", language.code))
        assert not other.by_class("translation-notice"), "only the changed page is flagged"
