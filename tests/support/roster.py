"""The steering-group roster as the tests see it: the script, the files, and the HTML the build makes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

from support.html import Element
from support.site import LANGUAGES, LOCALES, ROOT, page_url_path

from roster.page import BLOCK_END, BLOCK_START, MARKER, PAGE_NAME

SCRIPT = ROOT / "scripts" / "steering_group.py"
ROSTER = ROOT / "data" / "steering-group.yml"
# The built organisation page of each language, below the site folder.
BUILT_PAGES = {language.code: page_url_path(PAGE_NAME, language.code) for language in LANGUAGES}
# The roster the tests of the roster tool use: made-up members, so editors can change the real one.
FIXTURES = ROOT / "tests" / "rosters" / "good"
EXAMPLE_ROSTER = FIXTURES / "example.yml"


# Running the script


def run_script(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def roster_data(path: Path = ROSTER) -> dict:
    """The roster as plain PyYAML reads it: an independent view of what the pages must show."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def roster_names(path: Path = ROSTER) -> list[str]:
    """The members' names, in the roster's order: whoever the editors have put there."""
    return [member["name"] for member in roster_data(path)["members"]]


# Fixtures for the tests of the roster tool: a roster and a docs folder of their own


def with_site_languages(text: str) -> str:
    """Roster text with a line for every language of the site: a language the text lacks gets the
    text of its last language line, marked with the code ('Director [de]'), as the README's steps do."""
    codes = re.findall(r"^\s+([a-z]{2,3}):", text, flags=re.M)
    present = list(dict.fromkeys(code for code in codes if code in LOCALES))
    missing = [code for code in LOCALES if code not in present]
    if not present or not missing:
        return text
    last = re.compile(rf"^(\s+){present[-1]}: (.*)$")
    lines = []
    for line in text.splitlines(keepends=True):
        lines.append(line)
        match = last.match(line.rstrip("\n"))
        if match:
            lines += [f"{match[1]}{code}: {match[2]} [{code}]\n" for code in missing]
    return "".join(lines)


def fixture_roster_text(path: Path = EXAMPLE_ROSTER) -> str:
    return with_site_languages(path.read_text(encoding="utf-8"))


def write_roster(destination: Path, text: str | None = None) -> Path:
    """A roster file for the test: the example roster, or text (in the site's languages)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_text(fixture_roster_text() if text is None else text, encoding="utf-8")
    return destination


def make_docs(destination: Path) -> Path:
    """A docs folder of the test's own: each language's organisation page with the marker line and
    text around it. The tests of the tool never touch the real docs/."""
    docs = destination / "docs"
    for code in LOCALES:
        page = docs / code / PAGE_NAME
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            f"---\ntitle: Organisation ({code})\n---\n\n# Organisation\n\nText before the list.\n\n"
            f"{MARKER}\n\nText after the list.\n",
            encoding="utf-8",
        )
    return docs


# Reading the generated HTML


def generated_html(page_html: str) -> str:
    """The part of a built page that the build made from the roster."""
    assert page_html.count(BLOCK_START) == 1 and page_html.count(BLOCK_END) == 1
    return page_html.split(BLOCK_START)[1].split(BLOCK_END)[0]


def member_items(root: Element) -> list[tuple[str, str]]:
    """Each member in the list as (the name in bold, the whole item's text)."""
    (members,) = root.find_all("ul")
    items = [child for child in members.children if isinstance(child, Element)]
    assert all(item.tag == "li" for item in items)
    return [(item.find_all("strong")[0].text, item.text) for item in items]


def json_ld_of(root: Element) -> dict:
    (script,) = [s for s in root.find_all("script") if s.attrs.get("type") == "application/ld+json"]
    body = script.text
    assert "</" not in body and "<!" not in body, "the JSON-LD could end its <script> early"
    return json.loads(body)
