"""While `mkdocs serve` runs, regenerate the steering-group pages whenever the roster changes.

The roster (data/steering-group.yml) is watched by `watch:` in mkdocs.yml. On every rebuild in serve
mode this hook runs scripts/steering_group.py, so the preview always shows the roster. If the roster
has mistakes, they are shown and the pages stay as they were. `mkdocs build` does not run it: the
Makefile's `build` runs the script first, and CI checks the committed pages with `--check`.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from site_locales import building_other_language

log = logging.getLogger("mkdocs.hooks.roster_preview")

_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config: MkDocsConfig) -> None:
    script = Path(config.config_file_path).parent / "scripts" / "steering_group.py"
    if not _serving or building_other_language(config) or not script.is_file():
        return
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=False)
    for line in result.stdout.splitlines():
        if line.startswith("Updated"):
            log.info(line)
    if result.returncode != 0:
        # Not a warning: `mkdocs serve` keeps running so the editor can fix the roster and save again.
        log.error("The steering-group roster has mistakes; the pages were not changed:\n%s", result.stderr)
