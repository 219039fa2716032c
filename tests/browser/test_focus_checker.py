"""The focus checker the keyboard walks rely on (tests/support/focus.py) catches every way a focus stop
can escape the eye, on a page made for it, and passes a plain visible one."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from support.browser import Visit
from support.focus import focus_stop

pytestmark = pytest.mark.browser

# One link per case, on a blue background like the site's header; the outline is the site's 3 px one.
PAGE = """<!doctype html><html><head><style>
  body { margin: 0; background: #0b3a66; color: #fff; font: 16px sans-serif; }
  a { display: inline-block; margin: 20px; padding: 8px; color: #fff; }
  a:focus { outline: 3px solid #fff; outline-offset: 2px; }
  #same-colour:focus { outline-color: #0b3a66; }
  #faint:focus { outline-color: #24598c; }
  #none:focus { outline: none; }
  #transparent { opacity: 0; }
  #hidden-panel { visibility: hidden; }
  #covered-box { position: relative; }
  #cover { position: absolute; inset: -10px; background: rgba(0, 0, 0, 0.5); }
  #clipped-box { width: 0; height: 0; overflow: hidden; }
  #away { position: absolute; left: -999px; }
</style></head><body>
  <p><a id="good" href="#1">plain and visible</a></p>
  <p><a id="same-colour" href="#2">outline the colour of the background</a></p>
  <p><a id="faint" href="#3">outline under 3:1</a></p>
  <p><a id="none" href="#4">no outline</a></p>
  <p><a id="transparent" href="#5">transparent</a></p>
  <p id="covered-box"><a id="covered" href="#6">covered</a><span id="cover"></span></p>
  <p id="clipped-box"><a id="clipped" href="#7">clipped away</a></p>
  <p><a id="away" href="#8">off the screen</a></p>
</body></html>"""

CASES = {
    "same-colour": "focus indicator has 0 pixels",
    "faint": "focus indicator has 0 pixels",
    "none": "has no focus indicator",
    "transparent": "is hidden",
    "covered": "is covered or clipped away (on top at its centre: span#cover)",
    "clipped": "is covered or clipped away",
    "away": "is off the screen",
}


@pytest.fixture
def checker_page(open_page: Callable[..., Visit]) -> Visit:
    visit = open_page("", "desktop", goto=False)
    visit.page.set_content(PAGE)
    return visit


def test_a_plain_visible_focus_passes(checker_page: Visit) -> None:
    checker_page.page.focus("#good")
    stop = focus_stop(checker_page.page)
    assert stop is not None and stop.problems == [], stop


@pytest.mark.parametrize(("case", "problem"), CASES.items(), ids=CASES.keys())
def test_a_stop_that_cannot_be_seen_is_reported(checker_page: Visit, case: str, problem: str) -> None:
    checker_page.page.focus(f"#{case}")
    stop = focus_stop(checker_page.page)
    assert stop is not None and any(problem in found for found in stop.problems), (
        f"#{case}: expected {problem!r}, the checker found {stop and stop.problems}"
    )


def test_no_focus_on_the_page_is_none(checker_page: Visit) -> None:
    checker_page.page.evaluate("document.activeElement.blur()")
    assert focus_stop(checker_page.page) is None
