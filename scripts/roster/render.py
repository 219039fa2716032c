"""Everything made from the roster: the page block, its JSON-LD, and the open-data JSON and CSV.

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

from .schema import Member, Roster

LANGUAGES = ("da", "en")
BABEL_LOCALES = {"da": "da_DK", "en": "en_GB"}
# Where the open-data files go, relative to each language folder of docs/ (so da/ serves them at
# /data/ and en/ at /en/data/, and the pages can use ordinary, link-checked Markdown links).
OPEN_DATA_DIR = "data"
OPEN_DATA_STEM = "steering-group"
GENERATED_NOTE = (
    "<!-- Generated from data/steering-group.yml by scripts/steering_group.py: "
    "edit the YAML, not this list. -->"
)

TEXTS = {
    "da": {
        "caption": "Styregruppen pr. {date}",
        "open_data": (
            "Listen findes også som åbne data: "
            "[styregruppen som JSON-fil]({json}) og [styregruppen som CSV-fil]({csv})."
        ),
        "pact": "Den Nordjyske Teknologipagt",
        "other_name": "The North Denmark Technology Pact",
        "role": "Medlem af den administrative styregruppe",
        "dataset": "Den administrative styregruppe i Den Nordjyske Teknologipagt",
        "publisher": "Region Nordjylland",
    },
    "en": {
        "caption": "Steering group as of {date}",
        "open_data": (
            "The list is also available as open data: "
            "[the steering group as a JSON file]({json}) and [the steering group as a CSV file]({csv})."
        ),
        "pact": "The North Denmark Technology Pact",
        "other_name": "Den Nordjyske Teknologipagt",
        "role": "Member of the administrative steering group",
        "dataset": "The administrative steering group of the North Denmark Technology Pact",
        "publisher": "North Denmark Region",
    },
}
SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
CSV_COLUMNS = ("position", "name", "title", "organisation", "note")
# A spreadsheet treats a cell starting with one of these as a formula; a leading ' makes it text.
CSV_FORMULA_STARTS = ("=", "+", "-", "@")


def open_data_path(language: str, extension: str) -> str:
    """Path of an open-data file relative to docs/, e.g. 'en/data/steering-group.json'."""
    return f"{language}/{OPEN_DATA_DIR}/{OPEN_DATA_STEM}.{extension}"


def as_of_text(roster: Roster, language: str) -> str:
    """'26. november 2026' or '26 November 2026'."""
    return format_date(roster.as_of, "long", locale=BABEL_LOCALES[language])


# The page block


def page_block(roster: Roster, language: str) -> str:
    """The Markdown that goes between the markers: a note, the list, the open-data links, the JSON-LD."""
    texts = TEXTS[language]
    caption = texts["caption"].format(date=as_of_text(roster, language))
    links = texts["open_data"].format(
        json=f"{OPEN_DATA_DIR}/{OPEN_DATA_STEM}.json", csv=f"{OPEN_DATA_DIR}/{OPEN_DATA_STEM}.csv"
    )
    parts = [
        GENERATED_NOTE,
        f"<p>{_escape(caption)}:</p>",
        members_list(roster, language),
        links,
        json_ld_script(roster, language),
    ]
    # Blank lines around each part: Markdown then treats each HTML part as a block of its own.
    return "\n\n" + "\n\n".join(parts) + "\n\n"


def members_list(roster: Roster, language: str) -> str:
    """A plain list, as in the source text. (A table would scroll sideways on phones, a barrier at 320 px.)"""
    return "\n".join(["<ul>", *(member_item(member, language) for member in roster.members), "</ul>"])


def member_item(member: Member, language: str) -> str:
    """'<strong>Name</strong>, title, organisation', then '; note' if there is one."""
    title = _escape(member.title.in_language(language))
    organisation = member.organisation.in_language(language)
    if language == "en":
        organisation_html = _mark_danish(organisation, member.organisation.da)
    else:
        organisation_html = _escape(organisation)
    note = f"; {_escape(member.note.in_language(language))}" if member.note is not None else ""
    return f"<li><strong>{_escape(member.name)}</strong>, {title}, {organisation_html}{note}</li>"


def _mark_danish(english: str, danish: str) -> str:
    """English text in which the Danish name it quotes is marked lang="da", so screen readers say it right.

    "EUC Nordvest (a vocational college)" quotes the Danish "EUC Nordvest"; the pages' hand-written
    text marks such names the same way (WCAG 3.1.2).
    """
    start = english.find(danish)
    if start < 0:
        return _escape(english)
    end = start + len(danish)
    return f'{_escape(english[:start])}<span lang="da">{_escape(danish)}</span>{_escape(english[end:])}'


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


# Structured data


def json_ld(roster: Roster, language: str) -> dict[str, Any]:
    """schema.org: the pact as an Organization whose members are people in a role."""
    texts = TEXTS[language]
    return {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": texts["pact"],
        "alternateName": texts["other_name"],
        "member": [member_role(member, language) for member in roster.members],
    }


def member_role(member: Member, language: str) -> dict[str, Any]:
    role: dict[str, Any] = {
        "@type": "OrganizationRole",
        "roleName": TEXTS[language]["role"],
        "member": {
            "@type": "Person",
            "name": member.name,
            "jobTitle": member.title.in_language(language),
            "worksFor": {"@type": "Organization", "name": member.organisation.in_language(language)},
        },
    }
    if member.note is not None:
        role["description"] = member.note.in_language(language)
    return role


def json_ld_script(roster: Roster, language: str) -> str:
    return f'<script type="application/ld+json">\n{script_safe_json(json_ld(roster, language))}\n</script>'


def script_safe_json(data: object) -> str:
    """JSON that can never end its <script> element early, whatever the names contain.

    '<', '>' and '&' become \\u003c, \\u003e and \\u0026 (as Django's json_script does): no '</script>',
    no '<!--' that would change how the browser reads the rest, yet the same strings once parsed.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.translate(SCRIPT_ESCAPES)  # these characters only ever occur inside JSON strings


# Open data


def open_data(roster: Roster, language: str) -> dict[str, Any]:
    texts = TEXTS[language]
    return {
        "title": texts["dataset"],
        "language": language,
        "as_of": roster.as_of.isoformat(),
        "publisher": texts["publisher"],
        "members": [
            {
                "position": position,
                "name": member.name,
                "title": member.title.in_language(language),
                "organisation": member.organisation.in_language(language),
                "note": member.note.in_language(language) if member.note is not None else None,
            }
            for position, member in enumerate(roster.members, start=1)
        ],
    }


def open_data_json(roster: Roster, language: str) -> str:
    return json.dumps(open_data(roster, language), ensure_ascii=False, indent=2) + "\n"


def open_data_csv(roster: Roster, language: str) -> str:
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
