"""The steering-group roster as the tests see it: the script, the files, and the generated block's HTML."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

from support.html import Element
from support.site import LANGUAGES, LOCALES, ROOT, page_url_path

SCRIPT = ROOT / "scripts" / "steering_group.py"
ROSTER = ROOT / "data" / "steering-group.yml"
START_MARKER = "<!-- steering-group:start -->"
END_MARKER = "<!-- steering-group:end -->"
# The built organisation page of each language, below the site folder.
BUILT_PAGES = {language.code: page_url_path("organisering.md", language.code) for language in LANGUAGES}
# What the script writes, below docs/.
OUTPUT_FILES = tuple(
    f"{language.code}/{name}"
    for language in LANGUAGES
    for name in ("organisering.md", "data/steering-group.json", "data/steering-group.csv")
)
# The roster the tests of the roster tool use: made-up members, so editors can change the real one.
FIXTURES = ROOT / "tests" / "rosters" / "good"
EXAMPLE_ROSTER = FIXTURES / "example.yml"
# What make_docs puts between the markers: a page the tool has not written yet.
STALE = "stale"


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
    """A docs folder of the test's own: each language's organisation page with the two marker lines
    and text around them, nothing generated yet. The tests of the tool never touch the real docs/."""
    docs = destination / "docs"
    for code in LOCALES:
        page = docs / code / "organisering.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            f"---\ntitle: Organisation ({code})\n---\n\n# Organisation\n\nText before the list.\n\n"
            f"{START_MARKER}\n{STALE}\n{END_MARKER}\n\nText after the list.\n",
            encoding="utf-8",
        )
    return docs


def generated_docs(destination: Path, roster: Path) -> Path:
    """make_docs, with the roster's pages and open data written by the tool."""
    docs = make_docs(destination)
    result = run_script("--roster", roster, "--docs-dir", docs)
    assert result.returncode == 0, result.stdout + result.stderr
    return docs


# Reading the generated HTML


def generated_html(page_html: str) -> str:
    """The part of a built page that came from between the markers."""
    assert page_html.count(START_MARKER) == 1 and page_html.count(END_MARKER) == 1
    return page_html.split(START_MARKER)[1].split(END_MARKER)[0]


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
