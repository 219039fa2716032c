"""Material's script loads when the reader starts a search, not with every page.

Material's bundle (about 35 KB compressed) is mostly search; the rest of a page works without it (the
menu drawer is a checkbox, the language links are links). Every page loads our small
assets/javascripts/site.js too (overrides/main.html), which makes the menu and the search work by
keyboard. This step takes Material's script tag out of each page and names the bundle in site.js's
tag instead (`data-material`): site.js then starts Material's bundle on the first search interaction
(focus on the search box, the search button, the keys / s f) or at once on a page opened from a
search result (?h=, for the highlighting). Switched off, Material's script loads with every page as
the theme has it, and site.js leaves it alone.

site.js starts the bundle after the page has loaded by announcing DOMContentLoaded again, which Material
9.8.2's bundle starts on: the step is written against that bundle (BUNDLE), and any other stops it.
"""

from __future__ import annotations

import re

from .site import MATERIAL_PAGE, FinishingError, Page

BUNDLE = "assets/javascripts/bundle.a5f9d56c.min.js"
UPSTREAM = f"Material 9.8.2's script tag in base.html's scripts block, and its bundle {BUNDLE} (start-up)"
MATERIAL_SCRIPT = re.compile(
    r'<script src="(?P<src>[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>\n?'
)
OUR_SCRIPT = re.compile(r'<script src="(?P<src>[^"]*assets/javascripts/site\.js)"')


def load_on_demand(html: str, page: Page) -> str:
    if MATERIAL_PAGE not in html or " data-material=" in html:
        return html  # not a page of Material's, or finished before
    material, ours = MATERIAL_SCRIPT.search(html), OUR_SCRIPT.search(html)
    if material is None or ours is None or ours.start() < material.end():
        missing = "Material's script tag" if material is None else "the tag of assets/javascripts/site.js"
        raise FinishingError(f"{page.relative}: {missing} is not in the page (after Material's)")
    if not material["src"].endswith(BUNDLE.rpartition("/")[2]):
        raise FinishingError(f"{page.relative}: Material's script is {material['src']}, not {BUNDLE}")
    named = f'{ours[0]} data-material="{material["src"]}"'
    return html[: material.start()] + html[material.end() : ours.start()] + named + html[ours.end() :]
