"""The default language's 404 page is the site's one 404.html; every other language's is kept beside it.

GitHub Pages serves only the root 404.html, and mkdocs-static-i18n writes it once per language into
the same place, so the language built last would win. The default language is built first: each
later language's build keeps the page that is already there, and writes its own 404 page into its
folder instead (/en/404.html). The root page fetches that one for an address under the language's
folder (overrides/404.html), so a visitor there reads the whole page in their language.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from sitelib.site import current_language


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    language = current_language(config)
    if template_name != "404.html" or language.default:
        return output
    own = Path(config.site_dir) / language.prefix / "404.html"
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text(output, encoding="utf-8")
    written = Path(config.site_dir) / "404.html"
    return written.read_text(encoding="utf-8") if written.is_file() else output
