"""Finish a built site on its folder: the steps that `mkdocs build` runs at its end (scripts/finishing/).

For a site built by another generator, or to finish a folder again by hand. The languages, the switches
(`extra: finishing:`) and the accessibility statement's address come from mkdocs.yml; the published
address from --site-url (default: $SITE_URL, else mkdocs.yml's site_url). Prints the steps as they ran.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from finishing import FinishingError, Settings, Site, finish
from site_config import (
    MKDOCS_YML,
    SiteConfigError,
    i18n_entries,
    languages_from_entries,
    read_mkdocs_yml,
    script_parser,
)

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2


def settings_from(config_path: Path, site_url: str | None) -> Settings:
    config = read_mkdocs_yml(config_path)
    extra = config.get("extra") or {}
    url = site_url or os.environ.get("SITE_URL") or str(config.get("site_url") or "/")
    statement = os.environ.get("ACCESSIBILITY_STATEMENT_URL") or extra.get("accessibility_statement_url")
    return Settings(
        languages=languages_from_entries(i18n_entries(config)),
        site_url=url if url.endswith("/") else url + "/",
        statement_url=statement or "",
        switches=extra.get("finishing") or {},
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = script_parser(
        "finish_site.py",
        __doc__,
        "exit codes:\n  0  finished\n  1  a step stopped (its message says which, and how to go on)\n"
        "  2  bad input: no such folder, or mkdocs.yml cannot be read",
    )
    parser.add_argument("site", type=Path, help="the built site's folder, e.g. site/")
    parser.add_argument("--config", type=Path, default=MKDOCS_YML, help="default: mkdocs.yml")
    parser.add_argument("--site-url", help="the published address (default: $SITE_URL, else mkdocs.yml)")
    arguments = parser.parse_args(argv)
    if not arguments.site.is_dir():
        print(f"{arguments.site}: no such folder", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        settings = settings_from(arguments.config, arguments.site_url)
    except SiteConfigError as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        ran = finish(Site(arguments.site, settings))
    except FinishingError as error:
        print(error, file=sys.stderr)
        return EXIT_CHECK_FAILED
    for step in ran:
        print(step)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
