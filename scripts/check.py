"""The editors' check (`make check`, and the pull request's summary): everything an editor's change can break.

Settings (mkdocs.yml), the steering group, translations, spelling, plain language, and a strict build
with its links and the rules for the pages' text. Runs every check, even after one fails, and ends
with a short summary in Danish. With --summary FILE it also appends the results as Markdown to FILE:
the publishing workflow passes GitHub's job summary, so an editor working in GitHub's web editor
sees on the pull request, for each mistake, the file, the line and what to write.

A mistake an editor can make that the tests would catch is caught here too, in the editors' words;
a check that crashes is reported as a fault of the tool, never as a traceback.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from site_config import MKDOCS_YML, ROOT, SiteConfigError, display_path, generator_command, site_languages

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
SCRIPTS = ROOT / "scripts"

# How each outcome is shown: in the terminal, and in the pull request's summary.
PASSED, NOTE, FAILED, SKIPPED = "passed", "note", "failed", "skipped"
TERMINAL_MARK = {PASSED: "OK  ", NOTE: "NB  ", FAILED: "FEJL", SKIPPED: "-   "}
SUMMARY_MARK = {PASSED: "✅", NOTE: "⚠️", FAILED: "❌", SKIPPED: "⏭️"}


@dataclass(frozen=True)
class Step:
    name: str  # as the summary says it, in Danish, with the file an editor changes
    command: list[str]
    has_markdown: bool = False  # the command takes --markdown: the same result as Markdown, for the summary
    advisory: bool = False  # a failure is something to do, not a mistake: it does not fail the check


@dataclass(frozen=True)
class Outcome:
    step: Step
    state: str
    output: str  # what the terminal shows: stdout and stderr, without MkDocs' progress lines
    stdout: str  # the result itself (Markdown when asked for)


def steps(site_dir: Path) -> list[Step]:
    python = sys.executable
    return [
        Step(
            "Styregruppen (data/steering-group.yml)", [python, str(SCRIPTS / "steering_group.py"), "--check"]
        ),
        Step(
            "Oversættelser (docs/)",
            [python, str(SCRIPTS / "translation_status.py"), "--strict"],
            has_markdown=True,
            advisory=True,
        ),
        Step(
            "Stavning (docs/, data/ordliste.txt)", [python, str(SCRIPTS / "spelling.py")], has_markdown=True
        ),
        Step(
            "Klart sprog og ordliste (docs/, data/ordliste-engelsk.yml)",
            [python, str(SCRIPTS / "plain_language.py")],
        ),
        Step(
            "Bygning af siden, links og sidernes regler (docs/, mkdocs.yml)",
            # Not --quiet: it silences the warnings, and strict mode then has nothing to count.
            generator_command("build", "--strict", "--site-dir", str(site_dir)),
        ),
    ]


def settings_outcome(config: Path) -> Outcome:
    """mkdocs.yml read first: every other check reads it, so a mistake in it is told once, here."""
    step = Step(f"Indstillinger ({display_path(config)})", [])
    try:
        site_languages(config)
    except SiteConfigError as error:
        return Outcome(step, FAILED, str(error), "")
    return Outcome(step, PASSED, "", "")


def run(step: Step, as_markdown: bool) -> Outcome:
    """Run the step once; with as_markdown, in its Markdown form (for a job summary) where it has one."""
    command = [*step.command, "--markdown"] if as_markdown and step.has_markdown else step.command
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    lines = (result.stdout + result.stderr).splitlines()
    # MkDocs' progress lines ("INFO - ...") and its count of warnings say nothing an editor needs.
    shown = "\n".join(line for line in lines if not line.startswith(("INFO", "Aborted with"))).strip()
    if "Traceback (most recent call last)" in shown:
        last = next((line for line in reversed(lines) if line.strip()), "")
        shown = (
            "Tjekket gik i stå på grund af en fejl i værktøjet, ikke nødvendigvis i din ændring. "
            f"Bed en udvikler se på det. ({last.strip()})"
        )
        return Outcome(step, FAILED, shown, "")
    something_to_do = step.advisory and result.returncode == EXIT_CHECK_FAILED
    state = PASSED if result.returncode == EXIT_OK else NOTE if something_to_do else FAILED
    return Outcome(step, state, shown, result.stdout.strip())


def markdown(outcomes: Sequence[Outcome]) -> str:
    lines = ["## Tjek af siden", ""]
    for outcome in outcomes:
        lines += [f"### {SUMMARY_MARK[outcome.state]} {outcome.step.name}", ""]
        if outcome.step.has_markdown and outcome.stdout:
            lines.append(outcome.stdout)
        elif outcome.state != PASSED and outcome.output:
            lines += ["```text", outcome.output, "```"]
        lines.append("")
    failed = [outcome for outcome in outcomes if outcome.state == FAILED]
    if failed:
        lines += [
            "**Sådan retter du:** åbn filen, som beskeden nævner, på GitHub, klik på blyanten, ret linjen, "
            "som beskeden siger, og gem (Commit changes) på samme gren. Tjekket kører så igen af sig selv.",
            "",
        ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="check.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit codes:\n  0  every check passed\n  1  a check failed (each failure is printed above)",
    )
    parser.add_argument("--summary", type=Path, metavar="FILE", help="append the results as Markdown to FILE")
    arguments = parser.parse_args(argv)
    outcomes = [settings_outcome(MKDOCS_YML)]
    with tempfile.TemporaryDirectory(prefix="check-site-") as site_dir:
        for step in steps(Path(site_dir)):
            if outcomes[0].state == FAILED:
                outcome = Outcome(step, SKIPPED, f"Ikke kørt: ret først {display_path(MKDOCS_YML)}.", "")
            else:
                outcome = run(step, as_markdown=arguments.summary is not None)
            outcomes.append(outcome)
    for outcome in outcomes:
        print(f"{TERMINAL_MARK[outcome.state]}  {outcome.step.name}")
        if outcome.output and (outcome.state != PASSED or outcome.step.has_markdown):
            print("      " + outcome.output.replace("\n", "\n      "))
    if arguments.summary:
        with arguments.summary.open("a", encoding="utf-8") as summary:
            summary.write(markdown(outcomes))
    failed = [outcome.step.name for outcome in outcomes if outcome.state == FAILED]
    if failed:
        names = ", ".join(failed)
        print(f"\n{len(failed)} tjek fejlede: {names}. Ret fejlene ovenfor, og kør 'make check' igen.")
        return EXIT_CHECK_FAILED
    print("\nAlt er i orden.")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
