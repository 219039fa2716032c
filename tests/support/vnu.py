"""The Nu Html Checker (vnu.jar, from npm's vnu-jar) and the list of the errors it may report."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from support.site import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The errors allowed in the built site, each under a comment that says why.
ALLOWED_FILE = ROOT / "tests" / "vnu-allowed.txt"
NO_JAVA = "Java is missing for the Nu Html Checker: apt-get install -y default-jre-headless"
NO_VNU = f"{VNU_JAR} is missing: run `npm ci` (make test does it)"


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


def run_vnu(java: str, vnu_jar: Path, site_dir: Path) -> list[dict]:
    """vnu.jar's messages for every HTML file of the site."""
    result = subprocess.run(
        [java, "-jar", str(vnu_jar), "--format", "json", "--skip-non-html", str(site_dir)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    try:
        return json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu.jar gave no JSON report (exit {result.returncode}):\n{result.stderr[-2000:]}")


def reported_file(message: dict, site_dir: Path) -> str:
    """The file a message is about, relative to the site folder."""
    path = unquote(urlsplit(message.get("url", "")).path)
    return path.removeprefix(str(site_dir.resolve()) + "/") or "?"
