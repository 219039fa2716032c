"""Let search find inflected words: "uddannelserne" finds pages about "uddannelse".

Material's search worker adds a trailing wildcard to every word the reader types, and lunr skips
stemming for wildcard words, so the Danish stemmer never ran on the query. This hook changes one
expression in the built worker so that each word is stemmed first and then matched as a prefix.
The index side is stemmed through `pipeline:` of the search plugin in mkdocs.yml. If a Material
update changes the worker, the build fails here rather than shipping search without stemming.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitelib.site import AFTER_EVERY_LANGUAGE

# Material 9.8's worker: `n=this.index.search(e).reduce(` runs lunr's own query parser. The
# replacement builds the same query from Material's parsed clauses (le), with each term stemmed.
ORIGINAL = "n=this.index.search(e).reduce("
STEMMED = (
    "n=this.index.query(s=>{for(let o of le(e))for(let a of this.index.pipeline.runString(o.term))"
    "s.clause(B(_({},o),{term:a,usePipeline:!1}))}).reduce("
)


def stem_queries(worker_code: str, worker: Path) -> str:
    if STEMMED in worker_code:
        return worker_code
    if worker_code.count(ORIGINAL) != 1:
        raise PluginError(
            f"{worker}: Material's search worker has changed, so Danish search would lose stemming. "
            "Update overrides/hooks/search_stemming.py for the new worker."
        )
    return worker_code.replace(ORIGINAL, STEMMED)


@event_priority(AFTER_EVERY_LANGUAGE)  # each language's build copies the theme's worker afresh
def on_post_build(config: MkDocsConfig) -> None:
    for worker in Path(config.site_dir).glob("assets/javascripts/workers/search.*.min.js"):
        worker.write_text(stem_queries(worker.read_text(encoding="utf-8"), worker), encoding="utf-8")
