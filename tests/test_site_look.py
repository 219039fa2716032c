"""The public-service look: the authority in the header, the site's own mark, no pager, contents when long."""

from __future__ import annotations

import hashlib
from pathlib import Path

import material
import pytest
from support.html import parse
from support.site import LANGUAGES, LOCALES, ROOT, mkdocs_config, nav_pages, page_url_path

PAGE_LOCALES = [(md, language.code) for language in LANGUAGES for md in nav_pages()]
MATERIAL_IMAGES = Path(material.__file__).parent / "templates" / "assets" / "images"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(("md", "locale"), PAGE_LOCALES)
def test_the_header_names_the_site_and_the_authority(site_dir: Path, md: str, locale: str) -> None:
    page = parse(site_dir / page_url_path(md, locale))
    language = next(lang for lang in LANGUAGES if lang.code == locale)
    (header,) = page.find_all("header")
    name = " ".join(header.find_all("a")[1].text.split()) if len(header.find_all("a")) > 1 else ""
    authority = [
        " ".join(e.text.split()) for e in header.iter() if "site-title__authority" in e.attrs.get("class", "")
    ]
    assert authority == [language.ui["authority"]], f"{locale}/{md}: the header names {authority}"
    site_name = page.find("meta", property="og:site_name").attrs["content"]
    assert site_name in " ".join(header.text.split()), (
        f"{locale}/{md}: the header lacks {site_name!r} ({name})"
    )


def test_the_favicon_and_the_mark_are_the_sites_own(site_dir: Path) -> None:
    for locale in LOCALES:
        page = parse(site_dir / page_url_path("index.md", locale))
        icons = [e for e in page.find_all("link") if e.attrs.get("rel") == "icon"]
        assert len(icons) == 1 and icons[0].attrs["href"].endswith("assets/images/favicon.svg")
        logo = page.by_class("md-logo")[0]
        assert logo.find_all("svg") and not logo.find_all("img"), "the mark is inline: no request"
    ours = site_dir / "assets" / "images" / "favicon.svg"
    assert digest(ours) == digest(ROOT / "overrides" / "assets" / "images" / "favicon.svg")
    assert all(digest(ours) != digest(theirs) for theirs in MATERIAL_IMAGES.iterdir())
    mark = (ROOT / "overrides" / ".icons" / "teknologipagt" / "mark.svg").read_text(encoding="utf-8")
    path = mark.split(' d="', 1)[1].split('"', 1)[0]
    assert path in (site_dir / "index.html").read_text(encoding="utf-8")
    assert "material/library" not in str(mkdocs_config()["theme"].get("icon", {}))


@pytest.mark.parametrize(("md", "locale"), PAGE_LOCALES)
def test_no_documentation_pager(site_dir: Path, md: str, locale: str) -> None:
    page = parse(site_dir / page_url_path(md, locale))
    assert not page.by_class("md-footer__link"), f"{locale}/{md} ends in a Previous/Next pager"
    assert not [e for e in page.find_all("link") if e.attrs.get("rel") in ("prev", "next")]


@pytest.mark.parametrize(("md", "locale"), PAGE_LOCALES)
def test_a_table_of_contents_only_on_long_pages(site_dir: Path, md: str, locale: str) -> None:
    page = parse(site_dir / page_url_path(md, locale))
    sections = len(page.by_class("md-content")[0].find_all("h2"))
    has_toc = "hidden" not in page.by_class("md-sidebar--secondary")[0].attrs
    assert has_toc == (sections >= 4), f"{locale}/{md}: {sections} sections, table of contents {has_toc}"
