"""Each language searches its own pages: Danish pages the Danish index, English pages the English one.

mkdocs-static-i18n writes one search index mixing every language. After the whole site is built,
this hook splits it: the default language keeps search/search_index.json with its own pages, every
other language gets <code>/search/search_index.json, with its own lunr language (stemmer) in the
index's `lang`. Each page (and the language's 404 page) then points Material's search at its language's
folder: the `base` in the page's `__config` JSON becomes the language's folder. Words are stemmed on the
index side by the search plugin's `pipeline:` (mkdocs.yml) and on the query side by search_worker.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from sitelib.site import (
    AFTER_EVERY_LANGUAGE,
    building_other_language,
    current_language,
    language_of,
    languages,
)

# Material 9.8's base.html writes `"base": {{ base_url | tojson }}` into <script id="__config">.
CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">.*?"base": )("[^"]*")', re.S)


def point_search_at_language(output: str, prefix: str, where: str) -> str:
    """The page with Material's search base moved into the language's folder ('..' -> '../en/')."""
    match = CONFIG_BASE.search(output)
    if match is None:
        raise PluginError(
            f"{where}: Material's __config no longer has a 'base', so this language would search the "
            "wrong index. Update overrides/hooks/search_per_language.py for the new Material."
        )
    base = json.loads(match[2]).rstrip("/") + "/" + prefix  # "..": "../en/"; "/" (the 404 page): "/en/"
    return output[: match.start(2)] + json.dumps(base) + output[match.end(2) :]


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    language = language_of(config, page.file.src_uri)
    if language is None or language.default:
        return output
    return point_search_at_language(output, language.prefix, page.file.src_uri)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """A non-default language's 404 page (its folder's 404.html, overrides/hooks/default_404.py)."""
    language = current_language(config)
    if template_name != "404.html" or language.default:
        return output
    return point_search_at_language(output, language.prefix, template_name)


def split_search_index(site_dir: Path, config: MkDocsConfig) -> None:
    merged_path = site_dir / "search" / "search_index.json"
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    others = [language for language in languages(config) if not language.default]
    default = languages(config)[0]
    by_language: dict[str, list[dict]] = {language.code: [] for language in languages(config)}
    for doc in merged["docs"]:
        owner = next((lang for lang in others if doc["location"].startswith(lang.prefix)), None)
        if owner is None:
            by_language[default.code].append(doc)
        else:
            by_language[owner.code].append({**doc, "location": doc["location"][len(owner.prefix) :]})
    for language in languages(config):
        docs = by_language[language.code]
        if not docs:  # a language left out with BUILD_ONLY_LOCALE
            continue
        index = {**merged, "config": {**merged["config"], "lang": [language.code]}, "docs": docs}
        target = site_dir / language.prefix / "search" / merged_path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


@event_priority(AFTER_EVERY_LANGUAGE)  # the merged index is complete only after every language is built
def on_post_build(config: MkDocsConfig) -> None:
    if not building_other_language(config):
        split_search_index(Path(config.site_dir), config)
