"""`make serve`: saving updates the preview, the browser may reload itself, mistakes never freeze it."""

from __future__ import annotations

import base64
import hashlib
import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from support.preview import Preview, serving, wait_for
from support.site import copy_project, run_script

INJECTED_SCRIPT = re.compile(r"<script>((?:(?!<script).)*?)</script>\s*</body>", re.S)
POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"')


@pytest.fixture()
def preview(tmp_path: Path) -> Iterator[Preview]:
    project = copy_project(tmp_path / "project")
    with serving(project, tmp_path / "serve.log") as running:
        yield running


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_saving_the_roster_updates_every_language_in_the_preview(preview: Preview) -> None:
    roster = preview.project / "data" / "steering-group.yml"
    first = yaml.safe_load(roster.read_text(encoding="utf-8"))["members"][0]
    old_title = first["title"]["en"]
    assert old_title in preview.page("en/organisering/")
    edit(roster, f"en: {old_title}", "en: Head of the Preview Test")
    wait_for(lambda: "Head of the Preview Test" in preview.page("en/organisering/"), 60, "the new title")


def test_the_live_reload_script_is_allowed_by_its_hash(preview: Preview) -> None:
    served = preview.page("puljen/")
    script = INJECTED_SCRIPT.search(served)
    policy = POLICY.search(served)
    assert script and "livereload" in script[1], "mkdocs serve injected no live-reload script"
    assert policy, "the served page has no Content Security Policy"
    digest = base64.b64encode(hashlib.sha256(script[1].encode("utf-8")).digest()).decode()
    script_src = next(part for part in policy[1].split(";") if part.strip().startswith("script-src"))
    assert f"'sha256-{digest}'" in script_src, "the CSP would block the live-reload script"
    assert "'unsafe-inline'" not in policy[1]


def test_a_mistake_shows_in_every_page_and_goes_when_fixed(preview: Preview) -> None:
    page = preview.project / "docs" / "da" / "kontakt.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Se puljen](pulje.md)\n", encoding="utf-8")
    line = len(page.read_text(encoding="utf-8").splitlines())

    def box() -> str:
        match = re.search(r'<div class="preview-problems" role="alert">.*?</div>', preview.page("en/"), re.S)
        return match[0] if match else ""

    wait_for(lambda: bool(box()), 60, "the problem box")
    assert f"docs/da/kontakt.md:{line}" in box() and "Mente du &#x27;puljen.md&#x27;?" in box()
    edit(page, "(pulje.md)", "(puljen.md)")
    wait_for(lambda: "preview-problems" not in preview.page("en/"), 60, "the box to go")


def test_a_failed_rebuild_keeps_serving_the_last_pages(preview: Preview) -> None:
    before = preview.page("kontakt/")
    edit(preview.project / "mkdocs.yml", "site_name: ", "site_name: [")  # YAML the build cannot read
    wait_for(lambda: "preview-problems" in preview.page("kontakt/"), 60, "the problem box")
    served = preview.page("kontakt/")
    assert "mkdocs.yml" in served
    assert re.sub(r"<script>.*?</script>", "", before, flags=re.S).count("<h1") == served.count("<h1")


def test_a_change_under_overrides_rebuilds_the_preview(preview: Preview) -> None:
    # The pages load the one stylesheet cut from Material's and ours: a new rule of ours must reach it.
    css = preview.project / "overrides" / "assets" / "stylesheets" / "site.css"
    css.write_text(
        css.read_text(encoding="utf-8") + "\n.preview-test-marker { color: red }\n", encoding="utf-8"
    )
    wait_for(
        lambda: "preview-test-marker" in preview.page("assets/stylesheets/styles.css"),
        60,
        "the new stylesheet",
    )


def test_an_edited_template_is_used_at_once_though_templates_are_kept_compiled(preview: Preview) -> None:
    footer = preview.project / "overrides" / "partials" / "copyright.html"
    footer.write_text(
        footer.read_text(encoding="utf-8") + "\n<p>preview-template-marker-1</p>\n", encoding="utf-8"
    )
    wait_for(lambda: "preview-template-marker-1" in preview.page(""), 60, "the edited footer")
    edit(footer, "preview-template-marker-1", "preview-template-marker-2")
    wait_for(lambda: "preview-template-marker-2" in preview.page(""), 60, "the footer edited again")
    assert "preview-template-marker-1" not in preview.page("")


def test_a_busy_port_is_told_in_danish_with_another_to_pick(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_script(project, "serve.py", "--port", str(port))
    assert result.returncode == 2
    assert f"Port {port} er optaget" in result.stderr and f"make serve PORT={port + 1}" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_broken_mkdocs_yml_is_told_at_its_line_before_the_preview_starts(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    index = lines.index("  - puljen.md\n")
    lines[index] = "- puljen.md\n"
    config.write_text("".join(lines), encoding="utf-8")
    result = run_script(project, "serve.py", "--port", "1")
    assert result.returncode == 2
    assert result.stderr.startswith(f"mkdocs.yml:{index + 1}:1: Linjen er rykket 2 mellemrum for lidt ind")
    assert "'  - puljen.md'" in result.stderr and "Traceback" not in result.stderr
