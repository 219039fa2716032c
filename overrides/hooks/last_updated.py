"""Give every page a "Sidst opdateret / Last updated" date from git history.

The date is the day of the last commit that touched the page's Markdown file. A page with
uncommitted changes gets today's date, so a local preview shows what will be published.
A shallow clone or a folder outside git still builds: it prints a warning, which does not fail
`mkdocs build --strict`, because the dates are a courtesy and must never block publishing.
"""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
import sys
from pathlib import Path

from babel.dates import format_date
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from site_locales import REGIONAL_LOCALES, building_other_language, locale_of

# A logger outside the "mkdocs" tree: its warnings are shown but do not count for --strict.
log = logging.getLogger("teknologipagt.last_updated")
if not log.handlers:
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    log.addHandler(_handler)
    log.propagate = False

_dates: dict[str, dt.date] = {}


def _git(docs_dir: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=docs_dir, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return result.stdout


def _read_git_dates(docs_dir: Path) -> dict[str, dt.date]:
    """Map each Markdown file (relative to docs_dir) to the date it was last committed or changed."""
    if _git(docs_dir, "rev-parse", "--is-inside-work-tree") is None:
        log.warning("%s is not in a git checkout: pages show no 'last updated' date.", docs_dir)
        return {}
    if (_git(docs_dir, "rev-parse", "--is-shallow-repository") or "").strip() == "true":
        log.warning(
            "This is a shallow git clone: 'last updated' dates may be too recent. "
            "Run 'git fetch --unshallow' for the full history."
        )
    dates: dict[str, dt.date] = {}
    history = _git(docs_dir, "log", "--format=@%cs", "--name-only", "--relative", "--", ".") or ""
    day: dt.date | None = None
    for line in history.splitlines():
        if line.startswith("@"):
            day = dt.date.fromisoformat(line[1:])
        elif line and day is not None:
            dates.setdefault(line, day)  # newest commit comes first
    # Porcelain status paths are relative to the repository root, not to docs_dir.
    prefix = (_git(docs_dir, "rev-parse", "--show-prefix") or "").strip()
    changed = _git(docs_dir, "status", "--porcelain", "--untracked-files=all", "--", ".") or ""
    today = dt.date.today()
    for line in changed.splitlines():
        dates[line[3:].strip('"').removeprefix(prefix)] = today
    return dates


def on_pre_build(config: MkDocsConfig) -> None:
    global _dates
    if not building_other_language(config):  # one git read per site build, not per language
        _dates = _read_git_dates(Path(config.docs_dir))


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    day = _dates.get(page.file.src_uri)
    if day is not None:
        locale = locale_of(page.file.src_uri)
        page.meta["last_updated_iso"] = day.isoformat()
        # The sitemap's <lastmod> (and the sitemap.xml.gz timestamp): the page's date, not the build's.
        page.update_date = day.isoformat()
        page.meta["last_updated_text"] = format_date(day, "long", locale=REGIONAL_LOCALES.get(locale, locale))
    return context
