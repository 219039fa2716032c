"""Plain language: how easy each page is to read, and whether the English pages use the glossary's terms.

Three checks, on the prose of every page (front matter, HTML comments and marker lines, code and link
addresses are left out; the text of a link counts):

- Danish pages: LIX, at most 40. LIX = words / sentences + 100 * long words / words, where a long
  word has more than 6 letters. A sentence ends at . ! or ? before a capital letter or a number, at
  : before a capital letter, and at the end of every heading, list item, table cell and paragraph.
  "20 pct. flere", "24. april" and "Målsætning: 20 pct." do not end a sentence.
- English pages: every sentence at most 25 words (GOV.UK style), counted the same way.
- English pages: no variant the glossary says to avoid (data/ordliste-engelsk.yml), in the prose or
  in `title:` and `description:`. The message names the term to use instead.
- The same glossary check on the English words in mkdocs.yml: what the site shows outside its pages
  (footer, 404 page, notices, the owner's settings), that is the language's `extra: ui:` words and
  its `site_name`, `site_description` and `copyright`. The message names mkdocs.yml and the line.

The languages come from mkdocs.yml (scripts/site_config.py), and so does which measure fits which
language: each language's `extra: readability:` (LIX is made for Danish and the other Scandinavian
languages); a language of the site without one is listed as not measured. The glossary's `source:`
and `target:` say which languages it translates between; its terms are checked on the target language's pages
and words.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

from markdown_source import PageError, front_matter_prose, prose_lines, read_page
from site_config import (
    ROOT,
    Language,
    SiteConfigError,
    add_path_option,
    add_site_options,
    display_path,
    site_languages,
)

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2

GLOSSARY = ROOT / "data" / "ordliste-engelsk.yml"
LONG_WORD_LETTERS = 6  # a word with more letters than this is long (LIX)
LIX, LONGEST_SENTENCE = "lix", "longest_sentence"


@dataclass(frozen=True)
class Measure:
    kind: str  # LIX or LONGEST_SENTENCE
    limit: int
    label: str  # as the table shows it (Danish)


LABELS = {LIX: "LIX", LONGEST_SENTENCE: "længste sætning (ord)"}  # as the table shows each measure


def readability_by_language(languages: Sequence[Language]) -> dict[str, Measure]:
    """Each language's measure from mkdocs.yml (`extra: readability: {measure, limit}`), if it has one."""
    measures = {}
    for language in languages:
        if language.readability:
            kind = language.readability["measure"]
            measures[language.code] = Measure(kind, int(language.readability["limit"]), LABELS[kind])
    return measures


HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.*?)(?:\s+#+)?\s*$")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+\"(?P<title>[^\"]*)\")?\s*$")
LIST_ITEM = re.compile(r"^(?P<marker>\s*(?:[-*+]|\d+[.)])\s+)")
TABLE_ROW = re.compile(r"^\s*\|")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
RULE_OR_UNDERLINE = re.compile(r"^\s{0,3}(?:[-=*_]\s*){3,}$")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
QUOTE = re.compile(r"^\s*(?:>\s?)+")

INLINE = [
    (re.compile(r"`[^`]*`"), " "),  # inline code
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), " "),  # images
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [text](address): the text
    (re.compile(r"\[([^\]]*)\]\[[^\]]*\]"), r"\1"),  # [text][reference]
    (re.compile(r"<(?:mailto:)?([^<>\s]+@[^<>\s]+|https?://[^<>\s]+)>"), r"\1"),  # <address>
    (re.compile(r"\{[:#.][^}]*\}"), " "),  # attribute lists {#anchor}
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # HTML tags (their text stays)
    (re.compile(r"\\(.)"), r"\1"),  # backslash escapes
    (re.compile(r"[*~]+|(?<!\w)_+|_+(?!\w)"), ""),  # emphasis
]

# Abbreviations whose full stop does not end a sentence, even before a capital letter or a number.
ABBREVIATIONS = {
    "bl.a", "ca", "dvs", "e.g", "eks", "etc", "f.eks", "fx", "i.e", "jf", "mr", "mrs", "ms", "dr",
    "nr", "no", "pct", "st", "vs",
}  # fmt: skip
# Quotation marks: \u2018 \u2019 \u201c \u201d (typographic single and double), \u00ab \u00bb (guillemets).
CLOSING = "[\"'\u2019\u201d\u00bb)\\]]*"
NEXT = "(?=\\s+[\"'\u2018\u201c\u00ab(\\[]*[A-Z\u00c0-\u00de{digits}])"
# . ! ? before a capital letter or a number; : before a capital letter ("Målsætning: 20 pct." goes on).
SENTENCE_END = re.compile(f"[.!?]+{CLOSING}{NEXT.format(digits='0-9')}|:+{CLOSING}{NEXT.format(digits='')}")
WORD = re.compile("[^\\W_](?:[\\w'\u2019.@+-]*[^\\W_])?")
OPENING = "(\"'\u2018\u201c\u00ab"


# Reading the prose of a page


@dataclass
class Block:
    """A paragraph, heading, list item or table cell: its text and the line each piece starts on."""

    pieces: list[tuple[int, str]] = field(default_factory=list)  # (line number, cleaned text)

    def add(self, line: int, text: str) -> None:
        if text.strip():
            self.pieces.append((line, text.strip()))

    def text_and_lines(self) -> tuple[str, list[int], list[int]]:
        """The block's text, the offset each piece starts at, and that piece's line number."""
        text, offsets, lines = "", [], []
        for line, piece in self.pieces:
            if text:
                text += " "
            offsets.append(len(text))
            lines.append(line)
            text += piece
        return text, offsets, lines


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str
    words: tuple[str, ...]


def inline_text(line: str) -> str:
    """A line of Markdown as the reader sees it: no markup, no addresses behind links."""
    for pattern, replacement in INLINE:
        line = pattern.sub(replacement, line)
    return html.unescape(line).replace("\u00a0", " ")


def blocks(markdown: str) -> list[Block]:
    """The prose of a page as blocks; a heading, list item and table cell each make a block of its own."""
    result: list[Block] = []
    current = Block()

    def close() -> None:
        nonlocal current
        if current.pieces:
            result.append(current)
        current = Block()

    for number, raw in prose_lines(markdown):
        line = QUOTE.sub("", raw)
        heading = HEADING.match(line) or ADMONITION.match(line)
        if heading:
            close()
            parts = heading.groupdict()
            current.add(number, inline_text(parts.get("text") or parts.get("title") or ""))
            close()
        elif TABLE_ROW.match(line):
            close()
            if not TABLE_RULE.match(line):
                for cell in line.strip().strip("|").split("|"):
                    current.add(number, inline_text(cell))
                    close()
        elif not line.strip() or RULE_OR_UNDERLINE.match(line) or REFERENCE.match(line):
            close()
        else:
            item = LIST_ITEM.match(line)
            if item:
                close()
                line = line[item.end() :]
            text = inline_text(line)
            if text.strip():
                current.add(number, text)
            else:
                close()  # a line of HTML tags only, such as <div markdown>
    close()
    return result


def title_and_description(markdown: str) -> list[Block]:
    """`title:` and `description:` of a page, one block each (they are what search results show)."""
    return [Block([(number, text)]) for number, text in front_matter_prose(markdown)]


def split_sentences(block: Block) -> Iterator[Sentence]:
    """The sentences of a block, each with the line it starts on."""
    text, offsets, lines = block.text_and_lines()
    start = 0
    for match in SENTENCE_END.finditer(text):
        if match[0].startswith(".") and _is_abbreviation(text[: match.start()]):
            continue
        yield _sentence(text, start, match.end(), offsets, lines)
        start = match.end()
    yield _sentence(text, start, len(text), offsets, lines)


def _is_abbreviation(before: str) -> bool:
    last = before.rsplit(None, 1)[-1] if before.strip() else ""
    return last.strip(OPENING).casefold() in ABBREVIATIONS


def _sentence(text: str, start: int, end: int, offsets: list[int], lines: list[int]) -> Sentence:
    piece = text[start:end].strip()
    first = start + (len(text[start:end]) - len(text[start:end].lstrip()))
    line = lines[max(bisect_right(offsets, first) - 1, 0)]
    return Sentence(line, piece, tuple(WORD.findall(piece)))


def sentences(markdown: str) -> list[Sentence]:
    """Every sentence of a page's prose that has at least one word."""
    return [s for block in blocks(markdown) for s in split_sentences(block) if s.words]


# The measures


def letters(word: str) -> int:
    return sum(character.isalpha() for character in word)


@dataclass(frozen=True)
class Readability:
    file: str
    language: str
    measure: str  # LIX or LONGEST_SENTENCE
    value: float  # the LIX, or the words of the longest sentence
    limit: int
    words: int
    sentences: int
    long_words: int
    longest_line: int | None  # where the longest sentence starts
    longest_words: int
    longest_text: str

    @property
    def ok(self) -> bool:
        return self.value <= self.limit


def lix(found: Sequence[Sentence]) -> tuple[float, int, int]:
    """(LIX, words, long words) of these sentences; 0 when there are none."""
    words = [word for sentence in found for word in sentence.words]
    if not words:
        return 0.0, 0, 0
    long_words = sum(letters(word) > LONG_WORD_LETTERS for word in words)
    return len(words) / len(found) + 100 * long_words / len(words), len(words), long_words


def readability(file: str, language: str, markdown: str, measure: Measure) -> Readability:
    """A page's figure for its language's measure, with the longest sentence as a pointer."""
    found = sentences(markdown)
    value, words, long_words = lix(found)
    longest = max(found, key=lambda sentence: len(sentence.words), default=None)
    longest_words = len(longest.words) if longest else 0
    if measure.kind == LONGEST_SENTENCE:
        value = float(longest_words)
    return Readability(
        file=file,
        language=language,
        measure=measure.kind,
        value=round(value, 1),
        limit=measure.limit,
        words=words,
        sentences=len(found),
        long_words=long_words,
        longest_line=longest.line if longest else None,
        longest_words=longest_words,
        longest_text=longest.text if longest else "",
    )


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    kind: str  # "lix", "sentence" or "glossary"
    message: str


def readability_problems(result: Readability, markdown: str) -> list[Problem]:
    """What breaks the limit: the page's LIX, or each English sentence that is too long."""
    if result.measure == LIX:
        if result.ok:
            return []
        return [
            Problem(
                result.file,
                result.longest_line,
                "lix",
                f"{result.file}: LIX {result.value:g} er over {result.limit}. Skriv kortere sætninger og "
                f"brug kortere ord; den længste sætning ({result.longest_words} ord) begynder på linje "
                f"{result.longest_line} (LIX {result.value:g} > {result.limit}: {result.words} words, "
                f"{result.sentences} sentences, {result.long_words} long words).",
            )
        ]
    return [
        Problem(
            result.file,
            sentence.line,
            "sentence",
            f"{result.file}:{sentence.line}: sætningen har {len(sentence.words)} ord, højst {result.limit}. "
            f"Del den i to (sentence of {len(sentence.words)} words > {result.limit}: "
            f'"{_shorten(sentence.text)}").',
        )
        for sentence in sentences(markdown)
        if len(sentence.words) > result.limit
    ]


def _shorten(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# The glossary


class BadInput(Exception):
    """A page or the glossary cannot be read, or the glossary contradicts itself."""


@dataclass(frozen=True)
class Term:
    source: str  # the Danish term
    target: str  # the term to use
    avoid: tuple[str, ...]


@dataclass(frozen=True)
class Glossary:
    source: str  # language code of the original (da)
    target: str  # language code of the translation (en)
    terms: tuple[Term, ...]
    file: str  # where the glossary was read from, for the messages


def load_glossary(path: Path, languages: Sequence[Language]) -> Glossary:
    """The glossary file, checked: both languages are the site's, every term has both forms."""
    label = display_path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(f"{label}: ordlisten kan ikke læses ({error}).") from None
    except yaml.YAMLError as error:
        raise BadInput(f"{label}: ordlisten er ikke gyldig YAML. Ret linjen, der nævnes ({error}).") from None
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise BadInput(f"{label}: filen skal have 'source:', 'target:' og en liste 'terms:' (bad structure).")
    codes = {language.code for language in languages}
    source, target = data.get("source"), data.get("target")
    if source not in codes or target not in codes or source == target:
        raise BadInput(
            f"{label}: 'source:' og 'target:' skal være to af sidens sprog {sorted(codes)} "
            f"(got source={source!r}, target={target!r})."
        )
    terms = tuple(
        _term(entry, number, source, target, label) for number, entry in enumerate(data["terms"], 1)
    )
    _check_consistent(terms, label)
    return Glossary(source, target, terms, label)


def _term(entry: object, number: int, source: str, target: str, label: str) -> Term:
    if not isinstance(entry, dict) or not all(isinstance(entry.get(key), str) for key in (source, target)):
        raise BadInput(
            f"{label}: term nr. {number} skal have '{source}:' og '{target}:' som tekst "
            f"(each term needs both forms)."
        )
    avoid = entry.get("avoid") or []
    if not isinstance(avoid, list) or not all(isinstance(variant, str) and variant for variant in avoid):
        raise BadInput(
            f"{label}: term nr. {number} ('{entry[source]}'): 'avoid:' skal være en liste af tekster."
        )
    return Term(entry[source], entry[target], tuple(avoid))


def _check_consistent(terms: Sequence[Term], label: str) -> None:
    """No term to use may contain a variant to avoid: the check would then fail on the right term."""
    for term in terms:
        for other in terms:
            for variant in other.avoid:
                if _variant_pattern(variant).search(term.target):
                    raise BadInput(
                        f"{label}: '{variant}' (undgå, under '{other.source}') står i det ord, der skal "
                        f"bruges for '{term.source}': '{term.target}'. Ret listen (contradictory glossary)."
                    )


def _variant_pattern(variant: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in variant.split()]
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.I)


def variant_hits(text: str, glossary: Glossary) -> list[tuple[int, int, str, Term]]:
    """Each variant to avoid in text: (start, end, what was found, term); none inside a longer one."""
    hits = [
        (match.start(), match.end(), " ".join(match[0].split()), term)  # a line break read as a space
        for term in glossary.terms
        for variant in term.avoid
        for match in _variant_pattern(variant).finditer(text)
    ]
    kept: list[tuple[int, int, str, Term]] = []
    for hit in sorted(hits, key=lambda hit: (hit[0] - hit[1], hit[0])):  # the longest first
        if not any(hit[0] < end and start < hit[1] for start, end, _, _ in kept):
            kept.append(hit)
    return sorted(kept, key=lambda hit: hit[0])


def glossary_message(place: str, found: str, term: Term, glossary: Glossary, where: str = "") -> str:
    """'file:line: skriv …, ikke …': the term to use instead of the variant found."""
    return (
        f"{place}: skriv '{term.target}', ikke '{found}'{where} ({term.source}; se "
        f"{glossary.file}) (variant to avoid: '{found}', use '{term.target}')."
    )


def glossary_problems(file: str, markdown: str, glossary: Glossary) -> list[Problem]:
    """Each variant to avoid on a page, with its line and the term to use."""
    problems = []
    for block in title_and_description(markdown) + blocks(markdown):
        text, offsets, lines = block.text_and_lines()
        for start, _, found, term in variant_hits(text, glossary):
            line = lines[max(bisect_right(offsets, start) - 1, 0)]
            problems.append(
                Problem(file, line, "glossary", glossary_message(f"{file}:{line}", found, term, glossary))
            )
    return sorted(problems, key=lambda problem: problem.line or 0)


# The words the site shows outside its pages

# The settings of a language's entry in mkdocs.yml (plugins: i18n: languages:) that the site shows:
# the footer, the 404 page, notices and the owner's settings take their words from `extra.ui`.
SHOWN_SETTINGS = ("site_name", "site_description", "copyright", "extra.ui")
CONFIG_SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class ShownText:
    key: str  # where it sits in the language's entry, e.g. 'extra.ui.no_statement'
    line: int  # the line its value starts on
    source: str  # the value as written in the file: a value over several lines keeps its line breaks


def shown_texts(config_text: str, code: str) -> list[ShownText]:
    """Every text the site shows in language `code` outside its pages, with its line in mkdocs.yml."""
    # Composed, not loaded: the nodes keep their place in the file, and tags such as !ENV need no reader.
    entry = _language_entry(yaml.compose(config_text, Loader=yaml.SafeLoader), code)
    if entry is None:
        raise BadInput(
            f"sproget '{code}' står ikke under plugins: i18n: languages: (no entry for the language)."
        )
    texts = []
    for setting in SHOWN_SETTINGS:
        node = _at(entry, setting.split("."))
        if node is not None:
            texts += [
                ShownText(
                    key,
                    scalar.start_mark.line + 1,
                    config_text[scalar.start_mark.index : scalar.end_mark.index],
                )
                for key, scalar in _scalars(node, setting)
            ]
    return texts


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return value
    return None


def _at(node: yaml.Node | None, keys: Sequence[str]) -> yaml.Node | None:
    for key in keys:
        node = _child(node, key)
    return node


def _language_entry(root: yaml.Node | None, code: str) -> yaml.Node | None:
    """The language's entry under `plugins: i18n: languages:`."""
    plugins = _child(root, "plugins")
    for plugin in plugins.value if isinstance(plugins, yaml.SequenceNode) else []:
        languages = _at(plugin, ["i18n", "languages"])
        for entry in languages.value if isinstance(languages, yaml.SequenceNode) else []:
            locale = _child(entry, "locale")
            if isinstance(locale, yaml.ScalarNode) and locale.value == code:
                return entry
    return None


def _scalars(node: yaml.Node, key: str) -> Iterator[tuple[str, yaml.ScalarNode]]:
    if isinstance(node, yaml.ScalarNode):
        yield key, node
    elif isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            yield from _scalars(value, f"{key}.{key_node.value}")
    elif isinstance(node, yaml.SequenceNode):
        for number, value in enumerate(node.value):
            yield from _scalars(value, f"{key}.{number}")


def shown_text_problems(path: Path, glossary: Glossary) -> list[Problem]:
    """Each variant to avoid in the target language's words in mkdocs.yml, with its line and the fix."""
    file = display_path(path)
    try:
        config_text = path.read_text(encoding="utf-8")
        texts = shown_texts(config_text, glossary.target)
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(f"{file}: kan ikke læses ({error}).") from None
    except yaml.YAMLError as error:
        raise BadInput(f"{file}: er ikke gyldig YAML. Ret linjen, der nævnes ({error}).") from None
    except BadInput as error:
        raise BadInput(f"{file}: {error}") from None
    problems = []
    for text in texts:
        for start, _, found, term in variant_hits(text.source, glossary):
            line = text.line + text.source.count("\n", 0, start)
            where = f" i {text.key} (sproget {glossary.target})"
            problems.append(
                Problem(
                    file, line, "glossary", glossary_message(f"{file}:{line}", found, term, glossary, where)
                )
            )
    return problems


# Running the checks


@dataclass(frozen=True)
class Report:
    pages: list[Readability]
    not_measured: list[str]  # files in a language without a measure
    problems: list[Problem]
    settings: list[str] = field(default_factory=list)  # site configurations whose shown words were checked


def language_of(path: Path, docs_dir: Path, codes: set[str]) -> str:
    """The language of a page: the first folder below docs/ (docs/en/puljen.md is English)."""
    try:
        code = path.resolve().relative_to(docs_dir.resolve()).parts[0]
    except ValueError:
        raise BadInput(
            f"{display_path(path)} ligger ikke i {display_path(docs_dir)} (not below the docs folder)."
        ) from None
    if code not in codes:
        raise BadInput(
            f"{display_path(path)}: '{code}' er ikke et af sidens sprog {sorted(codes)} (unknown language)."
        )
    return code


def check(files: Sequence[Path], docs_dir: Path, languages: Sequence[Language], glossary: Glossary) -> Report:
    """Each file is a page below docs_dir, or a site configuration (mkdocs.yml): its shown words."""
    codes = {language.code for language in languages}
    measures = readability_by_language(languages)
    pages, not_measured, problems, settings = [], [], [], []
    for path in files:
        if path.suffix in CONFIG_SUFFIXES:
            settings.append(display_path(path))
            problems += shown_text_problems(path, glossary)
            continue
        code = language_of(path, docs_dir, codes)
        markdown, file = read_page(path), display_path(path)
        measure = measures.get(code)
        if measure is None:
            not_measured.append(file)
        else:
            result = readability(file, code, markdown, measure)
            pages.append(result)
            problems += readability_problems(result, markdown)
        if code == glossary.target:
            problems += glossary_problems(file, markdown, glossary)
    return Report(pages, not_measured, problems, settings)


def default_files(docs_dir: Path, languages: Sequence[Language], config: Path) -> list[Path]:
    """Every page of every language, in docs/<language>/, and the site configuration (its shown words)."""
    pages = [path for language in languages for path in sorted((docs_dir / language.code).rglob("*.md"))]
    return [*pages, config]


def table(report: Report) -> str:
    """The figures of every page as a plain-text table."""
    header = ["side", "sprog", "mål", "værdi", "grænse", "status"]
    rows = [
        [
            page.file,
            page.language,
            LABELS[page.measure],
            f"{page.value:g}",
            str(page.limit),
            "ok" if page.ok else "FOR HØJ",
        ]
        for page in report.pages
    ]
    rows += [[file, "-", "ikke målt", "-", "-", "-"] for file in report.not_measured]
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def as_json(report: Report) -> str:
    pages = [{**asdict(page), "ok": page.ok} for page in report.pages]
    data = {
        "pages": pages,
        "not_measured": report.not_measured,
        "problems": [asdict(p) for p in report.problems],
        "settings": report.settings,
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    try:  # the limits of mkdocs.yml, for --help; a broken mkdocs.yml is told by main()
        measures = readability_by_language(site_languages()).items()
        limits = ", ".join(f"{code}: {m.label} <= {m.limit}" for code, m in measures)
    except SiteConfigError:
        limits = "see extra: readability of each language in mkdocs.yml"
    parser = argparse.ArgumentParser(
        prog="plain_language.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"""\
limits: {limits}

exit codes:
  {EXIT_OK}  every page is within the limits, and the pages and mkdocs.yml use the glossary's terms
  {EXIT_CHECK_FAILED}  a page is too hard to read, or a page or mkdocs.yml uses a variant to avoid (each
     printed as file:line)
  {EXIT_BAD_INPUT}  a page, mkdocs.yml or the glossary cannot be read, or a file is not a page of the site
""",
    )
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        help="pages, or mkdocs.yml for the words the site shows outside them (default: all of them)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures and problems as JSON")
    add_site_options(parser)
    add_path_option(parser, "--glossary", GLOSSARY)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    try:
        languages = site_languages(arguments.config)
        glossary = load_glossary(arguments.glossary, languages)
        files = arguments.files or default_files(arguments.docs_dir, languages, arguments.config)
        report = check(files, arguments.docs_dir, languages, glossary)
    except (BadInput, PageError, SiteConfigError) as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    except (OSError, KeyError, yaml.YAMLError) as error:
        print(f"Kan ikke læse {display_path(arguments.config)} ({error}).", file=sys.stderr)
        return EXIT_BAD_INPUT
    if arguments.json:
        print(as_json(report))
    else:
        print(table(report))
        for problem in report.problems:
            print(problem.message)
        checked = f"{len(report.pages) + len(report.not_measured)} sider"
        checked += "".join(f" og ordene i {settings}" for settings in report.settings)
        print(f"Klart sprog: {checked}, {len(report.problems)} problemer.")
    return EXIT_CHECK_FAILED if report.problems else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
