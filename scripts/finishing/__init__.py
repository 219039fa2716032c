"""Finishing: what is done to the site after the generator has written it, on the folder of HTML alone.

MkDocs (or ProperDocs) generates the site with the hooks that shape pages and check their content; the
steps in steps.STEPS then finish it, in that order, on the folder: per-language search, the search
worker's fixes, search on demand, compact HTML, the one stylesheet, the /was/ address and the Content
Security Policy. They run at the end of every build (overrides/hooks/finish.py: `mkdocs build`,
`properdocs build`, `make build`, the preview) and on any folder of HTML from the command line
(scripts/finish_site.py), for another generator. README, "Finishing".
"""

from __future__ import annotations

from .run import finish
from .site import FinishingError, Settings, Site
from .steps import STEPS, SWITCHES, Step

__all__ = ["STEPS", "SWITCHES", "FinishingError", "Settings", "Site", "Step", "finish"]
