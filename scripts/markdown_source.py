"""A page's Markdown as an editor wrote it: its front matter, and its lines of text with their numbers.

Line numbers count from 1 over the whole file, front matter included, as GitHub's web editor shows
them, so a message can name the line to change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)^---[ \t]*\r?\n", re.S | re.M)
FENCE = re.compile(r"^\s*(```|~~~)")


def front_matter_lines(markdown: str) -> Iterator[tuple[int, str, str]]:
    """(line number, key, value) of each 'key: value' line between the two '---' at the top."""
    match = FRONT_MATTER.match(markdown)
    if match is None:
        return
    for number, line in enumerate(match["body"].splitlines(), start=2):
        key, colon, value = line.partition(":")
        if colon and key and not key[0].isspace():
            yield number, key.strip(), value.strip()


def body_lines(markdown: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of each line after the front matter, leaving out fenced code blocks."""
    match = FRONT_MATTER.match(markdown)
    first = markdown.count("\n", 0, match.end()) + 1 if match else 1
    in_fence = False
    for number, line in enumerate(markdown[match.end() if match else 0 :].splitlines(), start=first):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield number, line
