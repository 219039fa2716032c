"""Keyboard focus as a visitor sees it: each Tab stop shown, uncovered, and marked at 3:1 or more.

The focus indicator is judged on screen, not from the stylesheet: the stop and its surroundings are
photographed twice, focused as they are and with the indicator (outline, ring) switched off, and the
two pictures are compared pixel by pixel. A pixel counts for the indicator when its colour with the
focus has a contrast of at least 3:1 against its colour without (what surrounds the stop, WCAG 1.4.11
and 2.4.13's measure). An indicator needs at least as many such pixels as a 1 px line along half the
outline of the part of the stop on screen: an outline in the colour of the background, hidden by a
neighbour or clipped away has none.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from io import BytesIO

from PIL import Image
from playwright.sync_api import Page

from support.browser import js

FOCUS_STOP = js("focus-stop")
# Switch the focused element's indicator off (True) or on again (False). Set through the element's style
# object, which the site's Content Security Policy allows (a <style> element or style attribute it blocks).
INDICATOR_OFF = """(off) => {
  const style = document.activeElement.style;
  for (const property of ["outline-style", "box-shadow"]) {
    if (off) style.setProperty(property, "none", "important"); else style.removeProperty(property);
  }
}"""
MIN_CONTRAST = 3.0
MARGIN = 8  # px around the stop: room for an outline drawn outside it
SETTLE_MS = 300  # some widgets react to the focus a moment later (Material's search overlay)


@dataclass
class FocusStop:
    """One Tab stop: what it is, inside which of the walk's selectors it lies, what is wrong with it."""

    element: str
    within: list[bool]
    problems: list[str]

    def describe(self) -> str:
        return f"{self.element}: {'; '.join(self.problems)}" if self.problems else self.element


@functools.cache
def _luminance(rgb: tuple[int, int, int]) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio of two sRGB colours (1 to 21)."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _picture(page: Page, clip: dict[str, float]) -> Image.Image:
    png = page.screenshot(clip=clip, caret="initial")  # focus_stop() has finished the transitions
    return Image.open(BytesIO(png)).convert("RGB")


def indicator_pixels(page: Page, shown: dict[str, float], viewport: dict[str, float]) -> int:
    """How many pixels around the focused element's part on screen its indicator changes at 3:1 or more."""
    left, top = max(shown["left"] - MARGIN, 0), max(shown["top"] - MARGIN, 0)
    right = min(shown["left"] + shown["width"] + MARGIN, viewport["width"])
    bottom = min(shown["top"] + shown["height"] + MARGIN, viewport["height"])
    clip = {"x": left, "y": top, "width": right - left, "height": bottom - top}
    focused = _picture(page, clip)
    page.evaluate(INDICATOR_OFF, True)
    try:
        plain = _picture(page, clip)
    finally:
        page.evaluate(INDICATOR_OFF, False)
    pixels = zip(focused.get_flattened_data(), plain.get_flattened_data(), strict=True)
    return sum(1 for on, off in pixels if on != off and contrast(on, off) >= MIN_CONTRAST)


def _seen_problems(stop: dict) -> list[str]:
    """Why a stop cannot be seen at all (no size, hidden, off screen, covered)."""
    rect = stop["rect"]
    if rect["width"] < 1 or rect["height"] < 1:
        return [f"has no size ({rect['width']:.0f}x{rect['height']:.0f})"]
    if stop["visibility"] != "visible" or stop["opacity"] < 0.9:
        return [f"is hidden (visibility {stop['visibility']}, opacity {stop['opacity']:.2f})"]
    if not stop["inView"]:
        return [f"is off the screen at x={rect['left']:.0f}, y={rect['top']:.0f}"]
    if stop["shown"] is None:
        return [f"is covered or clipped away (on top at its centre: {stop['covering']})"]
    return []


def focus_stop(page: Page, selectors: list[str] = (), *, pixels: bool = True) -> FocusStop | None:
    """The focused element judged as a visitor sees it; None when the focus is on no element of the page.

    pixels=False skips the pictures (quicker): the indicator then only has to exist (an outline or a
    box-shadow), not to stand out.
    """
    stop = page.evaluate(FOCUS_STOP, list(selectors))
    if stop is not None and _seen_problems(stop):
        page.wait_for_timeout(SETTLE_MS)
        stop = page.evaluate(FOCUS_STOP, list(selectors))
    if stop is None:
        return None
    problems = _seen_problems(stop)
    if not problems and not stop["outlined"]:
        problems.append("has no focus indicator (outline none, no box-shadow)")
    if not problems and pixels:
        shown = stop["shown"]
        strong = indicator_pixels(page, shown, stop["viewport"])
        needed = round(shown["width"] + shown["height"])  # a 1 px line along half its outline
        if strong < needed:
            problems.append(
                f"its focus indicator has {strong} pixels at {MIN_CONTRAST:g}:1 or more against what is "
                f"around it; a 1 px line along half its outline would have {needed}"
            )
    return FocusStop(stop["element"], stop["within"], problems)


def tab(
    page: Page, selectors: list[str] = (), *, backwards: bool = False, pixels: bool = True
) -> FocusStop | None:
    """Press Tab (Shift+Tab) once and judge where the focus lands."""
    page.keyboard.press("Shift+Tab" if backwards else "Tab")
    return focus_stop(page, selectors, pixels=pixels)
