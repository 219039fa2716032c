"""The first-load budgets: one definition for the tests and for `make bench`'s report.

A first visit (cold cache, until the network is idle), gzip-compressed as GitHub Pages serves it. Search
code and data are not part of it: they load when the reader starts a search.
"""

from __future__ import annotations

HOME_PAGES = ("/", "/en/")
HOME_MAX_BYTES = 35 * 1024  # the home pages: most visits start there
PAGE_MAX_BYTES = 40 * 1024  # every other page
MAX_REQUESTS = 5
# What belongs to search (Material's script, its worker, the index, lunr's language files): never on a
# first load.
SEARCH_ASSET_MARKERS = (
    "assets/javascripts/bundle.",
    "assets/javascripts/workers/",
    "search/search_index.json",
    "lunr",
)


def max_bytes(page: str) -> int:
    """The budget of a page path ('/', '/en/', '/puljen/')."""
    return HOME_MAX_BYTES if page in HOME_PAGES else PAGE_MAX_BYTES


def is_search_asset(path: str) -> bool:
    return any(marker in path for marker in SEARCH_ASSET_MARKERS)
