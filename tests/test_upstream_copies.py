"""Upstream files that the site copies, replaces or patches: a test fails when upstream moves.

Each entry fingerprints the part of an installed package that one of our files is written against
(README, "On upgrade"). After an upgrade, a failure here names our file: compare it with the new
upstream text, carry the change over, and record the new fingerprint.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import material
import mkdocs
import mkdocs_static_i18n
import properdocs
import pytest

MATERIAL = Path(material.__file__).parent / "templates"
STATIC_I18N = Path(mkdocs_static_i18n.__file__).parent
MKDOCS = Path(mkdocs.__file__).parent
PROPERDOCS = Path(properdocs.__file__).parent


@dataclass(frozen=True)
class UpstreamPart:
    upstream: Path
    pattern: str | None  # the part of the file ours depends on; None for the whole file
    sha256: str
    ours: str
    what_we_change: str

    def text(self) -> str:
        files = sorted(self.upstream.parent.glob(self.upstream.name))
        assert len(files) == 1, f"{self.upstream} is no longer one file: found {files}. Check {self.ours}."
        text = files[0].read_text(encoding="utf-8")
        if self.pattern is None:
            return text
        match = re.search(self.pattern, text, re.S)
        assert match, f"{files[0]} no longer has the part {self.ours} is written against. Check {self.ours}."
        return match[0]


UPSTREAM_PARTS = {
    "material-site-meta": UpstreamPart(
        MATERIAL / "base.html",
        r"\{% block site_meta %\}.*?\{% endblock %\}",
        "26f3fa30991041e52860342b32b079b4c576cb769766e265537384d7a5d4643b",
        "overrides/main.html",
        "replaces the site_meta block: absolute hreflang with x-default, canonical, Open Graph",
    ),
    "material-config-json": UpstreamPart(
        MATERIAL / "base.html",
        r'<script id="__config" type="application/json">.*?</script>',
        "371834e99f2e2d972dcef32e0af00dcf8af0726ab6d187fefc7daf724e37e849",
        "scripts/finishing/search_index.py",
        "moves the search 'base' of each non-default language's pages into its folder",
    ),
    "material-search-worker": UpstreamPart(
        MATERIAL / "assets" / "javascripts" / "workers" / "search.*.min.js",
        None,
        "da1b3df5e5f00cc73083c9e21ff0ec28bde85cd247057bdd05b7a167e5903bd4",
        "scripts/finishing/search_worker.py",
        "patches three expressions: query words are stemmed, and found words are named as found",
    ),
    "material-copyright": UpstreamPart(
        MATERIAL / "partials" / "copyright.html",
        None,
        "bc86bca3bf75070fe5d72e2a3463bdddf87c10f4d6459c945fe81c5d384e35ea",
        "overrides/partials/copyright.html",
        "replaced by the footer: responsible authority, contact, accessibility and privacy links",
    ),
    "material-source-file": UpstreamPart(
        MATERIAL / "partials" / "source-file.html",
        None,
        "ce5277decac9a8cf3cd44eaa490f010ae985d81ebf68b84239c02da6946718d0",
        "overrides/partials/source-file.html",
        "replaced by a labelled 'Sidst opdateret / Last updated' date",
    ),
    "material-header": UpstreamPart(
        MATERIAL / "partials" / "header.html",
        None,
        "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
        "overrides/partials/header.html",
        "a trimmed copy: site name and authority in full, visible language links, no palette or repository",
    ),
    "material-alternate": UpstreamPart(
        MATERIAL / "partials" / "alternate.html",
        None,
        "572b1d4dae611aa5fd65107edec95e44331b6141abf86834ea4dc6c1ddd7241b",
        "overrides/partials/alternate.html",
        "replaced by visible links to the other languages instead of the icon menu",
    ),
    "material-language": UpstreamPart(
        MATERIAL / "partials" / "language.html",
        None,
        "3a44516f305006ac794f51a45ad7b532cf270916d8e92e8c42784e58b2eff0a3",
        "overrides/partials/language.html",
        "a copy that looks up each language's `ui.theme` words first",
    ),
    "material-search": UpstreamPart(
        MATERIAL / "partials" / "search.html",
        None,
        "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
        "overrides/partials/search.html",
        "a copy whose search dialog has a name (aria-label)",
    ),
    "material-styles": UpstreamPart(
        MATERIAL / "base.html",
        r"\{% block styles %\}.*?\{% endblock %\}",
        "3e2f8b00a4426913f9c3c0e0b122f5d6222eecbdcdd8afb2c0d6ec2413a85dcb",
        "overrides/main.html",
        "replaces the styles block by the one stylesheet that scripts/finishing/stylesheet.py makes",
    ),
    "material-scripts": UpstreamPart(
        MATERIAL / "base.html",
        r"\{% block scripts %\}.*?\{% endblock %\}",
        "66cc07f62fe03dd2b41d9d1f94be4f466246e551c41240f6a10f438cc53c3e90",
        "scripts/finishing/search_on_demand.py",
        "takes Material's script tag out; assets/javascripts/site.js loads the bundle on the first search",
    ),
    "material-bundle-start": UpstreamPart(
        MATERIAL / "assets" / "javascripts" / "bundle.*.min.js",
        r"fromEvent\(document,\s*\"DOMContentLoaded\"|[\w$]+\(document,\"DOMContentLoaded\",\{once:!0\}\)\.subscribe\(\(\)=>[\w$]+\.next\(document\)\)",
        "c2bba625ff9ef50ffcd68251000ed98d632f683e7a61cf3c4d80a6c61ea062e9",
        "overrides/assets/javascripts/site.js",
        "starts Material's bundle after the page has loaded by announcing DOMContentLoaded again",
    ),
    "material-bundle-search-keys": UpstreamPart(
        MATERIAL / "assets" / "javascripts" / "bundle.*.min.js",
        r'case"Escape":case"Tab":[^;]*;break;case"ArrowUp".*?default:[^}]*\}',
        "6cdfee3864cb6475644d09d06eb8dcb04de09910225b1f165d06fc60a29a4f0c",
        "overrides/assets/javascripts/site.js",
        "keeps Tab and lone modifier keys from Material's search keys (on window): Tab moves through results",
    ),
    "material-bundle-result-link": UpstreamPart(
        MATERIAL / "assets" / "javascripts" / "bundle.*.min.js",
        r'x\("a",\{href:`\$\{\w+\}`,class:"md-search-result__link",tabIndex:-1\}',
        "f80a837e34a7258dfd728a57e28f25b1c3b81c3dee8c3eacb851bfe6b715e687",
        "overrides/assets/javascripts/site.js",
        "drops the tabindex=-1 of the search results' links, so that Tab reaches them",
    ),
    "material-bundle-result-more": UpstreamPart(
        MATERIAL / "assets" / "javascripts" / "bundle.*.min.js",
        r'x\("details",\{class:"md-search-result__more"\},x\("summary",\{tabIndex:-1\}',
        "3f0ff106473ffdd85634f9c56b39ded1b0833968a7cdb8dba2cb3a0a06c79b21",
        "overrides/assets/javascripts/site.js",
        "drops the tabindex=-1 of the results' 'more on this page' summaries",
    ),
    "material-drawer-panels-css": UpstreamPart(
        MATERIAL / "assets" / "stylesheets" / "main.*.min.css",
        r"\.md-nav__toggle~\.md-nav\{display:flex;opacity:0.*?"
        r"\.md-nav--primary \.md-nav__link\[for=__toc\]~\.md-nav\{display:flex\}",
        "eb03641e0f013c7eb8d90387e477db54779b707db38c1c19d08ed40028761ccb",
        "overrides/assets/stylesheets/site.css",
        "hides the drawer's closed sub-panels (Material's transition) and short pages' table of contents",
    ),
    "material-phone-search-css": UpstreamPart(
        MATERIAL / "assets" / "stylesheets" / "main.*.min.css",
        r"\.md-search__inner\{position:fixed;[^}]*\}",
        "650b784a17bcff8fe3eb81e9e047b2a88c6bb8b33b3383c286351cad8f8d9687",
        "overrides/assets/stylesheets/site.css",
        "hides the closed phone search panel, so that its field is no Tab stop",
    ),
    "material-nav-item-toc": UpstreamPart(
        MATERIAL / "partials" / "nav-item.html",
        r"\{% elif nav_item == page %\}.*?\{% else %\}",
        "c9cc624587a9de6ea5606c73aa876aa5e76eaa08086b62de932f92c89e798ece",
        "overrides/assets/javascripts/site.js",
        "reads the drawer's table of contents (#__toc, its labels and panel) to open it by keyboard",
    ),
    "material-toc-sidebar-hidden": UpstreamPart(
        MATERIAL / "base.html",
        r'\{% set hidden = "hidden" if "toc" in page\.meta\.hide %\}.*?data-md-type="toc" \{\{ hidden \}\}>',
        "688e8372265407bc9b23c99e1248c79f53e30b9ffdbda21ce12d9c9d99e6e7c5",
        "overrides/assets/stylesheets/site.css",
        "reads the hidden table-of-contents sidebar to leave the table of contents out of the phone's drawer",
    ),
    "material-nav-title": UpstreamPart(
        MATERIAL / "partials" / "nav.html",
        r'<label class="md-nav__title" for="__drawer">.*?</label>',
        "c1aa466ba36fb1ac91e93211b9eb1df0c81bd43525ef596e58bad65075852054",
        "overrides/assets/stylesheets/site.css",
        "styles the menu's title (the name in full, a white focus outline), hidden beside the desktop menu",
    ),
    "material-content-column": UpstreamPart(
        MATERIAL / "base.html",
        r'<div class="md-content" data-md-component="content">.*?'
        r'<article class="md-content__inner md-typeset">',
        "def7216614469359ff76b74f876be0cc61a8d1bfd8764af8d73f3366bfa36af7",
        "overrides/assets/stylesheets/site.css",
        "limits the text column (.md-content__inner) to lines of about 75 characters",
    ),
    "static-i18n-sitemap": UpstreamPart(
        STATIC_I18N / "custom_i18n_sitemap" / "sitemap.xml",
        None,
        "538e71a0c68befdae40bb4e0451150b1ca424ef5b1c4f0e0e7d806640d17e5e7",
        "overrides/sitemap.xml",
        "a copy with an x-default alternate added to every page",
    ),
    # Couplings no file of ours copies, which would otherwise fail silently.
    "material-alternate-fetch": UpstreamPart(
        MATERIAL / "assets" / "javascripts" / "bundle.*.min.js",
        r'[\w$]+\("link\[rel=alternate\]"\)',
        "df6078ffa4810b31f11773c47cd9b9605b451661f701db3779225a3398740d8c",
        "overrides/main.html",
        'writes rel=" alternate", which this exact-match selector misses: no <alternate>/sitemap.xml fetches',
    ),
    "material-no-js": UpstreamPart(
        MATERIAL / "base.html",
        r'<html lang="[^"]*" class="no-js">',
        "01d785a96586b6b42e09e01618db4204a50a79889c84baff929959daff276898",
        "overrides/main.html",
        "turns no-js into js before the first paint, as Material's script would (it loads on demand)",
    ),
    "static-i18n-nested-builds": UpstreamPart(
        STATIC_I18N / "plugin.py",
        r"    def on_post_build\(self, config\):.*?self\.building = False",
        "313994aa3726b7307edd30af02adeb3cd9fd3ecef7c3512a8d00df9d71feef23",
        "overrides/hooks/sitelib/site.py",
        "reads the plugin's `building` flag (building_other_language): site-wide work runs once",
    ),
    "mkdocs-link-warnings": UpstreamPart(
        MKDOCS / "structure" / "pages.py",
        r'problem = "there is no such anchor on this page".*?is not found among documentation files\."',
        "c70792ae2f6036bae716891b83d2354a0a755f4d0d39dff5c1516ee3712873c1",
        "overrides/hooks/link_messages.py",
        "rewrites these link warnings in Danish, matching their words (NOT_FOUND, NO_ANCHOR)",
    ),
    "properdocs-link-warnings": UpstreamPart(
        PROPERDOCS / "structure" / "pages.py",
        r'problem = "there is no such anchor on this page".*?is not found among documentation files\."',
        "ca71802821d45167492beee46135458a11b1c9221effd13dfa1bed19e18ad489",
        "overrides/hooks/link_messages.py",
        "rewrites ProperDocs' link warnings in Danish too: the same words as MkDocs'",
    ),
}


@pytest.mark.parametrize("name", UPSTREAM_PARTS)
def test_upstream_part_is_the_one_ours_was_written_against(name: str) -> None:
    part = UPSTREAM_PARTS[name]
    digest = hashlib.sha256(part.text().encode("utf-8")).hexdigest()
    assert digest == part.sha256, (
        f"{part.upstream} has changed upstream, and {part.ours} {part.what_we_change}. "
        f"Compare {part.ours} with the new upstream text, carry the change over, "
        f"then set this entry's sha256 to {digest}."
    )


def test_the_readme_lists_every_upstream_part() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.partition("### On upgrade")[2].partition("\n## ")[0]
    missing = sorted({part.ours for part in UPSTREAM_PARTS.values()} - set(re.findall(r"`([^`]+)`", section)))
    assert not missing, f"README.md's 'On upgrade' list does not name: {missing}"
