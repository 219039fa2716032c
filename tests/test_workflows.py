"""The workflows, checked offline: schema, security audit, pins and permissions; what publishing and
the weekly link watch run."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support.site import ROOT

from site_config import GENERATOR

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SITE_WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
LINK_WATCH = ROOT / ".github" / "workflows" / "links.yml"
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
BIN = Path(sys.executable).parent
PINNED_USE = re.compile(r"^\s*(?:-\s*)?uses:\s*(?P<action>[\w.-]+/[\w./-]+)@(?P<ref>\S+)(?P<comment>.*)$")


def load(path: Path) -> dict:
    # PyYAML reads the key `on` as True; the tests ask for it by that key.
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_there_is_a_workflow() -> None:
    assert SITE_WORKFLOW in WORKFLOWS


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_github_schema(path: Path) -> None:
    result = subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_config_matches_schema() -> None:
    result = subprocess.run(
        [
            BIN / "check-jsonschema",
            "--builtin-schema",
            "vendor.dependabot",
            str(DEPENDABOT),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    ecosystems = {u["package-ecosystem"] for u in load(DEPENDABOT)["updates"]}
    assert {"github-actions", "pip", "npm"} <= ecosystems


def test_security_audit_finds_nothing() -> None:
    result = subprocess.run(
        [BIN / "zizmor", "--offline", "--no-progress", str(ROOT / ".github")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path: Path) -> None:
    uses = [m for line in path.read_text(encoding="utf-8").splitlines() if (m := PINNED_USE.match(line))]
    assert uses, "no actions found: the pattern is out of date"
    for use in uses:
        where = f"{path.name}: {use['action']}@{use['ref']}"
        assert re.fullmatch(r"[0-9a-f]{40}", use["ref"]), f"{where} is not pinned to a full commit SHA"
        assert re.search(r"#\s*v\d+\.\d+\.\d+", use["comment"]), f"{where} lacks its version in a comment"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_permissions_are_read_only_except_for_deploying(path: Path) -> None:
    workflow = load(path)
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        permissions = job.get("permissions", {})
        writes = {scope for scope, level in permissions.items() if level == "write"}
        if path == SITE_WORKFLOW and name == "deploy":
            assert permissions == {"pages": "write", "id-token": "write"}
        else:
            assert not writes, f"{path.name}: job {name} may write: {writes}"


def test_deploy_runs_only_for_main_and_is_never_cancelled() -> None:
    workflow = load(SITE_WORKFLOW)
    deploy = workflow["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert deploy["environment"]["name"] == "github-pages"
    steps = [step.get("uses", "") for step in deploy["steps"]]
    assert any(s.startswith("actions/deploy-pages@") for s in steps)


def test_build_uses_full_history_the_published_address_and_the_readme_test_command() -> None:
    workflow = load(SITE_WORKFLOW)
    assert workflow[True]["push"]["branches"] == ["main"] and "pull_request" in workflow[True]
    steps = workflow["jobs"]["build"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    assert checkout["with"]["persist-credentials"] is False
    runs = [s.get("run", "") for s in steps]
    assert any(r.strip() == "make test" for r in runs)
    build = next(s for s in steps if "make build" in s.get("run", ""))
    assert "steps.pages.outputs.base_url" in build["env"]["SITE_URL"]
    uploads = [s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert uploads and uploads[0]["with"]["path"] == "site/"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme


def test_a_job_builds_with_properdocs_and_compares() -> None:
    """MkDocs' maintained continuation builds the same site on every pull request and push."""
    job = load(SITE_WORKFLOW)["jobs"]["generators"]
    assert job["permissions"] == {"contents": "read"}
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0 and checkout["with"]["persist-credentials"] is False
    assert [s["run"].strip() for s in job["steps"] if "run" in s] == ["make generators"]
    dry_run = subprocess.run(["make", "-n", "generators"], cwd=ROOT, capture_output=True, text=True)
    assert "tests/test_generators.py" in dry_run.stdout, dry_run.stdout + dry_run.stderr
    compares = (ROOT / "tests" / "test_generators.py").read_text(encoding="utf-8")
    assert 'generator="properdocs"' in compares


def test_link_watch_runs_weekly_and_by_hand_only() -> None:
    triggers = load(LINK_WATCH)[True]
    assert set(triggers) == {"schedule", "workflow_dispatch"}, "not on pushes or pull requests"
    [schedule] = triggers["schedule"]
    minute, hour, day_of_month, month, day_of_week = schedule["cron"].split()
    assert minute.isdigit() and hour.isdigit() and day_of_week.isdigit(), "one fixed time"
    assert (day_of_month, month) == ("*", "*"), "every week"


def test_link_watch_reads_only_and_runs_make_links_into_the_job_summary() -> None:
    [job] = load(LINK_WATCH)["jobs"].values()
    # Reading the repository and the published address is all it needs.
    assert job["permissions"] == {"contents": "read", "pages": "read"}
    assert job["timeout-minutes"] <= 60
    steps = job["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    assert "ref" not in checkout.get("with", {}), "a scheduled run checks out main, the published branch"
    assert any(s.get("uses", "").startswith("actions/configure-pages@") for s in steps)
    watch = next(s for s in steps if "make links" in s.get("run", ""))
    assert watch["run"].strip() == 'make links SUMMARY="$GITHUB_STEP_SUMMARY"'
    assert "steps.pages.outputs.base_url" in watch["env"]["SITE_URL"]
    # The pages are built as published (make build), then checked by the script.
    dry_run = subprocess.run(
        ["make", "-n", "links", "SUMMARY=summary.md"], cwd=ROOT, capture_output=True, text=True
    )
    assert dry_run.returncode == 0, dry_run.stderr
    commands = dry_run.stdout.splitlines()
    build = next(i for i, line in enumerate(commands) if f"-m {GENERATOR} build --strict" in line)
    watch_line = next(i for i, line in enumerate(commands) if "scripts/link_watch.py" in line)
    assert build < watch_line and '--summary "summary.md"' in commands[watch_line]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make links" in readme and "links.yml" in readme
