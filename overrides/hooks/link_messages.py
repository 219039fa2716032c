"""Broken links and anchors explained for editors: in Danish, with the line and the nearest page or heading.

MkDocs checks every link (`validation:` in mkdocs.yml) but reports it without a line and in
English. This hook rewrites those reports as they are logged: the file and line of the link, what
is wrong, the nearest existing page or heading, and how to fix it; MkDocs' own words follow in
brackets for maintainers. Heading addresses keep æ, ø and å (`toc: slugify` in mkdocs.yml), which
the message says when an anchor is not found.
"""

from __future__ import annotations

import difflib
import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages
from pymdownx.slugs import slugify

NOT_FOUND = re.compile(
    r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', but the target(?: '(?P<target>[^']+)')? "
    r"is not found among documentation files\."
)
NO_ANCHOR = re.compile(
    r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', but (?:the doc '(?P<target>[^']+)' "
    r"does not contain an anchor '#(?P<anchor>[^']+)'|there is no such anchor on this page)\."
)
HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*(?:\{[^}]*#(?P<id>[^\s}]+)[^}]*\})?\s*#*\s*$")
# The same slugify as `toc:` in mkdocs.yml.
HEADING_ID = slugify(case="lower")


def line_of(source: Path, link: str) -> int | None:
    """The line of the first link to `link` in the page's Markdown (line numbers count from 1)."""
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for number, line in enumerate(lines, start=1):
        if f"]({link}" in line or f'="{link}"' in line:
            return number
    return None


def heading_ids(source: Path) -> list[str]:
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    ids = []
    for line in lines:
        match = HEADING.match(line)
        if match:
            ids.append(match["id"] or HEADING_ID(re.sub(r"<[^>]+>", "", match["text"]), "-"))
    return ids


def nearest(word: str, choices: list[str]) -> str | None:
    matches = difflib.get_close_matches(word, choices, n=1, cutoff=0.4)
    return matches[0] if matches else None


class DanishLinkMessages(logging.Filter):
    """Rewrites MkDocs' link warnings in place; every other record passes unchanged."""

    def __init__(self, docs_dir: Path) -> None:
        super().__init__()
        self.docs_dir = docs_dir

    def filter(self, record: logging.LogRecord) -> bool:
        original = record.getMessage()
        message = self.anchor_message(original) or self.page_message(original)
        if message:
            record.msg, record.args = message, ()
        return True

    def where(self, src_uri: str, link: str) -> str:
        line = line_of(self.docs_dir / src_uri, link)
        return f"docs/{src_uri}:{line}" if line else f"docs/{src_uri}"

    def page_message(self, original: str) -> str | None:
        match = NOT_FOUND.fullmatch(original.split(" Did you mean")[0])
        if not match:
            return None
        language = match["file"].partition("/")[0]
        pages = sorted(
            p.relative_to(self.docs_dir / language).as_posix()
            for p in (self.docs_dir / language).rglob("*.md")
        )
        guess = nearest(match["link"].partition("#")[0].rsplit("/", 1)[-1], pages)
        hint = f" Mente du '{guess}'?" if guess else ""
        return (
            f"{self.where(match['file'], match['link'])}: linket '{match['link']}' peger på en side, "
            f"der ikke findes.{hint} Skriv sidens filnavn, som det står i docs/{language}/, "
            f"fx [Læs om puljen](puljen.md). ({original})"
        )

    def anchor_message(self, original: str) -> str | None:
        match = NO_ANCHOR.fullmatch(original)
        if not match:
            return None
        target = match["target"] or match["file"]
        anchor = match["anchor"] or match["link"].partition("#")[2]
        guess = nearest(anchor, heading_ids(self.docs_dir / target))
        hint = f" Den nærmeste overskrift er '#{guess}'." if guess else ""
        return (
            f"{self.where(match['file'], match['link'])}: linket '{match['link']}' peger på en overskrift, "
            f"der ikke findes på docs/{target}.{hint} En overskrifts adresse er dens tekst med små "
            f"bogstaver og bindestreger i stedet for mellemrum, og æ, ø og å beholdes, "
            f"fx #tilgængelighedserklæring. "
            f"({original})"
        )


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The logger the link warnings come from, whatever the generator names it ("mkdocs.structure.pages",
    # "properdocs.structure.pages"): the module's own.
    logger = pages.log
    for old in [f for f in logger.filters if type(f).__name__ == DanishLinkMessages.__name__]:
        logger.removeFilter(old)  # `mkdocs serve` reads the configuration again on every rebuild
    logger.addFilter(DanishLinkMessages(Path(config.docs_dir)))
    return config
