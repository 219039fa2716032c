"""Everything made from the roster: the page block, its JSON-LD, and the open-data JSON and CSV.

Every word around the names is the language's `ui` in mkdocs.yml (the `roster_` words).
Names, titles and notes are text, never markup. In the page they go only into a raw HTML block,
HTML-escaped, which Markdown passes through untouched; in the JSON-LD they are JSON strings in
which '<' is written as \\u003c, so it can never start a tag or a comment.
"""

from __future__ import annotations

import csv
import html
import io
import json
from typing import Any

from babel.dates import format_date

from .model import Member, Roster
from site_config import Language

# Where the open-data files go, relative to each language folder of docs/ (so da/ serves them at
# /data/ and en/ at /en/data/, and the pages can use ordinary, link-checked Markdown links).
OPEN_DATA_DIR = "data"
OPEN_DATA_STEM = "steering-group"
GENERATED_NOTE = (
    "<!-- Lavet ud fra data/steering-group.yml, når siden bygges: ret styregruppen i den fil. -->"
)

SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
CSV_COLUMNS = ("position", "name", "title", "organisation", "note")
# A spreadsheet treats a cell starting with one of these as a formula; a leading ' makes it text.
CSV_FORMULA_STARTS = ("=", "+", "-", "@")


def open_data_path(language: Language, extension: str) -> str:
    """Path of an open-data file relative to docs/, e.g. 'en/data/steering-group.json'."""
    return f"{language.code}/{OPEN_DATA_DIR}/{OPEN_DATA_STEM}.{extension}"


def caption(roster: Roster, language: Language) -> str:
    """'Styregruppen pr. 26. november 2026' once an editor has checked the list and set as_of; until then
    a caption without a date, so the page never claims a check that did not happen."""
    if roster.as_of is None:
        return language.ui["roster_caption_undated"]
    day = format_date(roster.as_of, "long", locale=language.regional_locale)
    return language.ui["roster_caption"].format(date=day)


# The page block


def page_block(roster: Roster, language: Language, languages: tuple[Language, ...]) -> str:
    """The Markdown that goes between the markers: a note, the list, the open-data links, the JSON-LD."""
    links = language.ui["roster_open_data"].format(
        json=f"{OPEN_DATA_DIR}/{OPEN_DATA_STEM}.json", csv=f"{OPEN_DATA_DIR}/{OPEN_DATA_STEM}.csv"
    )
    parts = [
        GENERATED_NOTE,
        f"<p>{_escape(caption(roster, language))}:</p>",
        members_list(roster, language, languages[0]),
        links,
        json_ld_script(roster, language, languages),
    ]
    # Blank lines around each part: Markdown then treats each HTML part as a block of its own.
    return "\n\n" + "\n\n".join(parts) + "\n\n"


def members_list(roster: Roster, language: Language, default: Language) -> str:
    """A plain list, as in the source text. (A table would scroll sideways on phones, a barrier at 320 px.)"""
    items = (member_item(member, language, default) for member in roster.members)
    return "\n".join(["<ul>", *items, "</ul>"])


def member_item(member: Member, language: Language, default: Language) -> str:
    """'<strong>Name</strong>, title, organisation', then '; note' if there is one."""
    title = _escape(member.title.in_language(language.code))
    organisation = member.organisation.in_language(language.code)
    if language.default:
        organisation_html = _escape(organisation)
    else:
        organisation_html = _mark_quoted(organisation, member.organisation.in_language(default.code), default)
    note = f"; {_escape(member.note.in_language(language.code))}" if member.note is not None else ""
    return f"<li><strong>{_escape(member.name)}</strong>, {title}, {organisation_html}{note}</li>"


def _mark_quoted(text: str, quoted: str, quoted_language: Language) -> str:
    """Text in which the default language's name it quotes is marked with its `lang`, for screen readers.

    "EUC Nordvest (a vocational college)" quotes the Danish "EUC Nordvest"; the pages' hand-written
    text marks such names the same way (WCAG 3.1.2).
    """
    start = text.find(quoted)
    if start < 0:
        return _escape(text)
    end = start + len(quoted)
    marked = f'<span lang="{quoted_language.code}">{_escape(quoted)}</span>'
    return f"{_escape(text[:start])}{marked}{_escape(text[end:])}"


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


# Structured data


def json_ld(roster: Roster, language: Language, languages: tuple[Language, ...]) -> dict[str, Any]:
    """schema.org: the pact as an Organization whose members are people in a role."""
    other_names = [other.ui["roster_pact"] for other in languages if other != language]
    return {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": language.ui["roster_pact"],
        "alternateName": other_names[0] if len(other_names) == 1 else other_names,
        "member": [member_role(member, language) for member in roster.members],
    }


def member_role(member: Member, language: Language) -> dict[str, Any]:
    role: dict[str, Any] = {
        "@type": "OrganizationRole",
        "roleName": language.ui["roster_role"],
        "member": {
            "@type": "Person",
            "name": member.name,
            "jobTitle": member.title.in_language(language.code),
            "worksFor": {"@type": "Organization", "name": member.organisation.in_language(language.code)},
        },
    }
    if member.note is not None:
        role["description"] = member.note.in_language(language.code)
    return role


def json_ld_script(roster: Roster, language: Language, languages: tuple[Language, ...]) -> str:
    data = json_ld(roster, language, languages)
    return f'<script type="application/ld+json">\n{script_safe_json(data)}\n</script>'


def script_safe_json(data: object) -> str:
    """JSON that can never end its <script> element early, whatever the names contain.

    '<', '>' and '&' become \\u003c, \\u003e and \\u0026 (as Django's json_script does): no '</script>',
    no '<!--' that would change how the browser reads the rest, yet the same strings once parsed.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.translate(SCRIPT_ESCAPES)  # these characters only ever occur inside JSON strings


# Open data


def open_data(roster: Roster, language: Language) -> dict[str, Any]:
    code = language.code
    return {
        "title": language.ui["roster_dataset"],
        "language": code,
        "as_of": roster.as_of.isoformat() if roster.as_of else None,
        "publisher": language.ui["authority"],
        "members": [
            {
                "position": position,
                "name": member.name,
                "title": member.title.in_language(code),
                "organisation": member.organisation.in_language(code),
                "note": member.note.in_language(code) if member.note is not None else None,
            }
            for position, member in enumerate(roster.members, start=1)
        ],
    }


def open_data_json(roster: Roster, language: Language) -> str:
    return json.dumps(open_data(roster, language), ensure_ascii=False, indent=2) + "\n"


def open_data_csv(roster: Roster, language: Language) -> str:
    """RFC 4180 CSV, one row per member, the same columns as the JSON's members."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in open_data(roster, language)["members"]:
        writer.writerow([_csv_cell(row[column]) for column in CSV_COLUMNS])
    return buffer.getvalue()


def _csv_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(CSV_FORMULA_STARTS) else text
