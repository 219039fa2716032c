"""The steering-group roster: generated pages, --check, idempotence, open data and JSON-LD.

Two kinds of test. Those of the real site take what they expect from the real roster
(data/steering-group.yml, read with plain PyYAML): editors add, remove, reorder and change members,
and every such change must keep them green. Those of the roster tool itself (writing, --check, what
it says) use a roster and a docs folder of their own (tests/rosters/good/, support.roster.make_docs).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import os
import posixpath
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from babel.dates import format_date
from support.html import Element, parse_fragment
from support.roster import (
    BUILT_PAGES,
    END_MARKER,
    OUTPUT_FILES,
    ROSTER,
    STALE,
    START_MARKER,
    fixture_roster_text,
    generated_docs,
    generated_html,
    json_ld_of,
    make_docs,
    member_items,
    replace_in,
    roster_data,
    roster_names,
    run_script,
    snapshot,
    write_roster,
)
from support.site import DEFAULT_LOCALE, LANGUAGES, LOCALES, ROOT, language_by_code, load_hook

from roster import pipeline, render
from roster.schema import parse_roster
from roster.source import nodes_from_text

# The line above the list in each language, and how it writes the date in words.
CAPTIONS = {"da": ("Styregruppen pr. {}", "d. MMMM y"), "en": ("Steering group as of {}", "d MMMM y")}


def caption(locale: str, as_of: object = None) -> str:
    """The line above the list: with the date in words once the roster has an as_of (checked against
    babel's own rendering), without a date until then. A language added to the site since is checked
    against its own words in mkdocs.yml."""
    language = language_by_code(locale)
    if as_of is None:
        return language.ui["roster_caption_undated"]
    text, date_format = CAPTIONS.get(locale, (language.ui["roster_caption"].replace("{date}", "{}"), "long"))
    return text.format(format_date(as_of, date_format, locale=language.regional_locale))


def expected_items(data: dict, locale: str) -> list[tuple[str, str]]:
    items = []
    for member in data["members"]:
        text = f"{member['name']}, {member['title'][locale]}, {member['organisation'][locale]}"
        if "note" in member:
            text += f"; {member['note'][locale]}"
        items.append((member["name"], text))
    return items


# The real roster and the committed files


def test_help_exits_0() -> None:
    result = run_script("--help")
    assert result.returncode == 0
    for option in ("--check", "--roster", "--docs-dir", "--config"):
        assert option in result.stdout


def test_committed_pages_match_the_committed_roster() -> None:
    result = run_script("--check")
    assert result.returncode == 0, f"run 'make roster':\n{result.stdout}{result.stderr}"


def test_the_tool_reads_the_roster_as_plain_yaml_does() -> None:
    """The project's loader and plain PyYAML agree on every member, in order: whoever is on the list."""
    data = roster_data()
    roster = pipeline.load_roster()
    assert roster.as_of == data.get("as_of")
    assert [member.name for member in roster.members] == roster_names()
    for member, plain in zip(roster.members, data["members"], strict=True):
        for language in LANGUAGES:
            code = language.code
            assert member.title.in_language(code) == plain["title"][code]
            assert member.organisation.in_language(code) == plain["organisation"][code]
            note = member.note.in_language(code) if member.note is not None else None
            assert note == (plain["note"][code] if "note" in plain else None)


def test_roster_explains_itself_to_editors() -> None:
    """The comments at the top say, in Danish, how to change the list, and that every text needs a line
    in each of the site's languages (mkdocs.yml)."""
    lines = ROSTER.read_text(encoding="utf-8").splitlines()
    head = "\n".join(lines[: next(i for i, line in enumerate(lines) if line and line[0] != "#")])
    for topic in ("Tilføj et medlem", "Fjern et medlem", "Ret et medlem", "Skift rækkefølgen", "as_of"):
        assert topic in head
    assert "én linje for hvert af sidens sprog" in head and "mkdocs.yml" in head
    assert f"{DEFAULT_LOCALE}:" in head and "make roster" in head


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
    assert first.tag == "p" and first.text == caption(locale, roster_data().get("as_of")) + ":"


@pytest.mark.parametrize("locale", LOCALES)
def test_built_block_says_it_is_generated(built_blocks: dict, locale: str) -> None:
    _, comments = built_blocks[locale]
    assert any("data/steering-group.yml" in comment and "make roster" in comment for comment in comments)


@pytest.mark.parametrize("locale", [code for code in LOCALES if code != DEFAULT_LOCALE])
def test_other_languages_mark_the_default_languages_names(built_blocks: dict, locale: str) -> None:
    """An organisation whose translation quotes its Danish name ("EUC Nordvest (a vocational college)")
    marks that name with lang="da", for screen readers: for every such member of the roster."""
    root, _ = built_blocks[locale]
    marked = [span.text for span in root.find_all("span") if span.attrs.get("lang") == DEFAULT_LOCALE]
    organisations = [member["organisation"] for member in roster_data()["members"]]
    quoted = [texts[DEFAULT_LOCALE] for texts in organisations if texts[DEFAULT_LOCALE] in texts[locale]]
    assert marked == quoted


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
    as_of = roster_data().get("as_of")
    assert published["members"] == expected
    assert published["as_of"] == (as_of.isoformat() if as_of else None)
    assert published["language"] == locale
    rows = list(csv.DictReader(io.StringIO(files[".csv"], newline="")))
    as_text = [{key: "" if value is None else str(value) for key, value in row.items()} for row in expected]
    assert rows == as_text


# The roster tool itself: rendering, writing, --check and idempotence, on rosters and docs of its own


def test_other_languages_mark_the_quoted_name_of_the_example() -> None:
    root, problems = nodes_from_text(fixture_roster_text())
    roster = parse_roster(root, LANGUAGES, problems)
    for language in LANGUAGES[1:]:
        block = render.page_block(roster, language, LANGUAGES)
        assert f'<span lang="{DEFAULT_LOCALE}">Eksempelskolen</span> (a vocational college)' in block
        assert "Prøve Upper Secondary School" in block and f'lang="{DEFAULT_LOCALE}">Prøve' not in block


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    """The example roster (tests/rosters/good/example.yml), in the site's languages."""
    return write_roster(tmp_path / "roster" / "example.yml")


@pytest.fixture
def docs(tmp_path: Path, roster: Path) -> Path:
    """A docs folder with the example roster's pages and open data, as the tool writes them."""
    return generated_docs(tmp_path, roster)


def test_first_run_writes_every_file_and_says_so_in_danish(tmp_path: Path, roster: Path) -> None:
    docs = make_docs(tmp_path)
    result = run_script("--roster", roster, "--docs-dir", docs)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Opdateret ") == len(OUTPUT_FILES)
    for relative in OUTPUT_FILES:
        assert (docs / relative).is_file()
    for locale in LOCALES:
        page = (docs / locale / "organisering.md").read_text(encoding="utf-8")
        assert STALE not in page
        assert [name for name, _ in member_items(parse_fragment(generated_html(page))[0])] == roster_names(
            roster
        )
    again = run_script("--roster", roster, "--docs-dir", docs)
    assert again.returncode == 0 and again.stdout.strip() == "Allerede ajour: intet er ændret."
    check = run_script("--check", "--roster", roster, "--docs-dir", docs)
    assert check.returncode == 0 and check.stdout.strip() == "Styregruppens sider er ajour."


def test_check_fails_with_a_diff_when_the_block_is_edited_by_hand(docs: Path, roster: Path) -> None:
    page = docs / DEFAULT_LOCALE / "organisering.md"
    replace_in(page, ", rektor,", ", rektor og formand,")
    before = snapshot(docs)
    result = run_script("--check", "--roster", roster, "--docs-dir", docs)
    assert result.returncode == 1
    assert "-<li><strong>Bo Prøvesen</strong>, rektor og formand, Prøve Gymnasium" in result.stdout
    assert "+<li><strong>Bo Prøvesen</strong>, rektor, Prøve Gymnasium" in result.stdout
    assert f"{DEFAULT_LOCALE}/organisering.md" in result.stdout
    assert "Ikke ajour: " in result.stderr and "Kør 'make roster'" in result.stderr
    assert snapshot(docs) == before, "--check wrote something"


def test_check_fails_when_the_roster_changed_but_the_pages_did_not(docs: Path, roster: Path) -> None:
    replace_in(roster, "en: Vice-Dean", "en: Dean")
    result = run_script("--check", "--roster", roster, "--docs-dir", docs)
    assert result.returncode == 1
    assert "+<li><strong>Cecilie Østergård</strong>, Dean, the Test University" in result.stdout


def test_check_passes_when_only_text_outside_the_markers_changed(docs: Path, roster: Path) -> None:
    page = docs / LOCALES[-1] / "organisering.md"
    page.write_text("Hand-written text above.\n\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_script("--check", "--roster", roster, "--docs-dir", docs).returncode == 0


def test_editing_a_title_updates_both_languages(docs: Path, roster: Path) -> None:
    replace_in(roster, "da: prodekan", "da: dekan")
    replace_in(roster, "en: Vice-Dean", "en: Dean")
    result = run_script("--roster", roster, "--docs-dir", docs)
    assert result.returncode == 0, result.stderr
    assert "Opdateret " in result.stdout
    for locale, title in (("da", "dekan"), ("en", "Dean")):
        page = (docs / locale / "organisering.md").read_text(encoding="utf-8")
        assert f"<li><strong>Cecilie Østergård</strong>, {title}, " in page
        opened = json.loads((docs / locale / "data" / "steering-group.json").read_text(encoding="utf-8"))
        assert opened["members"][2]["title"] == title


def test_adding_removing_and_reordering_members_follows_the_roster(docs: Path, roster: Path) -> None:
    """What editors do: the pages list exactly the roster's members, in its order."""
    head, *blocks = roster.read_text(encoding="utf-8").split("  - name: ")
    anna, bo, cecilie = (block.rstrip("\n") + "\n" for block in blocks)
    dorte = anna.replace("Anna Eksempel", "Dorte Ny").replace("Eksempelskolen", "Nyskolen")
    roster.write_text(head + "\n".join("  - name: " + block for block in (cecilie, dorte, bo)), "utf-8")
    result = run_script("--roster", roster, "--docs-dir", docs)
    assert result.returncode == 0, result.stderr
    for locale in LOCALES:
        page = (docs / locale / "organisering.md").read_text(encoding="utf-8")
        names = [name for name, _ in member_items(parse_fragment(generated_html(page))[0])]
        assert names == ["Cecilie Østergård", "Dorte Ny", "Bo Prøvesen"] == roster_names(roster)


def test_text_around_the_markers_survives_byte_for_byte(docs: Path, roster: Path) -> None:
    page = docs / DEFAULT_LOCALE / "organisering.md"
    original = page.read_bytes().decode("utf-8")
    head, rest = original.split(START_MARKER)
    _, tail = rest.split(END_MARKER)
    head, tail = head + "Ny indledning.\r\n", "\r\nNy afslutning.\n" + tail  # even other line endings survive
    page.write_bytes((head + START_MARKER + "\nstale\n" + END_MARKER + tail).encode("utf-8"))
    assert run_script("--roster", roster, "--docs-dir", docs).returncode == 0
    updated = page.read_bytes().decode("utf-8")
    assert updated.startswith(head + START_MARKER) and updated.endswith(END_MARKER + tail)
    assert (
        updated.split(START_MARKER)[1]
        == original.split(START_MARKER)[1].split(END_MARKER)[0] + END_MARKER + tail
    )


def test_second_run_changes_nothing(docs: Path, roster: Path) -> None:
    shutil.rmtree(docs / LOCALES[-1] / "data")
    replace_in(docs / DEFAULT_LOCALE / "organisering.md", ", rektor,", ", stale,")
    first = run_script("--roster", roster, "--docs-dir", docs)
    assert first.returncode == 0 and first.stdout.count("Opdateret ") == 3
    after_first = {
        path: (path.stat().st_mtime_ns, path.read_bytes()) for path in map(docs.joinpath, OUTPUT_FILES)
    }
    second = run_script("--roster", roster, "--docs-dir", docs)
    assert second.returncode == 0 and "Opdateret" not in second.stdout
    after_second = {
        path: (path.stat().st_mtime_ns, path.read_bytes()) for path in map(docs.joinpath, OUTPUT_FILES)
    }
    assert after_second == after_first


def test_same_roster_gives_byte_identical_output(tmp_path: Path, roster: Path) -> None:
    outputs = [
        {relative: (docs / relative).read_bytes() for relative in OUTPUT_FILES}
        for docs in (generated_docs(tmp_path / name, roster) for name in ("one", "two"))
    ]
    assert outputs[0] == outputs[1]


def test_missing_markers_are_reported_and_nothing_changes(docs: Path, roster: Path) -> None:
    replace_in(docs / LOCALES[-1] / "organisering.md", END_MARKER, "")
    replace_in(docs / DEFAULT_LOCALE / "organisering.md", ", rektor,", ", stale,")
    before = snapshot(docs)
    result = run_script("--roster", roster, "--docs-dir", docs)
    assert result.returncode == 2
    assert f"{LOCALES[-1]}/organisering.md: siden skal have linjen '{START_MARKER}'" in result.stderr
    assert END_MARKER in result.stderr and "(fandt 1 og 0)" in result.stderr
    assert "Intet er ændret." in result.stderr
    assert snapshot(docs) == before, "the Danish page was written although the other one failed"


def test_missing_page_is_named(tmp_path: Path, roster: Path) -> None:
    docs = make_docs(tmp_path)
    (docs / LOCALES[-1] / "organisering.md").unlink()
    result = run_script("--roster", roster, "--docs-dir", docs)
    assert result.returncode == 2
    assert (
        f"{LOCALES[-1]}/organisering.md: siden findes ikke. Tjek --docs-dir. Intet er ændret."
        in result.stderr
    )
    assert not (docs / DEFAULT_LOCALE / "data").exists(), "a language was written although another failed"


def test_rewritten_files_keep_their_permissions(docs: Path, roster: Path) -> None:
    page = docs / DEFAULT_LOCALE / "organisering.md"
    replace_in(page, ", rektor,", ", stale,")
    os.chmod(page, 0o664)
    assert run_script("--roster", roster, "--docs-dir", docs).returncode == 0
    assert page.stat().st_mode & 0o777 == 0o664
    assert not list(docs.rglob("*.tmp")), "temporary files left behind"


def test_roster_path_outside_the_repository_is_named_in_messages(tmp_path: Path, docs: Path) -> None:
    roster = tmp_path / "elsewhere.yml"
    roster.write_text("as_of: 2026-11-26\nmembers: []\n", encoding="utf-8")
    result = run_script("--roster", roster, "--docs-dir", docs)
    assert result.returncode == 2
    assert f"{roster}:2:1: 'members' er tom" in result.stderr
    assert f"Fandt 1 fejl i {roster}. Intet er ændret: ret linjerne ovenfor, og kør kommandoen igen." in (
        result.stderr
    )


def test_the_preview_says_in_danish_what_it_did(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """`make serve` (overrides/hooks/roster_preview.py): a broken roster is shown and changes nothing;
    once it is fixed, the pages are written."""
    project = tmp_path / "project"
    docs = make_docs(project)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    good = fixture_roster_text()
    roster = write_roster(project / "data" / "steering-group.yml", good.replace("da: rektor", "da rektor"))
    config = SimpleNamespace(config_file_path=str(project / "mkdocs.yml"), docs_dir=str(docs), plugins={})
    hook = load_hook("roster_preview")
    hook.on_startup(command="serve", dirty=False)
    before = snapshot(docs)
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.roster_preview"):
        hook.on_pre_build(config)
    (record,) = caplog.records
    assert record.levelno == logging.ERROR
    assert record.getMessage().startswith("Styregruppens fil har fejl, så siderne er ikke ændret:\n")
    line = good.splitlines().index("      da: rektor") + 1
    assert f"{roster}:{line}:7: Der mangler et kolon efter 'da': skriv 'da: rektor'." in record.getMessage()
    assert snapshot(docs) == before
    caplog.clear()
    write_roster(roster, good)
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.roster_preview"):
        hook.on_pre_build(config)
    assert [record.getMessage().split()[0] for record in caplog.records] == ["Opdateret"] * len(OUTPUT_FILES)


@pytest.mark.parametrize("language", LANGUAGES, ids=LOCALES)
def test_a_date_is_shown_only_when_the_roster_has_been_checked(language) -> None:
    """Without as_of the caption claims no check; with it, the caption and the open data carry the day."""
    example = fixture_roster_text()
    undated = "\n".join(line for line in example.splitlines() if not line.startswith("as_of:")) + "\n"
    for text, as_of in ((undated, None), ("as_of: 2027-03-01\n" + undated, dt.date(2027, 3, 1))):
        root, problems = nodes_from_text(text)
        roster = parse_roster(root, LANGUAGES, problems)
        assert roster.as_of == as_of
        block = render.page_block(roster, language, LANGUAGES)
        assert f"<p>{caption(language.code, as_of)}:</p>" in block
        published = json.loads(render.open_data_json(roster, language))
        assert published["as_of"] == (as_of.isoformat() if as_of else None)
