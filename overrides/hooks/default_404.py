"""Keep the default language's 404 page as the site's one 404.html.

GitHub Pages serves only the root 404.html, and mkdocs-static-i18n writes it once per language into
the same place, so the language built last would win. The default language is built first: each
later language's build keeps the page that is already there.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from sitelib.site import LAST_ON_EACH_PAGE, current_language


@event_priority(LAST_ON_EACH_PAGE - 50)  # after csp.py has added the page's policy
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html" or current_language(config).default:
        return output
    written = Path(config.site_dir) / "404.html"
    return written.read_text(encoding="utf-8") if written.is_file() else output
