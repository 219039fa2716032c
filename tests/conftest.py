"""Shared fixtures: one strict build of the whole site per test session, as it will be published."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.site import build_site
from support.vnu import NO_JAVA, NO_VNU, VNU_JAR


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once, strictly, with the test settings."""
    destination = tmp_path_factory.mktemp("build") / "site"
    result = build_site(destination)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return destination


@pytest.fixture(scope="session")
def java_path() -> str:
    """The `java` command, for tests marked `java`: missing Java fails them, it never skips them."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(NO_JAVA, pytrace=False)
    return java


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    """The Nu Html Checker from node_modules (npm ci installs it)."""
    if not VNU_JAR.is_file():
        pytest.fail(NO_VNU, pytrace=False)
    return VNU_JAR
