"""The site under test: where it lives, its languages and pages, and how the tests build it.

The languages come from mkdocs.yml (scripts/site_config.py), as the hooks and scripts read them:
a test about "every language" takes them from LANGUAGES, never from a list of its own.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import site_config
from site_config import (
    Language,
    copy_build_inputs,
    generator_command,
    page_folder,
    read_mkdocs_yml,
    site_languages,
)

ROOT = Path(__file__).resolve().parents[2]
HOOKS_DIR = ROOT / "overrides" / "hooks"
# A published-looking address below a sub-path, as on a GitHub Pages project site. Never fetched.
TEST_SITE_URL = "https://nordjylland.example/teknologipagt/"
TEST_BASE_PATH = "/teknologipagt/"
TEST_EDIT_URI = "https://github.example/region/teknologipagt/edit/main/docs/"
# Every language of the site, the default first (scripts/site_config.py reads them from mkdocs.yml).
LANGUAGES = site_languages(ROOT / "mkdocs.yml")
LOCALES = tuple(language.code for language in LANGUAGES)
DEFAULT_LOCALE = LANGUAGES[0].code


def language_by_code(code: str) -> Language:
    """The site's language with this code: language_by_code("da").name == "Dansk"."""
    return next(language for language in LANGUAGES if language.code == code)


def mkdocs_config() -> dict:
    """mkdocs.yml as plain data: `!ENV` settings give their defaults, Python tags None."""
    return read_mkdocs_yml(ROOT / "mkdocs.yml")


def nav_pages() -> list[str]:
    """The pages in navigation order, as Markdown file names shared by every language."""
    return site_config.nav_pages(mkdocs_config())


def page_url_path(md_name: str, language: str | Language) -> str:
    """A page's index.html below the site folder: ('puljen.md', 'en') -> 'en/puljen/index.html'.
    The language by its code in mkdocs.yml, or as a Language (one a test adds to a copy)."""
    if isinstance(language, str):
        language = language_by_code(language)
    return page_folder(md_name, language) + "index.html"


def write_file(path: Path, text: str) -> Path:
    """Write a file of a test's own, with the folders it needs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def copy_project(destination: Path) -> Path:
    """A throw-away copy of what the build reads, for tests that break it on purpose."""
    return copy_build_inputs(destination)


def build_site(
    destination: Path, project: Path = ROOT, generator: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """Build project strictly into destination, with the project's generator (site_config.GENERATOR) or
    the one named; extra environment variables override the defaults."""
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
        generator_command("build", "--strict", "--site-dir", str(destination), generator=generator),
        cwd=project,
        env=full_env,
        capture_output=True,
        text=True,
        check=False,
    )


def load_hook(name: str) -> ModuleType:
    """A build hook of overrides/hooks/, a fresh copy of the module as MkDocs loads it from its file.

    The hooks import their shared helpers (sitelib) by bare name: MkDocs has the hook folder on the
    import path while it loads a hook, and pytest has it there throughout (`pythonpath` in
    pyproject.toml)."""
    spec = importlib.util.spec_from_file_location(f"{name}_under_test", HOOKS_DIR / f"{name}.py")
    assert spec and spec.loader, f"no hook {name} in {HOOKS_DIR}"
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # as an import would: dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def add_paragraph(page: Path, text: str) -> int:
    """Add a paragraph at the end of a page, as an editor would; the number of its line."""
    lines = page.read_text(encoding="utf-8").splitlines()
    page.write_text("\n".join([*lines, "", text]) + "\n", encoding="utf-8")
    return len(lines) + 2


def run_script(project: Path, script: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """One of the project's scripts (scripts/<script>), run in project as an editor would run it."""
    return subprocess.run(
        [sys.executable, str(project / "scripts" / script), *args],
        cwd=project,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
