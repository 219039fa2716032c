"""The steering-group roster as the tests see it: the script, the files, and the generated block's HTML."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from support.html import Element
from support.site import LANGUAGES, ROOT, page_url_path

SCRIPT = ROOT / "scripts" / "steering_group.py"
ROSTER = ROOT / "data" / "steering-group.yml"
DOCS = ROOT / "docs"
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
# The steering group as the owner's source text lists it (../shared/content), in its order and spelling.
SOURCE_STEERING_GROUP = (
    "Hans Chresten Jeppesen",
    "Jette Rygaard",
    "Lene Kvist",
    "Peter Thomsen",
    "Mikkel Bohm",
    "Anders Stryhn",
    "Luise Linnemann Rasmussen",
    "Henriette Rosa Eduardsen",
    "Olav Geil",
    "Anders Norup",
    "Martin Rune Hoxer",
    "Charlotte Bisbjerg",
)


# Running the script


def run_script(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def copy_docs(destination: Path) -> Path:
    """A throw-away copy of docs/: tests write there, never to the real pages."""
    return Path(shutil.copytree(DOCS, destination / "docs"))


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


def roster_names() -> list[str]:
    return [member["name"] for member in roster_data()["members"]]


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
