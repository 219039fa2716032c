"""Helpers for driving the built site in headless Chromium (Playwright's sync API)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Response

CHROMIUM_CANDIDATES = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
)
# Quiet, offline-friendly Chromium (see ../shared/STACK-NOTES.md). Playwright adds a fresh, empty profile.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
NO_CHROMIUM = (
    "No Chromium found. Install Debian's package: sudo apt-get install -y chromium (or set CHROMIUM_PATH)"
)

# Collects Content Security Policy violations into window.__cspViolations. Playwright injects init scripts
# through the DevTools protocol, so this runs although the page's own policy forbids inline scripts.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(
    `${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber}`
    + (e.sample ? ` sample=${JSON.stringify(e.sample)}` : ""));
});
"""

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_RUN = """async ([tags, include]) => {
  const context = include ? {include: [include]} : document;
  const result = await axe.run(context, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({target: n.target, summary: n.failureSummary})),
  }));
}"""

# Where keyboard focus is and how it shows: a description, its indicator and whether it can be seen.
FOCUS_STATE = """() => {
  // Judge the settled state: jump the transitions that focus started (menus, overlays, the skip link's
  // fade-in) to their end. getAnimations() first applies the pending style changes.
  for (const animation of document.getAnimations()) {
    try { animation.finish(); } catch { /* an endless animation has no end to jump to */ }
  }
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const label = (el.getAttribute("href") || el.getAttribute("aria-label") || el.textContent || "").trim();
  let opacity = 1;
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    opacity *= Number(getComputedStyle(node).opacity);
  }
  return {
    element: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}`
      + `${el.classList.length ? "." + [...el.classList].join(".") : ""} "${label.slice(0, 60)}"`,
    outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0, boxShadow: s.boxShadow,
    rect: {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height},
    viewport: {width: innerWidth, height: innerHeight},
    visibility: s.visibility, opacity,
  };
}"""

# Elements of the given areas that stick out of the viewport sideways, or whose box cuts off its content.
# Content inside a horizontally scrollable box (a wide table) is exempt (WCAG 1.4.10 allows it for data
# tables); the scrollable box itself must fit, and axe checks that it can be scrolled with the keyboard.
OVERFLOW_PROBLEMS = """(selectors) => {
  const width = document.documentElement.clientWidth;
  const inScroller = (el) => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      if (["auto", "scroll"].includes(getComputedStyle(node).overflowX)) return true;
    }
    return false;
  };
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (el.classList.length ? "." + [...el.classList].join(".") : "");
  const problems = [];
  for (const el of document.querySelectorAll(selectors.join(","))) {
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue;  // empty, or visually hidden on purpose
    const s = getComputedStyle(el);
    if (s.visibility === "hidden" || s.position === "fixed" || inScroller(el)) continue;
    if (r.right > width + 1 || r.left < -1) {
      const span = `x=${Math.round(r.left)}..${Math.round(r.right)}`;
      problems.push(`${describe(el)} spans ${span}, viewport ${width}px`);
    }
    const axes = [["X", "clientWidth", "scrollWidth"], ["Y", "clientHeight", "scrollHeight"]];
    for (const [axis, size, scroll] of axes) {
      const overflow = s["overflow" + axis];
      if ((overflow === "hidden" || overflow === "clip") && el[scroll] > el[size] + 1) {
        problems.push(`${describe(el)} cuts off its content (${axis}: ${el[scroll]}px in ${el[size]}px)`);
      }
    }
  }
  return problems;
}"""

STORAGE_STATE = "() => ({local: {...localStorage}, session: {...sessionStorage}})"

# Wait two frames (so that pending style changes have started their transitions), then jump every
# transition to its end: checks then see the settled page, not a menu or overlay halfway faded in.
SETTLE = """async () => {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  for (const animation of document.getAnimations()) {
    try { animation.finish(); } catch { /* an endless animation has no end to jump to */ }
  }
}"""


def find_chromium(environ: dict[str, str] | None = None) -> str | None:
    """CHROMIUM_PATH if set, else the first Chromium/Chrome of the usual Debian/Ubuntu paths."""
    environ = dict(os.environ) if environ is None else environ
    configured = environ.get("CHROMIUM_PATH")
    if configured:
        return configured if Path(configured).is_file() else None
    return next((path for path in CHROMIUM_CANDIDATES if Path(path).is_file()), None)


@dataclass
class Recorder:
    """Everything a browser context did on the network and in its consoles."""

    requests: list[str] = field(default_factory=list)  # "METHOD url (resource type)"
    urls: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    csp_messages: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    pending: int = 0  # requests started and not yet finished or failed
    _started: set[Request] = field(default_factory=set)  # late events of earlier requests are ignored

    def reset(self) -> None:
        """Forget everything recorded so far (a reused page starts a new test)."""
        for name in (
            "requests",
            "urls",
            "failed",
            "bad_responses",
            "console_errors",
            "csp_messages",
            "page_errors",
        ):
            getattr(self, name).clear()
        self._started.clear()
        self.pending = 0

    def attach(self, context: BrowserContext) -> None:
        # Context-level events include the requests of the search web worker, not just the page's.
        context.on("request", self._on_request)
        context.on("requestfinished", self._on_finished)
        context.on("requestfailed", self._on_failed)
        context.on("response", self._on_response)
        context.on("console", self._on_console)
        context.on("weberror", lambda error: self.page_errors.append(str(error.error)))

    def _on_request(self, request: Request) -> None:
        self._started.add(request)
        self.pending += 1
        self.urls.append(request.url)
        self.requests.append(f"{request.method} {request.url} ({request.resource_type})")

    def _on_finished(self, request: Request) -> None:
        if request in self._started:
            self.pending -= 1

    def _on_failed(self, request: Request) -> None:
        if request in self._started:
            self.pending -= 1
            self.failed.append(f"{request.method} {request.url}: {request.failure}")

    def wait_until_quiet(self, page: Page, quiet_ms: int = 150, timeout_ms: int = 10_000) -> None:
        """Wait until no request is open and none starts for quiet_ms (networkidle waits 500 ms)."""
        for _ in range(timeout_ms // quiet_ms):
            seen = len(self.urls)
            page.wait_for_timeout(quiet_ms)  # lets Playwright deliver the events meanwhile
            if self.pending <= 0 and len(self.urls) == seen:
                return
        raise TimeoutError(
            f"network still busy after {timeout_ms} ms ({self.pending} requests open) on {page.url}"
        )

    def _on_response(self, response: Response) -> None:
        if response.status >= 400 and response.request in self._started:
            self.bad_responses.append(f"{response.status} {response.request.method} {response.url}")

    def _on_console(self, message: ConsoleMessage) -> None:
        text = f"{message.type}: {message.text} ({message.location.get('url', '')})"
        if (
            "content security policy" in message.text.lower()
            or "content-security-policy" in message.text.lower()
        ):
            self.csp_messages.append(text)
        elif message.type == "error":
            self.console_errors.append(text)

    def foreign_requests(self, origin: str) -> list[str]:
        """Requests to anything but the test server (data: and blob: URLs never leave the browser)."""
        return [
            line
            for url, line in zip(self.urls, self.requests, strict=True)
            if urlsplit(url).scheme not in ("data", "blob", "about") and not url.startswith(origin + "/")
        ]


def axe_violations(page: Page, axe_source: str, include: str | None = None) -> list[dict]:
    """Run axe-core (WCAG 2.0-2.2 A/AA rules) on the settled page (only within `include` if given)."""
    page.evaluate(SETTLE)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    return page.evaluate(AXE_RUN, [AXE_TAGS, include])


def format_violations(violations: Iterable[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>"
        )
        for node in violation["nodes"][:10]:
            summary = " ".join(node["summary"].split())
            lines.append(f"    at {' > '.join(json.dumps(t) for t in node['target'])}: {summary}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    ... and {len(violation['nodes']) - 10} more elements")
    return "\n".join(lines)


def search_translations(page: Page) -> dict[str, str]:
    """Material's search messages in the page's language (from its #__config block)."""
    return page.evaluate("() => JSON.parse(document.getElementById('__config').textContent).translations")


def run_search(page: Page, query: str, timeout_ms: float = 10_000) -> list[dict[str, str]]:
    """Open Material's search with the keyboard, type query, wait for the outcome; the results found.

    Each result is {"href": absolute URL, "text": title and teaser}. Waiting ends when the result count
    line shows a count or "no results", so an empty list is a real answer, not a time-out.
    """
    page.keyboard.press("/")
    query_box = page.locator("[data-md-component=search-query]")
    query_box.wait_for(state="visible", timeout=timeout_ms)
    query_box.press_sequentially(query)  # Material searches on keyup: fill() would not trigger it
    messages = search_translations(page)
    outcomes = [
        messages["search.result.none"],
        messages["search.result.one"],
        messages["search.result.other"],
    ]
    page.wait_for_function(
        """(outcomes) => {
          const meta = document.querySelector(".md-search-result__meta");
          if (!meta) return false;
          const text = meta.textContent.trim();
          const matches = (o) => o.includes("#") ? new RegExp("^" + o.replace("#", "\\\\d+") + "$").test(text)
                                                 : o === text;
          return outcomes.some(matches);
        }""",
        arg=outcomes,
        timeout=timeout_ms,
    )
    return page.evaluate(
        """() => [...document.querySelectorAll(".md-search-result__list .md-search-result__link")]
               .map((a) => ({href: a.href, text: a.textContent.replace(/\\s+/g, " ").trim()}))"""
    )


def csp_problems(policy: str) -> list[str]:
    """What is wrong with a Content Security Policy for this site: only 'self', hashes for scripts.

    img-src may also allow data: (Material's icons are data: URIs in its CSS).
    """
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        tokens = part.split()
        if tokens:
            directives[tokens[0].lower()] = tokens[1:]
    problems = []
    for name, expected in (("default-src", ["'self'"]), ("object-src", ["'none'"]), ("base-uri", ["'self'"])):
        if directives.get(name) != expected:
            problems.append(f"{name} must be {' '.join(expected)}, is {directives.get(name)}")
    script_src = directives.get("script-src")
    if script_src is None:
        problems.append("script-src is missing (scripts fall back to default-src; say it explicitly)")
    for name, sources in directives.items():
        for source in sources:
            allowed = source in ("'self'", "'none'")
            allowed |= (
                name == "script-src" and re.fullmatch(r"'sha256-[A-Za-z0-9+/]+={0,2}'", source) is not None
            )
            allowed |= name == "img-src" and source == "data:"
            if not allowed:
                problems.append(f"{name} allows {source}")
    return problems
