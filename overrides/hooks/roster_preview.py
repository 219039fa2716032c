"""While `mkdocs serve` runs, regenerate the steering-group pages whenever the roster changes.

The roster (data/steering-group.yml) is watched by `watch:` in mkdocs.yml. On every rebuild in serve
mode this hook runs the roster pipeline (scripts/roster/pipeline.py, the same code as
scripts/steering_group.py), so the preview always shows the roster. If the roster has mistakes, they
are shown and the pages stay as they were. `mkdocs build` does not run it: `make build` and the tests
check that the committed pages match the roster and name the command that updates them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from sitelib.site import building_other_language

from roster import pipeline
from roster.problems import PageError, RosterError
from site_config import display_path

log = logging.getLogger("mkdocs.hooks.roster_preview")

# Set once by on_startup: no later event says whether this is `mkdocs serve`.
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config: MkDocsConfig) -> None:
    if not _serving or building_other_language(config):
        return
    project = Path(config.config_file_path).parent
    roster = project / "data" / "steering-group.yml"
    try:
        written = pipeline.regenerate(roster, Path(config.docs_dir), Path(config.config_file_path))
    except RosterError as error:
        # Not a warning: `mkdocs serve` keeps running so the editor can fix the roster and save again.
        log.error(
            "Styregruppens fil har fejl, så siderne er ikke ændret:\n%s", error.report(display_path(roster))
        )
        return
    except PageError as error:
        log.error("Styregruppens sider er ikke ændret: %s", error.report())
        return
    for path in written:
        log.info("Opdateret %s", display_path(path))
