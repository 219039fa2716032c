"""The "last updated" dates from git: renamed files, Danish names, unsaved changes, shallow clones.

The hook's git reading is tested on small repositories made here, with fixed commit dates; the
full build with a shallow clone is in test_build_rules.py.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import subprocess
from pathlib import Path
from types import ModuleType

import pytest
from support.site import load_hook, write_file


def last_updated_hook() -> ModuleType:
    return load_hook("last_updated")


def git(repo: Path, *args: str, day: str = "2020-01-02") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": f"{day}T12:00:00+00:00",
        "GIT_COMMITTER_DATE": f"{day}T12:00:00+00:00",
    }
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
    )


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """A repository whose docs/ has a renamed page and a page with a Danish name, each on a known day."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    write_file(repo / "docs" / "da" / "gammel.md", "# Gammel\n")
    write_file(repo / "docs" / "da" / "øvrige sider.md", "# Øvrige\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "first", day="2020-01-02")
    git(repo, "mv", "docs/da/gammel.md", "docs/da/ny.md")
    git(repo, "commit", "-q", "-m", "rename", day="2021-03-04")
    write_file(repo / "docs" / "da" / "øvrige sider.md", "# Øvrige sider\n")
    git(repo, "commit", "-q", "-am", "edit", day="2022-05-06")
    return repo


def test_dates_follow_renames_and_danish_names(repo: Path) -> None:
    dates = last_updated_hook().read_git_dates(repo / "docs")
    assert dates["da/ny.md"] == dt.date(2021, 3, 4)
    assert dates["da/øvrige sider.md"] == dt.date(2022, 5, 6)


def test_unsaved_changes_get_today_under_their_exact_names(repo: Path) -> None:
    git(repo, "mv", "docs/da/ny.md", "docs/da/omdøbt side.md")  # staged, not committed
    write_file(repo / "docs" / "en" / "ny å.md", "# New\n")  # not yet added
    dates = last_updated_hook().read_git_dates(repo / "docs")
    today = dt.date.today()
    assert dates["da/omdøbt side.md"] == today
    assert dates["en/ny å.md"] == today
    assert not any("->" in name or name.startswith('"') for name in dates), sorted(dates)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def test_a_shallow_clone_still_gives_dates_and_warns(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True, capture_output=True
    )
    hook = last_updated_hook()
    warnings = _Collect()
    hook.log.addHandler(warnings)
    try:
        dates = hook.read_git_dates(clone / "docs")
    finally:
        hook.log.removeHandler(warnings)
    # Only the newest commit is there: every file gets its day, which may be too recent.
    assert dates["da/øvrige sider.md"] == dt.date(2022, 5, 6)
    assert "da/ny.md" in dates
    assert any("shallow git clone" in message for message in warnings.messages), warnings.messages
