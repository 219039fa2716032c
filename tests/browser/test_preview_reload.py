"""In a real browser the preview reloads by itself after a save, with no Content Security Policy violation."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser
from support.browser import CSP_RECORDER
from support.preview import serving
from support.site import copy_project

pytestmark = pytest.mark.browser
SAVED = "Gemt og genindlæst."


def test_the_browser_reloads_by_itself_after_a_save(browser: Browser, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    with serving(project, tmp_path / "serve.log") as preview:
        context = browser.new_context()
        try:
            page = context.new_page()
            page.add_init_script(CSP_RECORDER)
            page.goto(preview.url + "kontakt/")
            page.wait_for_function("() => document.readyState === 'complete'")
            source = project / "docs" / "da" / "kontakt.md"
            source.write_text(
                source.read_text(encoding="utf-8") + "\nGemt og genindlæst.\n", encoding="utf-8"
            )
            # No page.reload(): the live-reload script must do it.
            page.wait_for_function(
                "() => document.body.innerText.includes('Gemt og genindlæst.')", timeout=60_000
            )
            assert page.evaluate("window.__cspViolations") == []
        finally:
            context.close()
