"""Read the roster file into a YAML node tree.

The tree is composed, never constructed into Python objects: every value keeps its line and column
and its raw text, so the schema can see that `no` was typed unquoted before YAML turns it into False.
YAML features an editor never needs, and which can be abused (anchors and aliases that blow up the
size, tags that name types), are refused here, each with its own message. A syntax error is
told by yaml_syntax.py, at the line the editor has to change.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import Node, ScalarNode

from .problems import RosterError
from yaml_syntax import Problem, syntax_problem

# The real roster is about 4 KB. Anything near this limit is a mistake (or an attack), not a roster.
MAX_BYTES = 64 * 1024
# Root mapping > members list > member > title > da: four levels. More is never a roster.
MAX_DEPTH = 8
# Nodes already reported here carry this tag, so the schema does not report them a second time.
REPORTED_TAG = "tag:teknologipagt.invalid,2026:reported"


def read_roster_nodes(path: Path) -> tuple[Node, list[Problem]]:
    """The root node of the roster file, and the problems found so far (anchors, aliases, tags).

    Raises RosterError when there is no tree to check further: the file is unreadable or empty,
    or its YAML syntax is broken.
    """
    return nodes_from_text(_decode(_read_bytes(path)))


def nodes_from_text(text: str) -> tuple[Node, list[Problem]]:
    """As read_roster_nodes, for roster text already in memory."""
    problems: list[Problem] = []
    root = _compose(text, problems)
    if root is None:
        if not problems:
            problems.append(
                Problem(
                    1,
                    1,
                    "Filen er tom. Den skal have en linje 'as_of:' med datoen og en linje 'members:' "
                    "med medlemmerne under (se forklaringen øverst i filen, som den ser ud på GitHub).",
                )
            )
        raise RosterError(problems)
    return root, problems


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        message = "Filen findes ikke. Tjek stien (--roster). (file not found)"
        raise RosterError([Problem(0, 0, message)]) from None
    except OSError as error:
        message = f"Filen kan ikke læses. ({error.strerror})"
        raise RosterError([Problem(0, 0, message)]) from None
    if len(data) > MAX_BYTES:
        message = (
            f"Filen er større end {MAX_BYTES // 1024} KB, langt mere end en styregruppe fylder. "
            "Er der sat noget ind i den ved en fejl?"
        )
        raise RosterError([Problem(0, 0, message)])
    return data


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")  # tolerate the byte-order mark some Windows editors add
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        message = (
            f"Filen er ikke gemt som UTF-8, så et tegn her kan ikke læses (byten 0x{data[error.start]:02X}). "
            "Gem filen med tegnsættet UTF-8; GitHubs webeditor gør det altid. (not UTF-8 text)"
        )
        raise RosterError([Problem(line, column, message)]) from None


def _compose(text: str, problems: list[Problem]) -> Node | None:
    try:
        loader = _StrictLoader(text, problems)  # the reader checks for control characters right away
    except yaml.reader.ReaderError as error:
        problems.append(_reader_problem(text, error))
        return None
    try:
        return loader.get_single_node()
    except _TooDeepError as error:
        message = (
            "Filen er rykket ind i alt for mange niveauer til at være en styregruppe. "
            "Sammenlign den med forklaringen øverst i filen. (nested too deeply)"
        )
        problems.append(Problem.at(error.mark, message))
    except yaml.MarkedYAMLError as error:
        problems.append(syntax_problem(text, error))
    finally:
        loader.dispose()
    return None


def _reader_problem(text: str, error: yaml.reader.ReaderError) -> Problem:
    position = error.position
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    character = error.character
    code = ord(character) if isinstance(character, str) else int(character)  # PyYAML passes the code point
    message = (
        f"Filen indeholder et usynligt kontroltegn (U+{code:04X}) her. Slet det, eller skriv linjen forfra. "
        "(control character)"
    )
    return Problem(line, column, message)


class _TooDeepError(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__("too deep")
        self.mark = mark


class _StrictLoader(yaml.SafeLoader):
    """A SafeLoader whose composer reports anchors, aliases and explicit tags instead of using them."""

    def __init__(self, text: str, problems: list[Problem]) -> None:
        super().__init__(text)
        self.problems = problems
        self.depth = 0
        self.aliases_reported: set[str] = set()

    def compose_node(self, parent: Node | None, index: object) -> Node:
        if self.check_event(yaml.AliasEvent):
            return self._refuse_alias(self.get_event())
        event = self.peek_event()
        if event.anchor is not None:
            self._refuse_anchor(event)
        explicit_tag = event.tag if event.tag not in (None, "!") else None
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooDeepError(event.start_mark)
            node = super().compose_node(parent, index)
        finally:
            self.depth -= 1
        if explicit_tag is not None:
            self._refuse_tag(node, explicit_tag)
        return node

    def _refuse_alias(self, event: yaml.AliasEvent) -> Node:
        if event.anchor not in self.aliases_reported:  # once per name: an attack repeats them by the hundred
            self.aliases_reported.add(event.anchor)
            message = (
                f"'*{event.anchor}' er et YAML-alias, som denne fil ikke tillader. Er det en tekst, der "
                "begynder med '*', så sæt den i anførselstegn; ellers skriv teksten helt ud. (alias)"
            )
            self.problems.append(Problem.at(event.start_mark, message))
        return ScalarNode(REPORTED_TAG, "", event.start_mark, event.end_mark)

    def _refuse_anchor(self, event: yaml.NodeEvent) -> None:
        message = (
            f"'&{event.anchor}' er et YAML-anker, som denne fil ikke tillader. Slet '&{event.anchor}', "
            "eller sæt teksten i anførselstegn, hvis den begynder med '&'. (anchor)"
        )
        self.problems.append(Problem.at(event.start_mark, message))
        event.anchor = None  # so a repeated anchor name is not reported a second time, as a syntax error

    def _refuse_tag(self, node: Node, tag: str) -> None:
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        message = (
            f"'{shown}' er et YAML-tag, som denne fil ikke tillader. "
            f"Slet '{shown}'; er værdien en tekst, så sæt den i anførselstegn i stedet. (tag)"
        )
        self.problems.append(Problem.at(node.start_mark, message))
        node.tag = REPORTED_TAG
