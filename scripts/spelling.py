"""Spelling of the pages in every language, with hunspell's dictionaries and the project's word list.

Each page is checked in its language (the dictionary named by the language's regional locale in
mkdocs.yml), and text marked `<span lang="en">` in it in that language. Accepted besides
the dictionary: the words in data/ordliste.txt (names, places, terms) and every word of the steering
group roster. A word close to a term of the word list but not the same (such as
"Teknologipagtspullen" for "Teknologipagtspuljen") is reported too: the dictionary alone accepts such
made-up compounds.

Needs the hunspell program and its dictionaries (Debian: hunspell hunspell-da hunspell-en-gb).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from markdown_source import PageError, front_matter_prose, prose_lines, read_page
from roster import pipeline
from roster.problems import RosterError
from site_config import (
    ROOT,
    SiteConfigError,
    add_path_option,
    add_site_options,
    display_path,
    read_mkdocs_yml,
    site_languages,
)

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2

WORD_LIST = ROOT / "data" / "ordliste.txt"
ROSTER = pipeline.ROSTER
# A term of the word list this long or longer is guarded against near misses.
MIN_TERM_LENGTH = 8
NEAR_MISS_RATIO = 0.88
# Endings an inflected term may carry ("Teknologipagten", "Teknologipagtens", "puljens").
INFLECTION = re.compile(r"(?:en|ens|et|ets|s|e|er|erne|ernes|'s)?")

LANG_SPAN = re.compile(
    r'<(?P<tag>span|a|p|div|em|strong|i|b)\b[^>]*\blang="(?P<lang>[a-z]{2,3})"[^>]*>(?P<text>.*?)</(?P=tag)>'
)
NOT_WORDS = [
    re.compile(r"`[^`]*`"),  # inline code
    re.compile(r"\]\([^)]*\)"),  # the address of a Markdown link
    re.compile(r"<https?://[^>]*>|https?://\S+|www\.\S+"),  # addresses
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail addresses
    re.compile(r"\{[:#.][^}]*\}"),  # attribute lists {#anchor .class}
    re.compile(r"<[^>]+>"),  # HTML tags (their text stays)
    re.compile(r"&\w+;|&#\d+;"),  # character references
    re.compile(r"\b[\w-]+\.(?:md|json|csv|yml|html)\b"),  # file names
    re.compile(r"^\s*(?:[-*+]|\d+\.)\s"),  # list markers
    re.compile(r"(?<!\w)[-\u2013\u2014](?!\w)"),  # hyphens, en and em dashes between words
]
WORD = re.compile(r"[^\W\d_](?:[\w'\u2019-]*[^\W\d_])?")


@dataclass(frozen=True)
class Misspelling:
    file: str
    line: int
    word: str
    language: str
    suggestions: tuple[str, ...]

    def message(self) -> str:
        return f"{self.file}:{self.line}: '{self.word}' {self._advice()} (unknown word)"

    def markdown(self) -> str:
        """The same for the pull request's summary: the word and the dictionary's suggestions stand out."""
        return f"`{self.file}:{self.line}`: **{self.word}** {self._advice(code=True)}"

    def _advice(self, code: bool = False) -> str:
        quote = "`" if code else "'"
        shown = ", ".join(f"{quote}{word}{quote}" for word in self.suggestions[:3])
        hint = f" Mente du {shown}?" if self.suggestions else ""
        return (
            f"er ikke stavet rigtigt ({self.language}).{hint} Ret ordet, eller tilføj det på en linje for "
            f"sig selv i {display_path(WORD_LIST)}, hvis det er et navn eller en fagterm."
        )


class SpellingSetupError(Exception):
    """hunspell or a dictionary is missing."""


# Finding the text of a page


def text_lines(markdown: str, language: str) -> Iterator[tuple[int, str, str]]:
    """(line number, language, text) for each line of prose in a page; code, markup, addresses left out."""
    for number, text in front_matter_prose(markdown):
        yield number, language, text
    for number, line in prose_lines(markdown):
        for match in LANG_SPAN.finditer(line):
            yield number, match["lang"], _prose(match["text"])
        yield number, language, _prose(LANG_SPAN.sub(" ", line))


def _prose(text: str) -> str:
    for pattern in NOT_WORDS:
        text = pattern.sub(" ", text)
    return text


# The words the project accepts


def read_word_list(path: Path) -> list[str]:
    """The word list: one word or name per line; '#' starts a comment."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            words.append(entry)
    return words


def owner_words(config: Path) -> set[str]:
    """The words of the owner's settings in mkdocs.yml `extra:` (the contact's name and the like)."""
    extra = read_mkdocs_yml(config).get("extra") or {}
    return {word for text in _strings(extra) for word in WORD.findall(text)}


def roster_words(path: Path, config: Path) -> set[str]:
    """Every word of the roster's texts: names, titles, organisations and notes are data, not prose.

    Read through the roster pipeline, like every reader of the roster: its strict reader refuses what
    could make a plain YAML reader hang (aliases that multiply) or read something else than the build.
    """
    try:
        roster = pipeline.load_roster(path, config)
    except RosterError:
        return set()  # a broken roster is reported by scripts/steering_group.py (make check)
    texts = [member.name for member in roster.members]
    for member in roster.members:
        for translated in (member.title, member.organisation, member.note):
            if translated is not None:
                texts += [text for _, text in translated.texts]
    return {word for text in texts for word in WORD.findall(text)}


def _strings(data: object) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def near_miss(word: str, terms: Iterable[str]) -> str | None:
    """The term this word is a misspelling of, or None (the term itself, inflected, is no misspelling)."""
    lowered = word.casefold()
    for term in terms:
        folded = term.casefold()
        stem, longer = sorted((lowered, folded), key=len)
        if longer.startswith(stem) and INFLECTION.fullmatch(longer[len(stem) :]):
            return None  # the term or a form of it
    for term in terms:
        folded = term.casefold()
        if (
            abs(len(folded) - len(lowered)) <= 3
            and difflib.SequenceMatcher(None, lowered, folded).ratio() >= NEAR_MISS_RATIO
        ):
            return term
    return None


# Asking hunspell


def hunspell(
    dictionary: str, personal: Path, lines: Sequence[str]
) -> list[list[tuple[str, tuple[str, ...]]]]:
    """For each line, its misspelt words and hunspell's suggestions (ispell pipe mode, `hunspell -a`)."""
    program = shutil.which("hunspell")
    if program is None:
        raise SpellingSetupError(
            "Programmet hunspell mangler. Installér det med: "
            "sudo apt-get install hunspell hunspell-da hunspell-en-gb"
        )
    # '^' makes hunspell read each line as text, whatever it starts with.
    text = "".join(f"^{line}\n" for line in lines)
    result = subprocess.run(
        [program, "-d", dictionary, "-p", str(personal), "-a", "-i", "utf-8"],
        input=text,
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    if result.returncode != 0 or "Can't open affix or dictionary" in result.stderr:
        raise SpellingSetupError(
            f"hunspell kan ikke åbne ordbogen {dictionary}: installér den (Debian: hunspell-"
            f"{dictionary.split('_')[0].lower()}) ({result.stderr.strip()})"
        )
    answers: list[list[tuple[str, tuple[str, ...]]]] = [[]]
    for row in result.stdout.splitlines()[1:]:  # the first line is hunspell's version
        if not row:
            answers.append([])
        elif row[0] in "&#":
            head, _, tail = row.partition(":")
            word = head.split()[1].rstrip(".")  # the Danish dictionary counts a full stop as part of a word
            suggestions = tuple(s.strip() for s in tail.split(",") if s.strip()) if row[0] == "&" else ()
            answers[-1].append((word, suggestions))
    return answers[: len(lines)]


# Checking the pages


def check(
    files: Sequence[Path], docs_dir: Path, config: Path, word_list: Path, roster: Path
) -> list[Misspelling]:
    regional = {language.code: language.regional_locale for language in site_languages(config)}
    accepted = read_word_list(word_list)
    terms = [word for word in accepted if len(word) >= MIN_TERM_LENGTH and " " not in word]
    accepted_words = {word for entry in accepted for word in WORD.findall(entry)}
    accepted_words |= roster_words(roster, config) | owner_words(config)
    work: dict[str, list[tuple[str, int, str]]] = {}
    for path in files:
        code = path.resolve().relative_to(docs_dir.resolve()).parts[0]
        if code not in regional:
            continue
        for number, language, text in text_lines(read_page(path), code):
            if language in regional and text.strip():
                work.setdefault(language, []).append((display_path(path), number, text))
    problems = []
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".dic") as personal:
        personal.write("".join(f"{word}\n" for word in sorted(accepted_words)))
        personal.flush()
        for language, items in work.items():
            answers = hunspell(regional[language], Path(personal.name), [text for _, _, text in items])
            for (file, number, text), wrong in zip(items, answers, strict=True):
                for word, suggestions in wrong:
                    problems.append(Misspelling(file, number, word, language, suggestions))
                for word in WORD.findall(text):
                    term = near_miss(word, terms)
                    if term is not None and word not in accepted_words:
                        problems.append(Misspelling(file, number, word, language, (term,)))
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.word))


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="spelling.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"""\
exit codes:
  {EXIT_OK}  no misspelt words
  {EXIT_CHECK_FAILED}  misspelt words, each printed as file:line: word
  {EXIT_BAD_INPUT}  hunspell or a dictionary is missing, or a file cannot be read
""",
    )
    parser.add_argument("files", nargs="*", type=Path, help="pages to check (default: every page in docs/)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown list (for job summaries)")
    add_site_options(parser)
    add_path_option(parser, "--word-list", WORD_LIST)
    add_path_option(parser, "--roster", ROSTER)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    files = arguments.files or sorted(arguments.docs_dir.rglob("*.md"))
    try:
        problems = check(files, arguments.docs_dir, arguments.config, arguments.word_list, arguments.roster)
    except (SpellingSetupError, PageError, SiteConfigError) as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    except (OSError, UnicodeDecodeError, ValueError) as error:
        print(f"Kan ikke læse: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if arguments.json:
        print(json.dumps([asdict(problem) for problem in problems], ensure_ascii=False, indent=2))
    elif arguments.markdown:
        print("\n".join(f"- {problem.markdown()}" for problem in problems) or "Ingen stavefejl.")
    else:
        for problem in problems:
            print(problem.message())
        print(f"Stavekontrol: {len(files)} sider, {len(problems)} stavefejl.")
    return EXIT_CHECK_FAILED if problems else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
