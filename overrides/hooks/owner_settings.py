"""Fill in the facts only the owner can supply (settings in mkdocs.yml `extra`), in each language.

Pages mark the spot with a comment on a line of its own:
- `<!-- accessibility-statement -->` (tilgaengelighed.md): a link to the official accessibility
  statement when `accessibility_statement_url` is set, else a plain note that it is being prepared.
- `<!-- fund-phone -->` (kontakt.md): the fund's phone number when `fund_phone` is set, else nothing.
A page that must carry a marker but does not fails the build, so an edit cannot silently drop it.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.owner_settings")

STATEMENT_MARKER = "<!-- accessibility-statement -->"
PHONE_MARKER = "<!-- fund-phone -->"
REQUIRED_MARKERS = {"tilgaengelighed.md": STATEMENT_MARKER, "kontakt.md": PHONE_MARKER}

TEXT = {
    "da": {
        "statement": "Læs den officielle [tilgængelighedserklæring for hjemmesiden]({url}).",
        "no_statement": (
            "Den officielle tilgængelighedserklæring, som offentlige myndigheder laver i "
            "Digitaliseringsstyrelsens værktøj, er under udarbejdelse. Indtil den er klar, kan du "
            "skrive til [{email}](mailto:{email}) om tilgængeligheden."
        ),
        "phone": "Telefon: [{phone}](tel:{tel})",
    },
    "en": {
        "statement": "Read the official [accessibility statement for this website]({url}).",
        "no_statement": (
            "The official accessibility statement, which public authorities make in the "
            "Danish Agency for Digital Government's tool, is being prepared. "
            "Until it is ready, you can write to [{email}](mailto:{email}) about accessibility."
        ),
        "phone": "Phone: [{phone}](tel:{tel})",
    },
}


def statement_text(locale: str, extra: dict) -> str:
    text = TEXT[locale]
    url = extra.get("accessibility_statement_url") or ""
    if url:
        return text["statement"].format(url=url)
    return text["no_statement"].format(email=extra["contact_email"])


def phone_text(locale: str, extra: dict) -> str:
    phone = str(extra.get("fund_phone") or "").strip()
    if not phone:
        return ""
    return TEXT[locale]["phone"].format(phone=phone, tel="".join(c for c in phone if c.isdigit() or c == "+"))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    locale, _, name = page.file.src_uri.partition("/")
    if locale not in TEXT:
        return markdown
    required = REQUIRED_MARKERS.get(name)
    if required and required not in markdown:
        log.warning(
            "docs/%s: the line %s is missing. Put it back on a line of its own: "
            "the build fills it in from mkdocs.yml.",
            page.file.src_uri,
            required,
        )
    markdown = markdown.replace(STATEMENT_MARKER, statement_text(locale, config.extra))
    return markdown.replace(PHONE_MARKER, phone_text(locale, config.extra))
