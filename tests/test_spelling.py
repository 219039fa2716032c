"""Spelling: hunspell in each page's language, the project's word list, the roster's names, near misses."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml
from support.site import LANGUAGES, ROOT, add_paragraph, copy_project, run_script

SPELLING = ROOT / "scripts" / "spelling.py"
DANISH, ENGLISH = (next(lang for lang in LANGUAGES if lang.code == code) for code in ("da", "en"))


def spelling(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_script(project, "spelling.py", *args)


def found(project: Path) -> list[dict]:
    result = spelling(project, "--json")
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def append(project: Path, language: str, name: str, text: str) -> int:
    """Add a paragraph to a page; the number of its line."""
    return add_paragraph(project / "docs" / language / name, text)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_the_site_is_spelt_right() -> None:
    result = spelling(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        (DANISH.code, "Vi sender ansøgnigner videre.", "ansøgnigner"),
        (
            DANISH.code,
            "Teknologipagtspullen støtter projekter.",
            "Teknologipagtspullen",
        ),  # a made-up compound
        (ENGLISH.code, "The fund suports schools.", "suports"),
        (ENGLISH.code, "The North Denmark Technolgy Pact.", "Technolgy"),
    ],
)
def test_a_misspelt_word_fails_with_file_line_and_word(
    project: Path, language: str, text: str, word: str
) -> None:
    line = append(project, language, "kontakt.md", text)
    result = spelling(project)
    assert result.returncode == 1
    assert f"docs/{language}/kontakt.md:{line}: '{word}'" in result.stdout


def test_text_marked_with_another_language_is_checked_in_that_language(project: Path) -> None:
    append(project, DANISH.code, "kontakt.md", '<span lang="en">The fund supports schools.</span>')
    append(project, ENGLISH.code, "kontakt.md", '<span lang="da">Puljen støtter skoler.</span>')
    assert found(project) == []


def test_names_from_the_roster_and_the_word_list_are_accepted(project: Path) -> None:
    roster = project / "data" / "steering-group.yml"
    data = yaml.safe_load(roster.read_text(encoding="utf-8"))
    name = data["members"][0]["name"]
    roster.write_text(
        roster.read_text(encoding="utf-8").replace(name, "Quaxilia Brummelund"), encoding="utf-8"
    )
    append(project, DANISH.code, "kontakt.md", "Spørg Quaxilia Brummelund om Zorbifant.")
    assert [problem["word"] for problem in found(project)] == ["Zorbifant"]
    with (project / "data" / "ordliste.txt").open("a", encoding="utf-8") as word_list:
        word_list.write("Zorbifant\n")
    assert found(project) == []


def test_code_and_addresses_are_not_checked(project: Path) -> None:
    append(project, ENGLISH.code, "kontakt.md", "Write to `xqzv@wrk` or see https://example.invalid/qwxz/.")
    assert found(project) == []


def test_a_page_that_cannot_be_read_is_bad_input_naming_the_file(project: Path) -> None:
    page = project / "docs" / DANISH.code / "kontakt.md"
    page.write_bytes(page.read_bytes() + b"\nGemt som Latin-1: \xe6bler.\n")
    result = spelling(project)
    assert result.returncode == 2
    assert result.stderr.startswith(f"docs/{DANISH.code}/kontakt.md: kan ikke læses"), result.stderr


def test_a_missing_dictionary_is_bad_input(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            f"regional_locale: {ENGLISH.regional_locale}", "regional_locale: xx_XX"
        ),
        encoding="utf-8",
    )
    result = spelling(project)
    assert result.returncode == 2 and "xx_XX" in result.stderr
