"""The roster pipeline in one call: read and check the roster, then compare or write what it makes.

scripts/steering_group.py (and so `make roster`, `make check-roster`) and the live-preview hook
(overrides/hooks/roster_preview.py) both call these functions, in the same process.
"""

from __future__ import annotations

from pathlib import Path

from .model import Roster
from .outputs import Output, planned_outputs, stale_outputs, write_all
from .schema import parse_roster
from .source import read_roster_nodes
from site_config import MKDOCS_YML, ROOT, site_languages

ROSTER = ROOT / "data" / "steering-group.yml"
DOCS_DIR = ROOT / "docs"


def load_roster(roster: Path = ROSTER, config: Path = MKDOCS_YML) -> Roster:
    """The checked roster, with a text in each of the site's languages; RosterError lists every problem."""
    root, problems = read_roster_nodes(roster)
    return parse_roster(root, site_languages(config), problems)


def out_of_date(roster: Path = ROSTER, docs_dir: Path = DOCS_DIR, config: Path = MKDOCS_YML) -> list[Output]:
    """The generated files that do not match the roster (empty when all is up to date); writes nothing."""
    return stale_outputs(planned_outputs(load_roster(roster, config), docs_dir, site_languages(config)))


def regenerate(roster: Path = ROSTER, docs_dir: Path = DOCS_DIR, config: Path = MKDOCS_YML) -> list[Path]:
    """Write the generated files that do not match the roster, all or none; the paths written."""
    stale = out_of_date(roster, docs_dir, config)
    write_all(stale)
    return [output.path for output in stale]
