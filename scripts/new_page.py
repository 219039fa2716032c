"""Add a page in every language at once: the files, their titles and descriptions, and the menu entry.

Creates docs/<language>/<name>.md for each language in mkdocs.yml from a short template and adds
<name>.md to the end of `nav:` in mkdocs.yml (the menu). Asks for what is not given on the command
line. Nothing is written if a page of that name exists already or an answer is missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import translation_status
from markdown_source import with_front_matter
from site_config import Language, SiteConfigError, add_site_options, site_languages

EXIT_OK = 0
EXIT_BAD_INPUT = 2

NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# The page below its front matter (title: and description:).
TEMPLATE = """
# {heading}

{placeholder}
"""
# What the new page says until the editor writes it, in each language's `ui` (mkdocs.yml).
PLACEHOLDER_KEY = "new_page_placeholder"


class BadAnswer(Exception):
    pass


def check_name(name: str, docs_dir: Path, languages: Sequence[Language]) -> str:
    name = name.strip().removesuffix(".md")
    if not NAME.fullmatch(name):
        raise BadAnswer(
            f"'{name}' kan ikke bruges som filnavn. Brug små bogstaver a-z, tal og bindestreger, "
            "uden æ, ø, å og mellemrum, fx 'ansoegning' eller 'tema-2025'."
        )
    for language in languages:
        path = docs_dir / language.code / f"{name}.md"
        if path.exists():
            raise BadAnswer(f"{path} findes allerede. Vælg et andet navn, eller ret den side, der er.")
    return name


def one_line(text: str, what: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise BadAnswer(f"{what} mangler. Skriv det på én linje.")
    return text


def yaml_text(text: str) -> str:
    """The text as a quoted front-matter value, so YAML never reads it as a number, a date or yes/no."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def add_to_nav(mkdocs_yml: Path, name: str) -> None:
    """`- name.md` after the last entry of `nav:`, keeping the rest of mkdocs.yml as it is."""
    lines = mkdocs_yml.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == "nav:"), None)
    if start is None:
        raise BadAnswer(f"{mkdocs_yml} har ingen linje 'nav:' (menuen). Tilføj siden til menuen selv.")
    last = start
    for index in range(start + 1, len(lines)):
        if lines[index].startswith("  - "):
            last = index
        elif lines[index].strip() and not lines[index].startswith(" "):
            break
    indent = re.match(r"\s*- ", lines[last]).group(0) if last > start else "  - "
    lines.insert(last + 1, f"{indent}{name}.md\n")
    mkdocs_yml.write_text("".join(lines), encoding="utf-8")


def create_page(
    name: str,
    texts: dict[str, tuple[str, str]],
    docs_dir: Path,
    mkdocs_yml: Path,
    languages: Sequence[Language],
) -> list[Path]:
    """Write the pages and the menu entry; the files written."""
    written = []
    for language in languages:
        title, description = texts[language.code]
        placeholder = language.ui.get(PLACEHOLDER_KEY, "")
        path = docs_dir / language.code / f"{name}.md"
        body = TEMPLATE.format(heading=title, placeholder=placeholder)
        front = {"title": yaml_text(title), "description": yaml_text(description)}
        path.write_text(with_front_matter(body, front), encoding="utf-8")
        written.append(path)
    add_to_nav(mkdocs_yml, name)
    # The translations start as translations of the new Danish page: once its text is written, they are
    # flagged as outdated (with a notice on the page) until a translator confirms them.
    translation_status.confirm(docs_dir, languages, [f"{name}.md"], dt.date.today())
    return written


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="new_page.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"""\
exit codes:
  {EXIT_OK}  the pages and the menu entry were made
  {EXIT_BAD_INPUT}  a bad or missing answer, or the page exists already; nothing was written

example:
  python scripts/new_page.py ansoegning --title da="Sådan søger du" --title en="How to apply" \\
      --description da="Trin for trin: ..." --description en="Step by step: ..."
""",
    )
    parser.add_argument("name", nargs="?", help="the file name, e.g. ansoegning (a-z, 0-9 and -)")
    parser.add_argument("--title", action="append", default=[], metavar="LANG=TEXT", help="the menu label")
    parser.add_argument(
        "--description",
        action="append",
        default=[],
        metavar="LANG=TEXT",
        help="one sentence for search results",
    )
    add_site_options(parser)
    return parser.parse_args(argv)


def by_language(values: Sequence[str]) -> dict[str, str]:
    pairs = {}
    for value in values:
        code, equals, text = value.partition("=")
        if not equals:
            raise BadAnswer(f"'{value}' skal skrives som sprog=tekst, fx da=\"Sådan søger du\".")
        pairs[code.strip()] = text
    return pairs


def main(argv: Sequence[str] | None = None, ask: Callable[[str], str] = input) -> int:
    arguments = parse_arguments(argv)
    try:
        languages = site_languages(arguments.config)
        name = check_name(arguments.name or ask("Filnavn (fx ansoegning): "), arguments.docs_dir, languages)
        titles, descriptions = by_language(arguments.title), by_language(arguments.description)
        texts = {}
        for language in languages:
            title = titles.get(language.code) or ask(f"Titel på {language.name} (menupunktet): ")
            description = descriptions.get(language.code) or ask(
                f"Beskrivelse på {language.name} (én sætning til søgeresultater): "
            )
            texts[language.code] = (
                one_line(title, f"Titlen på {language.name}"),
                one_line(description, f"Beskrivelsen på {language.name}"),
            )
        written = create_page(name, texts, arguments.docs_dir, arguments.config, languages)
    except (BadAnswer, EOFError, SiteConfigError) as error:
        print(error or "Der mangler et svar. Intet er ændret.", file=sys.stderr)
        return EXIT_BAD_INPUT
    for path in written:
        print(f"Oprettet: {path}")
    print(f"Tilføjet til menuen (nav: i {arguments.config.name}): {name}.md")
    original, *translations = languages
    print(
        "\nSådan gør du nu:\n"
        f"  1. Skriv sidens tekst i docs/{original.code}/{name}.md.\n"
        f"  2. Oversæt den i {', '.join(f'docs/{t.code}/{name}.md' for t in translations)}. Indtil da viser "
        "den oversatte side en besked om, at den danske side er ændret.\n"
        f"  3. Bekræft oversættelsen: make confirm PAGE={name}.md\n"
        "  4. Se siden med: make serve   (og tjek alt med: make check)\n"
        "  Flyt linjen i nav: i mkdocs.yml, hvis siden skal stå et andet sted i menuen."
    )
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
