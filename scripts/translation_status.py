"""Translation status: is every page in every language, and is each translation up to date?

The default language (Danish) is the original. When a translator has checked a translation against
it, the translated page's front matter records a fingerprint of the Danish text and the day:

    translated_from: 3f2a9c1b7d4e
    translation_checked: 2026-11-26

A translation is *outdated* when the Danish page has changed in substance since then (the
fingerprint ignores changes of whitespace and line breaks). It needs no git history, so it works in
any checkout. A translation without the lines (a page written by hand) is *unconfirmed*: it is
published without a notice, as there is nothing to compare it with yet.

An outdated translation does not stop publishing: the page shows a notice in its own language
(overrides/hooks/translation_notice.py) until the lines are updated. The table (and the pull
request's summary, --markdown) gives, for each outdated or unconfirmed page, the exact lines to
write into its front matter, so an editor can confirm a translation in GitHub's web editor;
`make confirm PAGE=puljen.md` writes them on a computer.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from markdown_source import PageError, front_matter, read_page, with_front_matter
from site_config import Language, SiteConfigError, add_site_options, display_path, site_languages

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2

FINGERPRINT_KEY = "translated_from"
CHECKED_KEY = "translation_checked"

# The states of a translated page, and what the table says about each.
CURRENT, OUTDATED, UNCONFIRMED, MISSING = "current", "outdated", "unconfirmed", "missing"


class BadPage(Exception):
    """A page that is not there: the original of a page to confirm, or its translation."""


def fingerprint(original_markdown: str) -> str:
    """12 hex digits that change when the text changes in substance, not when only spacing changes."""
    normalised = " ".join(original_markdown.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:12]


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
        expected = fingerprint(read_page(original_path)) if original_path.is_file() else None
        for language in translations:
            path = docs_dir / language.code / name
            if expected is None or not path.is_file():
                result.append(PageStatus(name, language.code, MISSING, None, expected, None))
                continue
            meta = front_matter(read_page(path), display_path(path))
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
        stamp = {FINGERPRINT_KEY: fingerprint(read_page(original_path)), CHECKED_KEY: today.isoformat()}
        for language in translations:
            path = docs_dir / language.code / name
            if not path.is_file():
                raise BadPage(f"{display_path(path)} findes ikke: oversæt siden først.")
            text = read_page(path)
            front_matter(text, display_path(path))  # readable, or PageError
            updated = with_front_matter(text, stamp)
            if updated != text:
                write_atomically(path, updated)
                changed.append(path)
    return changed


def write_atomically(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
        file.write(text)
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)


NOTES = {
    CURRENT: "ajour",
    OUTDATED: "FORÆLDET: den danske side er ændret, siden oversættelsen blev tjekket",
    UNCONFIRMED: "ikke bekræftet: siden har ingen linje 'translated_from:' endnu",
    MISSING: "MANGLER: siden findes ikke på alle sprog",
}
SEVERITY = [CURRENT, UNCONFIRMED, OUTDATED, MISSING]


def confirmation_lines(row: PageStatus, today: dt.date) -> list[str]:
    """The front-matter lines that confirm this translation as it is now (what --confirm writes)."""
    return [f"{FINGERPRINT_KEY}: {row.original_fingerprint}", f"{CHECKED_KEY}: {today.isoformat()}"]


def next_step(row: PageStatus, today: dt.date, markdown: bool = False) -> str | None:
    """What to do about a translation, in Danish, for the editor; None when nothing is to be done.

    The lines to write stand each on a line of their own (in the summary's table: as code, one per
    line of the cell), exactly as they go into the page.
    """
    page = f"docs/{row.language}/{row.page}"
    if row.state == MISSING:
        return f"Opret {page} med samme filnavn som den danske side, og oversæt den."
    if row.state not in (OUTDATED, UNCONFIRMED):
        return None
    written = confirmation_lines(row, today)
    lines = (
        "".join(f"<br>`{line}`" for line in written)
        if markdown
        else "".join(f"\n      {line}" for line in written)
    )
    if row.state == OUTDATED:
        return (
            f"Den danske side er ændret. Ret {page}, så den siger det samme. Skriv så disse to linjer "
            f"øverst i filen i stedet for de to linjer {FINGERPRINT_KEY} og {CHECKED_KEY}, der står der "
            f"nu:{lines}"
        )
    return (
        f"Når {page} er tjekket mod den danske side, så skriv disse to linjer øverst i filen, lige over "
        f"den sidste '---':{lines}"
    )


def table(rows: Sequence[PageStatus], languages: Sequence[Language], today: dt.date) -> str:
    header = ["side", *(language.code for language in languages[1:]), "tjekket", "status"]
    body = []
    for name in sorted({row.page for row in rows}):
        page_rows = [row for row in rows if row.page == name]
        worst = max(page_rows, key=lambda row: SEVERITY.index(row.state))
        checked = ", ".join(sorted({row.checked for row in page_rows if row.checked})) or "-"
        body.append([name, *(STATE_WORDS[row.state] for row in page_rows), checked, NOTES[worst.state]])
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *body, strict=True)]
    lines = [_line(row, widths) for row in [header, *body]]
    lines.insert(1, "  ".join("-" * width for width in widths))
    steps = [step for row in rows if (step := next_step(row, today))]
    if steps:
        lines += ["", "Sådan gør du:", *(f"- {step}" for step in steps)]
    return "\n".join(line.rstrip() for line in lines)


# The states in Danish, as the tables show them.
STATE_WORDS = {CURRENT: "ajour", OUTDATED: "forældet", UNCONFIRMED: "ikke bekræftet", MISSING: "mangler"}


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))


def markdown_table(rows: Sequence[PageStatus], today: dt.date) -> str:
    """For the pull request's summary: each translation that needs something done, with the exact lines
    to write on its own row, so the editor can do it in GitHub's web editor."""
    todo = [row for row in rows if row.state != CURRENT]
    summary = f"{len(rows) - len(todo)} af {len(rows)} oversættelser er ajour."
    if not todo:
        return summary
    lines = [
        summary,
        "",
        "| side | sprog | status | tjekket | gør sådan |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in todo:
        step = next_step(row, today, markdown=True)
        lines.append(
            f"| `{row.page}` | {row.language} | {STATE_WORDS[row.state]} | {row.checked or '-'} | {step} |"
        )
    return "\n".join(lines)


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="translation_status.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"""\
exit codes:
  {EXIT_OK}  every page exists in every language (outdated translations are listed, not failed)
  {EXIT_CHECK_FAILED}  a page is missing in a language (or, with --strict, a translation is outdated or
     unconfirmed)
  {EXIT_BAD_INPUT}  bad input: a page or its front matter cannot be read, or --confirm names no page

examples:
  python scripts/translation_status.py                      the table
  python scripts/translation_status.py --json               the same as JSON
  python scripts/translation_status.py --confirm puljen.md  the English puljen.md now matches the Danish
""",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table (for job summaries)")
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when a translation is outdated or unconfirmed too"
    )
    parser.add_argument(
        "--confirm",
        nargs="+",
        metavar="PAGE",
        help="record that the translations of PAGE (e.g. puljen.md) match the Danish page as it is now",
    )
    add_site_options(parser)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    try:
        languages = site_languages(arguments.config)
        if arguments.confirm:
            names = [name.removeprefix(f"{languages[0].code}/") for name in arguments.confirm]
            for path in confirm(arguments.docs_dir, languages, names, dt.date.today()):
                print(f"Bekræftet: {display_path(path)}")
            return EXIT_OK
        rows = statuses(arguments.docs_dir, languages)
    except (BadPage, PageError, SiteConfigError) as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    if arguments.json:
        print(json.dumps([asdict(row) for row in rows], indent=2))
    elif arguments.markdown:
        print(markdown_table(rows, dt.date.today()))
    else:
        print(table(rows, languages, dt.date.today()))
    states = {row.state for row in rows}
    if MISSING in states:
        print(
            "En side mangler på et sprog: opret filen, som tabellen markerer med 'missing' "
            "(samme filnavn i docs/da/ og docs/en/).",
            file=sys.stderr,
        )
        return EXIT_CHECK_FAILED
    if states & {OUTDATED, UNCONFIRMED}:
        print(
            "Forældede oversættelser udgives med en besked øverst på siden. Når oversættelsen er tjekket mod "
            "den danske side, så skriv linjerne fra 'Sådan gør du' øverst i filen (på en computer: "
            "make confirm PAGE=<side>.md).",
            file=sys.stderr,
        )
        return EXIT_CHECK_FAILED if arguments.strict else EXIT_OK
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
