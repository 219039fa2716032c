"""Synthetic pages for the scaling runs: realistic in shape, valid for every check our build makes.

Each page has front matter with a title and a description, an H1, four H2 headings (so our build keeps
its table of contents, as the stock build does), paragraphs, a list, a small table and two links to
other synthetic pages in its language. The pages live in sections of SECTION_SIZE,
docs/<lang>/bench-NN/page-MMM.md, with the same file names in every language, and each section is a
section of `nav:` (our build rejects a page outside the menu or missing in a language).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

SECTION_SIZE = 50
SECTION_LABEL = "Bench {section:02d}"

# The words of a page: Danish in the default language, English in every other (the benchmark measures
# shape, not words); {n} is the page's number, {a}/{b} the numbers of the linked pages.
TEXT = {
    "original": {
        "title": "Eksempelside {n}",
        "description": "Eksempelside {n} er en opdigtet side, der måler, hvor hurtigt hjemmesiden bygges.",
        "heading": "Eksempelside {n} om STEM i Nordjylland",
        "intro": (
            "Denne side er lavet til en måling. Den ligner en almindelig side på hjemmesiden: den har "
            "overskrifter, afsnit, en liste, en tabel og links til andre sider."
        ),
        "sections": ("Baggrund", "Hvad initiativet gør", "Tal for initiativet", "Læs videre"),
        "paragraph": (
            "Skoler, virksomheder og uddannelser i Nordjylland arbejder sammen om at få flere unge til at "
            "interessere sig for naturvidenskab, teknologi og matematik. Initiativet på side {n} samler "
            "lærere, elever og forældre om projekter, der viser, hvad STEM kan bruges til i hverdagen."
        ),
        "more": (
            "Eleverne møder fagfolk, bygger og tester deres egne løsninger og fortæller bagefter, hvad de "
            "har lært. Lærerne får materialer og hjælp, så forløbet kan gentages med nye klasser."
        ),
        "items": ("Besøg på virksomheder", "Forløb i skolen", "Camps i sommerferien"),
        "table": (("Emne", "Antal"), ("Skoler", "12"), ("Elever", "340"), ("Virksomheder", "7")),
        "links": "Se også [eksempelside {a}]({href_a}) og [eksempelside {b}]({href_b}).",
    },
    "translation": {
        "title": "Example page {n}",
        "description": "Example page {n} is a made-up page that measures how fast the website is built.",
        "heading": "Example page {n} about STEM in North Denmark",
        "intro": (
            "This page was made for a measurement. It looks like an ordinary page of the website: it has "
            "headings, paragraphs, a list, a table and links to other pages."
        ),
        "sections": ("Background", "What the initiative does", "Figures for the initiative", "Read more"),
        "paragraph": (
            "Schools, companies and colleges in North Denmark work together to get more young people "
            "interested in science, technology and mathematics. The initiative on page {n} brings teachers, "
            "pupils and parents together on projects that show what STEM is used for in everyday life."
        ),
        "more": (
            "Pupils meet professionals, build and test their own solutions and then explain what they have "
            "learnt. Teachers get materials and help, so that the course can be repeated with new classes."
        ),
        "items": ("Visits to companies", "Courses at school", "Summer camps"),
        "table": (("Topic", "Number"), ("Schools", "12"), ("Pupils", "340"), ("Companies", "7")),
        "links": "See also [example page {a}]({href_a}) and [example page {b}]({href_b}).",
    },
}


def page_name(number: int) -> str:
    """The file of page `number` (from 0) below a language folder: 'bench-01/page-057.md'."""
    return f"bench-{number // SECTION_SIZE:02d}/page-{number:03d}.md"


def page_url(number: int) -> str:
    """Where page `number` is built below its language's root: 'bench-01/page-057/'."""
    return page_name(number).removesuffix(".md") + "/"


def linked_pages(number: int, count: int) -> tuple[int, int]:
    """Two other pages for page `number` to link to: the next one and one in another section."""
    return (number + 1) % count, (number + count // 2 + 7) % count


def table(rows: Iterable[tuple[str, str]]) -> str:
    head, *body = rows
    lines = [f"| {head[0]} | {head[1]} |", "| --- | ---: |"]
    return "\n".join(lines + [f"| {left} | {right} |" for left, right in body])


def page_markdown(original: bool, number: int, count: int) -> str:
    """The Markdown of synthetic page `number` of `count`, in the default language or a translation."""
    words = TEXT["original" if original else "translation"]
    a, b = linked_pages(number, count)
    first, second, third, fourth = words["sections"]
    links = words["links"].format(a=a, b=b, href_a=f"../{page_name(a)}", href_b=f"../{page_name(b)}")
    return "\n".join(
        [
            "---",
            f"title: {words['title'].format(n=number)}",
            f"description: {words['description'].format(n=number)}",
            "---",
            "",
            f"# {words['heading'].format(n=number)}",
            "",
            words["intro"],
            "",
            f"## {first}",
            "",
            words["paragraph"].format(n=number),
            "",
            words["more"],
            "",
            f"## {second}",
            "",
            *(f"- {item}" for item in words["items"]),
            "",
            f"## {third}",
            "",
            table(words["table"]),
            "",
            f"## {fourth}",
            "",
            links,
            "",
        ]
    )


def write_pages(docs_dir: Path, languages: Iterable[str], count: int) -> None:
    """`count` synthetic pages in each language folder of docs_dir (the default language first)."""
    for index, lang in enumerate(languages):
        for number in range(count):
            path = docs_dir / lang / page_name(number)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page_markdown(index == 0, number, count), encoding="utf-8")


def nav_sections(count: int) -> list[str]:
    """YAML lines for `nav:`: a section per folder of SECTION_SIZE pages, indented as mkdocs.yml's entries."""
    lines = []
    for first in range(0, count, SECTION_SIZE):
        lines.append(f'  - "{SECTION_LABEL.format(section=first // SECTION_SIZE)}":')
        lines.extend(f"      - {page_name(n)}" for n in range(first, min(first + SECTION_SIZE, count)))
    return lines


def add_to_nav(mkdocs_yml: str, lines: list[str]) -> str:
    """mkdocs.yml's text with `lines` appended to its top-level `nav:` list (comments and tags kept)."""
    text = mkdocs_yml.splitlines()
    if "nav:" not in text:
        raise ValueError("mkdocs.yml has no top-level 'nav:' line")
    end = text.index("nav:") + 1
    while end < len(text) and (text[end].startswith((" ", "-")) or not text[end].strip()):
        end += 1
    while not text[end - 1].strip():  # before the blank lines that end the block
        end -= 1
    return "\n".join([*text[:end], *lines, *text[end:]]) + "\n"
