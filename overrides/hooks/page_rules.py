"""Every page is in the menu and has a title and a description; the build says how to fix one that is not.

A page file that `nav:` in mkdocs.yml does not list would be built but reachable from no menu; a
page without `title:` gets its menu label from its file name, and one without `description:` an
empty line in search results and link previews. Each stops the build with a message naming the file
and the fix. (`make page` makes new pages with all three.)
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitelib.site import building_other_language, hook_logger, language_of, languages

from site_config import nav_pages

log = hook_logger("page_rules")
# Search results and link previews cut a longer description off.
MAX_DESCRIPTION = 200
REQUIRED_FRONT_MATTER = {
    "title": "menupunktet, fx 'title: Puljen'",
    "description": "én sætning om siden til søgeresultater, fx 'description: Hvad puljen støtter.'",
}


def nav_line(config_file: Path, entry: str) -> int | None:
    """The line of mkdocs.yml under `nav:` where entry (or its first word) is written."""
    try:
        lines = config_file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    start = next((i for i, line in enumerate(lines) if line.startswith("nav:")), None)
    if start is None:
        return None
    first_word = entry.split()[0] if entry.split() else entry
    return next((i + 1 for i in range(start + 1, len(lines)) if first_word in lines[i]), None)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not config.nav or building_other_language(config):  # every language's files are checked once
        return files
    listed = set(nav_pages(config))
    codes = {language.code for language in languages(config)}
    pages = {file.src_uri.partition("/")[2] for file in files.documentation_pages()}
    config_file = Path(config.config_file_path)
    for entry in sorted(listed - pages):
        line = nav_line(config_file, entry)
        # YAML reads a list item indented too far as part of the line above it.
        merged = (
            " Her er to linjer læst som én: den nederste er rykket for langt ind." if " - " in entry else ""
        )
        log.warning(
            "%s%s: menupunktet '%s' under 'nav:' er ikke en side i docs/.%s Hver side står på sin egen linje "
            "med 2 mellemrum, '- ' og sidens filnavn, fx '  - puljen.md'; tjek stavningen af filnavnet. "
            "(nav entry not found)",
            config_file.name,
            f":{line}" if line else "",
            entry,
            merged,
        )
    for file in files.documentation_pages():
        code, _, name = file.src_uri.partition("/")
        if code in codes and name not in listed:
            log.warning(
                "docs/%s er ikke i menuen. Tilføj linjen '  - %s' under 'nav:' i mkdocs.yml, dér hvor siden "
                "skal stå i menuen (nye sider laves nemmest med 'make page'). (page not in nav)",
                file.src_uri,
                name,
            )
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if language_of(config, page.file.src_uri) is None:
        return markdown
    description = str(page.meta.get("description") or "")
    if len(description) > MAX_DESCRIPTION:
        log.warning(
            "docs/%s:1: 'description:' er %d tegn lang; søgemaskiner viser højst omkring %d. Skriv én kort "
            "sætning om, hvad siden handler om. (description longer than %d characters)",
            page.file.src_uri,
            len(description),
            MAX_DESCRIPTION,
            MAX_DESCRIPTION,
        )
    for key, example in REQUIRED_FRONT_MATTER.items():
        if not str(page.meta.get(key) or "").strip():
            log.warning(
                "docs/%s:1: '%s:' mangler øverst i filen. Tilføj en linje med %s mellem de to '---'-linjer "
                "øverst. (missing front matter '%s')",
                page.file.src_uri,
                key,
                example,
                key,
            )
    return markdown
