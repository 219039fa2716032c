"""Messages for editors: each names the file, the line (and column), what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass

from yaml.error import Mark

# Enough to fix a whole file in one go; a file with more is broken in one way repeated many times.
MAX_SHOWN = 30


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the roster. line and column count from 1, as editors and GitHub do."""

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


class RosterError(Exception):
    """The roster cannot be used. Carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the roster")
        self.problems = sorted(set(problems))

    def report(self, file_label: str) -> str:
        lines = [problem.format(file_label) for problem in self.problems[:MAX_SHOWN]]
        count = len(self.problems)
        if count > MAX_SHOWN:
            lines.append(f"{file_label}: ... and {count - MAX_SHOWN} more (fix these first).")
        noun = "problem" if count == 1 else "problems"
        lines.append(
            f"Found {count} {noun} in {file_label}. "
            "Nothing was changed: fix the lines above and run the command again."
        )
        return "\n".join(lines)


class PageError(Exception):
    """A page or output file cannot be updated, e.g. its markers for the generated block are missing."""
