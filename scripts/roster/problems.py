"""Messages for editors: each names the file, the line (and column), what is wrong and how to fix it.

The editors read Danish first: every message is Danish, with PyYAML's English words (for
maintainers) in brackets at the end where they help.
"""

from __future__ import annotations

from yaml_syntax import Problem

# Enough to fix a whole file in one go; a file with more is broken in one way repeated many times.
MAX_SHOWN = 30


class RosterError(Exception):
    """The roster cannot be used. Carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} fejl i styregruppens fil")
        self.problems = sorted(set(problems))

    def report(self, file_label: str) -> str:
        lines = [problem.format(file_label) for problem in self.problems[:MAX_SHOWN]]
        count = len(self.problems)
        if count > MAX_SHOWN:
            lines.append(f"{file_label}: … og {count - MAX_SHOWN} fejl mere (ret dem ovenfor først).")
        lines.append(
            f"Fandt {count} fejl i {file_label}. Ret linjerne ovenfor: intet udgives, før de er rettet."
        )
        return "\n".join(lines)


class PageError(Exception):
    """A page or output file cannot be updated, e.g. its markers for the generated block are missing."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail  # the system's own (English) words, for maintainers

    def report(self, then: str = "") -> str:
        """The message, then what follows from it (e.g. "Intet er ændret."), then the detail in brackets."""
        text = f"{self.message} {then}".rstrip()
        return f"{text} ({self.detail})" if self.detail else text
