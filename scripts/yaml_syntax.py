"""A YAML syntax error told to an editor, in Danish: the line where the mistake is, and the fix.

Used for every YAML file editors change: the roster (data/steering-group.yml) and mkdocs.yml.

PyYAML notices a mistake where it can no longer read on, which is often a line or more after it:
a missing colon in `da rektor` is noticed at the ':' of the next line, an unclosed quote at the end
of the file. This module looks at the lines themselves to find the line the editor has to change,
and says what to write there. PyYAML's own words follow in brackets, for maintainers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import yaml
from yaml.error import Mark
from yaml.tokens import (
    FlowMappingEndToken,
    FlowMappingStartToken,
    FlowSequenceEndToken,
    FlowSequenceStartToken,
    ScalarToken,
    Token,
)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a YAML file. line and column count from 1, as editors and GitHub do."""

    line: int
    column: int
    message: str

    @classmethod
    def at(cls, mark: Mark | None, message: str) -> Problem:
        if mark is None:
            return cls(0, 0, message)
        return cls(mark.line + 1, mark.column + 1, message)

    def format(self, file_label: str) -> str:
        if self.line == 0:
            return f"{file_label}: {self.message}"
        return f"{file_label}:{self.line}:{self.column}: {self.message}"


# One line of the file as an editor writes it: indentation, perhaps '- ', then the rest.
LINE = re.compile(r"(?P<indent> *)(?:(?P<dash>-)(?P<gap> *))?(?P<body>.*)")
# 'da: rektor', 'title:', 'da:' with a value that may be anything (or nothing).
KEY_VALUE = re.compile(r"(?P<key>[^\s:#'\"][^:#]*?):(?:[ \t]+(?P<value>.*?))?[ \t]*")
# A word an editor types as a field name: 'da', 'name', 'as_of', 'organisation'.
WORD = r"[^\W\d][\w-]*"
MISSING_SPACE = re.compile(rf"(?P<key>{WORD}):(?P<value>[^\s:].*?)\s*")
MISSING_COLON = re.compile(rf"(?P<key>{WORD})(?P<separator> *[;=.,] *| +)(?P<value>\S.*?)\s*")
BARE_WORD = re.compile(rf"(?P<key>{WORD})\s*")
# The start of a line that already has its field name and a text after it: 'da: rektor'.
FIELD_START = re.compile(r"[^\s:#'\"][^:#]*?:[ \t]+\S")
# A line such as '{  en: Director': something that is not a field name, then spaces, then 'key: '.
STRAY_START = re.compile(rf" *(?P<stray>[^\s\w-]{{1,2}} *|\w +)(?P<rest>(?:- +)?{WORD}:(?:\s.*)?)")
# A field name turned into a comment: '    # title:', '#  - name: Jette Rygaard'.
COMMENTED_FIELD = re.compile(rf" *# *(?:- +)?(?P<key>{WORD}):(?:\s.*)?")
SPECIAL_CHARACTER = re.compile(r"found character '(?P<character>.+)' that cannot start any token")

INDENTATION_HINT = (
    "Tjek indrykningen af linjen: den skal stå lige under linjerne af samme slags ovenover. "
    "Ryk ind med mellemrum."
)


@dataclass(frozen=True)
class Line:
    """A line of the file, taken apart: where its field name starts, and what follows it."""

    number: int  # counted from 0, as PyYAML's marks count
    text: str
    indent: int
    dash: bool
    dash_gap: str
    body: str

    @classmethod
    def of(cls, number: int, text: str) -> Line:
        match = LINE.fullmatch(text)
        assert match is not None  # every line matches: each part is optional
        return cls(
            number, text, len(match["indent"]), match["dash"] is not None, match["gap"] or "", match["body"]
        )

    @property
    def key_column(self) -> int:
        """Where the field name (or whatever stands after '- ') starts, counted from 0."""
        return self.indent + (1 + len(self.dash_gap) if self.dash else 0)

    @property
    def ignored(self) -> bool:
        """Blank, or only a comment: YAML skips the line."""
        return not self.text.strip() or self.text.lstrip().startswith("#")

    @property
    def key_value(self) -> re.Match[str] | None:
        """'key: value' (or 'key:'), as YAML would read it when the line is well-formed."""
        return KEY_VALUE.fullmatch(self.body) if not self.dash or self.dash_gap else None

    def mistake(self, message: str) -> Found:
        """The message, pointed at where the line's text starts (after its indentation)."""
        return self.number, self.indent, message

    @property
    def shape(self) -> str:
        """'- name:' or 'da:': lines of the same shape line up with each other."""
        match = self.key_value
        if match is None:
            return ""
        return f"- {match['key']}:" if self.dash else f"{match['key']}:"


def syntax_problem(text: str, error: yaml.MarkedYAMLError) -> Problem:
    """The problem to show for a YAML syntax error: at the line to change, with the fix."""
    detail = f"(YAML: {error.context + ', ' if error.context else ''}{error.problem or 'syntax error'})"
    # splitlines() breaks lines where YAML does (the reader has already refused \v, \f and the like);
    # the empty line at the end is where PyYAML marks the end of the file.
    lines = [Line.of(number, line) for number, line in enumerate([*text.splitlines(), ""])]
    found = _diagnose(text, lines, error)
    if found is None:
        return Problem.at(error.problem_mark, f"{_generic_hint(error)} {detail}")
    line, column, message = found
    return Problem(line + 1, column + 1, f"{message} {detail}")


Found = tuple[int, int, str]  # line and column (from 0), and the message


def _diagnose(text: str, lines: list[Line], error: yaml.MarkedYAMLError) -> Found | None:
    problem, context = error.problem or "", error.context or ""
    mark, context_mark = error.problem_mark, error.context_mark
    if mark is None:
        return None
    tokens = _tokens_before(text, mark)
    found = _quote_mistake(lines, error, tokens) or _open_bracket(lines, tokens)
    if found is not None:
        return found
    if "cannot start any token" in problem:
        return _special_character(lines, mark, problem)
    if "unknown escape character" in problem:
        return _backslash(lines, mark)
    if context.startswith("while parsing a flow") and context_mark is not None:
        return _special_first(lines[context_mark.line], context_mark.column)
    if context.startswith("while scanning a directive"):
        return _stray_start(lines[mark.line]) or _special_first(lines[mark.line], 0)
    if "are not allowed here" in problem and "mapping values" not in problem:
        return _special_first(lines[mark.line], mark.column)  # '- ' or '? ' at the start of a text
    if "expected the node content" in problem:
        return _special_first(lines[mark.line], mark.column)
    if context.startswith(("while scanning an anchor", "while scanning an alias", "while scanning a tag")):
        return _special_first(lines[mark.line], context_mark.column if context_mark else mark.column)
    if context.startswith("while scanning a block scalar") and context_mark is not None:
        return _special_first(lines[context_mark.line], context_mark.column)
    if "found another document" in problem:
        return mark.line, 0, "Slet linjen '---': filen må kun indeholde ét dokument."
    if "could not find expected ':'" in problem and context_mark is not None:
        line = lines[context_mark.line]
        return _missing_colon(lines, line) or _nearby_mistake(lines, line)
    if "mapping values are not allowed here" in problem:
        return _mapping_value(lines, mark)
    if "expected <block end>" in problem or "did not find expected" in problem:
        start = context_mark.line if context_mark is not None else mark.line
        return _misaligned(lines, start, mark.line)
    if "expected '<document start>'" in problem:
        return _root_misaligned(lines, mark.line)
    return None


def _generic_hint(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or ""
    if "expected <block end>" in problem or "did not find expected" in problem:
        return INDENTATION_HINT
    return "Linjen kan ikke læses. Sammenlign den med linjerne af samme slags ovenover."


# Quotes


def _quote_mistake(lines: list[Line], error: yaml.MarkedYAMLError, tokens: list[Token]) -> Found | None:
    """A quote that is never closed, or text that goes on after its closing quote."""
    mark = error.problem_mark
    if "end of stream" in (error.problem or "") and error.context_mark is not None:
        # PyYAML reads to the end of the file looking for the closing quote; it opened here.
        return _unclosed_quote(lines[error.context_mark.line], error.context_mark.column)
    texts = [token for token in tokens if isinstance(token, ScalarToken) and token.style]
    if not texts or texts[-1].end_mark.line != mark.line:
        return None
    last = texts[-1]
    if last.start_mark.line != last.end_mark.line:
        # The quote that should have closed a text on an earlier line was taken to open one: it is
        # the next quote in the file that closed it, and the mistake is where the text began.
        return _unclosed_quote(lines[last.start_mark.line], last.start_mark.column)
    between = lines[mark.line].text[last.end_mark.column : mark.column]
    if between.strip() or mark.column < last.end_mark.column:
        return None
    line = lines[mark.line]
    match = line.key_value
    if match is None or not match["value"]:
        return None
    value = match["value"]
    inner = value[1:-1] if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"" else value
    return (
        mark.line,
        last.start_mark.column,
        "Teksten fortsætter efter det anførselstegn, der lukker den. Skal der anførselstegn inde i "
        "teksten, så sæt hele teksten i den anden slags anførselstegn: "
        f"{shown(match['key'] + ': ' + quoted(inner))}.",
    )


def _unclosed_quote(line: Line, column: int) -> Found:
    stray = _stray_start(line)
    if stray is not None and stray[1] == column:
        return stray  # '"   da: rektor': a quote typed before the field name
    quote = line.text[column] if column < len(line.text) else '"'
    match = line.key_value
    rest = line.text[column + 1 :].rstrip()
    fixed = f"{match['key']}: {quote}{rest}{quote}" if match is not None else f"{quote}{rest}{quote}"
    return (
        line.number,
        column,
        f"Anførselstegnet {quote} bliver aldrig lukket. Sæt et {quote} efter teksten: {shown(fixed)}.",
    )


def _open_bracket(lines: list[Line], tokens: list[Token]) -> Found | None:
    """A '{' or '[' that YAML took to open a list or group it never saw closed."""
    opened: list[Token] = []
    for token in tokens:
        if isinstance(token, FlowMappingStartToken | FlowSequenceStartToken):
            opened.append(token)
        elif isinstance(token, FlowMappingEndToken | FlowSequenceEndToken) and opened:
            opened.pop()
    if not opened:
        return None
    mark = opened[0].start_mark
    line = lines[mark.line]
    return _stray_start(line) or _special_first(line, mark.column)


def _tokens_before(text: str, mark: yaml.Mark) -> list[Token]:
    """The tokens PyYAML reads before the mark (it reads the file a second time, only up to there)."""
    tokens: list[Token] = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if (token.start_mark.line, token.start_mark.column) >= (mark.line, mark.column):
                break
            tokens.append(token)
    except yaml.YAMLError:
        pass
    return tokens


def quoted(text: str) -> str:
    """Text as YAML reads it back exactly: in double quotes if it can, else in single quotes."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def shown(fix: str) -> str:
    """A line to write, in quotes that cannot be mistaken for part of it."""
    if "'" not in fix:
        return f"'{fix}'"
    return f'"{fix}"' if '"' not in fix else f"»{fix}«"


# Characters that mean something to YAML


def _special_character(lines: list[Line], mark: yaml.Mark, problem: str) -> Found:
    match = SPECIAL_CHARACTER.search(problem)
    character = match["character"] if match else ""
    if character in ("\\t", "\t"):
        return (
            mark.line,
            mark.column,
            "Her står et tabulatortegn (Tab). Brug mellemrum i stedet: ryk ind med mellemrum, "
            "og skriv ét mellemrum efter kolonet.",
        )
    return _special_first(lines[mark.line], mark.column)


def _special_first(line: Line, column: int) -> Found:
    """Unquoted text that starts with a character YAML reads as something else."""
    stray = _stray_start(line)
    if stray is not None and stray[1] == column:
        return stray  # '*   title:': the character is not in a text but before the field name
    match = line.key_value
    character = line.text[column] if column < len(line.text) else ""
    described = f"'{character}'" if character else "et særligt tegn"
    fix = ""
    if match is not None and match["value"]:
        fix = ": " + shown(f"{match['key']}: {quoted(match['value'])}")
    return line.number, column, f"En tekst, der begynder med {described}, skal stå i anførselstegn{fix}."


def _backslash(lines: list[Line], mark: yaml.Mark) -> Found:
    line = lines[mark.line]
    match = line.key_value
    value = match["value"] if match is not None and match["value"] else ""
    if len(value) > 1 and value[0] == value[-1] == '"':
        fix = ": " + shown(f"{match['key']}: {quoted(value[1:-1])}") if match is not None else ""
        start = line.text.find(value)
    else:
        fix, start = "", mark.column
    return (
        mark.line,
        start,
        'I en tekst i dobbelte anførselstegn ("...") betyder \\ noget særligt. '
        f"Brug enkelte anførselstegn i stedet{fix}.",
    )


# A missing colon, or a line that YAML reads as the continuation of the one above


def _mapping_value(lines: list[Line], mark: yaml.Mark) -> Found | None:
    """'mapping values are not allowed here': a ':' where YAML is in the middle of a text."""
    line = lines[mark.line]
    if line.key_value is not None and FIELD_START.match(Line.of(line.number, line.text[: mark.column]).body):
        return _colon_in_text(line)  # 'da: rektor: formand': the second ': ' is inside the text
    # The line's ':' is where a field name ends: YAML read the lines above it as one text that goes
    # on into this line. The mistake is at the top of that text: a line without a proper 'key: '.
    chain, above = [], None
    for earlier in reversed(lines[: mark.line]):
        if earlier.ignored:
            if earlier.text.strip():
                break  # a comment line ends a text
            continue
        if earlier.key_value is not None:
            above = earlier
            break
        chain.append(earlier)
    if chain:
        return _missing_colon(lines, chain[-1])
    # The line above is a whole 'key: value': YAML read this line as more of its text, because one of
    # the two is indented differently from the lines of its kind.
    return _misaligned(lines, above.number if above is not None else mark.line, mark.line)


def _colon_in_text(line: Line) -> Found:
    match = line.key_value
    assert match is not None
    value = match["value"] or ""
    return (
        line.number,
        line.text.find(value, line.key_column) if value else line.key_column,
        "Teksten indeholder ': ', som YAML læser som starten på et nyt felt. "
        f"Sæt hele teksten i anførselstegn: {shown(match['key'] + ': ' + quoted(value))}.",
    )


def _missing_colon(lines: list[Line], line: Line) -> Found | None:
    """The line YAML could not read as 'key: value': what is missing, and the line as it should be."""
    column, body = line.key_column, line.body
    if line.dash and not line.dash_gap and body:
        return line.number, line.indent, f"Der mangler et mellemrum efter '-': skriv '- {body.strip()}'."
    match = MISSING_SPACE.fullmatch(body)
    if match is not None:
        return (
            line.number,
            column,
            f"Der mangler et mellemrum efter kolonet: skriv {shown(match['key'] + ': ' + match['value'])}.",
        )
    match = BARE_WORD.fullmatch(body)
    if match is not None:
        above = _previous(lines, line.number)
        above_match = above.key_value if above is not None else None
        if (
            above is not None
            and above_match is not None
            and not above_match["value"]
            and above.key_column == line.key_column
        ):
            key = above_match["key"]
            return (
                line.number,
                column,
                f"'{match['key']}' står på en linje for sig selv. Skriv teksten på samme linje som "
                f"'{key}:' (linje {above.number + 1}): {shown(key + ': ' + match['key'])}.",
            )
        return line.number, column, f"Der mangler et kolon efter '{match['key']}': skriv '{match['key']}:'."
    match = MISSING_COLON.fullmatch(body)
    if match is not None:
        key, separator, value = match["key"], match["separator"].strip(), match["value"]
        if separator:
            message = (
                f"Der skal stå et kolon efter '{key}', ikke '{separator}': skriv {shown(key + ': ' + value)}."
            )
        else:
            message = f"Der mangler et kolon efter '{key}': skriv {shown(key + ': ' + value)}."
        return line.number, column, message
    return None


def line_fix(text: str) -> str | None:
    """For one line such as 'da rektor' or 'da:rektor': what is missing, and the line as it should be."""
    found = _missing_colon([], Line.of(0, text))
    return found[2] if found is not None else None


def _previous(lines: list[Line], number: int) -> Line | None:
    return next((line for line in reversed(lines[:number]) if not line.ignored), None)


# Indentation


def _misaligned(lines: list[Line], first: int, last: int) -> Found | None:
    """The line that is not indented like the other lines of its shape: the line PyYAML stopped at
    (last), or else the nearest line above it in the block it was reading (from first), which may have
    opened a block at the wrong indentation ('da:' one space in, so that 'en:' below no longer fits)."""
    line = lines[last]
    if line.body.startswith(":"):
        return line.number, line.key_column, "Der mangler et feltnavn foran kolonet, fx 'da: rektor'."
    found = _list_item_indentation(lines, line)
    if found is not None:
        return found
    candidates = [line, *reversed(lines[first:last])]
    for candidate in candidates:
        found = _stray_start(candidate) or _indentation(lines, candidate)
        if found is not None:
            return found
    return _missing_dash(lines, line) or _extra_dash(lines, line) or _nearby_mistake(lines, line)


def _list_item_indentation(lines: list[Line], line: Line) -> Found | None:
    """'- puljen.md' not lined up with the list items just above it (mkdocs.yml's `nav:`)."""
    if not line.dash or line.key_value is not None:
        return None
    above = _previous(lines, line.number)
    if above is None or not above.dash or above.indent == line.indent:
        return None
    return line.mistake(
        f"{_moved(line, above.indent)}: skriv den med {above.indent} mellemrum foran "
        f"'- ', som linjen over (linje {above.number + 1}): '{' ' * above.indent}- {line.body.strip()}'."
    )


def _moved(line: Line, expected: int) -> str:
    """'Linjen er rykket 2 mellemrum for langt ind': how far the line is from where it should start."""
    difference = line.indent - expected
    direction = "for langt ind" if difference > 0 else "for lidt ind"
    return f"Linjen er rykket {abs(difference)} mellemrum {direction}"


def _nearby_mistake(lines: list[Line], line: Line) -> Found | None:
    """Where the line itself looks right: a stray '{' or '[' on it or the line above, or a field name
    above it that was turned into a comment ('# title:'), so that its lines no longer fit."""
    above = _previous(lines, line.number)
    for candidate in (line, above):
        if candidate is not None:
            found = _stray_start(candidate) or _open_bracket_on(candidate)
            if found is not None:
                return found
    comment = next((other for other in reversed(lines[: line.number]) if other.text.strip()), None)
    if comment is not None and COMMENTED_FIELD.fullmatch(comment.text):
        field = COMMENTED_FIELD.fullmatch(comment.text)
        assert field is not None
        return (
            comment.number,
            comment.text.index("#"),
            f"Linjen med '{field['key']}:' er gjort til en kommentar med '#', så linjerne under den ikke "
            f"passer. Slet '#', eller gør også linjerne under den til kommentarer.",
        )
    return None


def _open_bracket_on(line: Line) -> Found | None:
    """'da: {rektor' or 'da: [rektor': a text starting with a bracket that is never closed."""
    match = line.key_value
    value = match["value"] if match is not None else None
    if not value or value[0] not in "{[" or ("}" if value[0] == "{" else "]") in value:
        return None
    return _special_first(line, line.text.index(value, line.key_column))


def _stray_start(line: Line) -> Found | None:
    """A character typed by mistake before the field name: '{  en: Director', 'a  da: rektor'."""
    match = STRAY_START.fullmatch(line.text)
    if match is None or line.ignored:
        return None
    return (
        line.number,
        match.start("stray"),
        f"Linjen begynder med '{match['stray'].strip()}' foran '{match['rest'].split(':')[0]}:'. Slet det.",
    )


def _indentation(lines: list[Line], line: Line) -> Found | None:
    shape = line.shape
    if not shape or line.ignored:
        return None
    if line.dash and line.dash_gap != " ":
        return line.mistake(f"Der skal stå ét mellemrum efter '-': skriv '- {line.body.strip()}'.")
    columns = Counter(other.indent for other in lines if other.shape == shape and other is not line)
    if not columns:
        return None
    expected, _ = columns.most_common(1)[0]
    if line.indent == expected:
        return None
    example = min(
        (other for other in lines if other.shape == shape and other.indent == expected),
        key=lambda other: (other.number > line.number, abs(other.number - line.number)),
    )
    return line.mistake(
        f"{_moved(line, expected)}: '{shape}' skal have {expected} mellemrum foran, "
        f"som på linje {example.number + 1}."
    )


def _missing_dash(lines: list[Line], line: Line) -> Found | None:
    """'name:' where every other member starts with '- name:'."""
    if line.dash and not line.dash_gap and line.body:
        return line.mistake(f"Der mangler et mellemrum efter '-': skriv '- {line.body.strip()}'.")
    shape = line.shape
    if not shape or line.dash:
        return None
    if any(other.shape == shape and other is not line for other in lines):
        return None
    with_dash = [other for other in lines if other.shape == f"- {shape}"]
    if not with_dash:
        return None
    expected = Counter(other.indent for other in with_dash).most_common(1)[0][0]
    example = next(other for other in with_dash if other.indent == expected)
    return line.mistake(
        f"Der mangler '- ' foran '{shape}': hvert medlem begynder med '- {shape}' "
        f"med {expected} mellemrum foran, som på linje {example.number + 1}."
    )


def _extra_dash(lines: list[Line], line: Line) -> Found | None:
    """'- organisation:' where only 'name:' has a '- ' before it."""
    shape = line.shape
    if not line.dash or not shape or any(other.shape == shape and other is not line for other in lines):
        return None
    without = shape.removeprefix("- ")
    if not any(other.shape == without for other in lines):
        return None
    return line.mistake(f"Slet '- ' foran '{without}': kun det første felt i et medlem har '- ' foran.")


def _root_misaligned(lines: list[Line], last: int) -> Found | None:
    """A line of the file's own fields ('as_of:', 'members:') that does not start at the left edge."""
    first = next((line for line in lines if not line.ignored), None)
    for line in (first, lines[last]):
        if line is not None and line.indent > 0 and line.shape:
            return (
                line.number,
                0,
                f"Linjen er rykket {line.indent} mellemrum ind: '{line.shape}' skal stå helt ude "
                "til venstre.",
            )
    return None
