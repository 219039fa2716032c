"""An editor with only a browser: each routine change made by editing files and committing, as GitHub's
web editor does, then only what the pull request's workflow runs, following the summary's words.

The workflow runs `make check` for the summary (scripts/check.py --summary), `make test` and
`make build`. Here each change is committed to a git copy of the site, the check writes its summary,
and the site is built strictly; what the summary tells the editor to write is written, exactly. At the
end, the tests of the suite that read the site's content run on the edited copy, so the summary and
the tests are seen to agree. Expectations come from the edited files, never from today's wording.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from support.html import parse
from support.site import LANGUAGES, ROOT, build_site, copy_project, page_url_path

ORIGINAL, *TRANSLATIONS = LANGUAGES
ROSTER = Path("data") / "steering-group.yml"
# The page the editor adds by hand: a name and a title that no page of the site has yet.
NEW_PAGE_NUMBER = next(
    n for n in range(1, 100) if not (ROOT / "docs" / ORIGINAL.code / f"ansoegning-{n}.md").exists()
)
NEW_PAGE = f"ansoegning-{NEW_PAGE_NUMBER}.md"
# The tests of the suite that read the site's own content (pages, roster, configuration).
CONTENT_TESTS = [
    "tests/test_site_content.py",
    "tests/test_site_pages.py",
    "tests/test_content_rules.py::test_headings_one_title_first_and_no_level_skipped",
    "tests/test_links.py",
    "tests/test_spelling.py::test_the_site_is_spelt_right",
    "tests/test_plain_language.py",
    "tests/test_translation_status.py::test_every_page_of_the_site_is_in_every_language",
    "tests/test_steering_group.py",
]


@dataclass(frozen=True)
class Run:
    """What the pull request shows: the check's exit code, its summary and output, and the build."""

    check: subprocess.CompletedProcess[str]
    summary: str
    build: subprocess.CompletedProcess[str]
    site: Path

    def section(self, title_start: str, named: str = "") -> str:
        """The summary's section whose heading (its mark, then its name) starts with title_start,
        or, with `named`, whose name starts so whatever its mark."""
        parts = re.split(r"^### ", self.summary, flags=re.M)
        found = [
            part
            for part in parts
            if part.startswith(title_start) and part.partition(" ")[2].startswith(named)
        ]
        assert found, f"no section {title_start or named!r} in:\n{self.summary}"
        return found[0]


def git(project: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Redaktør", "-c", "user.email=redaktor@example.invalid", *args],
        cwd=project,
        check=True,
        capture_output=True,
    )


def commit(project: Path, message: str) -> None:
    """What "Commit changes" in GitHub's web editor does."""
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", message)


def workflow(project: Path, tmp: Path, name: str) -> Run:
    """The pull request's workflow on the project: the editors' check (with its summary), then the build."""
    summary = tmp / f"{name}-summary.md"
    check = subprocess.run(
        [sys.executable, str(project / "scripts" / "check.py"), "--summary", str(summary)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    site = tmp / f"{name}-site"
    build = build_site(site, project=project)
    return Run(check, summary.read_text(encoding="utf-8"), build, site)


def assert_green(run: Run) -> None:
    assert run.check.returncode == 0, run.check.stdout + run.check.stderr
    assert "❌" not in run.summary and "Traceback" not in run.summary + run.check.stdout
    assert run.build.returncode == 0, run.build.stderr


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def page_text(site: Path, md: str, code: str) -> str:
    return " ".join(parse(site / page_url_path(md, code)).by_class("md-content__inner")[0].text.split())


def notice(site: Path, md: str, code: str) -> list:
    return parse(site / page_url_path(md, code)).by_class("translation-notice")


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git copy of the site, as the editor's branch starts."""
    project = copy_project(tmp_path_factory.mktemp("branch") / "project")
    for name in ("tests", "pyproject.toml"):  # for running the suite's content tests on the copy
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / name)
    git(project, "init", "-q")
    commit(project, "The site as it is")
    return project


# The routine changes, one after the other on the same branch, each ending green


def test_1_a_roster_change_alone_publishes_the_new_list_everywhere(repository: Path, tmp_path: Path) -> None:
    roster = repository / ROSTER
    text = roster.read_text(encoding="utf-8")
    head, *blocks = re.split(r"(?m)^(?=  - name: )", text)
    first, removed, *rest = blocks
    changed_title = {language.code: f"Ny titel {language.code}" for language in LANGUAGES}
    for language in LANGUAGES:
        old = yaml.safe_load(first)[0]["title"][language.code]
        first = first.replace(
            f"      {language.code}: {old}\n", f"      {language.code}: {changed_title[language.code]}\n", 1
        )
    added = rest[-1].replace(yaml.safe_load(rest[-1])[0]["name"], "Nanna Nymand", 1)
    roster.write_text(head + first + "".join(rest) + "\n" + added.rstrip("\n") + "\n", encoding="utf-8")
    commit(repository, "Styregruppen: ny titel, et nyt medlem, et medlem fjernet")
    run = workflow(repository, tmp_path, "roster")
    assert_green(run)
    assert run.section("✅ Styregruppen")
    members = yaml.safe_load(roster.read_text(encoding="utf-8"))["members"]
    removed_name = yaml.safe_load(removed)[0]["name"]
    for language in LANGUAGES:
        text = page_text(run.site, "organisering.md", language.code)
        assert changed_title[language.code] in text and "Nanna Nymand" in text and removed_name not in text
        data = json.loads((run.site / language.prefix / "data" / "steering-group.json").read_text("utf-8"))
        assert [member["name"] for member in data["members"]] == [member["name"] for member in members]
        csv_text = (run.site / language.prefix / "data" / "steering-group.csv").read_text("utf-8")
        assert "Nanna Nymand" in csv_text and removed_name not in csv_text


def test_2_a_danish_edit_flags_the_translation_and_the_summary_says_what_to_write(
    repository: Path, tmp_path: Path
) -> None:
    page = repository / "docs" / ORIGINAL.code / "puljen.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nPuljen holder øje med nye ideer.\n", "utf-8")
    commit(repository, "Puljen: ny sætning")
    run = workflow(repository, tmp_path, "danish-edit")
    assert_green(run)
    translations = run.section("⚠️ Oversættelser")
    for language in TRANSLATIONS:
        (row,) = [
            line
            for line in translations.splitlines()
            if line.startswith(f"| `puljen.md` | {language.code} |")
        ]
        assert f"docs/{language.code}/puljen.md" in row and len(re.findall(r"<br>`[^`]+`", row)) == 2
        assert notice(run.site, "puljen.md", language.code), "the outdated translation says so"


def test_3_the_english_edit_and_the_summarys_lines_remove_the_notice(
    repository: Path, tmp_path: Path
) -> None:
    before = workflow(repository, tmp_path, "before-english")
    for language in TRANSLATIONS:
        (row,) = [
            line
            for line in before.section("⚠️ Oversættelser").splitlines()
            if line.startswith(f"| `puljen.md` | {language.code} |")
        ]
        page = repository / "docs" / language.code / "puljen.md"
        text = page.read_text(encoding="utf-8") + "\nThe fund looks out for new ideas.\n"
        for line in re.findall(r"<br>`([^`]+)`", row):  # "instead of the two lines there now"
            key = line.partition(":")[0]
            text = re.sub(rf"(?m)^{key}:.*$", line, text, count=1)
        page.write_text(text, encoding="utf-8")
    commit(repository, "The fund: the new sentence in English, translation confirmed")
    run = workflow(repository, tmp_path, "english-edit")
    assert_green(run)
    translations = run.section("", named="Oversættelser")
    assert not [line for line in translations.splitlines() if line.startswith("| `puljen.md` |")], (
        translations
    )
    for language in TRANSLATIONS:
        assert not notice(run.site, "puljen.md", language.code)


def test_4_a_page_written_by_hand_in_both_languages_passes_without_a_notice(
    repository: Path, tmp_path: Path
) -> None:
    number = NEW_PAGE_NUMBER
    for language in LANGUAGES:
        page = repository / "docs" / language.code / NEW_PAGE
        words = {
            True: (
                f"Ansøgning {number}",
                f"Sådan søger din institution om penge, del {number}.",
                "Skriv til puljen.",
            )
        }
        title, description, body = words.get(
            language.default,
            (f"Applying {number}", f"How your institution applies, part {number}.", "Write to the fund."),
        )
        page.write_text(
            f"---\ntitle: {title}\ndescription: {description}\n---\n\n# {title}\n\n{body}\n", "utf-8"
        )
    edit(repository / "mkdocs.yml", "  - index.md\n", f"  - index.md\n  - {NEW_PAGE}\n")
    commit(repository, "Ny side: ansøgning")
    run = workflow(repository, tmp_path, "new-page")
    assert_green(run)
    for language in LANGUAGES:
        assert (run.site / page_url_path(NEW_PAGE, language.code)).is_file()
        assert not notice(run.site, NEW_PAGE, language.code)


def test_5_the_suites_content_tests_agree_with_the_summary(repository: Path) -> None:
    """After every change above the summary was green: so is every test of the suite that reads content."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *CONTENT_TESTS],
        cwd=repository,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


# Mistakes: the summary names the file and the line in Danish and says what to write; doing so ends green


@pytest.fixture()
def branch(tmp_path: Path) -> Path:
    """A fresh git copy of the site, for one mistake."""
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q")
    commit(project, "The site as it is")
    return project


def test_a_typo_and_a_broken_link_are_named_with_the_fix_to_write(branch: Path, tmp_path: Path) -> None:
    page = branch / "docs" / ORIGINAL.code / "kontakt.md"
    lines = page.read_text(encoding="utf-8").count("\n")
    page.write_text(
        page.read_text(encoding="utf-8") + "\nTeknologipagtspullen har [en side om os](organisring.md).\n",
        "utf-8",
    )
    commit(branch, "Kontakt: ny sætning")
    run = workflow(branch, tmp_path, "typo")
    assert run.check.returncode == 1
    spelling = run.section("❌ Stavning")
    assert f"docs/{ORIGINAL.code}/kontakt.md:{lines + 2}" in spelling
    suggested = re.search(r"\*\*Teknologipagtspullen\*\*.*?Mente du `([^`]+)`", spelling)
    assert suggested, spelling
    build = run.section("❌ Bygning")
    link = re.search(rf"docs/{ORIGINAL.code}/kontakt.md:{lines + 2}: .*?Mente du '([^']+)'\?", build)
    assert link, build
    edit(page, "Teknologipagtspullen", suggested[1])
    edit(page, "organisring.md", link[1])
    commit(branch, "Kontakt: rettet som tjekket siger")
    assert_green(workflow(branch, tmp_path, "typo-fixed"))


def test_a_misindented_nav_line_is_named_under_mkdocs_yml_without_a_traceback(
    branch: Path, tmp_path: Path
) -> None:
    config = branch / "mkdocs.yml"
    edit(config, "\n  - puljen.md\n", "\n- puljen.md\n")
    commit(branch, "Menuen")
    run = workflow(branch, tmp_path, "nav")
    assert run.check.returncode == 1 and "Traceback" not in run.check.stdout + run.check.stderr + run.summary
    settings = run.section("❌ Indstillinger (mkdocs.yml)")
    number = config.read_text(encoding="utf-8").splitlines().index("- puljen.md") + 1
    written = re.search(rf"mkdocs\.yml:{number}:\d+: Linjen er rykket .*?: '([^']+)'\.", settings)
    assert written, settings
    assert "⏭️" in run.summary and "❌ Styregruppen" not in run.summary, "told once, under the right file"
    edit(config, "\n- puljen.md\n", f"\n{written[1]}\n")
    commit(branch, "Menuen rettet")
    assert_green(workflow(branch, tmp_path, "nav-fixed"))


def test_a_roster_with_aliases_fails_in_seconds_naming_the_roster(branch: Path, tmp_path: Path) -> None:
    roster = branch / ROSTER
    laughs = (ROOT / "tests" / "rosters" / "billion-laughs.yml").read_text(encoding="utf-8")
    aliases = "".join(line for line in laughs.splitlines(keepends=True) if line.startswith("lol"))
    roster.write_text(aliases + roster.read_text(encoding="utf-8"), encoding="utf-8")
    commit(branch, "Styregruppen")
    started = time.monotonic()
    run = workflow(branch, tmp_path, "aliases")
    assert time.monotonic() - started < 60
    assert run.check.returncode == 1 and run.build.returncode != 0
    assert re.search(r"data/steering-group\.yml:\d+:\d+: .*YAML-a(lias|nker)", run.section("❌ Styregruppen"))


def test_a_zero_width_space_in_a_name_fails_with_the_rosters_line(branch: Path, tmp_path: Path) -> None:
    roster = branch / ROSTER
    lines = roster.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("  - name: "))
    name = lines[number].removeprefix("  - name: ").strip()
    first, _, last = name.partition(" ")
    lines[number] = f"  - name: {first}\u200b {last}\n"
    roster.write_text("".join(lines), encoding="utf-8")
    commit(branch, "Styregruppen")
    run = workflow(branch, tmp_path, "zwsp")
    assert run.check.returncode == 1 and run.build.returncode != 0
    message = run.section("❌ Styregruppen")
    assert (
        f"data/steering-group.yml:{number + 1}:" in message and "U+200B" in message and f"'{name}'" in message
    )
