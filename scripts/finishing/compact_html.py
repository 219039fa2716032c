"""Pages without the template's indentation: a third less HTML, rendered exactly the same.

Material's templates indent their output; on a page whose navigation lists many pages, the indentation
is about a third of the HTML. Each run of white space that starts a line becomes one line break, which a
browser shows exactly as it showed the run. Preformatted text (<pre>, <textarea>), where white space is
shown as written, is left as it is.
The Content Security Policy (csp.py) is added after it: it hashes the inline scripts as they are sent.
"""

from __future__ import annotations

import re

from .site import Page

UPSTREAM = "none: any HTML"
PREFORMATTED = re.compile(r"(<(pre|textarea)\b.*?</\2>)", re.S | re.I)
INDENTED_LINE = re.compile(r"\n[ \t\r\n]+")


def compact(page_html: str) -> str:
    # split() with the element and its tag name as groups gives: text, element, tag name, text, …
    parts = PREFORMATTED.split(page_html)
    kept = []
    for index in range(0, len(parts), 3):
        kept.append(INDENTED_LINE.sub("\n", parts[index]))
        if index + 1 < len(parts):
            kept.append(parts[index + 1])  # the preformatted element, as written
    return "".join(kept)


def compact_page(html: str, page: Page) -> str:
    return compact(html)
