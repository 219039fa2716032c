"""Give every page a "Sidst opdateret / Last updated" date from git history.

The date is the day of the last commit that touched the page's Markdown file. A page with
uncommitted changes gets today's date, so a local preview shows what will be published. The
organisation page shows the steering group, which the build makes from data/steering-group.yml:
it takes the roster's date when that is newer.
A shallow clone or a folder outside git still builds: it prints a warning, which does not fail
`mkdocs build --strict`, because the dates are a courtesy and must never block publishing.

Why not mkdocs-git-revision-date-localized-plugin (weighed at version 1.6.3): it formats the date in
mkdocs-static-i18n's page locale, 'en', so British English pages would read "November 26, 2026"; it
does not set the sitemap's <lastmod>, so the sitemap would carry the build date and the same commit
would not build the same site; a page with unsaved changes shows its last commit's date in the
preview; it adds GitPython. This hook reads the whole history in one `git log` per site build.
Paths are read NUL-separated (-z), so renamed files and names with æ, ø, å or spaces are exact.
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

from sitelib.site import building_other_language, language_of, languages, roster_path

from roster.page import PAGE_NAME as ROSTER_PAGE

# A logger outside the "mkdocs" tree: its warnings are shown but do not count for --strict.
log = logging.getLogger("teknologipagt.last_updated")
if not log.handlers:
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    log.addHandler(_handler)
    log.propagate = False

# Read once per site build in on_pre_build, for every language; no event argument can carry it.
_dates: dict[str, dt.date] = {}


def _git(docs_dir: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", *args], cwd=docs_dir, capture_output=True, encoding="utf-8", check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return result.stdout


def read_git_dates(docs_dir: Path, warn: bool = True) -> dict[str, dt.date]:
    """Map each file below docs_dir (relative to it) to the date it was last committed or changed."""
    if _git(docs_dir, "rev-parse", "--is-inside-work-tree") is None:
        if warn:
            log.warning("%s is not in a git checkout: pages show no 'last updated' date.", docs_dir)
        return {}
    if warn and (_git(docs_dir, "rev-parse", "--is-shallow-repository") or "").strip() == "true":
        log.warning(
            "This is a shallow git clone: 'last updated' dates may be too recent. "
            "Run 'git fetch --unshallow' for the full history."
        )
    dates: dict[str, dt.date] = {}
    # One record per commit: "\x01<date>" and then the paths it touched, each ended by NUL.
    history = _git(docs_dir, "log", "-z", "--format=%x01%cs", "--name-only", "--relative", "--", ".") or ""
    day: dt.date | None = None
    for field in history.split("\0"):
        field = field.lstrip("\n")
        if field.startswith("\x01"):
            day = dt.date.fromisoformat(field[1:])
        elif field and day is not None:
            dates.setdefault(field, day)  # newest commit comes first
    # Uncommitted changes: today. Porcelain paths are relative to the repository root, not docs_dir.
    prefix = (_git(docs_dir, "rev-parse", "--show-prefix") or "").strip()
    status = _git(docs_dir, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ".") or ""
    fields = iter(status.split("\0"))
    today = dt.date.today()
    for entry in fields:
        if len(entry) < 4:
            continue
        dates[entry[3:].removeprefix(prefix)] = today
        if entry[0] in "RC":  # a rename or copy: the next field is the old path
            next(fields, None)
    return dates


def with_roster_date(dates: dict[str, dt.date], roster: Path, codes: list[str]) -> dict[str, dt.date]:
    """The dates, with each language's organisation page as new as the roster it shows."""
    roster_day = read_git_dates(roster.parent, warn=False).get(roster.name) if roster.is_file() else None
    if roster_day is None:
        return dates
    for code in codes:
        page = f"{code}/{ROSTER_PAGE}"
        if page in dates:
            dates[page] = max(dates[page], roster_day)
    return dates


def on_pre_build(config: MkDocsConfig) -> None:
    global _dates
    if not building_other_language(config):  # one git read per site build, not per language
        codes = [language.code for language in languages(config)]
        _dates = with_roster_date(read_git_dates(Path(config.docs_dir)), roster_path(config), codes)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    day = _dates.get(page.file.src_uri)
    language = language_of(config, page.file.src_uri)
    if day is not None and language is not None:
        page.meta["last_updated_iso"] = day.isoformat()
        # The sitemap's <lastmod> (and the sitemap.xml.gz timestamp): the page's date, not the build's.
        page.update_date = day.isoformat()
        page.meta["last_updated_text"] = format_date(day, "long", locale=language.regional_locale)
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """The sitemap's <lastmod> for every language's pages, not only the language being built.

    The default language's build renders the sitemap before the other languages' pages have been
    rendered, so their update_date would still be the build date.
    """
    if template_name == "sitemap.xml":
        for files in (context.get("i18n_alternates") or {}).values():
            for file in files:
                day = _dates.get(file.src_uri)
                if file.page is not None and day is not None:
                    file.page.update_date = day.isoformat()
    return context
