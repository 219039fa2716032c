"""The owner's facts reach the pages in every language: the contact, the steering group, no invented figures.

Expectations come from the configuration (`extra:` in mkdocs.yml) and the roster, never from today's
wording, so editors can change the contact, the members or a page's text and the tests follow.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from support.html import parse
from support.site import LANGUAGES, LOCALES, ROOT, mkdocs_config, nav_pages, page_url_path

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
    return yaml.safe_load((ROOT / "data" / "steering-group.yml").read_text(encoding="utf-8"))["members"]


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
def test_no_invented_amounts_or_phone_numbers(site_dir: Path, locale: str) -> None:
    """No amount or phone number that the owner has not given: a phone number comes only from `fund_phone`."""
    for md in nav_pages():
        text = main_text(site_dir, md, locale)
        assert not re.search(r"\b(kr\.|DKK|kroner)\b", text), f"{locale}/{md} names an amount"
        assert not re.search(r"(\+45)?\s?\d{2} ?\d{2} ?\d{2} ?\d{2}\b", text), (
            f"{locale}/{md} has a phone number"
        )


def test_pages_in_one_language_mark_words_in_another(site_dir: Path) -> None:
    """Other-language words carry `lang` (WCAG 3.1.2), and only the site's languages are used."""
    marked = {code: set() for code in LOCALES}
    for language in LANGUAGES:
        for md in nav_pages():
            content = main_content(site_dir, md, language.code)
            for element in content.iter():
                lang = element.attrs.get("lang")
                if lang and element is not content:
                    assert lang in LOCALES, (
                        f"{language.code}/{md}: lang={lang!r} is not a language of the site"
                    )
                    marked[language.code].add(lang)
    default = LANGUAGES[0].code
    for language in LANGUAGES[1:]:
        assert default in marked[language.code], f"no {default} names marked on the {language.code} pages"


def test_the_default_site_name_is_marked_on_other_languages_home_pages(site_dir: Path) -> None:
    danish_name = mkdocs_config()["site_name"]
    for language in LANGUAGES[1:]:
        page = parse(site_dir / page_url_path("index.md", language.code))
        marked = [" ".join(e.text.split()) for e in page.find_all("span", lang=LANGUAGES[0].code)]
        assert danish_name in marked, (
            f"{language.code}: '{danish_name}' is not marked lang={LANGUAGES[0].code}"
        )
