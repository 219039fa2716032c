"""Each language searches its own pages: Danish pages the Danish index, English pages the English one.

mkdocs-static-i18n writes one search index mixing every language. This step splits it: the default
language keeps search/search_index.json with its own pages, every other language gets
<code>/search/search_index.json, with its own lunr language (stemmer) in the index's `lang`. Each page
of another language (its 404 page too) then points Material's search at its language's folder: the
`base` in the page's `__config` JSON becomes the language's folder. Words are stemmed on the index side
by the search plugin's `pipeline:` (mkdocs.yml) and on the query side by search_worker.py.
"""

from __future__ import annotations

import json
import re

from .site import MATERIAL_PAGE, FinishingError, Page, Site

UPSTREAM = (
    "the merged search/search_index.json (its docs' 'location'); Material 9.8 base.html's "
    '`"base": {{ base_url | tojson }}` in <script id="__config">'
)
INDEX = "search/search_index.json"
CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">.*?"base": )("[^"]*")', re.S)


def split_search_index(site: Site) -> None:
    merged_path = site.folder / INDEX
    if not merged_path.is_file():
        raise FinishingError(f"{merged_path} is missing: the search plugin wrote no index to split")
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    languages = site.settings.languages
    by_language: dict[str, list[dict]] = {language.code: [] for language in languages}
    for doc in merged["docs"]:
        owner = site.language_of(doc["location"])
        location = doc["location"].removeprefix(owner.prefix)
        by_language[owner.code].append({**doc, "location": location})
    for language in languages:
        docs = by_language[language.code]
        if not docs:  # a language left out with BUILD_ONLY_LOCALE
            continue
        index = {**merged, "config": {**merged["config"], "lang": [language.code]}, "docs": docs}
        target = site.folder / language.prefix / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def point_search_at_language(html: str, page: Page) -> str:
    """The page with Material's search base moved into its language's folder ('..' -> '../en/')."""
    if page.language.default or MATERIAL_PAGE not in html:
        return html
    match = CONFIG_BASE.search(html)
    if match is None:
        raise FinishingError(f"{page.relative}: Material's __config has no 'base' any more")
    base = json.loads(match[2])
    if base.endswith("/" + page.language.prefix):
        return html  # finished before
    base = base.rstrip("/") + "/" + page.language.prefix  # "..": "../en/"; "/" (a 404 page): "/en/"
    return html[: match.start(2)] + json.dumps(base) + html[match.end(2) :]
