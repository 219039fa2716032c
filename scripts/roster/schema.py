"""Check the roster's node tree field by field and turn it into a Roster.

Every problem is collected (not only the first) with the line of the value it concerns, and the
member it belongs to, so an editor can fix the whole file in one go.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Sequence

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .model import Member, Roster, Translated
from .problems import RosterError
from .source import REPORTED_TAG
from site_config import Language
from yaml_syntax import Problem, line_fix

ROOT_FIELDS = ("as_of", "members")
MEMBER_FIELDS = ("name", "title", "organisation", "note")
MAX_NAME_LENGTH = 100
MAX_TEXT_LENGTH = 200
MAX_MEMBERS = 50
FIRST_YEAR, LAST_YEAR = 2019, 2100  # the regional pact dates from 2019
# The words for what a key is, one and many: 'er ikke et kendt felt', 'Kendte felter: ...'.
KINDS = {"field": ("felt", "felter"), "language": ("sprog", "sprog")}
EMPTY_MEMBERS = "'members' er tom: styregruppen skal have mindst ét medlem."

# Words an editor may well type instead of a field name: Danish, American or just shorter.
FIELD_ALIASES = {
    "navn": "name",
    "titel": "title",
    "stilling": "title",
    "organization": "organisation",
    "org": "organisation",
    "bemærkning": "note",
    "bemaerkning": "note",
    "medlemmer": "members",
    "dato": "as_of",
    "date": "as_of",
}

STR_TAG = "tag:yaml.org,2002:str"
MERGE_TAG = "tag:yaml.org,2002:merge"

# Unquoted values that YAML (1.1, as PyYAML reads it, or 1.2, as many other tools do) does not read as text.
IMPLICIT_TYPES = (
    ("'ingen værdi' (null)", re.compile(r"~|null|Null|NULL")),
    (
        "ja/nej (true/false)",
        re.compile(r"[yYnN]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"),
    ),
    (
        "et tal",
        re.compile(
            r"""[-+]?(?:0b[01_]+|0o[0-7]+|0x[0-9a-fA-F_]+
            |[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?
            |(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?
            |\.(?:inf|Inf|INF))
            |\.(?:nan|NaN|NAN)""",
            re.X,
        ),
    ),
    (
        "en dato",
        re.compile(
            r"""[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}
            (?:(?:[Tt]|[\ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?
            (?:[\ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?""",
            re.X,
        ),
    ),
)

# Characters that do not belong in a one-line text: control characters, line and paragraph
# separators, and the invisible format characters (Unicode category Cf): zero-width spaces and joiners,
# soft hyphens, a byte-order mark inside a text, and the bidirectional controls that can make a name
# look right on the page and be something else (to search, to screen readers, in the open data).
FORBIDDEN_CATEGORIES = ("Cc", "Cf", "Zl", "Zp")
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
CHARACTER_NAMES = {
    "\t": "et tabulatortegn",
    "\n": "et linjeskift",
    "\r": "et linjeskift",
    "\u200b": "et usynligt mellemrum",
    "\u200c": "et usynligt bindetegn",
    "\u200d": "et usynligt bindetegn",
    "\u2060": "et usynligt bindetegn",
    "\u00ad": "en usynlig bindestreg (blød bindestreg)",
    "\ufeff": "et usynligt BOM-tegn",
}


def parse_roster(
    root: Node, languages: Sequence[Language], earlier_problems: Sequence[Problem] = ()
) -> Roster:
    """The roster in the node tree, or RosterError listing every problem (with those found while reading).

    Every title, organisation and note needs a text in each of the site's languages.
    """
    checker = _Checker(languages)
    checker.problems.extend(in_member_context(problem, root) for problem in earlier_problems)
    roster = checker.roster(root)
    if checker.problems or roster is None:
        raise RosterError(checker.problems)
    return roster


Entry = tuple[ScalarNode, Node]  # a field's key node and its value node


def implicit_type(node: ScalarNode) -> str | None:
    """What YAML would read an unquoted value as, if not as text ('a number', ...); None for text."""
    if node.style is not None or node.tag == REPORTED_TAG:
        return None  # quoted or block text is always text
    for kind, pattern in IMPLICIT_TYPES:
        if pattern.fullmatch(node.value):
            return kind
    return None if node.tag == STR_TAG else "noget andet end tekst"


def forbidden_character(text: str) -> tuple[int, str] | None:
    """Position and description of the first character that has no place in a one-line text."""
    for position, char in enumerate(text):
        if unicodedata.category(char) in FORBIDDEN_CATEGORIES:
            if char in BIDI_CONTROLS:
                name = "et usynligt tegn, der ændrer skriveretningen"
            else:
                name = CHARACTER_NAMES.get(char, "et usynligt kontroltegn")
            return position, f"{name} (U+{ord(char):04X})"
    return None


def without_forbidden_characters(text: str) -> str:
    """The text as it looks: every forbidden character taken out (a line break becomes a space)."""
    kept = (" " if char in "\t\n\r" else char for char in text)
    return " ".join(
        "".join(char for char in kept if unicodedata.category(char) not in FORBIDDEN_CATEGORIES).split()
    )


def person_key(name: str) -> str:
    """Two spellings that differ only in case or spacing are the same person."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def describe(node: Node) -> str:
    if isinstance(node, SequenceNode):
        return "en liste"
    if isinstance(node, MappingNode):
        return "en gruppe af felter"
    text = node.value if len(node.value) <= 60 else node.value[:57] + "..."
    return f"teksten '{text}'"


class _Checker:
    """Walks the node tree once, collecting problems as it goes."""

    def __init__(self, languages: Sequence[Language]) -> None:
        self.languages = {language.code: language.name for language in languages}
        self.aliases = {**FIELD_ALIASES, **language_aliases(languages)}
        self.problems: list[Problem] = []
        self.people: dict[str, tuple[int, int]] = {}  # person key -> (member number, line)
        # (mapping, field) pairs for which a misspelt key was reported with "Did you mean ...?":
        # reporting the field as missing as well would only repeat the same mistake.
        self.suggested: set[tuple[int, str]] = set()

    def report(self, node: Node, message: str) -> None:
        self.problems.append(Problem.at(node.start_mark, message))

    # The file as a whole

    def roster(self, root: Node) -> Roster | None:
        if not isinstance(root, MappingNode):
            self.report(
                root,
                f"Filen skal bestå af felter ('as_of:', 'members:'), men den er {describe(root)}. "
                "Sammenlign den med forklaringen øverst i filen.",
            )
            return None
        fields = self.fields(root, ROOT_FIELDS, where="", kind="field")
        as_of = self.as_of(fields.get("as_of"))
        members = self.members(fields.get("members"), root)
        if members is None or (as_of is None and "as_of" in fields):
            return None
        return Roster(as_of, members)

    def fields(self, node: MappingNode, known: tuple[str, ...], where: str, kind: str) -> dict[str, Entry]:
        """The known fields of a mapping; reports duplicate, unknown and malformed keys."""
        found: dict[str, Entry] = {}
        previous: Node | None = None  # the value of the field above
        for key_node, value_node in node.value:
            key, above, previous = self.key_name(key_node, where), previous, value_node
            if key is None:
                continue
            if key in found:
                first_line = found[key][0].start_mark.line + 1
                self.report(key_node, where + duplicate_key_message(key, first_line, bool(where), kind))
                continue
            found[key] = (key_node, value_node)
            if key not in known:
                guess = guess_key(key, known, self.aliases)
                if guess is not None:
                    self.suggested.add((id(node), guess))
                elif kind == "field" and key in self.languages and isinstance(above, MappingNode):
                    # A language line that lost its indentation: the field above lacks it only because of
                    # that, and this message says how to fix both.
                    self.suggested.add((id(above), key))
                self.report(key_node, where + unknown_key_message(key, guess, known, kind, self.languages))
        return {key: entry for key, entry in found.items() if key in known}

    def key_name(self, key_node: Node, where: str) -> str | None:
        if key_node.tag == REPORTED_TAG:
            return None
        if key_node.tag == MERGE_TAG:
            self.report(
                key_node,
                f"{where}'<<' er en YAML-fletning (merge key), som denne fil ikke tillader. "
                "Skriv hvert felt helt ud.",
            )
            return None
        if not isinstance(key_node, ScalarNode) or not key_node.value:
            self.report(
                key_node, sentence(where, "et feltnavn skal være ét ord efterfulgt af ':', fx 'name:'.")
            )
            return None
        return key_node.value

    def as_of(self, entry: Entry | None) -> dt.date | None:
        """The day the list was checked: optional, as the pages show a date only when someone has checked."""
        if entry is None:
            return None
        _, node = entry
        if not isinstance(node, ScalarNode) or node.tag == REPORTED_TAG:
            if node.tag != REPORTED_TAG:
                self.report(node, f"'as_of' skal være en dato som 2026-11-26, men den er {describe(node)}.")
            return None
        return self.date_value(node.value.strip(), node)

    def date_value(self, text: str, node: Node) -> dt.date | None:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            # The Danish way round, 26-11-2026 or 26.11.2026, turned into the one the file uses.
            danish = re.fullmatch(r"([0-9]{1,2})[-./ ]([0-9]{1,2})[-./ ]([0-9]{4})", text)
            example = f"{danish[3]}-{int(danish[2]):02}-{int(danish[1]):02}" if danish else "2026-11-26"
            self.report(
                node,
                f"'as_of' er '{text}', som ikke er en dato skrevet som år-måned-dag. "
                f"Skriv den sådan: 'as_of: {example}'.",
            )
            return None
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            self.report(node, f"'as_of' er {text}, som ikke er en rigtig dato. Tjek måneden og dagen.")
            return None
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            self.report(node, f"'as_of' er {text}; året skal være mellem {FIRST_YEAR} og {LAST_YEAR}.")
            return None
        return day

    # The members

    def members(self, entry: Entry | None, parent: Node) -> tuple[Member, ...] | None:
        if entry is None:
            if (id(parent), "members") in self.suggested:
                return None
            self.report(
                parent,
                "'members' mangler. Tilføj en linje 'members:' med medlemmerne under "
                "(se forklaringen øverst i filen).",
            )
            return None
        key_node, node = entry
        if node.tag == REPORTED_TAG:
            return None
        if isinstance(node, ScalarNode) and not node.value.strip():
            self.report(key_node, EMPTY_MEMBERS)
            return None
        if not isinstance(node, SequenceNode):
            self.report(
                node,
                "'members' skal være en liste, hvor hvert medlem begynder med '- name:', "
                f"ikke {describe(node)}.",
            )
            return None
        if not node.value:
            self.report(key_node, EMPTY_MEMBERS)
            return None
        if len(node.value) > MAX_MEMBERS:
            self.report(
                key_node,
                f"'members' har {len(node.value)} medlemmer; grænsen er {MAX_MEMBERS}. "
                "Er listen sat ind to gange?",
            )
        members = [self.member(item, number) for number, item in enumerate(node.value, start=1)]
        if any(member is None for member in members):
            return None
        return tuple(member for member in members if member is not None)

    def member(self, node: Node, number: int) -> Member | None:
        if node.tag == REPORTED_TAG:
            return None
        if not isinstance(node, MappingNode):
            self.report(
                node,
                f"Medlem {number} skal være en gruppe af felter, der begynder med '- name:', "
                f"men det er {describe(node)}.",
            )
            return None
        where = member_label(node, number)
        fields = self.fields(node, MEMBER_FIELDS, where, kind="field")
        name = self.name(fields.get("name"), node, where, number)
        title = self.bilingual(fields.get("title"), node, where, "title", required=True)
        organisation = self.bilingual(fields.get("organisation"), node, where, "organisation", required=True)
        note = self.bilingual(fields.get("note"), node, where, "note", required=False)
        if name is None or title is None or organisation is None or (note is None and "note" in fields):
            return None
        return Member(name, title, organisation, note)

    def name(self, entry: Entry | None, parent: Node, where: str, number: int) -> str | None:
        if entry is None:
            if (id(parent), "name") not in self.suggested:
                self.report(parent, f"{where}'name' mangler. Tilføj en linje 'name: ' med personens navn.")
            return None
        key_node, node = entry
        name = self.text(node, key_node, where, "'name'", MAX_NAME_LENGTH)
        if name is None:
            return None
        earlier = self.people.setdefault(person_key(name), (number, node.start_mark.line + 1))
        if earlier[0] != number:
            self.report(
                node,
                f"{where}{name} står allerede på listen som medlem {earlier[0]} (linje {earlier[1]}). "
                "Slet det ene af dem.",
            )
        return name

    def bilingual(
        self, entry: Entry | None, parent: Node, where: str, field: str, required: bool
    ) -> Translated | None:
        lines = danish_list([f"'{code}:' ({name})" for code, name in self.languages.items()])
        one_per_language = f"én linje for hvert sprog, {lines}, under '{field}:'"
        if entry is None:
            if required and (id(parent), field) not in self.suggested:
                self.report(parent, f"{where}'{field}' mangler. Tilføj '{field}:' med {one_per_language}.")
            return None
        key_node, node = entry
        if node.tag == REPORTED_TAG:
            return None
        if not isinstance(node, MappingNode):
            fix = missing_colon_in(node, self.languages)
            if isinstance(node, ScalarNode) and node.style is None and not node.value:
                self.report(key_node, f"{where}'{field}' er tom. Tilføj {one_per_language}.")
            elif fix is not None:
                self.report(node, f"{where}'{field}': {fix[:1].lower()}{fix[1:]}")
            else:
                self.report(node, f"{where}'{field}' skal have {one_per_language}, ikke {describe(node)}.")
            return None
        return self.translations(node, key_node, where, field)

    def translations(self, node: MappingNode, key_node: Node, where: str, field: str) -> Translated | None:
        fields = self.fields(node, tuple(self.languages), f"{where}'{field}': ", kind="language")
        texts: dict[str, str | None] = {}
        for language, language_name in self.languages.items():
            if language not in fields:
                if (id(node), language) not in self.suggested:
                    self.report(
                        key_node,
                        f"{where}'{field}' mangler en linje for {language_name} ('{language}'). "
                        f"Tilføj en linje '{language}: ' under '{field}:'.",
                    )
                texts[language] = None
                continue
            language_key, value = fields[language]
            texts[language] = self.text(
                value, language_key, where, f"'{field}' ({language_name})", MAX_TEXT_LENGTH
            )
        if any(text is None for text in texts.values()):
            return None
        return Translated.of({language: text for language, text in texts.items() if text is not None})

    # One text value

    def text(self, node: Node, key_node: Node, where: str, label: str, limit: int) -> str | None:
        if node.tag == REPORTED_TAG:
            return None
        if not isinstance(node, ScalarNode):
            self.report(node, f"{where}{label} skal være én linje tekst, ikke {describe(node)}.")
            return None
        kind = implicit_type(node)
        if kind is not None and node.value:
            self.report(
                node,
                f"{where}{label} er {node.value}, som YAML læser som {kind}, ikke som tekst. "
                f'Sæt teksten i anførselstegn: "{node.value}".',
            )
            return None
        text = node.value.strip()
        if not text:
            self.report(
                node if node.style else key_node, f"{where}{label} er tom. Skriv teksten efter kolonet."
            )
            return None
        if node.style is None and self.has_trailing_comment(node, where, label):
            return None
        return self.checked_text(text, node, where, label, limit)

    def has_trailing_comment(self, node: ScalarNode, where: str, label: str) -> bool:
        """Unquoted text stops at ' #': 'Jette Rygaard #2' would silently become 'Jette Rygaard'."""
        end = node.end_mark
        line_end = end.buffer.find("\n", end.pointer)
        rest = end.buffer[end.pointer : line_end if line_end >= 0 else None].rstrip("\0").strip()
        if not rest.startswith("#"):
            return False
        self.report(
            node,
            f"{where}{label} stopper før '{rest}', som YAML læser som en kommentar og udelader. "
            "Hører det til teksten, så sæt hele teksten i anførselstegn; "
            "er det en kommentar, så flyt den op på en linje for sig selv.",
        )
        return True

    def checked_text(self, text: str, node: Node, where: str, label: str, limit: int) -> str | None:
        bad = forbidden_character(text)
        if bad is not None:
            position, character = bad
            self.report(
                node,
                f"{where}{label} indeholder {character} ved tegn nummer {position + 1}, som ikke ses, men "
                f"ændrer teksten. Slet teksten, og skriv den igen med tastaturet: "
                f"'{without_forbidden_characters(text)}'.",
            )
            return None
        if len(text) > limit:
            self.report(
                node, f"{where}{label} er {len(text)} tegn lang; grænsen er {limit}. Gør den kortere."
            )
            return None
        return text


def in_member_context(problem: Problem, root: Node) -> Problem:
    """The problem, naming the member it is in: problems found while reading know only their line."""
    members = _members_node(root)
    items = members.value if members is not None else []
    where = (problem.line - 1, problem.column - 1)  # marks count from 0
    for number, item in enumerate(items, start=1):
        start, end = item.start_mark, item.end_mark
        if isinstance(item, MappingNode) and (start.line, start.column) <= where < (end.line, end.column):
            return Problem(problem.line, problem.column, member_label(item, number) + problem.message)
    return problem


def _members_node(root: Node) -> SequenceNode | None:
    if not isinstance(root, MappingNode):
        return None
    for key_node, value_node in root.value:
        if key_node.value == "members" and isinstance(value_node, SequenceNode):
            return value_node
    return None


def member_label(node: MappingNode, number: int) -> str:
    """'medlem 3 (Jette Rygaard): ', naming the member as the editor wrote them, if that is readable."""
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == "name" and _is_text(value_node):
            name = value_node.value.strip()
            if name and len(name) <= MAX_NAME_LENGTH and forbidden_character(name) is None:
                return f"medlem {number} ({name}): "
    return f"medlem {number}: "


def _is_text(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag != REPORTED_TAG and implicit_type(node) is None


def language_aliases(languages: Sequence[Language]) -> dict[str, str]:
    """What an editor may type for a language code: its name ('dansk') or its country (the region of the
    regional locale: 'dk' for xx_DK)."""
    aliases = {}
    for language in languages:
        aliases[language.name.casefold()] = language.code
        aliases[language.regional_locale.partition("_")[2].casefold()] = language.code
    return aliases


def guess_key(key: str, known: tuple[str, ...], aliases: dict[str, str]) -> str | None:
    """The known key an editor probably meant: a Danish or American word for it, or a near spelling."""
    alias = aliases.get(key.casefold())
    if alias in known:
        return alias
    matches = difflib.get_close_matches(key.casefold(), known, n=1, cutoff=0.6)
    return matches[0] if matches else None


def unknown_key_message(
    key: str, guess: str | None, known: tuple[str, ...], kind: str, languages: dict[str, str]
) -> str:
    """'titel' is not a field: what it probably should be, and the fields there are."""
    singular, plural = KINDS[kind]
    message = f"'{key}' er ikke et kendt {singular}."
    first, _, rest = key.partition(" ")
    if guess is not None:
        message += f" Mente du '{guess}'?"
    elif rest and first in known:
        # 'da rektor: formand': the colon after the field name is missing, and YAML took the next one.
        message += (
            f" Der mangler et kolon efter '{first}'. Står der også et kolon inde i teksten, så sæt hele "
            "teksten i anførselstegn."
        )
    elif kind == "field" and key in languages:
        # A language line that lost its indentation ends up among the member's fields.
        others = [f"'{code}:'" for code in languages if code != key] or [f"'{key}:'"]
        message += (
            f" Det ligner en sproglinje: ryk '{key}:' lige så langt ind som {danish_list(others, 'eller')} "
            "over den."
        )
    elif kind == "language" and key in MEMBER_FIELDS:
        # A field that got the indentation of the language lines above it.
        message += f" Det ligner et felt for medlemmet: ryk '{key}:' ud, så den står lige under 'name:'."
    return f"{message} Kendte {plural}: {', '.join(known)}."


def duplicate_key_message(key: str, first_line: int, in_member: bool, kind: str) -> str:
    message = (
        f"'{key}' står to gange (første gang på linje {first_line}). "
        "YAML ville i stilhed kun bruge den sidste: slet den ene."
    )
    if in_member and kind == "field" and key == MEMBER_FIELDS[0]:
        # '  name:' where '  - name:' was meant: the new member runs into the one above.
        message += f" Begynder et nyt medlem her, så mangler der '- ' foran '{key}:'."
    return message


def danish_list(items: Sequence[str], conjunction: str = "og") -> str:
    """'a', 'a og b', 'a, b og c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def sentence(where: str, message: str) -> str:
    """The message after the member it concerns, or on its own as a sentence with a capital letter."""
    return where + message if where else message[:1].upper() + message[1:]


def missing_colon_in(node: Node, languages: dict[str, str]) -> str | None:
    """'da rektor' below 'title:': YAML reads the lines as one text. The fix, if that is what happened."""
    if not isinstance(node, ScalarNode) or node.style is not None or node.tag == REPORTED_TAG:
        return None
    first = node.value.split(maxsplit=1)[0] if node.value.strip() else ""
    if first not in languages:
        return None
    mark = node.start_mark
    end = mark.buffer.find("\n", mark.pointer)
    line = mark.buffer[mark.pointer : end if end >= 0 else None].rstrip("\0").strip()
    return line_fix(line)
