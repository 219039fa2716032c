"""The steering-group roster: generated pages, --check, idempotence, open data and JSON-LD."""

from __future__ import annotations

import csv
import io
import json
import os
import posixpath
import shutil
from pathlib import Path

import pytest
from babel.dates import format_date
from support.html import Element, parse_fragment
from support.roster import (
    BUILT_PAGES,
    DOCS,
    END_MARKER,
    OUTPUT_FILES,
    ROSTER,
    SOURCE_STEERING_GROUP,
    START_MARKER,
    copy_docs,
    generated_html,
    json_ld_of,
    member_items,
    replace_in,
    roster_data,
    roster_names,
    run_script,
    snapshot,
)
from support.site import LOCALES, language_by_code

# The line above the list in each language, and how it writes the date in words.
CAPTIONS = {"da": ("Styregruppen pr. {}", "d. MMMM y"), "en": ("Steering group as of {}", "d MMMM y")}


def caption(locale: str) -> str:
    """The line above the list, with the roster's date in words (checked against babel's own rendering)."""
    text, date_format = CAPTIONS[locale]
    return text.format(
        format_date(roster_data()["as_of"], date_format, locale=language_by_code(locale).regional_locale)
    )


def expected_items(data: dict, locale: str) -> list[tuple[str, str]]:
    items = []
    for member in data["members"]:
        text = f"{member['name']}, {member['title'][locale]}, {member['organisation'][locale]}"
        if "note" in member:
            text += f"; {member['note'][locale]}"
        items.append((member["name"], text))
    return items


# The committed files


def test_help_exits_0() -> None:
    result = run_script("--help")
    assert result.returncode == 0
    for option in ("--check", "--roster", "--docs-dir", "--config"):
        assert option in result.stdout


def test_committed_pages_match_the_committed_roster() -> None:
    result = run_script("--check")
    assert result.returncode == 0, f"run 'python scripts/steering_group.py':\n{result.stdout}{result.stderr}"


def test_roster_holds_the_source_members_in_order() -> None:
    assert tuple(roster_names()) == SOURCE_STEERING_GROUP


def test_roster_explains_itself_to_editors() -> None:
    head = ROSTER.read_text(encoding="utf-8").split("as_of:")[0]
    for topic in ("Add a member", "Remove a member", "Change a member", "as_of"):
        assert topic in head


# The built site


@pytest.fixture(scope="module")
def built_blocks(site_dir: Path) -> dict[str, tuple[Element, list[str]]]:
    return {
        locale: parse_fragment(generated_html((site_dir / page).read_text(encoding="utf-8")))
        for locale, page in BUILT_PAGES.items()
    }


@pytest.mark.parametrize("locale", LOCALES)
def test_built_page_lists_every_member_in_roster_order(built_blocks: dict, locale: str) -> None:
    root, _ = built_blocks[locale]
    items = member_items(root)
    assert [name for name, _ in items] == roster_names()
    assert items == expected_items(roster_data(), locale)


@pytest.mark.parametrize("locale", LOCALES)
def test_built_list_is_introduced_with_the_date_in_words(built_blocks: dict, locale: str) -> None:
    root, _ = built_blocks[locale]
    first = next(element for element in root.iter() if element.tag in ("p", "ul"))
    assert first.tag == "p" and first.text == caption(locale) + ":"


@pytest.mark.parametrize("locale", LOCALES)
def test_built_block_says_it_is_generated(built_blocks: dict, locale: str) -> None:
    _, comments = built_blocks[locale]
    assert any(
        "Generated from data/steering-group.yml" in comment and "edit the YAML" in comment
        for comment in comments
    )


def test_english_list_marks_danish_names(built_blocks: dict) -> None:
    root, _ = built_blocks["en"]
    danish = [span.text for span in root.find_all("span") if span.attrs.get("lang") == "da"]
    assert "EUC Nordvest" in danish and "Arbejdsmarkedskontor Midt-Nord" in danish


@pytest.mark.parametrize("locale", LOCALES)
def test_json_ld_names_every_member(built_blocks: dict, locale: str) -> None:
    root, _ = built_blocks[locale]
    data = json_ld_of(root)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Organization"
    people = [role["member"] for role in data["member"]]
    assert all(role["@type"] == "OrganizationRole" for role in data["member"])
    assert [person["name"] for person in people] == roster_names()
    roster = roster_data()["members"]
    assert [person["jobTitle"] for person in people] == [member["title"][locale] for member in roster]
    assert [person["worksFor"]["name"] for person in people] == [
        member["organisation"][locale] for member in roster
    ]


def open_data_links(root: Element) -> dict[str, str]:
    """Link text -> href of the links to the open-data files."""
    return {
        a.text: a.attrs["href"] or ""
        for a in root.find_all("a")
        if "steering-group." in (a.attrs["href"] or "")
    }


@pytest.mark.parametrize("locale", LOCALES)
def test_open_data_files_in_built_site_match_the_roster(
    site_dir: Path, built_blocks: dict, locale: str
) -> None:
    root, _ = built_blocks[locale]
    links = open_data_links(root)
    assert len(links) == 2 and all(len(text.split()) >= 3 for text in links), (
        f"descriptive link texts: {links}"
    )
    files = {}
    for href in links.values():
        target = site_dir / posixpath.normpath(posixpath.join(posixpath.dirname(BUILT_PAGES[locale]), href))
        assert target.is_file(), f"{href} on the {locale} page leads nowhere"
        files[target.suffix] = target.read_text(encoding="utf-8")
    expected = [
        {
            "position": position,
            "name": member["name"],
            "title": member["title"][locale],
            "organisation": member["organisation"][locale],
            "note": member["note"][locale] if "note" in member else None,
        }
        for position, member in enumerate(roster_data()["members"], start=1)
    ]
    published = json.loads(files[".json"])
    assert published["members"] == expected and published["as_of"] == "2026-11-26"
    assert published["language"] == locale
    rows = list(csv.DictReader(io.StringIO(files[".csv"], newline="")))
    as_text = [{key: "" if value is None else str(value) for key, value in row.items()} for row in expected]
    assert rows == as_text


# Writing, --check and idempotence (on a copy of docs/)


@pytest.fixture
def docs_copy(tmp_path: Path) -> Path:
    return copy_docs(tmp_path)


def test_check_fails_with_a_diff_when_the_block_is_edited_by_hand(docs_copy: Path) -> None:
    page = docs_copy / "da" / "organisering.md"
    replace_in(page, ", rektor,", ", rektor og formand,")
    before = snapshot(docs_copy)
    result = run_script("--check", "--docs-dir", docs_copy)
    assert result.returncode == 1
    assert "-<li><strong>Jette Rygaard</strong>, rektor og formand, Vesthimmerlands" in result.stdout
    assert "+<li><strong>Jette Rygaard</strong>, rektor, Vesthimmerlands" in result.stdout
    assert "da/organisering.md" in result.stdout and "python scripts/steering_group.py" in result.stderr
    assert snapshot(docs_copy) == before, "--check wrote something"


def test_check_fails_when_the_roster_changed_but_the_pages_did_not(docs_copy: Path, tmp_path: Path) -> None:
    roster = tmp_path / "roster.yml"
    roster.write_text(
        ROSTER.read_text(encoding="utf-8").replace("en: Vice-Dean", "en: Dean"), encoding="utf-8"
    )
    result = run_script("--check", "--roster", roster, "--docs-dir", docs_copy)
    assert result.returncode == 1
    assert "+<li><strong>Olav Geil</strong>, Dean, the Faculty" in result.stdout


def test_check_passes_when_only_text_outside_the_markers_changed(docs_copy: Path) -> None:
    page = docs_copy / "en" / "organisering.md"
    page.write_text("Hand-written text above.\n\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_script("--check", "--docs-dir", docs_copy).returncode == 0


def test_editing_a_title_updates_both_languages(docs_copy: Path, tmp_path: Path) -> None:
    roster = tmp_path / "roster.yml"
    text = ROSTER.read_text(encoding="utf-8")
    roster.write_text(
        text.replace("da: prodekan", "da: dekan").replace("en: Vice-Dean", "en: Dean"), encoding="utf-8"
    )
    result = run_script("--roster", roster, "--docs-dir", docs_copy)
    assert result.returncode == 0, result.stderr
    assert "Updated" in result.stdout
    for locale, title in (("da", "dekan"), ("en", "Dean")):
        page = (docs_copy / locale / "organisering.md").read_text(encoding="utf-8")
        assert f"<li><strong>Olav Geil</strong>, {title}, " in page
        opened = json.loads((docs_copy / locale / "data" / "steering-group.json").read_text(encoding="utf-8"))
        assert opened["members"][8]["title"] == title


def test_text_around_the_markers_survives_byte_for_byte(docs_copy: Path) -> None:
    page = docs_copy / "da" / "organisering.md"
    original = page.read_bytes().decode("utf-8")
    head, rest = original.split(START_MARKER)
    _, tail = rest.split(END_MARKER)
    head, tail = head + "Ny indledning.\r\n", "\r\nNy afslutning.\n" + tail  # even other line endings survive
    page.write_bytes((head + START_MARKER + "\nstale\n" + END_MARKER + tail).encode("utf-8"))
    assert run_script("--docs-dir", docs_copy).returncode == 0
    updated = page.read_bytes().decode("utf-8")
    assert updated.startswith(head + START_MARKER) and updated.endswith(END_MARKER + tail)
    assert (
        updated.split(START_MARKER)[1]
        == original.split(START_MARKER)[1].split(END_MARKER)[0] + END_MARKER + tail
    )


def test_second_run_changes_nothing(docs_copy: Path) -> None:
    shutil.rmtree(docs_copy / "en" / "data")
    replace_in(docs_copy / "da" / "organisering.md", ", rektor,", ", stale,")
    first = run_script("--docs-dir", docs_copy)
    assert first.returncode == 0 and first.stdout.count("Updated") == 3
    after_first = {
        path: (path.stat().st_mtime_ns, path.read_bytes()) for path in map(docs_copy.joinpath, OUTPUT_FILES)
    }
    second = run_script("--docs-dir", docs_copy)
    assert second.returncode == 0 and "Updated" not in second.stdout
    after_second = {
        path: (path.stat().st_mtime_ns, path.read_bytes()) for path in map(docs_copy.joinpath, OUTPUT_FILES)
    }
    assert after_second == after_first


def test_same_roster_gives_byte_identical_output(tmp_path: Path) -> None:
    outputs = []
    for name in ("one", "two"):
        docs = copy_docs(tmp_path / name)
        for locale in LOCALES:  # start from nothing generated
            shutil.rmtree(docs / locale / "data")
            page = docs / locale / "organisering.md"
            head, rest = page.read_text(encoding="utf-8").split(START_MARKER)
            page.write_text(
                head + START_MARKER + "\n" + END_MARKER + rest.split(END_MARKER)[1], encoding="utf-8"
            )
        assert run_script("--docs-dir", docs).returncode == 0
        outputs.append({relative: (docs / relative).read_bytes() for relative in OUTPUT_FILES})
    assert outputs[0] == outputs[1]
    assert outputs[0] == {relative: (DOCS / relative).read_bytes() for relative in OUTPUT_FILES}


def test_missing_markers_are_reported_and_nothing_changes(docs_copy: Path) -> None:
    replace_in(docs_copy / "en" / "organisering.md", END_MARKER, "")
    replace_in(docs_copy / "da" / "organisering.md", ", rektor,", ", stale,")
    before = snapshot(docs_copy)
    result = run_script("--docs-dir", docs_copy)
    assert result.returncode == 2
    assert "en/organisering.md" in result.stderr and END_MARKER in result.stderr
    assert snapshot(docs_copy) == before, "the Danish page was written although the English one failed"


def test_rewritten_files_keep_their_permissions(docs_copy: Path) -> None:
    page = docs_copy / "da" / "organisering.md"
    replace_in(page, ", rektor,", ", stale,")
    os.chmod(page, 0o664)
    assert run_script("--docs-dir", docs_copy).returncode == 0
    assert page.stat().st_mode & 0o777 == 0o664
    assert not list(docs_copy.rglob("*.tmp")), "temporary files left behind"


def test_roster_path_outside_the_repository_is_named_in_messages(tmp_path: Path, docs_copy: Path) -> None:
    roster = tmp_path / "elsewhere.yml"
    roster.write_text("as_of: 2026-11-26\nmembers: []\n", encoding="utf-8")
    result = run_script("--roster", roster, "--docs-dir", docs_copy)
    assert result.returncode == 2
    assert f"{roster}:2:1:" in result.stderr
