"""Three fixes in Material's search worker: Danish search finds inflected words, says so, and every result
link highlights the words found.

1. Stem the query. Material adds a trailing wildcard to every word the reader types, and lunr skips
   stemming for wildcard words, so the Danish stemmer never ran on the query: "uddannelserne" did not
   find "uddannelse". Each word is now stemmed first and then matched as a prefix. (The index side is
   stemmed through `pipeline:` of the search plugin in mkdocs.yml.)
2. Name the words found. Material decided whether a typed word was found by comparing it with the
   index's stems ("uddannels" does not start with "uddannelserne"), so every stemmed match said
   "Mangler: ~~uddannelserne~~" and the result link carried an empty `?h=`. A typed word now counts
   as found when its stem matched, and a result's words are the words marked in its text
   ("uddannelse", "uddannelsen"): the link's `?h=` highlights exactly those on the page it opens.
3. A page found through its sections only gets their words, so that its title's link highlights them
   too (Material gave it none: an empty `?h=`).

Material 9.8's worker is minified, and each fix replaces one of its expressions, calling its minified
functions (`le`, `B`, `_`, `K`) by name. So the step is written against one worker, named by its
content hash (WORKER): any other worker stops the build here rather than shipping search that is
wrong, even one that kept the expressions but renamed a function.
"""

from __future__ import annotations

import json

from .site import FinishingError, Site

# Material 9.8.2's worker, as the theme copies it into the site (its name carries a hash of its content).
WORKER = "assets/javascripts/workers/search.a7633da7.min.js"
UPSTREAM = f"Material 9.8.2's search worker, {WORKER}: four minified expressions"

# Material 9.8's worker: `n=this.index.search(e).reduce(` runs lunr's own query parser. The
# replacement builds the same query from Material's parsed clauses (le), with each term stemmed.
STEM_ORIGINAL = "n=this.index.search(e).reduce("
STEMMED = (
    "n=this.index.query(s=>{for(let o of le(e))for(let a of this.index.pipeline.runString(o.term))"
    "s.clause(B(_({},o),{term:a,usePipeline:!1}))}).reduce("
)

# Which typed words a result matched: Material's he(clauses, index terms) compares unstemmed words.
# The replacement stems each word the same way (a stop word, which stems to nothing, is left out, as
# Material leaves out unmatched stop words).
FOUND_ORIGINAL = "let f=he(r,Object.keys(u.metadata));"
FOUND = (
    "let f={};for(let q of r){let t=this.index.pipeline.runString(q.term);"
    "t.length&&(f[q.term]=Object.keys(u.metadata).some(y=>t.some(z=>y.startsWith(z))))}"
)
# The result's words for display and for `?h=`: the words marked in its highlighted fields, then the
# typed words not found (shown as missing). Material's score still uses f, as before.
WORDS_ORIGINAL = "s.push(B(_({},c),{score:a*(1+K(g,2)),terms:f}))"
WORDS = (
    'let w={};for(let l of this.index.fields)if(typeof c[l]=="string")'
    "for(let[,y]of c[l].matchAll(/<mark>([^<]+)<\\/mark>/g))w[y.toLowerCase()]=!0;"
    "let h=Object.keys(w).length>0;for(let y in f)(!f[y]||!h)&&(w[y]=f[y]);"
    "s.push(B(_({},c),{score:a*(1+K(g,2)),terms:w}))"
)

# A page whose words were found only in its sections is listed above them with no words of its own, so
# its title linked to `?h=` with nothing to highlight. It now carries the words of its sections (a word
# counts as found when a section found it).
PAGE_ORIGINAL = "o.push(B(_({},a),{score:0,terms:{}}))"
PAGE = (
    "o.push(B(_({},a),{score:0,terms:o.reduce((q,{terms:z})=>{for(let y in z)q[y]=q[y]||z[y];return q},{})}))"
)

PATCHES = [
    (STEM_ORIGINAL, STEMMED),
    (FOUND_ORIGINAL, FOUND),
    (WORDS_ORIGINAL, WORDS),
    (PAGE_ORIGINAL, PAGE),
]


def patch_worker(worker_code: str, where: str) -> str:
    for original, replacement in PATCHES:
        if replacement in worker_code:
            continue
        if worker_code.count(original) != 1:
            raise FinishingError(f"{where}: the expression {original!r} is not there once")
        worker_code = worker_code.replace(original, replacement)
    return worker_code


def unstemmed_search(site: Site) -> None:
    """Switched off, the query is not stemmed, so the index is built without the stemmer too (as Material
    has it by default): the worker builds each index in the browser by its `pipeline`, which loses
    `stemmer`. Words are then found as typed, and inflections only where their beginning is the same."""
    for index_path in sorted(site.folder.rglob("search/search_index.json")):
        index = json.loads(index_path.read_text(encoding="utf-8"))
        pipeline = index.get("config", {}).get("pipeline", [])
        if "stemmer" in pipeline:
            index["config"]["pipeline"] = [stage for stage in pipeline if stage != "stemmer"]
            index_path.write_text(
                json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
            )


def patch_search_worker(site: Site) -> None:
    workers = sorted(site.folder.glob("assets/javascripts/workers/search.*.min.js"))
    if [worker.relative_to(site.folder).as_posix() for worker in workers] != [WORKER]:
        found = ", ".join(worker.name for worker in workers) or "none"
        raise FinishingError(f"the site has another search worker than {WORKER} (found: {found})")
    worker = workers[0]
    worker.write_text(patch_worker(worker.read_text(encoding="utf-8"), str(worker)), encoding="utf-8")
