"""Rules for the text of the pages, checked at every build, each with the line and the fix in Danish.

Each rule stands for something a visitor needs and the tests check on the built site, so that a
mistake an editor can make in GitHub's web editor stops the pull request's check (`make check`)
with a message, instead of only failing a test in English:

- headings: at most one '# ' heading (the page's title), first, and no level skipped below it
  (screen-reader users move through a page by its headings);
- an image has a description, a link has a text (what a screen reader reads out);
- a phone number comes from mkdocs.yml (extra: fund_phone), the same on every page, never typed;
- `lang` names one of the site's languages, and the default language's site name in another
  language's text is marked with its `lang` (WCAG 3.1.2: read out in the right language);
- the contact pages name the contact of mkdocs.yml and link to the address (extra: contact_name,
  contact_email), so a changed contact is changed everywhere;
- no two pages share a title or a description (search results and browser tabs tell them apart).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitelib.site import building_other_language, hook_logger, language_of, languages

from markdown_source import body_lines, front_matter_lines

log = hook_logger("content_rules")

# The pages that answer "whom do I contact?".
CONTACT_PAGES = ("kontakt.md", "puljen.md")
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
IMAGE_WITHOUT_TEXT = re.compile(r"!\[\s*\]\(")
LINK_WITHOUT_TEXT = re.compile(r"(?<!!)\[\s*\]\(")
PHONE = re.compile(r"(?<![\w/.#-])(?:\+45\s?)?\d{2} ?\d{2} ?\d{2} ?\d{2}(?![\w/-])")
LANG = re.compile(r"""\blang=["']?(?P<code>[A-Za-z-]+)""")
# Text that is not prose: inline code, link addresses, HTML comments.
NOT_PROSE = re.compile(r"`[^`]*`|\]\([^)]*\)|<!--.*?-->")

Problem = tuple[int, str]  # line number and message

# Read at the start of each site build, for every language's pages: the titles and descriptions seen
# (for the rule against repeats) and the default language's site name (the nested builds of the other
# languages have their own in config.site_name).
_seen: dict[tuple[str, str], str] = {}
_default_site_name = ""


def heading_problems(lines: Sequence[tuple[int, str]]) -> Iterator[Problem]:
    level_above = 1  # the page's title is the H1, whether written or made from `title:`
    seen_heading = seen_title = False
    for number, line in lines:
        match = HEADING.match(line)
        if match is None:
            continue
        level, text = len(match["hashes"]), match["text"]
        if level == 1 and (seen_title or seen_heading):
            yield (
                number,
                (
                    f"'# {text}' er en ekstra titel: kun sidens første overskrift har ét '#'. "
                    f"Skriv '## {text}'."
                ),
            )
        elif level > level_above + 1:
            yield (
                number,
                (
                    f"overskriften '{match['hashes']} {text}' springer et niveau over. "
                    f"Skriv '{'#' * (level_above + 1)} {text}'."
                ),
            )
            level = level_above + 1
        seen_title |= level == 1
        seen_heading = True
        level_above = level


def image_and_link_problems(lines: Sequence[tuple[int, str]]) -> Iterator[Problem]:
    for number, line in lines:
        if IMAGE_WITHOUT_TEXT.search(line):
            yield (
                number,
                (
                    "billedet har ingen beskrivelse. Skriv, hvad billedet viser, mellem [ og ], "
                    "fx ![Elever bygger en robot](robot.jpg)."
                ),
            )
        if LINK_WITHOUT_TEXT.search(line):
            yield (
                number,
                (
                    "linket har ingen tekst. Skriv, hvad linket fører til, mellem [ og ], "
                    "fx [Læs om puljen](puljen.md)."
                ),
            )


def phone_problems(lines: Sequence[tuple[int, str]]) -> Iterator[Problem]:
    for number, line in lines:
        match = PHONE.search(NOT_PROSE.sub(" ", line))
        if match:
            yield (
                number,
                (
                    f"'{match[0].strip()}' ligner et telefonnummer. Et telefonnummer skrives kun i "
                    "mkdocs.yml (extra: fund_phone), så det står ens på alle sider: slet det her. "
                    "Linjen <!-- fund-phone --> viser det."
                ),
            )


def language_problems(
    lines: Sequence[tuple[int, str]], codes: Sequence[str], marked_name: str | None, name_code: str
) -> Iterator[Problem]:
    """`lang` values the site has no language for; the default site name left unmarked."""
    for number, line in lines:
        for match in LANG.finditer(line):
            if match["code"] not in codes:
                yield (
                    number,
                    (
                        f'lang="{match["code"]}" er ikke et af sidens sprog. Skriv et af dem: '
                        f"{', '.join(codes)}."
                    ),
                )
        if marked_name and marked_name in line:
            unmarked = re.sub(rf"<span lang=\"{name_code}\">[^<]*</span>", "", NOT_PROSE.sub(" ", line))
            if marked_name in unmarked:
                yield (
                    number,
                    (
                        f"'{marked_name}' er dansk i en side på et andet sprog, så den skal markeres, for "
                        "at skærmlæsere udtaler den rigtigt: skriv "
                        f'<span lang="{name_code}">{marked_name}</span>.'
                    ),
                )


def contact_problems(markdown: str, extra: Mapping) -> Iterator[Problem]:
    name, email = str(extra.get("contact_name") or ""), str(extra.get("contact_email") or "")
    if not email:
        return
    if name not in markdown or f"(mailto:{email})" not in markdown:
        yield (
            0,
            (
                "siden skal nævne kontakten fra mkdocs.yml (extra: contact_name og contact_email) med "
                f"et link til e-mailadressen, fx: Skriv til {name} på [{email}](mailto:{email}). Er "
                "kontakten skiftet, så ret navnet og adressen her, som de står i mkdocs.yml."
            ),
        )


def repeat_problems(page: Page, markdown: str, code: str) -> Iterator[Problem]:
    lines = {key: number for number, key, _ in front_matter_lines(markdown)}
    for key in ("title", "description"):
        value = str(page.meta.get(key) or "").strip()
        if not value:
            continue  # page_rules.py reports a missing title or description
        first = _seen.setdefault((code, f"{key}: {value}"), page.file.src_uri)
        if first != page.file.src_uri:
            yield (
                lines.get(key, 1),
                (
                    f"'{key}:' er den samme som på docs/{first}. Giv hver side sin egen {key}, så "
                    "søgeresultater og browserfaner kan skelnes."
                ),
            )


def on_pre_build(config: MkDocsConfig) -> None:
    global _default_site_name
    if not building_other_language(config):
        _seen.clear()
        _default_site_name = config.site_name


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = language_of(config, page.file.src_uri)
    if language is None:
        return markdown
    source = page.file.content_string  # as written: marker lines not yet filled in
    lines = list(body_lines(source))
    site_languages = languages(config)
    default = site_languages[0]
    default_name = None if language.default else _default_site_name
    problems = [
        *heading_problems(lines),
        *image_and_link_problems(lines),
        *phone_problems(lines),
        *language_problems(lines, [lang.code for lang in site_languages], default_name, default.code),
        *repeat_problems(page, source, language.code),
    ]
    if page.file.src_uri.partition("/")[2] in CONTACT_PAGES:
        problems += contact_problems(source, config.extra)
    for number, message in problems:
        where = f"docs/{page.file.src_uri}:{number}" if number else f"docs/{page.file.src_uri}"
        log.warning("%s: %s", where, message)
    return markdown
