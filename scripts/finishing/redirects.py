"""/was/ (and /en/was/ …): the short address Danish law asks for, leading to the accessibility statement.

It leads to the official statement once `extra.accessibility_statement_url` is set in mkdocs.yml,
and until then to the site's own accessibility page in the same language. The link text is each
language's `ui.was_link` (`ui.was_link_page` while it leads to the site's own page).
"""

from __future__ import annotations

import html

from .site import Site

UPSTREAM = "none: the site's own accessibility page, tilgaengelighed/, in each language"
ACCESSIBILITY_PAGE = "tilgaengelighed/"


def redirect_page(target: str, canonical: str, lang: str, text: str) -> str:
    """A tiny page that sends the visitor on at once and still works without a refresh."""
    href = html.escape(target, quote=True)
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{text}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<link rel="canonical" href="{html.escape(canonical, quote=True)}">\n</head>\n'
        f'<body>\n<p><a href="{href}">{text}</a></p>\n</body>\n</html>\n'
    )


def write_redirects(site: Site) -> None:
    statement_url = site.settings.statement_url
    for language in site.settings.languages:
        fallback = language.prefix + ACCESSIBILITY_PAGE
        if not (site.folder / fallback / "index.html").is_file():
            continue  # a language left out with BUILD_ONLY_LOCALE
        # A site-relative path, so the local preview stays on the preview server.
        target = statement_url or site.settings.base_path + fallback
        canonical = statement_url or site.settings.site_url + fallback
        folder = site.folder / language.prefix / "was"
        folder.mkdir(parents=True, exist_ok=True)
        text = html.escape(language.ui["was_link" if statement_url else "was_link_page"])
        (folder / "index.html").write_text(
            redirect_page(target, canonical, language.code, text), encoding="utf-8"
        )
