"""The steering group, made from data/steering-group.yml at every build: the list and the open data.

The organisation page of each language holds the marker line `<!-- steering-group -->`; this hook
puts the list there (with its JSON-LD) and publishes the open data next to the page
(`data/steering-group.json` and `.csv` in each language's folder). Nothing made from the roster is
committed, so a pull request that changes only the roster publishes the new list everywhere, and no
file can disagree with it. The work is the roster pipeline's (scripts/roster/), the same code as
`make roster`.

A broken roster stops the build with every mistake on its line, in Danish; `make serve` shows them
at the top of every page and keeps running until the roster is fixed and saved.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from sitelib.site import (
    building_other_language,
    current_language,
    hook_logger,
    language_of,
    languages,
    roster_path,
)

from roster import pipeline
from roster.model import Roster
from roster.page import PAGE_NAME
from roster.problems import PageError, RosterError
from site_config import display_path

log = hook_logger("steering_group_page")

# Read once per site build (in the default language's build) and used by every language's pages.
_roster: Roster | None = None


def on_pre_build(config: MkDocsConfig) -> None:
    global _roster
    if building_other_language(config):
        return
    path = roster_path(config)
    try:
        _roster = pipeline.roster_for(path, languages(config))
    except RosterError as error:
        _roster = None
        log.error("Styregruppens fil har fejl:\n%s", error.report(display_path(path)))


# After mkdocs-static-i18n (priority -100) has chosen the language's files: the open data is added
# with the language's own paths, so the page's links to it are checked like any other link.
@event_priority(-110)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _roster is None:
        return files
    language = current_language(config)
    for src_uri, text in pipeline.open_data_files(_roster, language).items():
        file = File.generated(config, src_uri, content=text)
        file.dest_uri = language.prefix + src_uri.partition("/")[2]
        files.append(file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = language_of(config, page.file.src_uri)
    if language is None or page.file.src_uri.partition("/")[2] != PAGE_NAME or _roster is None:
        return markdown
    try:
        return pipeline.page_with_list(
            markdown, _roster, language, languages(config), f"docs/{page.file.src_uri}"
        )
    except PageError as error:
        log.warning("%s (marker line missing)", error.report())
        return markdown
