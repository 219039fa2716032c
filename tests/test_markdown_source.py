"""The one reader of a page's Markdown (scripts/markdown_source.py): front matter where MkDocs finds it,
line numbers as the editor sees them, and the same prose for the spelling and plain-language checks."""

from __future__ import annotations

import re

import plain_language
import pytest
import spelling
from mkdocs.utils.meta import get_data

import markdown_source
from markdown_source import PageError
from roster.page import MARKER

WORD = re.compile(r"\w+")
# Pages written as an editor might: each is read by MkDocs' own front-matter reader too.
AS_MKDOCS_READS = {
    "plain": "---\ntitle: Puljen\ndescription: Om puljen.\n---\n\n# Puljen\n",
    "quoted": '---\ntitle: "Tema 2024: AI"\ntranslation_checked: 2026-11-26\n---\n\nTekst.\n',
    "dots": "---\ntitle: Puljen\n...\n\nTekst.\n",
    "spaces after the dashes": "--- \ntitle: Puljen\n---\t\nTekst.\n",
    "none": "# Puljen\n\nTekst.\n",
    "not closed": "---\ntitle: Puljen\n\n# Puljen\n",
    "empty": "---\n---\n\nTekst.\n",
    "closed at the very end": "---\ntitle: Puljen\n---",
    "a rule further down": "Tekst.\n\n---\n\ntitle: ikke front matter\n\n---\n",
}


@pytest.mark.parametrize("page", AS_MKDOCS_READS.values(), ids=AS_MKDOCS_READS.keys())
def test_the_front_matter_is_what_mkdocs_reads(page: str) -> None:
    body, meta = get_data(page)
    assert markdown_source.front_matter(page, "side.md") == meta
    first = next(markdown_source.body_lines(page))[0]
    assert "\n".join(page.split("\n")[first - 1 :]).lstrip("\n") == body


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("---\ntitle: [Puljen\n---\n\nTekst.\n", "kan ikke læses"),
        ("---\n- title\n- description\n---\n\nTekst.\n", "'navn: værdi'-linjer"),
    ],
    ids=["not YAML", "not key: value"],
)
def test_front_matter_mkdocs_would_ignore_is_told(page: str, message: str) -> None:
    assert get_data(page)[1] == {}  # MkDocs reads no settings, and says nothing
    with pytest.raises(PageError, match=f"^side.md: .*{message}"):
        markdown_source.front_matter(page, "side.md")


def test_windows_line_breaks_and_a_byte_order_mark_are_read_as_mkdocs_reads_a_file() -> None:
    page = "\ufeff---\r\ntitle: Puljen\r\n---\r\n\r\nTekst.\r\n"
    assert markdown_source.front_matter(page, "side.md") == {"title": "Puljen"}
    assert [(n, line) for n, line in markdown_source.prose_lines(page) if line] == [(5, "Tekst.")]


def test_front_matter_lines_name_the_line_of_each_key() -> None:
    page = "---\ntitle: Puljen\nhide:\n  - toc\ndescription: 'Om puljen.'\n---\n\nTekst.\n"
    assert list(markdown_source.front_matter_lines(page)) == [
        (2, "title", "Puljen"),
        (3, "hide", ""),
        (5, "description", "'Om puljen.'"),
    ]
    assert markdown_source.front_matter_prose(page) == [(2, "Puljen"), (5, "Om puljen.")]


def test_what_is_not_prose_is_blank_and_every_line_keeps_its_number() -> None:
    lines = [
        "---",
        "title: Puljen",
        "---",
        "Før <!-- en kommentar",
        "over to linjer --> efter",
        "```text",
        "kode",
        "```",
        "<script>kode()</script>",
        MARKER,
        "Sidste linje.",
    ]
    prose = {number: line.strip() for number, line in markdown_source.prose_lines("\n".join(lines))}
    assert {number: line for number, line in prose.items() if line} == {
        4: "Før",
        5: "efter",
        11: "Sidste linje.",
    }
    assert min(prose) == 4, "the front matter is not prose"


def test_code_blocks_are_blank_for_the_content_rules_and_comments_stay() -> None:
    page = "---\ntitle: Puljen\n---\n# Puljen\n```\n# ikke en overskrift\n```\n<!-- fund-phone -->\n"
    kept = [(number, line) for number, line in markdown_source.body_lines(page) if line.strip()]
    assert kept == [(4, "# Puljen"), (8, "<!-- fund-phone -->")]


def test_the_spelling_and_plain_language_checks_read_the_same_lines() -> None:
    """Both checks take a page's prose from the one reader: the same text on the same line numbers."""
    page = (
        '---\ntitle: "Puljen: om os"\ndescription: Hvem kan søge.\n---\n\n<!-- en kommentar\n'
        "over to linjer -->\n\n```\nkode\n```\n\n# Puljen\n\nUnge kan søge.\nSkriv til os.\n"
    )
    spelt = {
        (number, word) for number, _, text in spelling.text_lines(page, "da") for word in WORD.findall(text)
    }
    blocks = plain_language.title_and_description(page) + plain_language.blocks(page)
    read = {
        (number, word) for block in blocks for number, text in block.pieces for word in WORD.findall(text)
    }
    assert read == spelt
    assert {number for number, _ in read} == {2, 3, 13, 15, 16}


def test_with_front_matter_sets_lines_and_keeps_the_rest() -> None:
    page = "---\ntitle: Puljen\ntranslated_from: abc\n---\n\n# Puljen\n\nTekst.\n"
    updated = markdown_source.with_front_matter(page, {"translated_from": "def", "translation_checked": "x"})
    assert updated == (
        "---\ntitle: Puljen\ntranslated_from: def\ntranslation_checked: x\n---\n\n# Puljen\n\nTekst.\n"
    )
    assert (
        markdown_source.with_front_matter("\n# Ny\n", {"title": '"Ny"'}) == '---\ntitle: "Ny"\n---\n\n# Ny\n'
    )
