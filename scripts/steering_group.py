"""Make the steering-group section of the organisation page, in every language, from data/steering-group.yml.

Reads the roster, checks it, and writes the generated block between the markers
<!-- steering-group:start --> and <!-- steering-group:end --> in docs/<language>/organisering.md,
plus the open-data files docs/<language>/data/steering-group.json and .csv, for each language in
mkdocs.yml.
Text around the markers is never touched. A file is rewritten only when its content changes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from roster import pipeline
from roster.outputs import unified_diff
from roster.problems import PageError, RosterError
from site_config import MKDOCS_YML, display_path

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2

EPILOG = f"""\
exit codes:
  {EXIT_OK}  done (or, with --check, everything is up to date)
  {EXIT_CHECK_FAILED}  --check only: the pages are out of date; the difference is printed
  {EXIT_BAD_INPUT}  bad input: the roster has mistakes (each printed as file:line:column: message), or a
     page cannot be updated (e.g. its marker lines are missing); nothing was changed

examples:
  python scripts/steering_group.py            update the pages after editing the roster
  python scripts/steering_group.py --check    what CI runs: fail if the pages are out of date
"""


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="steering_group.py",
        description=__doc__,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 and show the difference if the pages do not match the roster",
    )
    parser.add_argument(
        "--roster",
        type=Path,
        default=pipeline.ROSTER,
        metavar="PATH",
        help="the roster file (default: data/steering-group.yml)",
    )
    parser.add_argument(
        "--docs-dir",
        type=Path,
        default=pipeline.DOCS_DIR,
        metavar="DIR",
        help="the docs folder holding <language>/organisering.md (default: docs)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=MKDOCS_YML,
        metavar="PATH",
        help="the site configuration whose languages the roster is written in (default: mkdocs.yml)",
    )
    return parser.parse_args(argv)


def check(arguments: argparse.Namespace) -> int:
    stale = pipeline.out_of_date(arguments.roster, arguments.docs_dir, arguments.config)
    if not stale:
        print("Styregruppens sider er ajour.")
        return EXIT_OK
    for output in stale:
        sys.stdout.write(unified_diff(output))
    names = ", ".join(display_path(output.path) for output in stale)
    print(
        f"\nIkke ajour: {names}.\n"
        f"Styregruppens liste og åbne data skrives fra {display_path(arguments.roster)} og må ikke rettes i "
        "hånden. Kør 'make roster' (eller 'python scripts/steering_group.py'), og gem de ændrede filer "
        "sammen med styregruppens fil. (out of date)",
        file=sys.stderr,
    )
    return EXIT_CHECK_FAILED


def update(arguments: argparse.Namespace) -> int:
    written = pipeline.regenerate(arguments.roster, arguments.docs_dir, arguments.config)
    for path in written:
        print(f"Opdateret {display_path(path)}")
    if not written:
        print("Allerede ajour: intet er ændret.")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    try:
        return check(arguments) if arguments.check else update(arguments)
    except RosterError as error:
        print(error.report(display_path(arguments.roster)), file=sys.stderr)
        return EXIT_BAD_INPUT
    except PageError as error:
        print(error.report("Intet er ændret."), file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:  # e.g. an output file that cannot be read
        print(
            f"{error.filename}: filen kan ikke læses eller gemmes. Intet er ændret. ({error.strerror})",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
