"""Finish the site once every language is built: the steps of scripts/finishing/, in their order.

MkDocs (or ProperDocs) and the other hooks generate the pages; this hook then runs the finishing steps
on the folder they were written to (scripts/finishing/steps.py: per-language search, the search worker,
search on demand, compact HTML, the one stylesheet, /was/, the Content Security Policy), the same steps
scripts/finish_site.py runs on any folder. Each optional step is switched by `extra: finishing:` in
mkdocs.yml. A step whose upstream text has changed stops the build, naming the step and its switch.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitelib.site import AFTER_EVERY_LANGUAGE, building_other_language, languages, site_root_url

from finishing import FinishingError, Settings, Site, finish


def settings(config: MkDocsConfig) -> Settings:
    return Settings(
        languages=languages(config),
        site_url=site_root_url(config),
        statement_url=config.extra.get("accessibility_statement_url") or "",
        switches=config.extra.get("finishing") or {},
    )


@event_priority(AFTER_EVERY_LANGUAGE)  # once, when mkdocs-static-i18n has built every language
def on_post_build(config: MkDocsConfig) -> None:
    if building_other_language(config):
        return
    try:
        finish(Site(Path(config.site_dir), settings(config)))
    except FinishingError as error:
        raise PluginError(str(error)) from None
