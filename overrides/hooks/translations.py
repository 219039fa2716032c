"""Every page exists in every language, under the same file name.

mkdocs-static-i18n would otherwise drop a missing translation from one language's navigation (or,
with fallback, publish Danish text labelled as English). The build stops instead and says which
file to add.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from site_locales import LOCALES, locale_of

log = logging.getLogger("mkdocs.hooks.translations")


def missing_translations(src_uris: list[str]) -> list[tuple[str, str]]:
    """(missing file, existing twin) pairs for Markdown pages present in some languages only."""
    pages = {uri for uri in src_uris if uri.endswith(".md") and locale_of(uri) in LOCALES}
    missing = []
    for uri in sorted(pages):
        name = uri.partition("/")[2]
        for locale in LOCALES:
            twin = f"{locale}/{name}"
            if twin not in pages:
                missing.append((twin, uri))
    return sorted(set(missing))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for missing, existing in missing_translations([f.src_uri for f in files]):
        log.warning(
            "docs/%s is missing: docs/%s has no translation. Every page needs one file per language "
            "with the same name: copy docs/%s to docs/%s and translate it.",
            missing,
            existing,
            existing,
            missing,
        )
    return files
