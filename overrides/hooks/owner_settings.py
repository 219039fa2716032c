"""Fill in the facts only the owner can supply (settings in mkdocs.yml `extra`), in each language.

The sentences are each language's `ui` words in mkdocs.yml (`statement`, `no_statement`, `phone`).

Pages mark the spot with a comment on a line of its own:
- `<!-- accessibility-statement -->` (tilgaengelighed.md): a link to the official accessibility
  statement when `accessibility_statement_url` is set, else a plain note that it is being prepared.
- `<!-- fund-phone -->` (kontakt.md): the fund's phone number when `fund_phone` is set, else nothing.
A page that must carry a marker but does not fails the build, so an edit cannot silently drop it.
"""

from __future__ import annotations

from collections.abc import Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitelib.site import hook_logger, language_of

log = hook_logger("owner_settings")

STATEMENT_MARKER = "<!-- accessibility-statement -->"
PHONE_MARKER = "<!-- fund-phone -->"
REQUIRED_MARKERS = {"tilgaengelighed.md": STATEMENT_MARKER, "kontakt.md": PHONE_MARKER}


def statement_text(ui: Mapping[str, str], extra: Mapping) -> str:
    url = extra.get("accessibility_statement_url") or ""
    if url:
        return ui["statement"].format(url=url)
    return ui["no_statement"].format(email=extra["contact_email"])


def phone_text(ui: Mapping[str, str], extra: Mapping) -> str:
    phone = str(extra.get("fund_phone") or "").strip()
    if not phone:
        return ""
    return ui["phone"].format(phone=phone, tel="".join(c for c in phone if c.isdigit() or c == "+"))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = language_of(config, page.file.src_uri)
    if language is None:
        return markdown
    name = page.file.src_uri.partition("/")[2]
    required = REQUIRED_MARKERS.get(name)
    if required and required not in markdown:
        log.warning(
            "docs/%s: linjen %s mangler. Sæt den ind igen på en linje for sig selv, dér hvor teksten skal "
            "stå: bygningen udfylder den fra extra: i mkdocs.yml. (marker line missing)",
            page.file.src_uri,
            required,
        )
    markdown = markdown.replace(STATEMENT_MARKER, statement_text(language.ui, config.extra))
    return markdown.replace(PHONE_MARKER, phone_text(language.ui, config.extra))
