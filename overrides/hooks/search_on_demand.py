"""Material's script loads when the reader starts a search, not with every page.

Material's bundle (about 35 KB compressed) is mostly search; the rest of a page works without it (the
menu drawer is a checkbox, the language links are links). Each page loads our small
assets/javascripts/site.js instead, which starts Material's bundle on the first search interaction
(focus on the search box, the search button, the keys / s f) or at once on a page opened from a
search result (?h=, for the highlighting). Material's worker then fetches the search index.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

# Material 9.8's base.html: <script src="…/assets/javascripts/bundle.<hash>.min.js"></script>
MATERIAL_BUNDLE = re.compile(
    r'<script src="(?P<src>[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>'
)


def load_on_demand(output: str, where: str) -> str:
    match = MATERIAL_BUNDLE.search(output)
    if match is None:
        raise PluginError(
            f"{where}: Material's script tag has changed, so search would not start. "
            "Update overrides/hooks/search_on_demand.py for the new Material."
        )
    src = match["src"]
    loader = src[: src.index("assets/javascripts/")] + "assets/javascripts/site.js"
    tag = f'<script src="{loader}" data-material="{src}" defer></script>'
    return output[: match.start()] + tag + output[match.end() :]


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return load_on_demand(output, page.file.src_uri)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return load_on_demand(output, template_name) if template_name.endswith(".html") else output
