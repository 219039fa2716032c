"""Every fact of the owner's source text is on the right page, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.html import parse
from support.roster import SOURCE_STEERING_GROUP
from support.site import LOCALES, page_url_path

# (page, locale) -> phrases that must appear in the page's main content.
FACTS: dict[tuple[str, str], list[str]] = {
    ("puljen.md", "da"): ["Der kan ikke gives støtte til driftsopgaver", "Majken Davids", "m.davids@rn.dk"],
    ("puljen.md", "en"): ["operating costs", "Majken Davids", "m.davids@rn.dk", "fund coordinator"],
    ("maal.md", "da"): ["20 pct.", "videregående STEM-uddannelse", "STEM-erhvervsuddannelse", "2028"],
    ("maal.md", "en"): ["20%", "STEM higher education", "vocational education and training", "2028"],
    ("indsatsomraader.md", "da"): [
        "De potentielle STEM\u2019ere",  # the source's typographic apostrophe
        "Flere piger og kvinder i STEM",
        "STEM-kompetencer målrettet de nordjyske virksomheders behov",
        "STEM-kompetencer til alle",
    ],
    ("indsatsomraader.md", "en"): [
        "Potential STEM talent",
        "More girls and women in STEM",
        "STEM skills that match the needs of North Jutland businesses",
        "STEM skills for everyone",
    ],
    ("tema-2024-ai.md", "da"): ["2024", "ChatGPT", "snyd"],
    ("tema-2024-ai.md", "en"): ["2024", "ChatGPT", "cheating"],
    ("organisering.md", "da"): [
        *SOURCE_STEERING_GROUP,
        "Erhvervshus Nordjylland",
        "Arbejdsmarkedskontor Midt-Nord",
        "Astra",
        "KKR",
    ],
    ("organisering.md", "en"): [
        *SOURCE_STEERING_GROUP,
        "Erhvervshus Nordjylland",
        "Arbejdsmarkedskontor Midt-Nord",
        "Astra",
        "KKR",
    ],
    ("kontakt.md", "da"): ["Majken Davids", "m.davids@rn.dk"],
    ("kontakt.md", "en"): ["Majken Davids", "m.davids@rn.dk"],
    ("privatliv.md", "da"): ["cookies", "GitHub", "IP-adresse"],
    ("privatliv.md", "en"): ["cookies", "GitHub", "IP address"],
}


def main_text(site_dir: Path, md: str, locale: str) -> str:
    page = parse(site_dir / page_url_path(md, locale))
    article = page.by_class("md-content__inner")
    assert article, "no main content"
    return " ".join(article[0].text.split())


@pytest.mark.parametrize(("md", "locale"), sorted(FACTS))
def test_source_facts_appear_on_their_page(site_dir: Path, md: str, locale: str) -> None:
    text = main_text(site_dir, md, locale)
    missing = [fact for fact in FACTS[md, locale] if fact not in text]
    assert not missing, f"{locale}/{md} lacks: {missing}"


@pytest.mark.parametrize("locale", LOCALES)
def test_steering_group_is_listed_in_source_order(site_dir: Path, locale: str) -> None:
    text = main_text(site_dir, "organisering.md", locale)
    positions = [text.find(name) for name in SOURCE_STEERING_GROUP]
    assert positions == sorted(positions), "members must appear in the roster's order"


@pytest.mark.parametrize("locale", LOCALES)
def test_contact_is_a_mailto_link(site_dir: Path, locale: str) -> None:
    for md in ("puljen.md", "kontakt.md"):
        page = parse(site_dir / page_url_path(md, locale))
        article = page.by_class("md-content__inner")[0]
        hrefs = [
            e.attrs.get("href") for e in page.find_all("a") if e.text and e in list(article.descendants())
        ]
        assert "mailto:m.davids@rn.dk" in hrefs, f"{locale}/{md}"


@pytest.mark.parametrize("locale", LOCALES)
def test_no_invented_facts(site_dir: Path, locale: str) -> None:
    """No phone number, amount or deadline that the source lacks appears anywhere in the content."""
    import re

    for md in [p for p, loc in FACTS if loc == locale]:
        text = main_text(site_dir, md, locale)
        assert not re.search(r"\b(kr\.|DKK|kroner)\b", text), f"{locale}/{md} names an amount"
        assert not re.search(r"(\+45)?\s?\d{2} ?\d{2} ?\d{2} ?\d{2}\b", text), (
            f"{locale}/{md} has a phone number"
        )


def test_english_pages_mark_danish_names(site_dir: Path) -> None:
    page = parse(site_dir / page_url_path("index.md", "en"))
    danish = [e.text.strip() for e in page.find_all("span", lang="da")]
    assert "Den Nordjyske Teknologipagt" in danish and "Teknologipagtspuljen" in danish


def test_danish_pages_mark_english_phrases(site_dir: Path) -> None:
    page = parse(site_dir / page_url_path("puljen.md", "da"))
    english = [e.text.strip() for e in page.find_all("span", lang="en")]
    assert "Science, Technology, Engineering, Mathematics" in english
