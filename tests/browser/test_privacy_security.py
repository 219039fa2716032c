"""Privacy, console and Content Security Policy: what each page does in the browser, on load and in search.

Each page is loaded once per viewport, WITHOUT bypassing its CSP, searched, and observed; the tests below
read that observation. A public authority's site talks to no other host and stores nothing on the device.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import pytest
from pages_server import StaticSiteServer
from playwright.sync_api import Browser
from support.browser import (
    CSP_RECORDER,
    PAGE_IDS,
    PAGES,
    STORAGE_STATE,
    VIEWPORTS,
    Recorder,
    csp_problems,
    heading_word,
    js,
    material_config,
    page_path,
    run_search,
)

pytestmark = pytest.mark.browser

CSP_META = "meta[http-equiv='Content-Security-Policy' i]"
CSP_META_STATE = js("csp-meta")


@dataclass
class Observation:
    where: str
    recorder: Recorder
    server_paths: list[str]
    cookies: list[dict]
    storage: dict[str, dict]  # "after load" / "after search" -> {"local": {...}, "session": {...}}
    search_query: str
    worker_script: str
    search_index: str
    csp_policy: str | None
    csp_after: list[str]  # elements in <head> before the CSP meta tag (it does not cover them)
    csp_violations: list[str] = field(default_factory=list)


def _observe(browser: Browser, server: StaticSiteServer, md: str, lang: str, viewport: str) -> Observation:
    first_request = server.request_count()
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    try:
        context.add_init_script(CSP_RECORDER)
        recorder = Recorder()
        recorder.attach(context)
        page = context.new_page()
        page.goto(server.url(page_path(md, lang)), wait_until="load")
        storage = {"after load": page.evaluate(STORAGE_STATE)}
        query = heading_word(page)
        run_search(page, query)
        recorder.wait_until_quiet(page)
        storage["after search"] = page.evaluate(STORAGE_STATE)
        config = material_config(page)
        head = page.evaluate(CSP_META_STATE, CSP_META)
        return Observation(
            where=f"{page.url} [{viewport} {page.viewport_size}]",
            recorder=recorder,
            server_paths=[request.path for request in server.requests(first_request)],
            cookies=context.cookies(),
            storage=storage,
            search_query=query,
            worker_script=urljoin(page.url, config["search"]),
            search_index=urljoin(page.url, config["base"].rstrip("/") + "/search/search_index.json"),
            csp_policy=head["policy"],
            csp_after=head["before"],
            csp_violations=page.evaluate("window.__cspViolations"),
        )
    finally:
        context.close()


@pytest.fixture(scope="module")
def observations() -> dict[tuple[str, str, str], Observation | Exception]:
    return {}


@pytest.fixture
def observed(
    observations: dict[tuple[str, str, str], Observation | Exception],
    browser: Browser,
    site_server: StaticSiteServer,
    md: str,
    lang: str,
    viewport: str,
) -> Observation:
    """The observation of this page and viewport, made once for all the tests below."""
    key = (md, lang, viewport)
    if key not in observations:
        try:
            observations[key] = _observe(browser, site_server, md, lang, viewport)
        except Exception as error:  # remembered, so that a broken page costs one time-out, not four
            observations[key] = error
            raise
    result = observations[key]
    if isinstance(result, Exception):
        pytest.fail(f"observing {page_path(md, lang)} [{viewport}] failed earlier: {result}", pytrace=False)
    return result


parametrize_pages = pytest.mark.parametrize(("md", "lang"), PAGES, ids=PAGE_IDS)
parametrize_viewports = pytest.mark.parametrize("viewport", VIEWPORTS)


@parametrize_viewports
@parametrize_pages
def test_no_request_leaves_the_site_and_none_fails(
    observed: Observation, site_server: StaticSiteServer
) -> None:
    rec = observed.recorder
    problems = [f"request to another host: {line}" for line in rec.foreign_requests(site_server.origin)]
    problems += [f"failed request: {line}" for line in rec.failed]
    problems += [f"error response: {line}" for line in rec.bad_responses]
    # The recorder must see everything, including the search worker's own script and its index fetch.
    for url in (observed.worker_script, observed.search_index):
        if url not in rec.urls:
            problems.append(
                f"the browser-side recorder did not see {url} (search worker requests are missed)"
            )
    seen_paths = {urlsplit(url).path for url in rec.urls}
    problems += [
        f"the server got {path}, but the recorder did not see it"
        for path in observed.server_paths
        if urlsplit(path).path not in seen_paths
    ]
    assert not problems, (
        f"network on {observed.where} (incl. a search for {observed.search_query!r}):\n" + "\n".join(problems)
    )


@parametrize_viewports
@parametrize_pages
def test_nothing_is_stored_on_the_device(observed: Observation) -> None:
    problems = [
        f"cookie set: {cookie['name']}={cookie['value']!r} ({cookie['domain']})"
        for cookie in observed.cookies
    ]
    for moment, areas in observed.storage.items():
        for area, items in areas.items():
            problems += [f"{area}Storage {moment}: {key}={value!r}" for key, value in items.items()]
    assert not problems, f"the site stores data on the visitor's device on {observed.where}:\n" + "\n".join(
        problems
    )


@parametrize_viewports
@parametrize_pages
def test_no_console_errors(observed: Observation) -> None:
    problems = [f"console {line}" for line in observed.recorder.console_errors]
    problems += [f"uncaught script error: {line}" for line in observed.recorder.page_errors]
    assert not problems, f"errors in the browser console on {observed.where}:\n" + "\n".join(problems)


@parametrize_viewports
@parametrize_pages
def test_content_security_policy_is_strict_and_never_violated(observed: Observation) -> None:
    assert observed.csp_policy is not None, f"no <{CSP_META}> on {observed.where}"
    problems = [f"policy: {problem}" for problem in csp_problems(observed.csp_policy)]
    problems += [
        f"<head> has {element} before the CSP meta tag, which it does not cover"
        for element in observed.csp_after
    ]
    problems += [f"violation reported by the browser: {line}" for line in observed.csp_violations]
    problems += [f"console: {line}" for line in observed.recorder.csp_messages]
    assert not problems, (
        f"Content Security Policy on {observed.where} "
        f"(during load and a search for {observed.search_query!r}):\n"
        + "\n".join(problems)
        + f"\npolicy: {observed.csp_policy}"
    )


# ---- The recorders themselves: they must see what they are there to catch. ---------------------------


def test_recorder_sees_requests_to_other_hosts(browser: Browser, site_server: StaticSiteServer) -> None:
    context = browser.new_context(bypass_csp=True)  # the site's CSP would block the request before it starts
    try:
        recorder = Recorder()
        recorder.attach(context)
        # Nothing may really leave the machine: the foreign request is answered locally with an abort.
        context.route("http://192.0.2.1/**", lambda route: route.abort())
        page = context.new_page()
        page.goto(site_server.url(""), wait_until="load")
        page.evaluate("fetch('http://192.0.2.1/tracker.js', {mode: 'no-cors'}).catch(() => null)")
        page.wait_for_timeout(200)
        assert recorder.foreign_requests(site_server.origin) == ["GET http://192.0.2.1/tracker.js (fetch)"]
    finally:
        context.close()


def test_csp_recorder_sees_a_violation(browser: Browser, site_server: StaticSiteServer) -> None:
    context = browser.new_context()
    try:
        context.add_init_script(CSP_RECORDER)
        recorder = Recorder()
        recorder.attach(context)
        page = context.new_page()
        page.goto(site_server.url(""), wait_until="load")
        page.evaluate(
            "document.body.append(Object.assign(document.createElement('script'), {textContent: '1'}))"
        )
        page.wait_for_function("window.__cspViolations.length > 0", timeout=2_000)
        assert "script-src" in page.evaluate("window.__cspViolations[0]")
    finally:
        context.close()
