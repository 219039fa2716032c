"""Page weight budget: exact bytes and requests of what each page references (times: `make bench`)."""

from __future__ import annotations

from pathlib import Path

from bench.static_weight import page_weights
from support.site import LOCALES, nav_pages

# A page and everything it references, gzip-compressed as GitHub Pages serves it. Material's own CSS and
# JavaScript are most of it (about 60 KB); the budget leaves room for text, not for another framework.
MAX_GZIP_BYTES = 80_000
MAX_REQUESTS = 6


def test_every_page_stays_within_the_weight_budget(site_dir: Path) -> None:
    rows = page_weights(site_dir)
    assert len(rows) >= len(nav_pages()) * len(LOCALES), "every page of every language is measured"
    heavy = [(page, packed) for page, _, _, packed in rows if packed > MAX_GZIP_BYTES]
    busy = [(page, requests) for page, requests, _, _ in rows if requests > MAX_REQUESTS]
    assert not heavy, f"pages over {MAX_GZIP_BYTES} gzip bytes: {heavy}"
    assert not busy, f"pages referencing over {MAX_REQUESTS} files: {busy}"
