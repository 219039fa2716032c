"""The editors' quick check (`make check`): roster, translations, spelling, and a strict build with its links.

Runs every check, even after one fails, and ends with a short summary in Danish. With --summary FILE
it also appends the results as Markdown to FILE: the publishing workflow passes GitHub's job summary,
so an editor working in GitHub's web editor sees them on the pull request.
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

from site_config import ROOT

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
SCRIPTS = ROOT / "scripts"


@dataclass(frozen=True)
class Step:
    name: str  # as the summary says it, in Danish
    command: list[str]
    has_markdown: bool = (
        False  # the command takes --markdown: the same result as Markdown, for the job summary
    )


@dataclass(frozen=True)
class Outcome:
    step: Step
    ok: bool
    output: str  # what the terminal shows: stdout and stderr, without MkDocs' progress lines
    stdout: str  # the result itself (Markdown when asked for)


def steps(site_dir: Path) -> list[Step]:
    python = sys.executable
    return [
        Step(
            "Styregruppen (data/steering-group.yml)", [python, str(SCRIPTS / "steering_group.py"), "--check"]
        ),
        Step(
            "Oversættelser",
            [python, str(SCRIPTS / "translation_status.py")],
            has_markdown=True,
        ),
        Step(
            "Stavning",
            [python, str(SCRIPTS / "spelling.py")],
            has_markdown=True,
        ),
        Step("Klart sprog og ordliste", [python, str(SCRIPTS / "plain_language.py")]),
        Step(
            "Bygning af siden og links",
            # Not --quiet: it silences the warnings, and strict mode then has nothing to count.
            [python, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        ),
    ]


def run(step: Step, as_markdown: bool) -> Outcome:
    """Run the step once; with as_markdown, in its Markdown form (for a job summary) where it has one."""
    command = [*step.command, "--markdown"] if as_markdown and step.has_markdown else step.command
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    lines = (result.stdout + result.stderr).splitlines()
    # MkDocs' progress lines ("INFO - ...") say nothing an editor needs.
    shown = [line for line in lines if not line.startswith("INFO")]
    return Outcome(step, result.returncode == 0, "\n".join(shown).strip(), result.stdout.strip())


def markdown(outcomes: Sequence[Outcome]) -> str:
    lines = ["## Tjek af siden", ""]
    for outcome in outcomes:
        mark = "✅" if outcome.ok else "❌"
        lines += [f"### {mark} {outcome.step.name}", ""]
        if outcome.step.has_markdown:
            lines.append(outcome.stdout)
        elif not outcome.ok:
            lines += ["```text", outcome.output, "```"]
        lines.append("")
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
    with tempfile.TemporaryDirectory(prefix="check-site-") as site_dir:
        outcomes = []
        for step in steps(Path(site_dir)):
            outcome = run(step, as_markdown=arguments.summary is not None)
            outcomes.append(outcome)
            print(f"{'OK  ' if outcome.ok else 'FEJL'}  {step.name}")
            if outcome.output and (not outcome.ok or step.has_markdown):
                print("      " + outcome.output.replace("\n", "\n      "))
    failed = [outcome.step.name for outcome in outcomes if not outcome.ok]
    if arguments.summary:
        with arguments.summary.open("a", encoding="utf-8") as summary:
            summary.write(markdown(outcomes))
    if failed:
        names = ", ".join(failed)
        print(f"\n{len(failed)} tjek fejlede: {names}. Ret fejlene ovenfor, og kør 'make check' igen.")
        return EXIT_CHECK_FAILED
    print("\nAlt er i orden.")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
