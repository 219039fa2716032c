"""A page's Markdown as an editor wrote it: its front matter, its lines and its prose, with their numbers.

The one reader of a page's source: the spelling and plain-language checks, the translation status,
`make page` and the build's content rules all read a page through it, so they agree on where the
front matter ends, what is prose and which line is which. The build itself takes the front matter's
settings from MkDocs (page.meta); FRONT_MATTER finds the front matter where MkDocs does
(mkdocs.utils.meta), and tests/test_markdown_source.py holds the two side by side.

Line numbers count from 1 over the whole file, front matter included, as GitHub's web editor shows
them (only a line break ends a line), so a message can name the line to change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from site_config import display_path

# '---' on the first line, YAML, then '---' or '...' on a line of its own (as MkDocs reads it).
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?\n)(?:---|\.\.\.)[ \t]*\n", re.S)
# The front-matter settings that are prose: the menu label and search results show them.
PROSE_KEYS = ("title", "description")

FENCED_CODE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[ \t]*$", re.S | re.M)
# What is on a page but never read as its text: comments (marker lines among them), code, scripts.
NOT_PROSE = [
    re.compile(r"<!--.*?-->", re.S),
    FENCED_CODE,
    re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I),
]


class PageError(Exception):
    """A page that cannot be read, or whose front matter cannot. The message names the file, in Danish."""


def read_page(path: Path) -> str:
    """A page's text; PageError when the file cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PageError(f"{display_path(path)}: kan ikke læses ({error}).") from None


def as_read(markdown: str) -> str:
    """The text as MkDocs and Python read a file: each line break a '\\n', no byte-order mark."""
    return markdown.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _split(markdown: str) -> tuple[re.Match[str] | None, str]:
    """The page's front matter (None when it has none), and the page as read."""
    text = as_read(markdown)
    return FRONT_MATTER.match(text), text


def front_matter(markdown: str, file: str) -> dict[str, Any]:
    """The front matter's settings, as MkDocs reads them into page.meta; {} when the page has none.

    Where MkDocs quietly reads no settings at all, this says why (PageError, naming the file).
    """
    match, _ = _split(markdown)
    if match is None:
        return {}
    try:
        data = yaml.safe_load(match["body"]) or {}
    except yaml.YAMLError as error:
        raise PageError(
            f"{file}: linjerne mellem de to '---' øverst kan ikke læses. Ret dem, så hver linje er "
            f"'navn: værdi' (the front matter is not valid YAML: {error})."
        ) from None
    if not isinstance(data, dict):
        raise PageError(f"{file}: linjerne mellem de to '---' øverst skal være 'navn: værdi'-linjer.")
    return data


def front_matter_lines(markdown: str) -> Iterator[tuple[int, str, str]]:
    """(line number, key, value as written) of each top-level 'key: value' line of the front matter."""
    match, _ = _split(markdown)
    if match is None:
        return
    for number, line in enumerate(match["body"].split("\n"), start=2):
        key, colon, value = line.partition(":")
        if colon and key and not key[0].isspace():
            yield number, key.strip(), value.strip()


def front_matter_prose(markdown: str) -> list[tuple[int, str]]:
    """(line number, text) of the page's `title:` and `description:`, without their quotes."""
    found = []
    for number, key, value in front_matter_lines(markdown):
        text = value.strip("\"'").strip()
        if key in PROSE_KEYS and text:
            found.append((number, text))
    return found


def with_front_matter(markdown: str, values: Mapping[str, str]) -> str:
    """The page with these front-matter lines set: each value as written (YAML), replacing the key's
    line where there is one, else added last; a page without front matter gets one."""
    match, text = _split(markdown)
    lines = match["body"].splitlines(keepends=True) if match else []
    for key, value in values.items():
        line = f"{key}: {value}\n"
        index = next((i for i, old in enumerate(lines) if old.startswith(f"{key}:")), None)
        if index is None:
            lines.append(line)
        else:
            lines[index] = line
    return "---\n" + "".join(lines) + "---\n" + text[match.end() if match else 0 :]


def _body(markdown: str) -> tuple[int, str]:
    """The number of the first line after the front matter, and the text from there on."""
    match, text = _split(markdown)
    start = match.end() if match else 0
    return text.count("\n", 0, start) + 1, text[start:]


def _blanked(text: str, patterns: list[re.Pattern[str]]) -> str:
    """The text with what the patterns match turned into spaces, its line breaks kept."""
    for pattern in patterns:
        text = pattern.sub(lambda match: re.sub(r"[^\n]", " ", match[0]), text)
    return text


def body_lines(markdown: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of each line after the front matter; a fenced code block's lines are blank."""
    first, body = _body(markdown)
    yield from enumerate(_blanked(body, [FENCED_CODE]).split("\n"), start=first)


def prose_lines(markdown: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of each line after the front matter, with what is not prose blanked out:
    HTML comments (and so the marker lines), fenced code, <script> and <style>. A line that held only
    those is blank, so a paragraph ends where it ended for a reader."""
    first, body = _body(markdown)
    yield from enumerate(_blanked(body, NOT_PROSE).split("\n"), start=first)
