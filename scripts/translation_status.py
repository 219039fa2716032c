"""Translation status: is every page in every language, and is each translation up to date?

The default language (Danish) is the original. When a translator has checked a translation against
it, the translated page's front matter records a fingerprint of the Danish text and the day:

    translated_from: 3f2a9c1b7d4e      (made by --confirm; do not type it)
    translation_checked: 2026-11-26

A translation is *outdated* when the Danish page has changed in substance since then: the fingerprint
ignores changes of whitespace and line breaks and the generated steering-group list (which every
language gets from the roster at once). It needs no git history, so it works in any checkout.

An outdated translation does not stop publishing: the page shows a notice in its own language
(overrides/hooks/translation_notice.py) until a translator runs --confirm.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from site_config import MKDOCS_YML, ROOT, Language, display_path, site_languages

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2

FINGERPRINT_KEY = "translated_from"
CHECKED_KEY = "translation_checked"
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)^---[ \t]*\r?\n", re.S | re.M)
GENERATED_BLOCK = re.compile(r"<!-- steering-group:start -->.*?<!-- steering-group:end -->", re.S)

# The states of a translated page, and what the table says about each.
CURRENT, OUTDATED, UNCONFIRMED, MISSING = "current", "outdated", "unconfirmed", "missing"


class BadPage(Exception):
    """A page whose front matter cannot be read."""


def fingerprint(original_markdown: str) -> str:
    """12 hex digits that change when the text changes in substance, not when only spacing changes."""
    text = GENERATED_BLOCK.sub("", original_markdown)
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:12]


def front_matter(markdown: str, label: str) -> dict:
    match = FRONT_MATTER.match(markdown)
    if match is None:
        return {}
    try:
        data = yaml.safe_load(match["body"]) or {}
    except yaml.YAMLError as error:
        raise BadPage(
            f"{label}: linjerne mellem de to '---' øverst kan ikke læses. Ret dem, så hver linje er "
            f"'navn: værdi' (the front matter is not valid YAML: {error})."
        ) from None
    if not isinstance(data, dict):
        raise BadPage(f"{label}: linjerne mellem de to '---' øverst skal være 'navn: værdi'-linjer.")
    return data


@dataclass(frozen=True)
class PageStatus:
    page: str  # the file name shared by every language, e.g. 'puljen.md'
    language: str  # the translation's language code
    state: str
    checked: str | None  # the day the translation was last confirmed (YYYY-MM-DD)
    original_fingerprint: str | None
    recorded_fingerprint: str | None


def page_names(docs_dir: Path, languages: Sequence[Language]) -> list[str]:
    names: set[str] = set()
    for language in languages:
        folder = docs_dir / language.code
        names.update(path.relative_to(folder).as_posix() for path in folder.rglob("*.md"))
    return sorted(names)


def statuses(docs_dir: Path, languages: Sequence[Language]) -> list[PageStatus]:
    """The status of every translated page (every page in every non-default language)."""
    original, *translations = languages
    result = []
    for name in page_names(docs_dir, languages):
        original_path = docs_dir / original.code / name
        expected = fingerprint(read(original_path)) if original_path.is_file() else None
        for language in translations:
            path = docs_dir / language.code / name
            if expected is None or not path.is_file():
                result.append(PageStatus(name, language.code, MISSING, None, expected, None))
                continue
            meta = front_matter(read(path), display_path(path))
            recorded = meta.get(FINGERPRINT_KEY)
            checked = meta.get(CHECKED_KEY)
            recorded = None if recorded is None else str(recorded)
            checked = None if checked is None else str(checked)
            state = UNCONFIRMED if recorded is None else CURRENT if recorded == expected else OUTDATED
            result.append(PageStatus(name, language.code, state, checked, expected, recorded))
    return result


def confirm(
    docs_dir: Path, languages: Sequence[Language], names: Sequence[str], today: dt.date
) -> list[Path]:
    """Record that the translations of these pages match the original as it is now; the files changed."""
    original, *translations = languages
    changed = []
    for name in names:
        original_path = docs_dir / original.code / name
        if not original_path.is_file():
            raise BadPage(f"{display_path(original_path)} findes ikke: tjek sidens filnavn (fx puljen.md).")
        stamp = {FINGERPRINT_KEY: fingerprint(read(original_path)), CHECKED_KEY: today.isoformat()}
        for language in translations:
            path = docs_dir / language.code / name
            if not path.is_file():
                raise BadPage(f"{display_path(path)} findes ikke: oversæt siden først.")
            text = read(path)
            front_matter(text, display_path(path))  # readable, or BadPage
            updated = with_front_matter(text, stamp)
            if updated != text:
                write_atomically(path, updated)
                changed.append(path)
    return changed


def with_front_matter(markdown: str, values: dict[str, str]) -> str:
    """The page with these front-matter lines set (replaced where present, else added at the end)."""
    match = FRONT_MATTER.match(markdown)
    body = match["body"] if match else ""
    rest = markdown[match.end() :] if match else markdown
    lines = body.splitlines(keepends=True)
    for key, value in values.items():
        line = f"{key}: {value}\n"
        index = next((i for i, old in enumerate(lines) if old.startswith(f"{key}:")), None)
        if index is None:
            lines.append(line)
        else:
            lines[index] = line
    return "---\n" + "".join(lines) + "---\n" + rest


def read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BadPage(f"{display_path(path)}: kan ikke læses ({error}).") from None


def write_atomically(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
        file.write(text)
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)


NOTES = {
    CURRENT: "oversættelsen er ajour",
    OUTDATED: "FORÆLDET: den danske side er ændret, siden oversættelsen blev tjekket",
    UNCONFIRMED: "oversættelsen er ikke bekræftet mod den danske side",
    MISSING: "MANGLER: siden findes ikke på alle sprog",
}


def table(rows: Sequence[PageStatus], languages: Sequence[Language]) -> str:
    header = ["page", *(language.code for language in languages[1:]), "checked", "status"]
    body = []
    for name in sorted({row.page for row in rows}):
        page_rows = [row for row in rows if row.page == name]
        worst = max(page_rows, key=lambda row: [CURRENT, UNCONFIRMED, OUTDATED, MISSING].index(row.state))
        checked = ", ".join(sorted({row.checked for row in page_rows if row.checked})) or "-"
        body.append([name, *(row.state for row in page_rows), checked, NOTES[worst.state]])
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *body, strict=True)]
    lines = [_line(row, widths) for row in [header, *body]]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))


def markdown_table(rows: Sequence[PageStatus]) -> str:
    """The same for a GitHub job summary."""
    lines = ["| page | language | status | checked |", "| --- | --- | --- | --- |"]
    lines += [f"| `{row.page}` | {row.language} | {row.state} | {row.checked or '-'} |" for row in rows]
    return "\n".join(lines)


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="translation_status.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"""\
exit codes:
  {EXIT_OK}  every page exists in every language (outdated translations are listed, not failed)
  {EXIT_CHECK_FAILED}  a page is missing in a language (or, with --strict, a translation is outdated)
  {EXIT_BAD_INPUT}  bad input: a page or its front matter cannot be read, or --confirm names no page

examples:
  python scripts/translation_status.py                      the table
  python scripts/translation_status.py --json               the same as JSON
  python scripts/translation_status.py --confirm puljen.md  the English puljen.md now matches the Danish
""",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table (for job summaries)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a translation is outdated too")
    parser.add_argument(
        "--confirm",
        nargs="+",
        metavar="PAGE",
        help="record that the translations of PAGE (e.g. puljen.md) match the Danish page as it is now",
    )
    parser.add_argument("--docs-dir", type=Path, default=ROOT / "docs", metavar="DIR", help="default: docs")
    parser.add_argument("--config", type=Path, default=MKDOCS_YML, metavar="PATH", help="default: mkdocs.yml")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    languages = site_languages(arguments.config)
    try:
        if arguments.confirm:
            names = [name.removeprefix(f"{languages[0].code}/") for name in arguments.confirm]
            for path in confirm(arguments.docs_dir, languages, names, dt.date.today()):
                print(f"Bekræftet: {display_path(path)}")
            return EXIT_OK
        rows = statuses(arguments.docs_dir, languages)
    except BadPage as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    if arguments.json:
        print(json.dumps([asdict(row) for row in rows], indent=2))
    elif arguments.markdown:
        print(markdown_table(rows))
    else:
        print(table(rows, languages))
    states = {row.state for row in rows}
    if MISSING in states:
        print(
            "En side mangler på et sprog: opret filen, som tabellen markerer med 'missing' "
            "(samme filnavn i docs/da/ og docs/en/).",
            file=sys.stderr,
        )
        return EXIT_CHECK_FAILED
    if OUTDATED in states:
        print(
            "Forældede oversættelser udgives med en besked øverst på siden. Når oversættelsen er tjekket mod "
            "den danske side, så kør: make confirm PAGE=<side>.md",
            file=sys.stderr,
        )
        return EXIT_CHECK_FAILED if arguments.strict else EXIT_OK
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
