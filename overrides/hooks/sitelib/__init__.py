"""Helpers shared by the build hooks. Not a hook: mkdocs.yml's `hooks:` list does not name it.

The hooks read the languages with the same code as the scripts (scripts/site_config.py) and
regenerate the steering group with the same pipeline (scripts/roster/), so scripts/ goes on the
import path here, once.
"""

from __future__ import annotations

import sys
from pathlib import Path

SCRIPTS_DIR = Path(__file__).resolve().parents[3] / "scripts"
if str(SCRIPTS_DIR) not in sys.path:
    sys.path.append(str(SCRIPTS_DIR))
