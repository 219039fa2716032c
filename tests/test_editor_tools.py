"""Editors' tools and messages: new pages in one command, pages outside the menu, broken links, make check."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from support.html import parse
from support.site import (
    LANGUAGES,
    add_paragraph,
    build_site,
    copy_project,
    page_url_path,
    read_mkdocs_yml,
    run_script,
)

ORIGINAL = LANGUAGES[0]


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def new_page_arguments(name: str) -> list[str]:
    arguments = [name]
    for language in LANGUAGES:
        arguments += ["--title", f"{language.code}=Titel {language.code}: {name}"]
        arguments += ["--description", f"{language.code}=Om siden {name} på {language.name}."]
    return arguments


def test_a_new_page_in_every_language_with_one_command(project: Path, tmp_path: Path) -> None:
    result = run_script(project, "new_page.py", *new_page_arguments("testside-fra-testen"))
    assert result.returncode == 0, result.stderr
    assert "make confirm PAGE=testside-fra-testen.md" in result.stdout, "the next steps are printed"
    assert read_mkdocs_yml(project / "mkdocs.yml")["nav"][-1] == "testside-fra-testen.md"
    states = json.loads(run_script(project, "translation_status.py", "--json").stdout)
    assert {row["state"] for row in states if row["page"] == "testside-fra-testen.md"} == {"current"}
    site = tmp_path / "site"
    build = build_site(site, project=project)
    assert build.returncode == 0, build.stderr
    for language in LANGUAGES:
        page = parse(site / page_url_path("testside-fra-testen.md", language.code))
        assert page.find("h1").text == f"Titel {language.code}: testside-fra-testen"
        assert page.meta(name="description") == f"Om siden testside-fra-testen på {language.name}."


def test_a_new_page_asks_for_what_is_missing(project: Path) -> None:
    answers = "\n".join(
        ["anden-testside-fra-testen", *(f"Titel {lang.code}\nBeskrivelse {lang.code}." for lang in LANGUAGES)]
    )
    result = run_script(project, "new_page.py", stdin=answers + "\n")
    assert result.returncode == 0, result.stderr
    for language in LANGUAGES:
        text = (project / "docs" / language.code / "anden-testside-fra-testen.md").read_text(encoding="utf-8")
        assert f'title: "Titel {language.code}"\n' in text


@pytest.mark.parametrize("name", ["Ansøgning", "puljen", "med mellemrum"])
def test_a_bad_or_taken_name_changes_nothing(project: Path, name: str) -> None:
    before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    pages = sorted(project.glob("docs/*/*.md"))
    result = run_script(project, "new_page.py", *new_page_arguments(name))
    assert result.returncode == 2 and result.stderr.strip()
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == before
    assert sorted(project.glob("docs/*/*.md")) == pages


def add_to_menu(project: Path, name: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("\nnav:\n", f"\nnav:\n  - {name}\n", 1), encoding="utf-8")


def add_page_by_hand(project: Path, front_matter: str) -> None:
    for language in LANGUAGES:
        (project / "docs" / language.code / "ny.md").write_text(f"---\n{front_matter}---\n\n# Ny\n", "utf-8")


def failed_build(project: Path, tmp_path: Path) -> str:
    """What the build of project says as it stops."""
    result = build_site(tmp_path / "site", project=project)
    assert result.returncode != 0, "the build should have stopped"
    return result.stderr


def test_a_page_outside_the_menu_fails_naming_mkdocs_yml(project: Path, tmp_path: Path) -> None:
    add_page_by_hand(project, "title: Ny\ndescription: En ny side.\n")
    said = failed_build(project, tmp_path)
    assert f"docs/{ORIGINAL.code}/ny.md er ikke i menuen" in said
    assert "'  - ny.md' under 'nav:' i mkdocs.yml" in said


@pytest.mark.parametrize("missing", ["title", "description"])
def test_a_page_without_title_or_description_fails(project: Path, tmp_path: Path, missing: str) -> None:
    lines = {"title": "title: Ny\n", "description": "description: En ny side.\n"}
    add_page_by_hand(project, "".join(line for key, line in lines.items() if key != missing))
    add_to_menu(project, "ny.md")
    assert f"docs/{ORIGINAL.code}/ny.md:1: '{missing}:' mangler" in failed_build(project, tmp_path)


def test_a_description_too_long_for_search_results_fails(project: Path, tmp_path: Path) -> None:
    add_page_by_hand(project, "title: Ny\ndescription: " + "Puljen støtter STEM. " * 12 + "\n")
    add_to_menu(project, "ny.md")
    said = failed_build(project, tmp_path)
    assert f"docs/{ORIGINAL.code}/ny.md:1: 'description:' er" in said
    assert "tegn lang" in said


def test_a_broken_link_names_the_line_and_the_nearest_page(project: Path, tmp_path: Path) -> None:
    line = add_paragraph(project / "docs" / ORIGINAL.code / "kontakt.md", "[Styregruppen](organisring.md)")
    said = failed_build(project, tmp_path)
    assert f"docs/{ORIGINAL.code}/kontakt.md:{line}: linket 'organisring.md'" in said
    assert "Mente du 'organisering.md'?" in said


def test_a_broken_anchor_names_the_nearest_heading(project: Path, tmp_path: Path) -> None:
    # The accessibility page's heading keeps its æ; the link spells it without.
    link = "[Erklæringen](tilgaengelighed.md#tilgaengelighedserklaering)"
    line = add_paragraph(project / "docs" / ORIGINAL.code / "kontakt.md", link)
    said = failed_build(project, tmp_path)
    assert f"docs/{ORIGINAL.code}/kontakt.md:{line}:" in said
    assert "Den nærmeste overskrift er '#tilgængelighedserklæring'" in said
    assert "æ, ø og å beholdes" in said


def test_make_check_passes_and_writes_a_summary(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    summary = tmp_path / "summary.md"
    result = run_script(root, "check.py", "--summary", str(summary))
    assert result.returncode == 0, result.stdout + result.stderr
    text = summary.read_text(encoding="utf-8")
    # Every check ran and passed; a translation still to confirm (a page added by hand) only warns.
    marks = re.findall(r"^### (\S+) ", text, flags=re.M)
    assert len(marks) == 6 and set(marks) <= {"✅", "⚠️"}, text
    assert "oversættelser er ajour." in text and "❌" not in text


def test_make_check_reports_every_failure(project: Path) -> None:
    page = project / "docs" / ORIGINAL.code / "kontakt.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nVi sender ansøgnigner. [Se](pulje.md)\n", "utf-8")
    result = run_script(project, "check.py")
    assert result.returncode == 1
    assert "FEJL  Stavning" in result.stdout and "FEJL  Bygning af siden, links" in result.stdout
    assert "ansøgnigner" in result.stdout and "pulje.md" in result.stdout
