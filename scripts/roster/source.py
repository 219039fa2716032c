"""Read the roster file into a YAML node tree.

The tree is composed, never constructed into Python objects: every value keeps its line and column
and its raw text, so the schema can see that `no` was typed unquoted before YAML turns it into False.
YAML features an editor never needs, and which can be abused (anchors and aliases that blow up the
size, tags that name types), are refused here, each with its own message.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import Node, ScalarNode

from .problems import Problem, RosterError

# The real roster is about 4 KB. Anything near this limit is a mistake (or an attack), not a roster.
MAX_BYTES = 64 * 1024
# Root mapping > members list > member > title > da: four levels. More is never a roster.
MAX_DEPTH = 8
# Nodes already reported here carry this tag, so the schema does not report them a second time.
REPORTED_TAG = "tag:teknologipagt.invalid,2026:reported"

INDENTATION_HINT = "Check the indentation of this line: it must line up with the lines above it."
# PyYAML's wording, and what it usually means for someone editing this file by hand.
SYNTAX_HINTS = {
    "mapping values are not allowed here": (
        "Is there a ':' inside a text? Then put the whole text in quotes. "
        "Otherwise check that this line is indented like the lines above it."
    ),
    "found character '\\t' that cannot start any token": "Indent with spaces, not tabs.",
    "that cannot start any token": "Text starting with a special character such as @ or ` must be in quotes.",
    "did not find expected key": INDENTATION_HINT,
    "expected <block end>": INDENTATION_HINT,
    "did not find expected '-' indicator": "Check the indentation: each member starts with '- name:'.",
    "found unexpected end of stream": "A quote is opened but never closed: add the closing quote.",
    "found undefined alias": "Remove the '*': write the text out in full.",
    "but found another document": "Remove the '---' line: the roster is one document.",
}


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
                Problem(1, 1, "the file is empty. It needs 'as_of:' and 'members:' (see the comments).")
            )
        raise RosterError(problems)
    return root, problems


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise RosterError([Problem(0, 0, "the file does not exist. Check the path (--roster).")]) from None
    except OSError as error:
        raise RosterError([Problem(0, 0, f"the file cannot be read: {error.strerror}.")]) from None
    if len(data) > MAX_BYTES:
        message = f"the file is larger than {MAX_BYTES // 1024} KB, far more than a steering group needs. "
        raise RosterError([Problem(0, 0, message + "Is something pasted into it by mistake?")])
    return data


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")  # tolerate the byte-order mark some Windows editors add
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        message = (
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02X} here cannot be read). "
            "Save the file with the encoding UTF-8; GitHub's web editor always does."
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
        problems.append(Problem.at(error.mark, "the file is nested far too deeply to be a roster."))
    except yaml.MarkedYAMLError as error:
        problems.append(_syntax_problem(error))
    finally:
        loader.dispose()
    return None


def _syntax_problem(error: yaml.MarkedYAMLError) -> Problem:
    problem = error.problem or "the YAML cannot be read"
    hint = next((hint for key, hint in SYNTAX_HINTS.items() if key in problem), "")
    if error.context:
        problem = f"{error.context}, {problem}"
    mark = error.problem_mark
    # An unclosed quote is noticed only at the end of the file; the editor needs the line it opened on.
    if "end of stream" in problem and error.context_mark is not None:
        mark = error.context_mark
    return Problem.at(mark, f"YAML syntax error: {problem}. {hint}".rstrip())


def _reader_problem(text: str, error: yaml.reader.ReaderError) -> Problem:
    position = error.position
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    character = error.character
    code = ord(character) if isinstance(character, str) else int(character)  # PyYAML passes the code point
    message = (
        f"the file contains an invisible control character (U+{code:04X}). Delete it or retype the line."
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
        if (
            event.anchor not in self.aliases_reported
        ):  # once per name: a size attack repeats them by the hundred
            self.aliases_reported.add(event.anchor)
            message = (
                f"'*{event.anchor}' is a YAML alias, which this file does not allow. "
                "If it is text that starts with '*', put it in quotes; otherwise write the text out in full."
            )
            self.problems.append(Problem.at(event.start_mark, message))
        return ScalarNode(REPORTED_TAG, "", event.start_mark, event.end_mark)

    def _refuse_anchor(self, event: yaml.NodeEvent) -> None:
        message = (
            f"'&{event.anchor}' is a YAML anchor, which this file does not allow. Delete '&{event.anchor}', "
            "or, if it is text that starts with '&', put the text in quotes."
        )
        self.problems.append(Problem.at(event.start_mark, message))
        event.anchor = None  # so a repeated anchor name is not reported a second time, as a syntax error

    def _refuse_tag(self, node: Node, tag: str) -> None:
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        message = (
            f"'{shown}' is a YAML tag, which this file does not allow. "
            f"Delete '{shown}'; if the value is text, put it in quotes instead."
        )
        self.problems.append(Problem.at(node.start_mark, message))
        node.tag = REPORTED_TAG
