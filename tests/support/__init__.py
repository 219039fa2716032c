"""Everything the tests share (no tests here): the site and its languages, HTML, links, the roster,
and the browser (the GitHub Pages stand-in and the Chromium settings are in scripts/).

The tests import the project's own code from scripts/ (site_config, roster, bench) by bare name,
as the scripts import each other; scripts/ goes on the import path here, once.
"""

from __future__ import annotations

import sys
from pathlib import Path

SCRIPTS_DIR = Path(__file__).resolve().parents[2] / "scripts"
if str(SCRIPTS_DIR) not in sys.path:
    sys.path.insert(0, str(SCRIPTS_DIR))
