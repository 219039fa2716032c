"""The owner's facts reach the pages in every language: the contact, the steering group, no typed phone.

Expectations come from the configuration (`extra:` in mkdocs.yml) and the roster, never from today's
wording, so editors can change the contact, the members or a page's text and the tests follow. Each
of these is also a rule of the build (overrides/hooks/content_rules.py, tests/test_content_rules.py),
so an editor who breaks one hears it from `make check` first.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.html import parse
from support.roster import roster_data
from support.site import LANGUAGES, LOCALES, mkdocs_config, nav_pages, page_url_path

EXTRA = mkdocs_config()["extra"]
# The pages that answer "whom do I contact?": the contact page and the fund page.
CONTACT_PAGES = ("kontakt.md", "puljen.md")


def main_content(site_dir: Path, md: str, locale: str):
    page = parse(site_dir / page_url_path(md, locale))
    article = page.by_class("md-content__inner")
    assert article, f"{locale}/{md}: no main content"
    return article[0]


def main_text(site_dir: Path, md: str, locale: str) -> str:
    return " ".join(main_content(site_dir, md, locale).text.split())


def roster_members() -> list[dict]:
    return roster_data()["members"]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("md", CONTACT_PAGES)
def test_the_contact_in_mkdocs_yml_is_named_with_a_mailto_link(site_dir: Path, md: str, locale: str) -> None:
    article = main_content(site_dir, md, locale)
    assert EXTRA["contact_name"] in " ".join(article.text.split()), f"{locale}/{md}"
    hrefs = [element.attrs.get("href") for element in article.find_all("a")]
    assert f"mailto:{EXTRA['contact_email']}" in hrefs, f"{locale}/{md}"


@pytest.mark.parametrize("language", LANGUAGES, ids=LOCALES)
def test_every_member_of_the_roster_is_listed_in_its_order(site_dir: Path, language) -> None:
    text = main_text(site_dir, "organisering.md", language.code)
    members = roster_members()
    positions = [text.find(member["name"]) for member in members]
    missing = [member["name"] for member, position in zip(members, positions, strict=True) if position < 0]
    assert not missing, f"{language.code}/organisering.md lacks {missing}"
    assert positions == sorted(positions), "members must appear in the roster's order"
    for member in members:
        for field in ("title", "organisation"):
            assert member[field][language.code] in text, f"{member['name']}: {field} in {language.code}"


@pytest.mark.parametrize("locale", LOCALES)
def test_no_phone_number_but_the_owners(site_dir: Path, locale: str) -> None:
    """A phone number comes only from `fund_phone` (empty in the test build): none is typed on a page."""
    for md in nav_pages():
        text = main_text(site_dir, md, locale)
        assert not re.search(r"(\+45)?\s?\d{2} ?\d{2} ?\d{2} ?\d{2}\b", text), (
            f"{locale}/{md} has a phone number"
        )


def test_pages_mark_words_only_with_the_sites_languages(site_dir: Path) -> None:
    """Other-language words carry `lang` (WCAG 3.1.2), and only the site's languages are used."""
    for language in LANGUAGES:
        for md in nav_pages():
            content = main_content(site_dir, md, language.code)
            for element in content.iter():
                lang = element.attrs.get("lang")
                if lang and element is not content:
                    assert lang in LOCALES, (
                        f"{language.code}/{md}: lang={lang!r} is not a language of the site"
                    )


def unmarked_text(element, default: str) -> str:
    """The text a reader sees in element, leaving out what is marked with the default language."""
    if element.attrs.get("lang") == default or element.tag == "script":
        return " "
    parts = [child if isinstance(child, str) else unmarked_text(child, default) for child in element.children]
    return " ".join(" ".join(parts).split())


def test_the_default_site_name_is_marked_wherever_other_languages_use_it(site_dir: Path) -> None:
    danish_name, default = mkdocs_config()["site_name"], LANGUAGES[0].code
    for language in LANGUAGES[1:]:
        for md in nav_pages():
            text = unmarked_text(main_content(site_dir, md, language.code), default)
            assert danish_name not in text, (
                f"{language.code}/{md}: '{danish_name}' is not marked lang={default}"
            )
