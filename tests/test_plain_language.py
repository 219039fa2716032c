"""Plain language: LIX of the Danish pages, sentence length of the English ones, the glossary's terms.

The pages are measured as they are on disk, so an editor's rewording is checked the same way; the
limits, the languages and the glossary come from scripts/plain_language.py, mkdocs.yml and
data/ordliste-engelsk.yml. The checker itself is proven on small texts written here.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import plain_language
import pytest
import yaml
from support.site import LANGUAGES, ROOT, copy_project, nav_pages, run_script

from roster.page import MARKER

GLOSSARY_FILE = ROOT / "data" / "ordliste-engelsk.yml"
GLOSSARY = plain_language.load_glossary(GLOSSARY_FILE, LANGUAGES)
MEASURED = list(plain_language.readability_by_language(LANGUAGES).items())
LIX_CODE, LIX_MEASURE = next((c, m) for c, m in MEASURED if m.kind == plain_language.LIX)
SENTENCE_CODE, SENTENCE_MEASURE = next(
    (c, m) for c, m in MEASURED if m.kind == plain_language.LONGEST_SENTENCE
)
AVOIDED = [(term, variant) for term in GLOSSARY.terms for variant in term.avoid]

# A hard Danish sentence: 12 words, 10 of them longer than 6 letters ("af" and "mellem" are not).
HARD_DANISH = (
    "Forvaltningsmæssige overvejelser vedrørende implementeringen af administrative retningslinjer "
    "forudsætter omfattende koordinering mellem myndighederne."
)
HARD_DANISH_LIX = 12 / 1 + 100 * 10 / 12  # 95.3
EASY_DANISH = "Puljen er til unge.\n\nDu kan skrive til os. Vi svarer dig snart.\n"


def page_text(code: str, md: str) -> str:
    return (ROOT / "docs" / code / md).read_text(encoding="utf-8")


def write_page(docs: Path, code: str, name: str, body: str, description: str = "En side.") -> Path:
    """A page below docs/<code>/ with the front matter every page has."""
    path = docs / code / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: Test\ndescription: {description}\n---\n\n{body}", encoding="utf-8")
    return path


def check(docs: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_script(ROOT, "plain_language.py", "--docs-dir", str(docs), *args)


def words(count: int) -> str:
    """An English sentence of exactly `count` words."""
    return " ".join(["The"] + ["fund"] * (count - 2) + ["works."])


# The real pages


@pytest.mark.parametrize("md", nav_pages())
@pytest.mark.parametrize(("code", "measure"), [(c, m) for c, m in MEASURED if m.kind == plain_language.LIX])
def test_every_page_measured_by_lix_is_within_the_limit(code: str, measure, md: str) -> None:
    result = plain_language.readability(f"{code}/{md}", code, page_text(code, md), measure)
    assert result.sentences > 0, f"{code}/{md}: no prose found"
    assert result.value <= measure.limit, (
        f"{code}/{md}: LIX {result.value} > {measure.limit}; longest sentence on line {result.longest_line}: "
        f"{result.longest_text!r}"
    )


@pytest.mark.parametrize("md", nav_pages())
@pytest.mark.parametrize(
    ("code", "measure"), [(c, m) for c, m in MEASURED if m.kind == plain_language.LONGEST_SENTENCE]
)
def test_every_sentence_is_within_the_word_limit(code: str, measure, md: str) -> None:
    too_long = [
        f"line {sentence.line}: {len(sentence.words)} words: {sentence.text}"
        for sentence in plain_language.sentences(page_text(code, md))
        if len(sentence.words) > measure.limit
    ]
    assert not too_long, f"{code}/{md}: sentences over {measure.limit} words:\n" + "\n".join(too_long)


@pytest.mark.parametrize("md", nav_pages())
def test_the_translated_pages_use_the_glossary_terms(md: str) -> None:
    problems = plain_language.glossary_problems(md, page_text(GLOSSARY.target, md), GLOSSARY)
    assert not problems, "\n".join(problem.message for problem in problems)


def test_the_script_passes_on_the_site_and_lists_every_page() -> None:
    result = run_script(ROOT, "plain_language.py", "--json")
    assert result.returncode == plain_language.EXIT_OK, result.stdout + result.stderr
    report = json.loads(result.stdout)
    listed = {(Path(page["file"]).parent.name, Path(page["file"]).name) for page in report["pages"]}
    assert listed >= {(code, md) for code, _ in MEASURED for md in nav_pages()}
    assert report["problems"] == []


def test_the_glossary_says_what_it_is_for_in_danish() -> None:
    header = GLOSSARY_FILE.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert header.startswith("#") and "Redaktører og oversættere" in header


# The checker on small texts


def test_a_hard_danish_text_fails_with_its_lix(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    hard = write_page(docs, LIX_CODE, "svaer.md", HARD_DANISH + "\n")
    result = check(docs, str(hard))
    assert result.returncode == plain_language.EXIT_CHECK_FAILED, result.stdout + result.stderr
    assert f"LIX {round(HARD_DANISH_LIX, 1):g}" in result.stdout
    assert "svaer.md" in result.stdout and "linje 6" in result.stdout  # where the longest sentence starts


def test_an_easy_danish_text_passes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    easy = write_page(docs, LIX_CODE, "let.md", EASY_DANISH)
    result = check(docs, str(easy))
    assert result.returncode == plain_language.EXIT_OK, result.stdout + result.stderr


def test_only_prose_is_measured(tmp_path: Path) -> None:
    """Front matter, comments and marker lines, code and link addresses leave the LIX unchanged."""
    plain = "# Puljen er til unge\n\nDu kan [skrive til os](kontakt.md). Vi svarer snart.\n"
    noisy = (
        "# Puljen er til unge {#puljen}\n\n<!-- Forvaltningsmæssige implementeringsovervejelser. -->\n\n"
        "Du kan [skrive til os](https://forvaltningsmæssige-implementeringsovervejelser.example/). "
        "Vi svarer snart.\n\n```text\nadministrationsgrundlagsforudsætninger\n```\n\n"
        f"{MARKER}\n"
    )
    measure = LIX_MEASURE
    expected = plain_language.readability("a", LIX_CODE, plain, measure)
    found = plain_language.readability("b", LIX_CODE, noisy, measure)
    assert (found.value, found.words, found.sentences) == (expected.value, expected.words, expected.sentences)
    assert expected.sentences == 3  # the heading counts as a sentence


def test_abbreviations_and_dates_do_not_end_a_sentence() -> None:
    found = plain_language.sentences("20 pct. flere fuldfører den 24. april 2018. Lov nr. 692 gælder.\n")
    assert [len(sentence.words) for sentence in found] == [8, 4]


def test_a_sentence_over_the_word_limit_fails_with_its_line(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    limit = SENTENCE_MEASURE.limit
    long_page = write_page(docs, SENTENCE_CODE, "long.md", f"# Test\n\nShort one.\n\n{words(30)}\n")
    result = check(docs, str(long_page))
    assert result.returncode == plain_language.EXIT_CHECK_FAILED, result.stdout + result.stderr
    assert f"long.md:10: sætningen har 30 ord, højst {limit}" in result.stdout


def test_a_sentence_at_the_word_limit_passes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    page = write_page(docs, SENTENCE_CODE, "ok.md", words(SENTENCE_MEASURE.limit) + "\n")
    result = check(docs, str(page))
    assert result.returncode == plain_language.EXIT_OK, result.stdout + result.stderr


def test_a_sentence_over_two_lines_is_one_sentence() -> None:
    sentence = words(30).split(" ")
    wrapped = " ".join(sentence[:15]) + "\n" + " ".join(sentence[15:]) + "\n"
    found = plain_language.sentences(wrapped)
    assert [(sentence.line, len(sentence.words)) for sentence in found] == [(1, 30)]


def test_a_variant_to_avoid_fails_with_the_term_to_use(tmp_path: Path) -> None:
    term, variant = AVOIDED[0]
    docs = tmp_path / "docs"
    page = write_page(docs, GLOSSARY.target, "terms.md", f"# Test\n\nAsk {variant} today.\n")
    result = check(docs, str(page))
    assert result.returncode == plain_language.EXIT_CHECK_FAILED, result.stdout + result.stderr
    assert f"terms.md:8: skriv '{term.target}', ikke '{variant}'" in result.stdout


@pytest.mark.parametrize(("term", "variant"), AVOIDED, ids=[variant for _, variant in AVOIDED])
def test_every_variant_to_avoid_is_caught(term, variant: str) -> None:
    text = f"---\ntitle: Test\ndescription: A page.\n---\n\nWe wrote {variant.upper()} here.\n"
    problems = plain_language.glossary_problems("terms.md", text, GLOSSARY)
    assert [(problem.line, problem.kind) for problem in problems] == [(6, "glossary")]
    assert f"'{term.target}'" in problems[0].message


def test_a_variant_in_the_description_is_caught() -> None:
    _, variant = AVOIDED[0]
    text = f"---\ntitle: Test\ndescription: About {variant}.\n---\n\n# Test\n"
    problems = plain_language.glossary_problems("terms.md", text, GLOSSARY)
    assert [problem.line for problem in problems] == [3]


def test_the_term_to_use_is_never_reported() -> None:
    text = "\n\n".join(f"Use {term.target} here." for term in GLOSSARY.terms) + "\n"
    assert plain_language.glossary_problems("terms.md", text, GLOSSARY) == []


# Exit codes and output


def test_help_names_the_exit_codes() -> None:
    result = run_script(ROOT, "plain_language.py", "--help")
    assert result.returncode == 0
    assert "exit codes" in result.stdout and "LIX" in result.stdout


def test_the_table_and_json_report_the_figures(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    hard = write_page(docs, LIX_CODE, "svaer.md", HARD_DANISH + "\n")
    table = check(docs, str(hard))
    assert "svaer.md" in table.stdout and LIX_MEASURE.label in table.stdout
    data = json.loads(check(docs, "--json", str(hard)).stdout)
    assert data["pages"][0]["value"] == round(HARD_DANISH_LIX, 1)
    assert data["pages"][0]["ok"] is False
    assert data["problems"][0]["kind"] == "lix"


def test_a_missing_page_is_bad_input(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    result = check(docs, str(docs / LIX_CODE / "findes-ikke.md"))
    assert result.returncode == plain_language.EXIT_BAD_INPUT
    assert "findes-ikke.md" in result.stderr


def test_a_page_in_no_language_of_the_site_is_bad_input(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    codes = {language.code for language in LANGUAGES}
    unknown = next(code for code in ("xx", "yy", "zz") if code not in codes)
    page = write_page(docs, unknown, "side.md", EASY_DANISH)
    result = check(docs, str(page))
    assert result.returncode == plain_language.EXIT_BAD_INPUT
    assert unknown in result.stderr


@pytest.mark.parametrize(
    ("glossary", "message"),
    [
        ("terms: [\n", "ikke gyldig YAML"),
        ("- just a list\n", "'terms:'"),
        ("source: {s}\ntarget: xx\nterms: []\n", "sidens sprog"),
        ("source: {s}\ntarget: {t}\nterms:\n  - {s}: pulje\n", "term nr. 1"),
        (
            "source: {s}\ntarget: {t}\nterms:\n  - {s}: pulje\n    {t}: fund\n    avoid: [fund]\n",
            "contradictory glossary",
        ),
    ],
    ids=["not-yaml", "no-terms", "unknown-language", "missing-target", "contradiction"],
)
def test_a_broken_glossary_is_bad_input(tmp_path: Path, glossary: str, message: str) -> None:
    path = tmp_path / "ordliste.yml"
    path.write_text(glossary.format(s=GLOSSARY.source, t=GLOSSARY.target), encoding="utf-8")
    docs = tmp_path / "docs"
    page = write_page(docs, LIX_CODE, "let.md", EASY_DANISH)
    result = check(docs, "--glossary", str(path), str(page))
    assert result.returncode == plain_language.EXIT_BAD_INPUT, result.stdout + result.stderr
    assert message in result.stderr


def test_the_glossary_file_is_plain_yaml_with_both_languages() -> None:
    data = yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8"))
    for entry in data["terms"]:
        assert entry[GLOSSARY.source] and entry[GLOSSARY.target], entry


# The words the site shows outside its pages: each language's words in mkdocs.yml

MULTI_WORD = next((term, variant) for term, variant in AVOIDED if " " in variant)


def synthetic_config(source_ui: str = "", target_entry: str = "", target_ui: str = "") -> str:
    """A small site configuration in the glossary's two languages; the extra lines go where named."""
    head = ["site_name: Test", "plugins:", "  - search", "  - i18n:", "      languages:"]
    source = [f"        - locale: {GLOSSARY.source}", "          name: Kilde", "          default: true"]
    target = [f"        - locale: {GLOSSARY.target}", "          name: Target"]
    extra = [
        "          extra:",
        "            regional_locale: xx_XX",
        "            ui:",
        "              contact: A",
    ]
    return "".join(
        [
            "\n".join(head + source + extra) + "\n",
            source_ui,
            "\n".join(target) + "\n",
            target_entry,
            "\n".join(extra) + "\n",
            target_ui,
        ]
    )


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def shown_problems(tmp_path: Path, config_text: str) -> list[plain_language.Problem]:
    path = tmp_path / "mkdocs.yml"
    path.write_text(config_text, encoding="utf-8")
    return plain_language.shown_text_problems(path, GLOSSARY)


def test_a_variant_in_a_word_the_site_shows_is_caught_with_its_line(tmp_path: Path) -> None:
    term, variant = AVOIDED[0]
    config = synthetic_config(target_ui=f"              footer_label: We wrote {variant} here.\n")
    problems = shown_problems(tmp_path, config)
    assert [(problem.line, problem.kind) for problem in problems] == [(line_of(config, variant), "glossary")]
    message = problems[0].message
    assert message.startswith(
        f"{problems[0].file}:{problems[0].line}: skriv '{term.target}', ikke '{variant}'"
    )
    assert "footer_label" in message  # which setting, as well as the line


def test_a_variant_in_a_word_over_several_lines_is_caught_on_its_own_line(tmp_path: Path) -> None:
    _, variant = MULTI_WORD
    first, rest = variant.split(" ", 1)
    config = synthetic_config(
        target_ui=(
            "              notice: >-\n                The first line says nothing.\n"
            f"                Then we wrote {first}\n                {rest} here.\n"
        )
    )
    problems = shown_problems(tmp_path, config)
    assert [problem.line for problem in problems] == [line_of(config, f"wrote {first}")]
    assert f"ikke '{variant}'" in problems[0].message  # the line break read as a space


@pytest.mark.parametrize(
    ("where", "lines"),
    [
        ("nested", {"target_ui": "              theme:\n                action.skip: {text}\n"}),
        ("site_description", {"target_entry": "          site_description: >-\n            {text}\n"}),
        ("copyright", {"target_entry": "          copyright: {text}\n"}),
    ],
)
def test_every_word_the_site_shows_in_the_language_is_read(tmp_path: Path, where: str, lines: dict) -> None:
    _, variant = AVOIDED[0]
    text = f"We wrote {variant} here."
    config = synthetic_config(**{place: line.format(text=text) for place, line in lines.items()})
    problems = shown_problems(tmp_path, config)
    assert [problem.line for problem in problems] == [line_of(config, text)], where


def test_the_original_languages_words_are_not_held_to_the_glossary(tmp_path: Path) -> None:
    _, variant = AVOIDED[0]
    config = synthetic_config(source_ui=f"              footer_label: {variant}\n")
    assert shown_problems(tmp_path, config) == []


def test_the_words_to_use_are_never_reported_in_the_settings(tmp_path: Path) -> None:
    lines = "".join(
        f"              term_{number}: Use {term.target} here.\n"
        for number, term in enumerate(GLOSSARY.terms)
    )
    assert shown_problems(tmp_path, synthetic_config(target_ui=lines)) == []


def test_the_sites_own_settings_use_the_glossary_terms() -> None:
    problems = plain_language.shown_text_problems(ROOT / "mkdocs.yml", GLOSSARY)
    assert not problems, "\n".join(problem.message for problem in problems)


def test_make_plain_reads_the_words_in_mkdocs_yml(tmp_path: Path) -> None:
    """The whole check, as `make plain` and `make check` run it, names mkdocs.yml, the line and the fix."""
    term, variant = AVOIDED[0]
    project = copy_project(tmp_path / "project")
    config_path = project / "mkdocs.yml"
    # A new word at the top of the target language's `ui:` words, indented like the first one there.
    lines = config_path.read_text(encoding="utf-8").split("\n")
    entry = next(n for n, line in enumerate(lines) if line.strip() == f"- locale: {GLOSSARY.target}")
    ui = next(n for n in range(entry, len(lines)) if lines[n].strip() == "ui:")
    indent = len(lines[ui + 1]) - len(lines[ui + 1].lstrip())
    lines.insert(ui + 1, " " * indent + f"footer_label: Ask {variant} today.")
    config_path.write_text("\n".join(lines), encoding="utf-8")
    result = run_script(project, "plain_language.py")
    assert result.returncode == plain_language.EXIT_CHECK_FAILED, result.stdout + result.stderr
    assert f"mkdocs.yml:{ui + 2}: skriv '{term.target}', ikke '{variant}'" in result.stdout


def test_a_configuration_without_the_language_is_bad_input(tmp_path: Path) -> None:
    config = tmp_path / "andet.yml"
    config.write_text("plugins:\n  - search\n", encoding="utf-8")
    result = run_script(ROOT, "plain_language.py", str(config))
    assert result.returncode == plain_language.EXIT_BAD_INPUT, result.stdout + result.stderr
    assert "andet.yml" in result.stderr and f"'{GLOSSARY.target}'" in result.stderr


def test_a_configuration_that_is_not_yaml_is_bad_input(tmp_path: Path) -> None:
    config = tmp_path / "andet.yml"
    config.write_text("plugins: [\n", encoding="utf-8")
    result = run_script(ROOT, "plain_language.py", str(config))
    assert result.returncode == plain_language.EXIT_BAD_INPUT, result.stdout + result.stderr
    assert "andet.yml" in result.stderr and "ikke gyldig YAML" in result.stderr
