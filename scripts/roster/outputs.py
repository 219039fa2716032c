"""The files made from the roster: the block spliced between the markers, atomic writes, diffs for --check."""

from __future__ import annotations

import contextlib
import difflib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import render
from .model import Roster
from .problems import PageError
from site_config import Language, display_path

START_MARKER = "<!-- steering-group:start -->"
END_MARKER = "<!-- steering-group:end -->"
PAGE_NAME = "organisering.md"
NEW_FILE_MODE = 0o644


@dataclass(frozen=True)
class Output:
    """A file as the roster says it should be."""

    path: Path
    content: bytes

    def current(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None

    def is_up_to_date(self) -> bool:
        return self.current() == self.content


def planned_outputs(roster: Roster, docs_dir: Path, languages: tuple[Language, ...]) -> list[Output]:
    """The page and the open-data files of every language, in a fixed order."""
    outputs = []
    for language in languages:
        page = docs_dir / language.code / PAGE_NAME
        block = render.page_block(roster, language, languages)
        page_text = splice(read_page(page), block, display_path(page))
        outputs += [
            Output(page, page_text.encode("utf-8")),
            Output(
                docs_dir / render.open_data_path(language, "json"),
                _utf8(render.open_data_json(roster, language)),
            ),
            Output(
                docs_dir / render.open_data_path(language, "csv"),
                _utf8(render.open_data_csv(roster, language)),
            ),
        ]
    return outputs


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


def read_page(path: Path) -> str:
    # Bytes, not read_text(): the page's own line endings must survive untouched.
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise PageError(f"{display_path(path)}: siden findes ikke. Tjek --docs-dir.", "not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PageError(f"{display_path(path)}: siden kan ikke læses.", str(error)) from None


def splice(page_text: str, block: str, label: str) -> str:
    """The page with everything between the two markers replaced by block; the rest stays byte for byte."""
    starts, ends = page_text.count(START_MARKER), page_text.count(END_MARKER)
    if starts != 1 or ends != 1 or page_text.index(START_MARKER) > page_text.index(END_MARKER):
        raise PageError(
            f"{label}: siden skal have linjen '{START_MARKER}' og under den linjen '{END_MARKER}', "
            f"én gang hver (fandt {starts} og {ends}). Sæt dem ind igen, dér hvor styregruppen skal stå."
        )
    head, rest = page_text.split(START_MARKER)
    _, tail = rest.split(END_MARKER)
    return head + START_MARKER + block + END_MARKER + tail


def stale_outputs(outputs: list[Output]) -> list[Output]:
    return [output for output in outputs if not output.is_up_to_date()]


def unified_diff(output: Output) -> str:
    label = display_path(output.path)
    before = (output.current() or b"").decode("utf-8", errors="replace").splitlines(keepends=True)
    after = output.content.decode("utf-8").splitlines(keepends=True)
    lines = difflib.unified_diff(before, after, f"{label} (now)", f"{label} (from the roster)")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def write_all(outputs: list[Output]) -> None:
    """Write every file, or none: all go to temporary files first, then each replaces its target at once."""
    staged: list[tuple[Path, Path]] = []
    for output in outputs:
        try:
            staged.append((_stage(output), output.path))
        except OSError as error:
            _discard([temporary for temporary, _ in staged])
            raise PageError(f"{display_path(output.path)}: filen kan ikke gemmes.", error.strerror) from None
    for temporary, target in staged:
        os.replace(temporary, target)


def _stage(output: Output) -> Path:
    """A temporary copy of output next to its target (same folder, so os.replace is atomic)."""
    output.path.parent.mkdir(parents=True, exist_ok=True)
    mode = stat.S_IMODE(output.path.stat().st_mode) if output.path.exists() else NEW_FILE_MODE
    handle, name = tempfile.mkstemp(dir=output.path.parent, prefix=f".{output.path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(output.content)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)  # mkstemp makes files private; keep the target's permissions
    except OSError:
        _discard([temporary])
        raise
    return temporary


def _discard(paths: list[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()
