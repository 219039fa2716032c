"""Helpers for driving the built site in headless Chromium (Playwright's sync API)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request, Response

from support.site import LOCALES, ROOT, nav_pages, page_url_path

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Rules outside the WCAG tags that Lighthouse's accessibility score counts (axe tags them best practice):
# an unnamed search dialog, for one, passed every WCAG rule and cost Lighthouse 4 points.
AXE_LIGHTHOUSE_RULES = [
    "accesskeys",
    "aria-allowed-role",
    "aria-dialog-name",
    "aria-text",
    "aria-treeitem-name",
    "empty-heading",
    "heading-order",
    "identical-links-same-purpose",
    "image-redundant-alt",
    "label-content-name-mismatch",
    "landmark-one-main",
    "skip-link",
    "tabindex",
    "table-duplicate-name",
]
VIEWPORTS = {"phone": {"width": 360, "height": 800}, "desktop": {"width": 1280, "height": 900}}
# Every page of the site in every language, as (Markdown file name, language code).
PAGES = [(md, lang) for lang in LOCALES for md in nav_pages()]
JS_DIR = Path(__file__).with_name("js")


def js(name: str) -> str:
    """The JavaScript in support/js/<name>.js, for page.evaluate(), wait_for_function() or an init script.

    The text is handed to the browser as it is (the site's Content Security Policy would block a script
    tag): a file holds one function, or, for init scripts, plain statements.
    """
    return (JS_DIR / f"{name}.js").read_text(encoding="utf-8")


CSP_RECORDER = js("csp-recorder")  # fills window.__cspViolations
AXE_RUN = js("axe-run")
OVERFLOW_PROBLEMS = js("overflow-problems")
STORAGE_STATE = js("storage-state")
SETTLE = js("settle")
SEARCH_OUTCOME = js("search-outcome")
SEARCH_RESULTS = js("search-results")
MATERIAL_CONFIG = js("material-config")
DRAWER_OPEN = js("drawer-open")


def page_path(md_name: str, lang: str) -> str:
    """The URL path of a page below the base path, e.g. ('puljen.md', 'en') -> 'en/puljen/'."""
    return page_url_path(md_name, lang).removesuffix("index.html")


def page_id(md_name: str, lang: str) -> str:
    """A test id for a page: ('puljen.md', 'en') -> 'en/puljen'."""
    return f"{lang}/{md_name.removesuffix('.md')}"


PAGE_IDS = [page_id(*page) for page in PAGES]


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


@dataclass
class Visit:
    """A loaded page, with everything its browser context did since it was handed out recorded."""

    page: Page
    context: BrowserContext
    recorder: Recorder
    viewport: str

    def where(self) -> str:
        """For assertion messages: the page URL and the viewport."""
        return f"{self.page.url} [{self.viewport} {self.page.viewport_size}]"


@dataclass
class Tab:
    """A page kept open between tests, with its context and recorder."""

    context: BrowserContext
    page: Page
    recorder: Recorder


PoolKey = tuple[int, int, bool, int | None]  # width, height, bypass_csp, font_size


def new_tab(browser: Browser, key: PoolKey) -> Tab:
    """A fresh context and page for one browser set-up, recording everything and collecting CSP violations."""
    width, height, bypass_csp, font_size = key
    context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=bypass_csp)
    context.set_default_timeout(10_000)
    context.add_init_script(CSP_RECORDER)
    recorder = Recorder()
    recorder.attach(context)
    page = context.new_page()
    if font_size is not None:
        # Chromium's own text-size setting (Settings > Appearance > Font size), 16 px by default.
        cdp = context.new_cdp_session(page)
        fonts = {"standard": font_size, "fixed": round(font_size * 13 / 16)}
        cdp.send("Page.setFontSizes", {"fontSizes": fonts})
    return Tab(context, page, recorder)


def axe_violations(page: Page, axe_source: str, include: str | None = None) -> list[dict]:
    """Run axe-core (WCAG 2.0-2.2 A/AA rules and Lighthouse's other rules) on the settled page.

    Only within `include` if given.
    """
    page.evaluate(SETTLE)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    return page.evaluate(AXE_RUN, [AXE_TAGS, AXE_LIGHTHOUSE_RULES, include])


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


def material_config(page: Page) -> dict:
    """Material's configuration of the page (its #__config block)."""
    return page.evaluate(MATERIAL_CONFIG)


def search_translations(page: Page) -> dict[str, str]:
    """Material's search messages in the page's language."""
    return material_config(page)["translations"]


def heading_word(page: Page) -> str:
    """The longest word of the page's heading: a search for it finds at least that page, and stemming
    shortens a long word, so the search goes through the stemmer."""
    heading = page.locator("h1").first.inner_text()
    return max(re.findall(r"\w+", heading), key=len).lower()


def open_drawer(page: Page) -> None:
    """Open the navigation drawer (narrow screens) with its menu button and wait until it is in view."""
    page.click("label.md-header__button[for=__drawer]")
    page.wait_for_function(DRAWER_OPEN)


# The 404 page under another language's folder swaps itself for that language's page, hidden meanwhile.
NOT_FOUND_SHOWN = "() => document.documentElement.style.visibility !== 'hidden'"


def open_missing(visit: Visit, url: str) -> int | None:
    """Open a missing address: its status, once the 404 page shows (in the address's language)."""
    response = visit.page.goto(url, wait_until="load")
    visit.page.wait_for_function(NOT_FOUND_SHOWN)
    return response and response.status


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
    page.wait_for_function(SEARCH_OUTCOME, arg=outcomes, timeout=timeout_ms)
    return page.evaluate(SEARCH_RESULTS)


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
