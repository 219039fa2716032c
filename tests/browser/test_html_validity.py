"""HTML validity of every built page with the Nu Html Checker (vnu.jar), run once for the whole site."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ROOT

pytestmark = pytest.mark.browser

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ALLOWED_FILE = Path(__file__).with_name("vnu-allowed.txt")


def allowed_patterns(path: Path) -> list[re.Pattern[str]]:
    """The exceptions file: a regular expression per line, each under a justifying comment."""
    patterns, justified = [], False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#"):
            justified = justified or bool(line.strip("# "))
        elif line.strip():
            assert justified, (
                f"{path.name}:{number}: exception {line!r} has no comment saying why it is allowed"
            )
            patterns.append(re.compile(line.strip()))
            justified = False
        else:
            justified = False
    return patterns


def run_vnu(site_dir: Path) -> list[dict]:
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "Java is missing for the Nu Html Checker: apt-get install -y default-jre-headless", pytrace=False
        )
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR} is missing: run `npm ci` (make test does it)", pytrace=False)
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", str(site_dir)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    try:
        return json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu.jar gave no JSON report (exit {result.returncode}):\n{result.stderr[-2000:]}")


def _file(message: dict, site_dir: Path) -> str:
    """The reported file, relative to the site folder."""
    path = unquote(urlsplit(message.get("url", "")).path)
    return path.removeprefix(str(site_dir.resolve()) + "/") or "?"


def test_every_page_is_valid_html(site_dir: Path) -> None:
    messages = run_vnu(site_dir)
    patterns = allowed_patterns(ALLOWED_FILE)
    used: Counter[str] = Counter()
    errors, warnings = [], []
    for message in messages:
        line = f"{_file(message, site_dir)}:{message.get('lastLine', '?')}: {message['message']}"
        if message["type"] == "info":
            warnings.append(line)
            continue
        match = next((p for p in patterns if p.search(message["message"])), None)
        if match is None:
            errors.append(f"{line}\n    {message.get('extract', '').strip()[:160]!r}")
        else:
            used[match.pattern] += 1
    if warnings:
        print(
            f"vnu: {len(warnings)} warnings (allowed):\n"
            + "\n".join(sorted(set(w.split(": ", 1)[1] for w in warnings)))
        )
    print(f"vnu: allowed errors: {dict(used)}")
    assert not errors, f"vnu.jar: {len(errors)} HTML errors in the built site:\n" + "\n".join(errors)
    stale = [p.pattern for p in patterns if not used[p.pattern]]
    assert not stale, f"{ALLOWED_FILE.name}: exceptions that no longer match any error, remove them: {stale}"
