"""Each broken roster in tests/rosters/ is refused: exit code 2, its file and line named, pages untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.roster import ROSTER, copy_docs, replace_in, run_script, snapshot
from support.site import LOCALES, ROOT

CORPUS = ROOT / "tests" / "rosters"

# file -> (line of the mistake, a fragment of the message). Each file's first comment line says what is wrong.
CASES: dict[str, tuple[int, str]] = {
    # YAML syntax; the file as a whole
    "syntax-colon-in-text.yml": (13, "Is there a ':' inside a text? Then put the whole text in quotes"),
    "syntax-tab-indent.yml": (14, "Indent with spaces, not tabs"),
    "syntax-unclosed-quote.yml": (13, "A quote is opened but never closed"),
    "syntax-bad-indent.yml": (14, "'en' is not a known field. It looks like a language line: indent it"),
    "multiple-documents.yml": (11, "Remove the '---' line"),
    "empty.yml": (1, "the file is empty"),
    "only-comments.yml": (1, "the file is empty"),
    "not-utf8.yml": (6, "not UTF-8 text"),
    "raw-control-character.yml": (11, "invisible control character (U+0007)"),
    "not-a-mapping-list.yml": (2, "should consist of fields ('as_of:', 'members:'), but it is a list"),
    "not-a-mapping-text.yml": (2, "should consist of fields ('as_of:', 'members:'), but it is the text"),
    "deeply-nested.yml": (3, "nested far too deeply"),
    "special-first-character.yml": (
        14,
        "Text starting with a special character such as @ or ` must be in quotes",
    ),
    "comment-cuts-text.yml": (11, "'name' stops before '#2', which YAML reads as a comment and leaves out"),
    # Duplicate keys, which plain PyYAML would quietly resolve to the last one
    "duplicate-key-in-member.yml": (15, "member 2 (Jette Rygaard): 'title' appears twice (first on line 12)"),
    "duplicate-key-language.yml": (14, "'da' appears twice (first on line 13)"),
    "duplicate-key-members.yml": (11, "'members' appears twice (first on line 3)"),
    # Missing or empty fields
    "missing-name.yml": (11, "member 2: 'name' is missing"),
    "missing-title.yml": (11, "member 2 (Jette Rygaard): 'title' is missing"),
    "missing-organisation.yml": (11, "member 2 (Jette Rygaard): 'organisation' is missing"),
    "missing-english-title.yml": (
        12,
        "'title' has no text in English ('en'). Add a line 'en: ' under 'title:'",
    ),
    "missing-danish-note.yml": (18, "'note' has no text in Dansk ('da')"),
    "empty-name.yml": (11, "member 2: 'name' is empty"),
    "empty-quoted-title.yml": (14, "'title' (English) is empty"),
    "empty-title.yml": (12, "'title' is empty"),
    "missing-as-of.yml": (2, "'as_of' is missing"),
    "missing-members.yml": (2, "'members' is missing"),
    "empty-members.yml": (3, "'members' is empty"),
    # Unknown keys
    "unknown-key-titel.yml": (
        12,
        "'titel' is not a known field. Did you mean 'title'? Known fields: name, title",
    ),
    "unknown-key-top-level.yml": (11, "'medlemmer' is not a known field. Did you mean 'members'?"),
    "unknown-language.yml": (13, "'dk' is not a known language. Did you mean 'da'?"),
    # Wrong types
    "number-as-name.yml": (
        11,
        "'name' is 42, which YAML reads as a number, not as text. Put the text in quotes",
    ),
    "date-as-title.yml": (13, "'title' (Dansk) is 2024-01-01, which YAML reads as a date"),
    "list-as-name.yml": (11, "'name' should be one line of text, not a list"),
    "mapping-as-organisation-text.yml": (
        16,
        "'organisation' (Dansk) should be one line of text, not a group",
    ),
    "text-as-title.yml": (
        12,
        "'title' should have one line for each language, 'da:' (Dansk) and 'en:' (English)",
    ),
    "member-not-a-mapping.yml": (11, "member 2 should be a group of fields starting with '- name:'"),
    "members-not-a-list.yml": (3, "'members' should be a list"),
    # YAML's implicit conversions
    "implicit-no.yml": (
        11,
        "'name' is no, which YAML reads as yes/no (true/false), not as text. Put the text in quotes",
    ),
    "implicit-yes.yml": (14, "'title' (English) is Yes, which YAML reads as yes/no"),
    "implicit-on.yml": (13, "'title' (Dansk) is on, which YAML reads as yes/no"),
    "implicit-null.yml": (11, "'name' is null, which YAML reads as 'no value' (null)"),
    "implicit-tilde.yml": (14, "is ~, which YAML reads as 'no value' (null)"),
    "implicit-1e3.yml": (11, "'name' is 1e3, which YAML reads as a number"),
    "implicit-octal.yml": (14, "is 0o17, which YAML reads as a number"),
    # The date
    "as-of-not-a-date.yml": (2, "not a date written as year-month-day"),
    "as-of-impossible-date.yml": (2, "2026-02-30, which is not a real date"),
    "as-of-absurd-year.yml": (2, "the year should be between 2019 and 2100"),
    # The same person twice, absurd lengths, control characters
    "duplicate-person.yml": (
        18,
        "member 3 (Jette Rygaard): Jette Rygaard is already on the list as member 1 (line 4)",
    ),
    "duplicate-person-spelling.yml": (11, "is already on the list as member 1 (line 4)"),
    "too-long-name.yml": (11, "'name' is 159 characters long; the limit is 100"),
    "too-long-title.yml": (14, "'title' (English) is 259 characters long; the limit is 200"),
    "too-many-members.yml": (3, "'members' lists 51 members; the limit is 50"),
    "control-character-escape.yml": (11, "'name' contains a tab (U+0009)"),
    "control-character-bidi.yml": (14, "invisible control character (U+202E)"),
    "control-character-newline.yml": (14, "'title' (English) contains a line break (U+000A)"),
    # YAML features an editor never needs
    "anchor-and-alias.yml": (
        12,
        "member 2 (Jette Rygaard): '*director' is a YAML alias, which this file does not allow",
    ),
    "billion-laughs.yml": (4, "'*a' is a YAML alias"),
    "custom-tag-python.yml": (
        11,
        "'!!python/object/apply:os.system' is a YAML tag, which this file does not allow",
    ),
    "custom-tag-local.yml": (13, "'!secret' is a YAML tag"),
    "explicit-str-tag.yml": (14, "'!!str' is a YAML tag"),
    "merge-key.yml": (12, "'<<' is a YAML merge key, which this file does not allow"),
    "several-problems.yml": (5, "'titel' is not a known field"),
}


@pytest.fixture(scope="module")
def stale_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of docs/ with out-of-date generated blocks: a script that wrote anything would change it."""
    docs = copy_docs(tmp_path_factory.mktemp("stale"))
    for locale in LOCALES:
        replace_in(docs / locale / "organisering.md", "Jette Rygaard", "Someone Else")
    return docs


def test_every_corpus_file_is_in_the_table() -> None:
    assert sorted(path.name for path in CORPUS.glob("*.yml")) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_roster_is_refused_with_file_and_line(name: str, stale_docs: Path) -> None:
    line, fragment = CASES[name]
    before = snapshot(stale_docs)
    result = run_script("--roster", CORPUS / name, "--docs-dir", stale_docs)
    assert result.returncode == 2, result.stdout + result.stderr
    messages = [m for m in result.stderr.splitlines() if m.startswith(f"tests/rosters/{name}:{line}:")]
    assert messages, f"no message for line {line}:\n{result.stderr}"
    assert any(fragment in message for message in messages), f"expected {fragment!r}:\n{result.stderr}"
    assert "Nothing was changed" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(stale_docs) == before, "a refused roster changed the pages"


def test_check_also_refuses_a_broken_roster(stale_docs: Path) -> None:
    result = run_script("--check", "--roster", CORPUS / "unknown-key-titel.yml", "--docs-dir", stale_docs)
    assert result.returncode == 2
    assert "tests/rosters/unknown-key-titel.yml:12:5: member 2 (Jette Rygaard): 'titel'" in result.stderr


def test_every_problem_is_reported_at_once(stale_docs: Path) -> None:
    result = run_script("--roster", CORPUS / "several-problems.yml", "--docs-dir", stale_docs)
    reported = [
        line.split(":")[1] for line in result.stderr.splitlines() if line.startswith("tests/rosters/")
    ]
    assert reported == ["4", "5", "12", "17"]
    assert "Found 4 problems" in result.stderr


def test_message_has_the_promised_format(stale_docs: Path) -> None:
    result = run_script("--roster", CORPUS / "unknown-key-titel.yml", "--docs-dir", stale_docs)
    assert result.stderr.splitlines()[0] == (
        "tests/rosters/unknown-key-titel.yml:12:5: member 2 (Jette Rygaard): 'titel' is not a known field. "
        "Did you mean 'title'? Known fields: name, title, organisation, note."
    )


def test_oversized_file_is_refused_before_parsing(tmp_path: Path, stale_docs: Path) -> None:
    roster = tmp_path / "huge.yml"
    roster.write_text(ROSTER.read_text(encoding="utf-8") + "#" * 70_000 + "\n", encoding="utf-8")
    result = run_script("--roster", roster, "--docs-dir", stale_docs)
    assert result.returncode == 2
    assert f"{roster}: the file is larger than 64 KB" in result.stderr


def test_missing_roster_file_is_named(tmp_path: Path, stale_docs: Path) -> None:
    result = run_script("--roster", tmp_path / "nowhere.yml", "--docs-dir", stale_docs)
    assert result.returncode == 2
    assert "nowhere.yml: the file does not exist" in result.stderr


def test_quoting_makes_the_implicit_values_text(tmp_path: Path) -> None:
    """The fix the messages suggest works: quoted 'no', '1e3' and dates are plain text."""
    docs = copy_docs(tmp_path)
    roster = tmp_path / "quoted.yml"
    text = ROSTER.read_text(encoding="utf-8")
    text = text.replace("name: Jette Rygaard", 'name: "no"').replace("en: Principal", "en: '1e3'")
    roster.write_text(text.replace("da: rektor", 'da: "2024-01-01"'), encoding="utf-8")
    result = run_script("--roster", roster, "--docs-dir", docs)
    assert result.returncode == 0, result.stderr
    page = (docs / "en" / "organisering.md").read_text(encoding="utf-8")
    assert "<li><strong>no</strong>, 1e3, " in page


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path)
    roster = tmp_path / "bom.yml"
    roster.write_bytes(b"\xef\xbb\xbf" + ROSTER.read_bytes())
    assert run_script("--check", "--roster", roster, "--docs-dir", docs).returncode == 0
