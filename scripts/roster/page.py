"""Where the steering group goes: the marker line on the organisation page, and the files it makes.

The organisation page of every language holds the line `<!-- steering-group -->` where the list
belongs. The build (overrides/hooks/steering_group_page.py) puts the list there, framed by the
comments BLOCK_START and BLOCK_END in the published HTML, and publishes the open-data files next to
the page. Nothing made from the roster is committed, so nothing committed can disagree with it.
"""

from __future__ import annotations

from .problems import PageError

# The one line an editor keeps on the page (docs/<language>/organisering.md).
MARKER = "<!-- steering-group -->"
PAGE_NAME = "organisering.md"
# The comments around the list in the built page: where it starts and ends, for readers of the HTML.
BLOCK_START = "<!-- steering-group:start -->"
BLOCK_END = "<!-- steering-group:end -->"


def fill(page_text: str, block: str, label: str) -> str:
    """The page with its marker line replaced by block; PageError unless the marker is there once."""
    found = page_text.count(MARKER)
    if found != 1:
        where = "mangler" if found == 0 else f"står der {found} gange"
        raise PageError(
            f"{label}: linjen {MARKER} {where}. Den skal stå én gang, på en linje for sig selv, dér hvor "
            "styregruppens liste skal vises: bygningen sætter listen ind fra data/steering-group.yml."
        )
    return page_text.replace(MARKER, f"{BLOCK_START}\n{block}\n{BLOCK_END}")
