"""The browser tests' stand-in for GitHub Pages (tests/support/static_server.py), for the benchmark.

It serves a built site as GitHub Pages does: gzip, `dir/` -> `dir/index.html`, the root 404.html.
Imported from the tests' folder so that the benchmark and the browser tests measure the same server.
"""

from __future__ import annotations

import sys

from site_config import ROOT

TESTS_DIR = str(ROOT / "tests")
sys.path.insert(0, TESTS_DIR)
try:
    from support.static_server import COMPRESSIBLE, RecordedRequest, StaticSiteServer, content_type
finally:
    sys.path.remove(TESTS_DIR)

__all__ = ["COMPRESSIBLE", "RecordedRequest", "StaticSiteServer", "content_type"]
