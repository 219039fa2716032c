"""The finishing steps, in the order they run: one list, read top to bottom.

A step works on the whole folder (`site`) or on each HTML page (`page`: the page's HTML in, the
finished HTML out). The whole-site steps come first (the stylesheet cut reads the pages as generated:
the page steps change no name a rule can select), then the page steps, which run in one pass. Each
names the upstream text it is written against. An optional one is switched off by its name under
`extra: finishing:` in mkdocs.yml; the site is then still complete and correct, only heavier (`off`
says what runs in its place, if anything). The required ones always run: the short address /was/ the
law asks for, and the Content Security Policy, last, because it hashes the inline scripts of each page
as it is sent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import compact_html, csp, redirects, search_index, search_on_demand, search_worker, stylesheet
from .site import Page, Site

SiteStep = Callable[[Site], None]
PageStep = Callable[[str, Page], str]


@dataclass(frozen=True)
class Step:
    name: str  # its switch under `extra: finishing:` in mkdocs.yml (an optional step), and in messages
    does: str  # what it does, in a few words
    module: str  # where it is written, for messages: scripts/finishing/<module>.py
    upstream: str  # the upstream text it depends on
    site: SiteStep | None = None
    page: PageStep | None = None
    optional: bool = True
    off: SiteStep | None = None  # what runs instead when it is switched off


STEPS: list[Step] = [
    # First the files that serve the whole site, then each page, once: its steps in this order.
    Step(
        "search_per_language",
        "splits the search index by language",
        "search_index",
        search_index.UPSTREAM,
        site=search_index.split_search_index,
    ),
    Step(
        "search_worker",
        "stems the query and names the words found",
        "search_worker",
        search_worker.UPSTREAM,
        site=search_worker.patch_search_worker,
        off=search_worker.unstemmed_search,
    ),
    Step(
        "stylesheet_cut",
        "cuts the one stylesheet to the rules the pages use",
        "stylesheet",
        stylesheet.UPSTREAM,
        site=stylesheet.cut_stylesheet,
        off=stylesheet.join_stylesheets,
    ),
    Step(
        "was_redirects",
        "writes /was/, the short address of the accessibility statement",
        "redirects",
        redirects.UPSTREAM,
        site=redirects.write_redirects,
        optional=False,
    ),
    Step(
        "search_per_language",
        "points each language's pages at its own index",
        "search_index",
        search_index.UPSTREAM,
        page=search_index.point_search_at_language,
    ),
    Step(
        "search_on_demand",
        "loads Material's script and search on the first search",
        "search_on_demand",
        search_on_demand.UPSTREAM,
        page=search_on_demand.load_on_demand,
    ),
    Step(
        "compact_html",
        "drops the templates' indentation",
        "compact_html",
        compact_html.UPSTREAM,
        page=compact_html.compact_page,
    ),
    Step(
        "content_security_policy",
        "puts the Content Security Policy on every page",
        "csp",
        csp.UPSTREAM,
        page=csp.add_policy,
        optional=False,
    ),
]

SWITCHES = sorted({step.name for step in STEPS if step.optional})
