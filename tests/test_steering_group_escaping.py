"""Names, titles and notes are text, never markup: the page shows exactly the characters typed."""

from __future__ import annotations

import csv
import html
import io
import json
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.html import Element, parse_fragment
from support.roster import (
    BUILT_PAGES,
    fixture_roster_text,
    generated_html,
    json_ld_of,
    member_items,
    write_roster,
)
from support.site import DEFAULT_LOCALE, LANGUAGES, LOCALES, build_site, copy_project, mkdocs_config

from roster import render
from roster.model import Roster
from roster.schema import parse_roster
from roster.source import nodes_from_text
from site_config import Language

EVIL = "<script>alert(1)</script> | *x* _y_ `z` [x](javascript:alert(1))"

# What the generated block may contain, and nothing else: any other tag or attribute came from the roster.
ALLOWED_ATTRIBUTES = {
    "p": set(),
    "ul": set(),
    "li": set(),
    "strong": set(),
    "span": {"lang"},
    "a": {"href", "data-print-address"},  # the build adds where a link leads, for print (print_addresses.py)
    "script": {"type"},
}
# As written in the Markdown, and as MkDocs rewrites them for the page's address.
OPEN_DATA_HREFS = {f"{up}data/steering-group.{kind}" for up in ("", "../") for kind in ("json", "csv")}

# Printable text, with the characters that mean something in Markdown, HTML or YAML well represented.
MARKUP = st.sampled_from(
    [*"<>&\"'|*_`[](){}!#\\/:;-=+.~@^$% \u00a0", "</", "<!--", "-->", "](javascript:", "&amp;"]
)
PRINTABLE = st.characters(exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))
TEXT = st.lists(st.one_of(MARKUP, PRINTABLE), min_size=1, max_size=40).map("".join).filter(str.strip)


def markdown_to_html(text: str) -> str:
    """Markdown rendered as MkDocs renders it, with the extensions mkdocs.yml configures."""
    names, configs = [], {}
    for entry in mkdocs_config()["markdown_extensions"]:
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if config:
            configs[name] = config
    return markdown.markdown(text, extensions=names, extension_configs=configs)


def titles(title: str) -> dict[str, str]:
    """The title in each language: as typed in the default one, with ' (<code>)' added in the others."""
    return {code: title if code == DEFAULT_LOCALE else f"{title} ({code})" for code in LOCALES}


def roster_yaml(name: str, title: str, organisation: str, note: str) -> str:
    """A one-member roster with each text double-quoted (JSON strings are valid YAML double-quoted text)."""

    def quoted(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    def translated(field: str, texts: dict[str, str]) -> str:
        return f"    {field}:\n" + "".join(f"      {code}: {quoted(text)}\n" for code, text in texts.items())

    return (
        "as_of: 2026-11-26\nmembers:\n"
        f"  - name: {quoted(name)}\n"
        + translated("title", titles(title))
        + translated("organisation", dict.fromkeys(LOCALES, organisation))
        + translated("note", dict.fromkeys(LOCALES, note))
    )


def roster_from_text(text: str) -> Roster:
    """The roster in the text, checked for every language of the site."""
    root, problems = nodes_from_text(text)
    return parse_roster(root, LANGUAGES, problems)


def unexpected_markup(root: Element) -> list[str]:
    found = []
    for element in root.iter():
        if element.tag == "#root":
            continue
        allowed = ALLOWED_ATTRIBUTES.get(element.tag)
        if allowed is None or not set(element.attrs) <= allowed:
            found.append(f"<{element.tag} {element.attrs}>")
        if element.tag == "a" and element.attrs.get("href") not in OPEN_DATA_HREFS:
            found.append(f"link to {element.attrs.get('href')}")
        if element.tag == "span" and element.attrs.get("lang") != DEFAULT_LOCALE:
            found.append(f"span {element.attrs}")
    return found


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=TEXT, title=TEXT, organisation=TEXT, note=TEXT)
def test_any_text_is_shown_exactly_and_never_as_markup(
    name: str, title: str, organisation: str, note: str
) -> None:
    roster = roster_from_text(roster_yaml(name, title, organisation, note))
    for language in LANGUAGES:
        root, comments = parse_fragment(markdown_to_html(render.page_block(roster, language, LANGUAGES)))
        shown_title = titles(title)[language.code].strip()
        item = f"{name.strip()}, {shown_title}, {organisation.strip()}; {note.strip()}"
        assert member_items(root) == [(name.strip(), item)]
        assert unexpected_markup(root) == []
        assert len(comments) == 1 and "data/steering-group.yml" in comments[0]
        person = json_ld_of(root)["member"][0]["member"]
        assert person["name"] == name.strip()
        assert person["jobTitle"] == shown_title


@settings(max_examples=100, deadline=None)
@given(name=TEXT)
def test_open_data_keeps_the_text(name: str) -> None:
    roster = roster_from_text(roster_yaml(name, "t", "o", "n"))
    # A spreadsheet would run a cell starting with = + - @ as a formula: such cells get a leading '.
    guard = "'" if name.strip().startswith(("=", "+", "-", "@")) else ""
    for language in LANGUAGES:
        assert json.loads(render.open_data_json(roster, language))["members"][0]["name"] == name.strip()
        (row,) = csv.DictReader(io.StringIO(render.open_data_csv(roster, language), newline=""))
        assert row["name"] == guard + name.strip()


def example_roster() -> Roster:
    """The example roster of tests/rosters/good/, with EVIL as the name of its second member."""
    text = fixture_roster_text().replace("name: Bo Prøvesen", f"name: {json.dumps(EVIL)}")
    return roster_from_text(text)


@pytest.mark.parametrize("language", LANGUAGES, ids=LOCALES)
def test_generated_markdown_escapes_the_example(language: Language) -> None:
    block = render.page_block(example_roster(), language, LANGUAGES)
    assert "<script>alert" not in block
    assert f"<li><strong>{html.escape(EVIL)}</strong>, " in block


HOSTILE_MEMBER = 2  # the third member of the example roster, counted from 0; it has no note
HOSTILE_ORGANISATION = "Testuniversitetet"  # its organisation in the default language, kept as it is


def hostile_roster_text() -> str:
    """The example roster with EVIL as the third member's name, its titles and its organisation in every
    language but the default one: written with every text double-quoted, as JSON strings are."""
    data = yaml.safe_load(fixture_roster_text())
    member = data["members"][HOSTILE_MEMBER]
    member["name"] = EVIL
    member["title"] = dict.fromkeys(LOCALES, EVIL)
    member["organisation"] = {code: EVIL for code in LOCALES} | {DEFAULT_LOCALE: HOSTILE_ORGANISATION}
    lines = [f"as_of: {data['as_of'].isoformat()}", "members:"]
    for person in data["members"]:
        lines.append(f"  - name: {json.dumps(person['name'], ensure_ascii=False)}")
        for field in ("title", "organisation", "note"):
            if field in person:
                lines.append(f"    {field}:")
                lines += [
                    f"      {code}: {json.dumps(person[field][code], ensure_ascii=False)}" for code in LOCALES
                ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site built from a roster with EVIL as a member's name, titles and translated organisation."""
    base = tmp_path_factory.mktemp("hostile")
    project = copy_project(base / "project")
    write_roster(project / "data" / "steering-group.yml", hostile_roster_text())
    site = base / "site"
    built = build_site(site, project=project)
    assert built.returncode == 0, built.stderr
    return site


@pytest.mark.parametrize("locale", LOCALES)
def test_built_site_shows_the_example_as_text(hostile_site: Path, locale: str) -> None:
    page_html = (hostile_site / BUILT_PAGES[locale]).read_text(encoding="utf-8")
    assert "<script>alert" not in page_html
    assert 'href="javascript:' not in page_html.lower()
    root, _ = parse_fragment(generated_html(page_html))
    organisation = HOSTILE_ORGANISATION if locale == DEFAULT_LOCALE else EVIL
    assert member_items(root)[HOSTILE_MEMBER] == (EVIL, f"{EVIL}, {EVIL}, {organisation}")
    assert unexpected_markup(root) == []
    assert json_ld_of(root)["member"][HOSTILE_MEMBER]["member"]["name"] == EVIL
    data_file = hostile_site / BUILT_PAGES[locale].replace(
        "organisering/index.html", "data/steering-group.json"
    )
    assert json.loads(data_file.read_text(encoding="utf-8"))["members"][HOSTILE_MEMBER]["name"] == EVIL
