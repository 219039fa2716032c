"""The small checkers the browser tests rely on: they must accept what is right and catch what is wrong.

They run without a browser.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium import NO_CHROMIUM, find_chromium
from support.browser import csp_problems

SITE_POLICY = (
    "default-src 'self'; script-src 'self' 'sha256-/8wPdzX9q0NNJXyA5lzsLojXFpkeaXVxhbfkUOQaWy8='; "
    "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


def test_csp_checker_accepts_the_site_policy() -> None:
    assert csp_problems(SITE_POLICY) == []


@pytest.mark.parametrize(
    ("policy", "problem"),
    [
        (
            SITE_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
            "script-src allows 'unsafe-inline'",
        ),
        (
            SITE_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"),
            "script-src allows 'unsafe-eval'",
        ),
        (
            SITE_POLICY.replace("connect-src 'self'", "connect-src 'self' https://x.test"),
            "connect-src allows https://x.test",
        ),
        (
            SITE_POLICY.replace("style-src 'self'", "style-src 'self' 'sha256-abc='"),
            "style-src allows 'sha256-abc='",
        ),
        (SITE_POLICY.replace("object-src 'none'", "object-src 'self'"), "object-src must be 'none'"),
        (SITE_POLICY.replace("; base-uri 'self'", ""), "base-uri must be 'self'"),
        (SITE_POLICY.replace("default-src 'self'", "default-src *"), "default-src must be 'self'"),
    ],
)
def test_csp_checker_catches_loose_policies(policy: str, problem: str) -> None:
    found = csp_problems(policy)
    assert any(line.startswith(problem) for line in found), (
        f"{problem!r} not reported for {policy!r}: {found}"
    )


def test_find_chromium_prefers_chromium_path(tmp_path: Path) -> None:
    browser = tmp_path / "chrome"
    browser.write_text("")
    assert find_chromium({"CHROMIUM_PATH": str(browser)}) == str(browser)
    assert find_chromium({"CHROMIUM_PATH": str(tmp_path / "missing")}) is None
    assert "sudo apt-get install -y chromium" in NO_CHROMIUM and "CHROMIUM_PATH" in NO_CHROMIUM
