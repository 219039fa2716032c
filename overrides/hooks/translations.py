"""Every page exists in every language, under the same file name.

mkdocs-static-i18n would otherwise drop a missing translation from one language's navigation (or,
with fallback, publish Danish text labelled as English). The build stops instead and says which
file to add. The languages are those in mkdocs.yml.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from sitelib.site import building_other_language, hook_logger, languages

log = hook_logger("translations")


def missing_translations(src_uris: list[str], codes: list[str]) -> list[tuple[str, str]]:
    """(missing file, existing twin) pairs for Markdown pages present in some languages only."""
    pages = {uri for uri in src_uris if uri.endswith(".md") and uri.partition("/")[0] in codes}
    missing = []
    for uri in sorted(pages):
        name = uri.partition("/")[2]
        for code in codes:
            twin = f"{code}/{name}"
            if twin not in pages:
                missing.append((twin, uri))
    return sorted(set(missing))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if building_other_language(config):  # every language's files were checked in the first build
        return files
    codes = [language.code for language in languages(config)]
    for missing, existing in missing_translations([f.src_uri for f in files], codes):
        log.warning(
            "docs/%s mangler: docs/%s findes kun på ét sprog. Hver side skal findes på alle sprog med samme "
            "filnavn: kopiér docs/%s til docs/%s, og oversæt den (eller opret sider med 'make page'). "
            "(missing translation)",
            missing,
            existing,
            existing,
            missing,
        )
    return files
