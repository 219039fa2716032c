"""MkDocs and ProperDocs, its maintained continuation, build the same site; the editors' messages and the
strict build's rules hold under both (README, "End of life").

ProperDocs answers `import mkdocs` with itself and logs under its own name ("properdocs.structure.pages"),
so anything tied to MkDocs' logger names would go silent under it: these tests build with both.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.site import LANGUAGES, build_site, copy_project

GENERATORS = ["mkdocs", "properdocs"]
ORIGINAL = LANGUAGES[0]


def files_of(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_properdocs_builds_the_same_site_byte_for_byte(site_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "properdocs-site"
    result = build_site(other, generator="properdocs")
    assert result.returncode == 0, result.stderr
    ours, theirs = files_of(site_dir), files_of(other)
    assert sorted(ours) == sorted(theirs), set(ours) ^ set(theirs)
    differing = [name for name in ours if ours[name] != theirs[name]]
    assert not differing, f"{len(differing)} of {len(ours)} files differ: {differing[:10]}"


@pytest.fixture(scope="module")
def broken_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A copy of the site with a misspelt link and a heading that skips a level, on their own lines."""
    project = copy_project(tmp_path_factory.mktemp("broken") / "project")
    page = project / "docs" / ORIGINAL.code / "kontakt.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n[Læs om puljen](pulje.md)\n\n#### For dybt\n", encoding="utf-8")
    return project, text.count("\n") + 2


@pytest.mark.parametrize("generator", GENERATORS)
def test_an_editors_mistakes_are_told_alike_under_each_generator(
    broken_project: tuple[Path, int], tmp_path: Path, generator: str
) -> None:
    project, line = broken_project
    result = build_site(tmp_path / "site", project=project, generator=generator)
    assert result.returncode != 0, "the strict build must stop"
    page = f"docs/{ORIGINAL.code}/kontakt.md"
    assert f"{page}:{line}: linket 'pulje.md' peger på en side, der ikke findes. Mente du 'puljen.md'?" in (
        result.stderr
    )
    assert f"{page}:{line + 2}: overskriften '#### For dybt' springer et niveau over" in result.stderr
