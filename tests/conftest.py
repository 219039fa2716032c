"""Shared fixtures: one strict build of the whole site per test session, as it will be published."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
# A published-looking address below a sub-path, as on a GitHub Pages project site. Never fetched.
TEST_SITE_URL = "https://nordjylland.example/teknologipagt/"
TEST_BASE_PATH = "/teknologipagt/"
TEST_EDIT_URI = "https://github.example/region/teknologipagt/edit/main/docs/"
LOCALES = ("da", "en")
DEFAULT_LOCALE = "da"
# The steering group as the owner's source text lists it (../shared/content), in its order and spelling.
SOURCE_STEERING_GROUP = (
    "Hans Chresten Jeppesen",
    "Jette Rygaard",
    "Lene Kvist",
    "Peter Thomsen",
    "Mikkel Bohm",
    "Anders Stryhn",
    "Luise Linnemann Rasmussen",
    "Henriette Rosa Eduardsen",
    "Olav Geil",
    "Anders Norup",
    "Martin Rune Hoxer",
    "Charlotte Bisbjerg",
)


class _MkDocsYamlLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its plain settings; its !ENV and !!python tags become None."""


_MkDocsYamlLoader.add_constructor("!ENV", lambda loader, node: None)
_MkDocsYamlLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def mkdocs_config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_MkDocsYamlLoader)


def nav_pages() -> list[str]:
    """The pages in navigation order, as Markdown file names shared by both languages."""
    return list(mkdocs_config()["nav"])


def page_url_path(md_name: str, locale: str) -> str:
    """A page's index.html below the site folder: ('puljen.md', 'en') -> 'en/puljen/index.html'."""
    stem = md_name.removesuffix(".md")
    folder = "" if stem == "index" else f"{stem}/"
    prefix = "" if locale == DEFAULT_LOCALE else f"{locale}/"
    return f"{prefix}{folder}index.html"


def copy_project(destination: Path) -> Path:
    """A throw-away copy of what the build reads, for tests that break it on purpose."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "overrides", "data", "scripts"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, destination / name)
    return destination


def build_site(destination: Path, project: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    """Build project strictly into destination; extra environment variables override the defaults."""
    full_env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": TEST_SITE_URL,
        "SITE_EDIT_URI": TEST_EDIT_URI,
        "ACCESSIBILITY_STATEMENT_URL": "",
        "FUND_PHONE": "",
        # The build must download nothing: any attempt goes to a closed port and fails the build.
        "HTTP_PROXY": "http://127.0.0.1:9",
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "http_proxy": "http://127.0.0.1:9",
        "https_proxy": "http://127.0.0.1:9",
        "NO_PROXY": "",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destination)],
        cwd=project,
        env=full_env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once, strictly, with the test settings."""
    destination = tmp_path_factory.mktemp("build") / "site"
    result = build_site(destination)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return destination
