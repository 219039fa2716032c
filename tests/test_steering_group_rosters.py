"""Each broken roster in tests/rosters/ is refused: exit code 2, its file and line named, nothing written."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from support.roster import fixture_roster_text, make_docs, run_script, snapshot, write_roster
from support.site import LANGUAGES, ROOT, mkdocs_config

from roster.problems import RosterError
from roster.schema import danish_list, parse_roster
from roster.source import nodes_from_text
from site_config import i18n_entries

CORPUS = ROOT / "tests" / "rosters"
CORPUS_LANGUAGES = ("da", "en")  # the languages the corpus files are written in
Refuse = Callable[..., subprocess.CompletedProcess[str]]

# file -> (line of the mistake, a fragment of the message). Each file's first comment line says what is wrong.
CASES: dict[str, tuple[int, str]] = {
    # YAML syntax: each reported on the line the editor has to change, with the fix
    "syntax-missing-colon.yml": (13, "Der mangler et kolon efter 'da': skriv 'da: rektor'."),
    "syntax-missing-colon-before-field.yml": (14, "Der mangler et kolon efter 'en': skriv 'en: Principal'."),
    "syntax-missing-colon-after-field.yml": (12, "Der mangler et kolon efter 'title': skriv 'title:'."),
    "syntax-missing-colon-name.yml": (11, "Der mangler et kolon efter 'name': skriv 'name: Jette Rygaard'."),
    "syntax-missing-colon-as-of.yml": (2, "Der mangler et kolon efter 'as_of': skriv 'as_of: 2026-11-26'."),
    "syntax-missing-colon-last-line.yml": (
        17,
        "Der mangler et kolon efter 'en': skriv 'en: Vesthimmerlands Gymnasium (an upper secondary school)'.",
    ),
    "two-missing-colons.yml": (13, "'title': der mangler et kolon efter 'da': skriv 'da: rektor'."),
    "syntax-missing-space.yml": (13, "Der mangler et mellemrum efter kolonet: skriv 'da: rektor'."),
    "syntax-semicolon.yml": (13, "Der skal stå et kolon efter 'da', ikke ';': skriv 'da: rektor'."),
    "syntax-text-on-next-line.yml": (
        14,
        "'rektor' står på en linje for sig selv. Skriv teksten på samme linje som 'da:' (linje 13)",
    ),
    "syntax-colon-in-text.yml": (
        13,
        "Teksten indeholder ': ', som YAML læser som starten på et nyt felt. "
        "Sæt hele teksten i anførselstegn: 'da: \"rektor: Vesthimmerlands\"'.",
    ),
    "syntax-tab-indent.yml": (14, "Her står et tabulatortegn (Tab). Brug mellemrum i stedet"),
    "syntax-tab-after-colon.yml": (14, "Her står et tabulatortegn (Tab)"),
    "syntax-indent-too-deep.yml": (
        14,
        "Linjen er rykket 2 mellemrum for langt ind: 'en:' skal have 6 mellemrum foran",
    ),
    "syntax-indent-field-too-shallow.yml": (
        15,
        "Linjen er rykket 2 mellemrum for lidt ind: 'organisation:' skal have 4 mellemrum foran",
    ),
    "syntax-indent-first-language.yml": (
        13,
        "Linjen er rykket 1 mellemrum for langt ind: 'da:' skal have 6 mellemrum foran",
    ),
    "syntax-indent-dash.yml": (11, "Linjen er rykket 1 mellemrum for langt ind: '- name:' skal have 2"),
    "syntax-bad-indent.yml": (
        14,
        "'en' er ikke et kendt felt. Det ligner en sproglinje: ryk 'en:' lige så langt ind som 'da:'",
    ),
    "syntax-missing-dash.yml": (11, "Der mangler '- ' foran 'name:': hvert medlem begynder med '- name:'"),
    "missing-dash-merges-members.yml": (11, "Begynder et nyt medlem her, så mangler der '- ' foran 'name:'."),
    "syntax-unclosed-quote.yml": (13, 'Anførselstegnet " bliver aldrig lukket. Sæt et " efter teksten'),
    "syntax-unclosed-quote-closed-later.yml": (13, 'Anførselstegnet " bliver aldrig lukket'),
    "syntax-apostrophe-in-single-quotes.yml": (
        16,
        "Teksten fortsætter efter det anførselstegn, der lukker den.",
    ),
    "syntax-backslash-in-double-quotes.yml": (
        14,
        "betyder \\ noget særligt. Brug enkelte anførselstegn i stedet: \"en: 'Rektor\\Formand'\"",
    ),
    "special-first-character.yml": (
        14,
        "En tekst, der begynder med '`', skal stå i anførselstegn: 'en: \"`Principal`\"'.",
    ),
    "multiple-documents.yml": (11, "Slet linjen '---': filen må kun indeholde ét dokument."),
    # The file as a whole
    "empty.yml": (1, "Filen er tom."),
    "only-comments.yml": (1, "Filen er tom."),
    "not-utf8.yml": (6, "Filen er ikke gemt som UTF-8"),
    "raw-control-character.yml": (11, "usynligt kontroltegn (U+0007)"),
    "not-a-mapping-list.yml": (2, "Filen skal bestå af felter ('as_of:', 'members:'), men den er en liste"),
    "not-a-mapping-text.yml": (2, "Filen skal bestå af felter ('as_of:', 'members:'), men den er teksten"),
    "deeply-nested.yml": (3, "rykket ind i alt for mange niveauer"),
    "comment-cuts-text.yml": (11, "'name' stopper før '#2', som YAML læser som en kommentar og udelader"),
    # Duplicate keys, which plain PyYAML would quietly resolve to the last one
    "duplicate-key-in-member.yml": (
        15,
        "medlem 2 (Jette Rygaard): 'title' står to gange (første gang på linje 12)",
    ),
    "duplicate-key-language.yml": (14, "'da' står to gange (første gang på linje 13)"),
    "duplicate-key-members.yml": (11, "'members' står to gange (første gang på linje 3)"),
    # Missing or empty fields
    "missing-name.yml": (11, "medlem 2: 'name' mangler"),
    "missing-title.yml": (11, "medlem 2 (Jette Rygaard): 'title' mangler"),
    "missing-organisation.yml": (11, "medlem 2 (Jette Rygaard): 'organisation' mangler"),
    "missing-english-title.yml": (
        12,
        "'title' mangler en linje for English ('en'). Tilføj en linje 'en: ' under 'title:'",
    ),
    "missing-danish-note.yml": (18, "'note' mangler en linje for Dansk ('da')"),
    "empty-name.yml": (11, "medlem 2: 'name' er tom"),
    "empty-quoted-title.yml": (14, "'title' (English) er tom"),
    "empty-title.yml": (12, "'title' er tom"),
    "missing-members.yml": (2, "'members' mangler"),
    "empty-members.yml": (3, "'members' er tom"),
    # Unknown keys
    "unknown-key-titel.yml": (
        12,
        "'titel' er ikke et kendt felt. Mente du 'title'? Kendte felter: name, title",
    ),
    "unknown-key-top-level.yml": (11, "'medlemmer' er ikke et kendt felt. Mente du 'members'?"),
    "unknown-language.yml": (13, "'dk' er ikke et kendt sprog. Mente du 'da'?"),
    # Wrong types
    "number-as-name.yml": (
        11,
        "'name' er 42, som YAML læser som et tal, ikke som tekst. Sæt teksten i anførselstegn",
    ),
    "date-as-title.yml": (13, "'title' (Dansk) er 2024-01-01, som YAML læser som en dato"),
    "list-as-name.yml": (11, "'name' skal være én linje tekst, ikke en liste"),
    "mapping-as-organisation-text.yml": (
        16,
        "'organisation' (Dansk) skal være én linje tekst, ikke en gruppe",
    ),
    "text-as-title.yml": (
        12,
        "'title' skal have én linje for hvert sprog, 'da:' (Dansk) og 'en:' (English)",
    ),
    "member-not-a-mapping.yml": (11, "Medlem 2 skal være en gruppe af felter, der begynder med '- name:'"),
    "members-not-a-list.yml": (3, "'members' skal være en liste"),
    # YAML's implicit conversions
    "implicit-no.yml": (
        11,
        "'name' er no, som YAML læser som ja/nej (true/false), ikke som tekst. Sæt teksten i anførselstegn",
    ),
    "implicit-yes.yml": (14, "'title' (English) er Yes, som YAML læser som ja/nej"),
    "implicit-on.yml": (13, "'title' (Dansk) er on, som YAML læser som ja/nej"),
    "implicit-null.yml": (11, "'name' er null, som YAML læser som 'ingen værdi' (null)"),
    "implicit-tilde.yml": (14, "er ~, som YAML læser som 'ingen værdi' (null)"),
    "implicit-1e3.yml": (11, "'name' er 1e3, som YAML læser som et tal"),
    "implicit-octal.yml": (14, "er 0o17, som YAML læser som et tal"),
    # The date
    "as-of-not-a-date.yml": (
        2,
        "ikke er en dato skrevet som år-måned-dag. Skriv den sådan: 'as_of: 2026-11-26'",
    ),
    "as-of-impossible-date.yml": (2, "2026-02-30, som ikke er en rigtig dato"),
    "as-of-absurd-year.yml": (2, "året skal være mellem 2019 og 2100"),
    # The same person twice, absurd lengths, control characters
    "duplicate-person.yml": (
        18,
        "medlem 3 (Jette Rygaard): Jette Rygaard står allerede på listen som medlem 1 (linje 4)",
    ),
    "duplicate-person-spelling.yml": (11, "står allerede på listen som medlem 1 (linje 4)"),
    "too-long-name.yml": (11, "'name' er 159 tegn lang; grænsen er 100"),
    "too-long-title.yml": (14, "'title' (English) er 259 tegn lang; grænsen er 200"),
    "too-many-members.yml": (3, "'members' har 51 medlemmer; grænsen er 50"),
    "control-character-escape.yml": (11, "'name' indeholder et tabulatortegn (U+0009)"),
    "control-character-bidi.yml": (14, "et usynligt tegn, der ændrer skriveretningen (U+202E)"),
    "control-character-newline.yml": (14, "'title' (English) indeholder et linjeskift (U+000A)"),
    # Invisible characters: the text looks right on the page and is something else
    "invisible-zero-width-space.yml": (
        11,
        "'name' indeholder et usynligt mellemrum (U+200B) ved tegn nummer 6, som ikke ses, men ændrer "
        "teksten. Slet teksten, og skriv den igen med tastaturet: 'Jette Rygaard'.",
    ),
    "invisible-soft-hyphen.yml": (16, "en usynlig bindestreg (blød bindestreg) (U+00AD)"),
    "invisible-byte-order-mark.yml": (6, "et usynligt BOM-tegn (U+FEFF)"),
    "invisible-joiner.yml": (4, "et usynligt bindetegn (U+200D)"),
    "invisible-direction-mark.yml": (13, "et usynligt tegn, der ændrer skriveretningen (U+200E)"),
    # YAML features an editor never needs
    "anchor-and-alias.yml": (
        12,
        "medlem 2 (Jette Rygaard): '*director' er et YAML-alias, som denne fil ikke tillader",
    ),
    "billion-laughs.yml": (4, "'*a' er et YAML-alias"),
    "custom-tag-python.yml": (
        11,
        "'!!python/object/apply:os.system' er et YAML-tag, som denne fil ikke tillader",
    ),
    "custom-tag-local.yml": (13, "'!secret' er et YAML-tag"),
    "explicit-str-tag.yml": (14, "'!!str' er et YAML-tag"),
    "merge-key.yml": (12, "'<<' er en YAML-fletning (merge key), som denne fil ikke tillader"),
    "several-problems.yml": (5, "'titel' er ikke et kendt felt"),
}


@pytest.fixture(scope="module")
def stale_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A docs folder whose pages have nothing generated yet: a script that wrote anything would change it."""
    return make_docs(tmp_path_factory.mktemp("stale"))


@pytest.fixture(scope="module")
def corpus_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus is written in Danish and English: it is checked against those two of the site's
    languages, as mkdocs.yml has them, so that a language added to the site changes none of its lines."""
    entries = [entry for entry in i18n_entries(mkdocs_config()) if entry["locale"] in CORPUS_LANGUAGES]
    path = tmp_path_factory.mktemp("config") / "mkdocs.yml"
    path.write_text(yaml.safe_dump({"plugins": [{"i18n": {"languages": entries}}]}), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def refuse(stale_docs: Path, corpus_config: Path) -> Refuse:
    """Run the script on a file of the corpus (and any further options)."""

    def run(name: str, *options: str) -> subprocess.CompletedProcess[str]:
        return run_script(
            *options, "--roster", CORPUS / name, "--docs-dir", stale_docs, "--config", corpus_config
        )

    return run


def test_every_corpus_file_is_in_the_table() -> None:
    assert sorted(path.name for path in CORPUS.glob("*.yml")) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_roster_is_refused_with_file_and_line(name: str, stale_docs: Path, refuse: Refuse) -> None:
    line, fragment = CASES[name]
    before = snapshot(stale_docs)
    result = refuse(name)
    assert result.returncode == 2, result.stdout + result.stderr
    messages = [m for m in result.stderr.splitlines() if m.startswith(f"tests/rosters/{name}:{line}:")]
    assert messages, f"no message for line {line}:\n{result.stderr}"
    assert any(fragment in message for message in messages), f"expected {fragment!r}:\n{result.stderr}"
    assert "Ret linjerne ovenfor: intet udgives, før de er rettet." in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(stale_docs) == before, "a refused roster changed the pages"


def test_the_first_message_is_on_the_line_of_the_mistake(refuse: Refuse) -> None:
    """No message comes before the one on the mistake's line: the editor starts reading at the top."""
    for name, (line, _) in CASES.items():
        if name.startswith("syntax-"):
            result = refuse(name, "--check")
            first = result.stderr.splitlines()[0]
            assert first.startswith(f"tests/rosters/{name}:{line}:"), first


def test_check_also_refuses_a_broken_roster(refuse: Refuse) -> None:
    result = refuse("unknown-key-titel.yml", "--check")
    assert result.returncode == 2
    assert "tests/rosters/unknown-key-titel.yml:12:5: medlem 2 (Jette Rygaard): 'titel'" in result.stderr


def test_every_problem_is_reported_at_once(refuse: Refuse) -> None:
    result = refuse("several-problems.yml")
    reported = [
        line.split(":")[1] for line in result.stderr.splitlines() if line.startswith("tests/rosters/")
    ]
    assert reported == ["4", "5", "12", "17"]
    assert "Fandt 4 fejl i tests/rosters/several-problems.yml." in result.stderr


def test_message_has_the_promised_format(refuse: Refuse) -> None:
    result = refuse("unknown-key-titel.yml")
    assert result.stderr.splitlines() == [
        "tests/rosters/unknown-key-titel.yml:12:5: medlem 2 (Jette Rygaard): 'titel' er ikke et kendt felt. "
        "Mente du 'title'? Kendte felter: name, title, organisation, note.",
        "Fandt 1 fejl i tests/rosters/unknown-key-titel.yml. "
        "Ret linjerne ovenfor: intet udgives, før de er rettet.",
    ]


def test_language_names_come_from_the_site(stale_docs: Path) -> None:
    """'Dansk' and 'English' in the messages are the languages' names in mkdocs.yml, every one of them."""
    result = run_script("--roster", CORPUS / "text-as-title.yml", "--docs-dir", stale_docs)
    expected = danish_list([f"'{language.code}:' ({language.name})" for language in LANGUAGES])
    assert f"'title' skal have én linje for hvert sprog, {expected}, under 'title:'" in result.stderr


def test_oversized_file_is_refused_before_parsing(tmp_path: Path, stale_docs: Path) -> None:
    roster = write_roster(tmp_path / "huge.yml", fixture_roster_text() + "#" * 70_000 + "\n")
    result = run_script("--roster", roster, "--docs-dir", stale_docs)
    assert result.returncode == 2
    assert f"{roster}: Filen er større end 64 KB" in result.stderr


def test_missing_roster_file_is_named(tmp_path: Path, stale_docs: Path) -> None:
    result = run_script("--roster", tmp_path / "nowhere.yml", "--docs-dir", stale_docs)
    assert result.returncode == 2
    assert "nowhere.yml: Filen findes ikke. Tjek stien (--roster)." in result.stderr


def test_quoting_makes_the_implicit_values_text(tmp_path: Path) -> None:
    """The fix the messages suggest works: quoted 'no', '1e3' and dates are plain text."""
    docs = make_docs(tmp_path)
    text = (
        fixture_roster_text().replace("name: Bo Prøvesen", 'name: "no"').replace("en: Principal", "en: '1e3'")
    )
    roster = write_roster(tmp_path / "quoted.yml", text.replace("da: rektor", 'da: "2024-01-01"'))
    result = run_script("--roster", roster, "--docs-dir", docs)
    assert result.returncode == 0, result.stderr
    assert " 2. no, 1e3, " in result.stdout and " 2. no, 2024-01-01, " in result.stdout


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "roster.yml")
    roster.write_bytes(b"\xef\xbb\xbf" + roster.read_bytes())
    assert run_script("--check", "--roster", roster, "--docs-dir", make_docs(tmp_path)).returncode == 0


# One mistake on any line of a good roster: reported on that line, with the fix for that mistake


def mistakes(text: str) -> list[tuple[str, int, str, str]]:
    """(what, line number, the broken text, a fragment of the message) for each line of the roster."""
    cases = []
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        match = re.fullmatch(r"(?P<indent> *(?:- )?)(?P<key>\w+):(?: (?P<value>.*))?\n?", line)
        if line.lstrip().startswith("#") or match is None:
            continue
        indent, key, value = match["indent"], match["key"], match["value"]

        def broken(new: str, index: int = index) -> str:
            return "".join([*lines[:index], new + "\n", *lines[index + 1 :]])

        number = index + 1
        written = f"{key}: {value}" if value else f"{key}:"
        cases.append(
            (
                "missing colon",
                number,
                broken(f"{indent}{key} {value}" if value else f"{indent}{key}"),
                f"Der mangler et kolon efter '{key}': skriv '{written}'.",
            )
        )
        if value:
            cases += [
                (
                    "missing space",
                    number,
                    broken(f"{indent}{key}:{value}"),
                    f"Der mangler et mellemrum efter kolonet: skriv '{key}: {value}'.",
                ),
                ("unclosed quote", number, broken(f'{indent}{key}: "{value}'), "bliver aldrig lukket"),
                ("tab after the colon", number, broken(f"{indent}{key}:\t{value}"), "tabulatortegn (Tab)"),
            ]
            if not value[0].isdigit():
                cases.append(
                    (
                        "colon in text",
                        number,
                        broken(f"{indent}{key}: {value}: mere"),
                        f"Sæt hele teksten i anførselstegn: '{key}: \"{value}: mere\"'.",
                    )
                )
        if indent.strip() == "" and len(indent) >= 2:
            cases.append(("tab indentation", number, broken("\t" + line.rstrip("\n")[1:]), "tabulatortegn"))
    return cases


MISTAKES = mistakes(fixture_roster_text())


@pytest.mark.parametrize(
    ("what", "line", "text", "fragment"),
    MISTAKES,
    ids=[f"{what}-line-{line}" for what, line, _, _ in MISTAKES],
)
def test_a_mistake_is_reported_on_its_line(what: str, line: int, text: str, fragment: str) -> None:
    with pytest.raises(RosterError) as caught:
        root, problems = nodes_from_text(text)
        parse_roster(root, LANGUAGES, problems)
    first = caught.value.problems[0]
    assert (first.line, fragment in first.message) == (line, True), f"{what}: {first}"


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_any_small_edit_gives_messages_never_a_crash(data: st.DataObject) -> None:
    """Delete, double or insert a character anywhere: the roster is accepted or refused with messages."""
    text = fixture_roster_text()
    position = data.draw(st.integers(0, len(text) - 1))
    edit = data.draw(st.sampled_from(["delete", "double", "insert"]))
    character = data.draw(st.sampled_from([*" :-\"'\t\n#&*!|>@`{[]}%?,\\", "a"]))
    if edit == "delete":
        text = text[:position] + text[position + 1 :]
    elif edit == "double":
        text = text[:position] + text[position] + text[position:]
    else:
        text = text[:position] + character + text[position:]
    try:
        root, problems = nodes_from_text(text)
        parse_roster(root, LANGUAGES, problems)
    except RosterError as error:
        assert error.problems
        for problem in error.problems:
            assert 0 <= problem.line <= text.count("\n") + 2 and problem.message, problem
