"""The steering group: the list and open data the build makes from the roster, JSON-LD, `make roster`.

Two kinds of test. Those of the real site take what they expect from the real roster
(data/steering-group.yml, read with plain PyYAML): editors add, remove, reorder and change members,
and every such change must keep them green. Those of the build and the script on a roster of their
own (tests/rosters/good/) change only the roster, as an editor in GitHub's web editor does, and
expect the published pages and open data to follow.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import posixpath
from pathlib import Path

import pytest
from babel.dates import format_date
from support.html import Element, parse_fragment
from support.roster import (
    BUILT_PAGES,
    ROSTER,
    fixture_roster_text,
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
from support.site import (
    DEFAULT_LOCALE,
    LANGUAGES,
    LOCALES,
    ROOT,
    build_site,
    copy_project,
    language_by_code,
)

from roster import pipeline, render
from roster.page import BLOCK_START, MARKER, PAGE_NAME
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


def test_the_roster_and_the_pages_are_in_order() -> None:
    result = run_script("--check")
    assert result.returncode == 0 and not result.stdout, result.stdout + result.stderr


def test_nothing_made_from_the_roster_is_committed() -> None:
    """The list and the open data exist only in the built site: no committed file can disagree."""
    for language in LANGUAGES:
        page = (ROOT / "docs" / language.code / PAGE_NAME).read_text(encoding="utf-8")
        assert page.count(MARKER) == 1 and BLOCK_START not in page
        for name in roster_names():
            assert name not in page, f"{name} is written on docs/{language.code}/{PAGE_NAME} by hand"
        assert not (ROOT / "docs" / language.code / "data").exists()


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
    assert f"{DEFAULT_LOCALE}:" in head and "Summary" in head


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
    assert any("data/steering-group.yml" in comment for comment in comments)


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


# The build and the script on a roster of their own: the editor changes the roster file, nothing else


def test_other_languages_mark_the_quoted_name_of_the_example() -> None:
    root, problems = nodes_from_text(fixture_roster_text())
    roster = parse_roster(root, LANGUAGES, problems)
    for language in LANGUAGES[1:]:
        block = render.page_block(roster, language, LANGUAGES)
        assert f'<span lang="{DEFAULT_LOCALE}">Eksempelskolen</span> (a vocational college)' in block
        assert "Prøve Upper Secondary School" in block and f'lang="{DEFAULT_LOCALE}">Prøve' not in block


def edited_example_roster() -> tuple[str, list[str]]:
    """The example roster as an editor changes it: a title changed, a member added, another removed,
    the order changed. The text, and the names in their new order."""
    text = fixture_roster_text().replace("da: prodekan", "da: dekan").replace("en: Vice-Dean", "en: Dean")
    head, *blocks = text.split("  - name: ")
    anna, bo, cecilie = (block.rstrip("\n") + "\n" for block in blocks)
    dorte = anna.replace("Anna Eksempel", "Dorte Ny").replace("Eksempelskolen", "Nyskolen")
    edited = head + "\n".join("  - name: " + block for block in (cecilie, dorte, bo))
    return edited, ["Cecilie Østergård", "Dorte Ny", "Bo Prøvesen"]


@pytest.fixture(scope="module")
def edited_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the project with only its roster changed (edited_example_roster), and its built site."""
    project = copy_project(tmp_path_factory.mktemp("edited") / "project")
    write_roster(project / "data" / "steering-group.yml", edited_example_roster()[0])
    site = project.parent / "site"
    result = build_site(site, project=project)
    assert result.returncode == 0, result.stderr
    return project, site


@pytest.mark.parametrize("language", LANGUAGES, ids=LOCALES)
def test_a_roster_edit_alone_changes_the_page_in_every_language(edited_project: tuple, language) -> None:
    _, site = edited_project
    roster = roster_data(edited_project[0] / "data" / "steering-group.yml")
    root, _ = parse_fragment(generated_html((site / BUILT_PAGES[language.code]).read_text(encoding="utf-8")))
    assert member_items(root) == expected_items(roster, language.code)
    assert [name for name, _ in member_items(root)] == edited_example_roster()[1]
    title = "dekan" if language.default else "Dean" if language.code == "en" else None
    if title is not None:
        assert f"Cecilie Østergård, {title}, " in dict(member_items(root))["Cecilie Østergård"]


@pytest.mark.parametrize("language", LANGUAGES, ids=LOCALES)
def test_a_roster_edit_alone_changes_the_open_data(edited_project: tuple, language) -> None:
    _, site = edited_project
    folder = site / language.prefix / "data"
    published = json.loads((folder / "steering-group.json").read_text(encoding="utf-8"))
    assert [member["name"] for member in published["members"]] == edited_example_roster()[1]
    rows = list(csv.DictReader(io.StringIO((folder / "steering-group.csv").read_text(encoding="utf-8"))))
    assert [row["name"] for row in rows] == edited_example_roster()[1]


def test_the_text_around_the_marker_is_published_as_written(edited_project: tuple) -> None:
    project, site = edited_project
    page = (site / BUILT_PAGES[DEFAULT_LOCALE]).read_text(encoding="utf-8")
    source = (project / "docs" / DEFAULT_LOCALE / PAGE_NAME).read_text(encoding="utf-8")
    before, after = source.split(MARKER)
    last_sentence_before = before.strip().splitlines()[-1]
    first_heading_after = after.strip().splitlines()[0].lstrip("# ")
    # rindex: the heading after the list is also in the table of contents, above the article
    assert page.index(last_sentence_before) < page.index(BLOCK_START) < page.rindex(first_heading_after)


def test_a_broken_roster_stops_the_build_with_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    good = fixture_roster_text()
    roster = write_roster(project / "data" / "steering-group.yml", good.replace("da: rektor", "da rektor"))
    result = build_site(tmp_path / "site", project=project)
    assert result.returncode != 0
    line = good.splitlines().index("      da: rektor") + 1
    assert f"data/steering-group.yml:{line}:7: Der mangler et kolon efter 'da': skriv 'da: rektor'." in (
        result.stderr
    )
    assert roster.read_text(encoding="utf-8").count("da rektor") == 1


@pytest.mark.parametrize("count", [0, 2])
def test_a_missing_or_doubled_marker_stops_the_build_naming_the_page(tmp_path: Path, count: int) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / LOCALES[-1] / PAGE_NAME
    replace_in(page, MARKER, "\n\n".join([MARKER] * count))
    result = build_site(tmp_path / "site", project=project)
    assert result.returncode != 0
    assert f"docs/{LOCALES[-1]}/{PAGE_NAME}: linjen {MARKER} " in result.stderr


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    """The example roster (tests/rosters/good/example.yml), in the site's languages."""
    return write_roster(tmp_path / "roster" / "example.yml")


def test_make_roster_prints_the_list_in_every_language_and_writes_nothing(
    tmp_path: Path, roster: Path
) -> None:
    docs = make_docs(tmp_path)
    before = snapshot(tmp_path)
    result = run_script("--roster", roster, "--docs-dir", docs)
    assert result.returncode == 0, result.stderr
    for language in LANGUAGES:
        assert f"{language.name} ({language.code}):" in result.stdout
        for position, (_, item) in enumerate(expected_items(roster_data(roster), language.code), start=1):
            assert f"{position:2}. {item}" in result.stdout
    assert f"er i orden: {len(roster_names(roster))} medlemmer" in result.stdout
    assert snapshot(tmp_path) == before


def test_check_prints_nothing_when_all_is_in_order(tmp_path: Path, roster: Path) -> None:
    result = run_script("--check", "--roster", roster, "--docs-dir", make_docs(tmp_path))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_a_page_without_its_marker_is_bad_input(tmp_path: Path, roster: Path) -> None:
    docs = make_docs(tmp_path)
    replace_in(docs / LOCALES[-1] / PAGE_NAME, MARKER, "")
    result = run_script("--check", "--roster", roster, "--docs-dir", docs)
    assert result.returncode == 2
    assert f"{LOCALES[-1]}/{PAGE_NAME}: linjen {MARKER} mangler." in result.stderr


def test_missing_page_is_named(tmp_path: Path, roster: Path) -> None:
    docs = make_docs(tmp_path)
    (docs / LOCALES[-1] / PAGE_NAME).unlink()
    result = run_script("--roster", roster, "--docs-dir", docs)
    assert result.returncode == 2
    assert f"{LOCALES[-1]}/{PAGE_NAME}: siden findes ikke." in result.stderr


def test_roster_path_outside_the_repository_is_named_in_messages(tmp_path: Path) -> None:
    roster = tmp_path / "elsewhere.yml"
    roster.write_text("as_of: 2026-11-26\nmembers: []\n", encoding="utf-8")
    result = run_script("--roster", roster, "--docs-dir", make_docs(tmp_path))
    assert result.returncode == 2
    assert f"{roster}:2:1: 'members' er tom" in result.stderr
    assert f"Fandt 1 fejl i {roster}. Ret linjerne ovenfor: intet udgives, før de er rettet." in result.stderr


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
