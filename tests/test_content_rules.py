"""Rules for the pages' text (overrides/hooks/content_rules.py): each mistake named with its line and fix.

Each rule stands for a check the tests make on the built site (headings and names for screen
readers, the contact, no typed phone numbers, no repeated titles), so that an editor who breaks one
hears it from the build, in Danish, in the pull request's check, not only from a failing test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.site import LANGUAGES, build_site, copy_project, load_hook, mkdocs_config

rules = load_hook("content_rules")
ORIGINAL, OTHER = LANGUAGES[0], LANGUAGES[-1]


def numbered(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.splitlines(), start=1))


def test_headings_one_title_first_and_no_level_skipped() -> None:
    good = numbered("# Titel\n\nTekst.\n\n## Afsnit\n\n### Underafsnit\n\n## Afsnit to\n")
    assert list(rules.heading_problems(good)) == []
    assert list(rules.heading_problems(numbered("## Uden titel\n\n### Under\n"))) == []
    bad = numbered("# Titel\n\n### Sprang over\n\n# Titel igen\n")
    problems = list(rules.heading_problems(bad))
    assert [line for line, _ in problems] == [3, 5]
    assert "Skriv '## Sprang over'." in problems[0][1]
    assert "Skriv '## Titel igen'." in problems[1][1]


def test_images_need_a_description_and_links_a_text() -> None:
    lines = numbered(
        "![Elever ved en robot](robot.jpg)\n![](robot.jpg)\n[Læs mere om puljen](puljen.md)\n[ ](x.md)\n"
    )
    assert [line for line, _ in rules.image_and_link_problems(lines)] == [2, 4]


@pytest.mark.parametrize("text", ["Ring på 12 34 56 78.", "Tlf. +45 12345678", "telefon 98765432"])
def test_a_typed_phone_number_is_refused(text: str) -> None:
    ((line, message),) = list(rules.phone_problems(numbered(text)))
    assert line == 1 and "extra: fund_phone" in message


@pytest.mark.parametrize(
    "text", ["I 2019 og 2028.", "[Link](https://example.invalid/12345678)", "`12 34 56 78`", "24. april 2018"]
)
def test_years_addresses_and_code_are_no_phone_numbers(text: str) -> None:
    assert list(rules.phone_problems(numbered(text))) == []


def test_lang_names_a_site_language_and_the_site_name_is_marked() -> None:
    codes = [language.code for language in LANGUAGES]
    name = mkdocs_config()["site_name"]
    marked = f'The pact (<span lang="{ORIGINAL.code}">{name}</span>) and <span lang="{OTHER.code}">x</span>.'
    assert list(rules.language_problems(numbered(marked), codes, name, ORIGINAL.code)) == []
    bad = numbered(f'<span lang="xx">Hallo</span>\n\nThe pact, {name}, is regional.\n')
    problems = list(rules.language_problems(bad, codes, name, ORIGINAL.code))
    assert [line for line, _ in problems] == [1, 3]
    assert f'<span lang="{ORIGINAL.code}">{name}</span>' in problems[1][1]


def test_a_contact_page_names_the_contact_of_mkdocs_yml() -> None:
    extra = {"contact_name": "Ny Kontakt", "contact_email": "ny@example.invalid"}
    assert (
        list(
            rules.contact_problems(
                "Skriv til Ny Kontakt på [ny@example.invalid](mailto:ny@example.invalid).", extra
            )
        )
        == []
    )
    ((_, message),) = list(
        rules.contact_problems("Skriv til Gammel på [g@example.invalid](mailto:g@example.invalid).", extra)
    )
    assert "[ny@example.invalid](mailto:ny@example.invalid)" in message


def append(page: Path, text: str) -> None:
    page.write_text(page.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_each_rule_stops_the_build_with_the_file_and_line(tmp_path: Path) -> None:
    """Mistakes made as an editor would, in a copy of the site: each named in the build's output."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / ORIGINAL.code / "puljen.md"
    lines = page.read_text(encoding="utf-8").count("\n")
    append(page, "\n#### For dybt\n\n![](robot.jpg)\n\nRing på 12 34 56 78.\n")
    other = project / "docs" / OTHER.code / "maal.md"
    append(other, f"\n{mkdocs_config()['site_name']} is regional.\n")
    contact = project / "docs" / OTHER.code / "kontakt.md"
    email = mkdocs_config()["extra"]["contact_email"]
    contact.write_text(contact.read_text(encoding="utf-8").replace(email, "someone@example.invalid"), "utf-8")
    result = build_site(tmp_path / "site", project=project)
    assert result.returncode != 0
    for where in (
        f"docs/{ORIGINAL.code}/puljen.md:{lines + 2}: overskriften '#### For dybt' springer et niveau over",
        f"docs/{ORIGINAL.code}/puljen.md:{lines + 4}: billedet har ingen beskrivelse",
        f"docs/{ORIGINAL.code}/puljen.md:{lines + 6}: '12 34 56 78' ligner et telefonnummer",
        f"docs/{OTHER.code}/maal.md:",
        f"docs/{OTHER.code}/kontakt.md: siden skal nævne kontakten fra mkdocs.yml",
    ):
        assert where in result.stderr, f"{where!r} not in:\n{result.stderr}"


def test_two_pages_with_one_title_stop_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    first, second = (project / "docs" / OTHER.code / name for name in ("kontakt.md", "privatliv.md"))
    title = next(line for line in first.read_text(encoding="utf-8").splitlines() if line.startswith("title:"))
    text = second.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("title:"))
    second.write_text(text.replace(old, title, 1), encoding="utf-8")
    result = build_site(tmp_path / "site", project=project)
    assert result.returncode != 0
    line = text.splitlines().index(old) + 1
    assert (
        f"docs/{OTHER.code}/privatliv.md:{line}: 'title:' er den samme som på docs/{OTHER.code}/kontakt.md"
        in (result.stderr)
    )
