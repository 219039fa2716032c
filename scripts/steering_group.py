"""Check the steering-group roster (data/steering-group.yml) and show the list as the site will publish it.

The build makes the steering-group list on the organisation page and the open-data files
(data/steering-group.json and .csv in each language) from the roster, every time the site is built
(overrides/hooks/steering_group_page.py); nothing made from the roster is committed. This command
reads the roster through the same pipeline, so a mistake shows here with its line and the fix
before the build meets it, and prints the list in every language of mkdocs.yml. It writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from roster import pipeline
from roster.model import Roster
from roster.page import MARKER
from roster.problems import PageError, RosterError
from site_config import MKDOCS_YML, Language, SiteConfigError, add_path_option, display_path, site_languages

EXIT_OK = 0
EXIT_BAD_INPUT = 2

EPILOG = f"""\
exit codes:
  {EXIT_OK}  the roster is in order (and so is the marker line on every organisation page)
  {EXIT_BAD_INPUT}  bad input: the roster has mistakes (each printed as file:line:column: message), or an
     organisation page lacks its marker line {MARKER}, or mkdocs.yml cannot be read

examples:
  python scripts/steering_group.py            check the roster and print the list in every language
  python scripts/steering_group.py --check    check only: print nothing but mistakes (maintainers, CI)
"""


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="steering_group.py",
        description=__doc__,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--check", action="store_true", help="print nothing but mistakes")
    add_path_option(parser, "--roster", pipeline.ROSTER, "the roster file")
    add_path_option(
        parser, "--docs-dir", pipeline.DOCS_DIR, "the docs folder holding <language>/organisering.md", "DIR"
    )
    add_path_option(
        parser, "--config", MKDOCS_YML, "the site configuration whose languages the roster is written in"
    )
    return parser.parse_args(argv)


def plain_list(roster: Roster, language: Language) -> str:
    """The list as text, one member a line, as the page shows it."""
    lines = []
    for position, member in enumerate(roster.members, start=1):
        line = (
            f"{position:2}. {member.name}, {member.title.in_language(language.code)}, "
            f"{member.organisation.in_language(language.code)}"
        )
        if member.note is not None:
            line += f"; {member.note.in_language(language.code)}"
        lines.append(line)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    try:
        languages = site_languages(arguments.config)
        roster = pipeline.roster_for(arguments.roster, languages)
        pipeline.check_pages(arguments.docs_dir, languages)
    except SiteConfigError as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    except RosterError as error:
        print(error.report(display_path(arguments.roster)), file=sys.stderr)
        return EXIT_BAD_INPUT
    except PageError as error:
        print(error.report(), file=sys.stderr)
        return EXIT_BAD_INPUT
    if arguments.check:
        return EXIT_OK
    for language in languages:
        print(f"{language.name} ({language.code}):\n{plain_list(roster, language)}\n")
    print(
        f"{display_path(arguments.roster)} er i orden: {len(roster.members)} medlemmer. Listen og de åbne "
        "data laves, når siden bygges: 'make serve' viser dem på organisationssiden."
    )
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
