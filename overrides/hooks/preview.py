"""`make serve`: the browser reloads itself after each save; a mistake shows in the browser, never freezes it.

- Live reload: MkDocs adds a small inline script to every page it serves, different on every
  request; the pages' Content Security Policy allows inline scripts only by their hash, so the
  served copy's policy gets that script's hash. The published pages keep their strict policy.
- Mistakes: `make serve` builds with --no-strict, so a warning (a broken link, a missing translation,
  a page outside the menu, a broken roster) no longer stops the preview. Every warning and error of
  the last build is shown in a box at the top of every page, in the editors' words; the box goes
  when the mistake is fixed and saved. If a build fails outright, the last good pages stay served
  with the box, instead of the server hanging until the mistake is fixed.
- Speed: every rebuild makes a new template environment and would compile the theme's templates
  again (a third of a rebuild); the compiled templates are kept for the whole preview session, each
  checked against its source, so an edited template is compiled afresh.
`mkdocs build` (and so publishing) is untouched by this hook and stays strict.
"""

from __future__ import annotations

import base64
import hashlib
import html
import logging
import re
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority

from sitelib.site import GENERATOR, building_other_language, hook_logger

log = hook_logger("preview")

INJECTED_SCRIPT = re.compile(rb"<script>(?P<body>(?:(?!<script).)*?)</script>(?=\s*</body>)", re.S)
SCRIPT_SRC = re.compile(
    rb"(<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*?script-src [^;\"]*)"
)
BODY_START = re.compile(r"<body\b[^>]*>")
BANNER_MARK = "<!-- preview-problems -->"
# The box a page may hold from an earlier build: replaced, never shown twice.
OLD_BANNER = re.compile(re.escape(BANNER_MARK) + r'<div class="preview-problems".*?</div>', re.S)


class Problems(logging.Handler):
    """Collects the warnings and errors of one site build (every language)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage().strip()
        if message and message not in self.messages:
            self.messages.append(message)


# Set by on_startup: whether this is `mkdocs serve`, and the handler that collects each build's problems.
_problems: Problems | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _problems
    if command == "serve" and _problems is None:
        _problems = Problems()
        logging.getLogger(GENERATOR).addHandler(_problems)  # every warning of the build, any generator


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory; Jinja compares each one's source checksum before use."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_compiled_templates = CompiledTemplates()


def on_env(env: Environment, config: MkDocsConfig, files: object) -> Environment:
    if _problems is not None:  # `mkdocs serve`
        env.bytecode_cache = _compiled_templates
    return env


def on_pre_build(config: MkDocsConfig) -> None:
    if _problems is not None and not building_other_language(config):
        _problems.messages.clear()


def banner(messages: list[str]) -> str:
    items = "".join(f"<li>{html.escape(message)}</li>" for message in messages)
    return (
        f'{BANNER_MARK}<div class="preview-problems" role="alert">'
        f"<p><strong>Forhåndsvisning: {len(messages)} fejl skal rettes, før siden kan udgives.</strong></p>"
        f"<ul>{items}</ul>"
        "<p>Boksen forsvinder, når fejlene er rettet og gemt. "
        "Den vises kun her, aldrig på den udgivne side.</p>"
        "</div>"
    )


def show_problems(site_dir: Path, messages: list[str]) -> None:
    """Put the problems at the top of every page of the preview (replacing the last build's box)."""
    box = banner(messages)
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        text = OLD_BANNER.sub("", text)
        if messages:
            text = BODY_START.sub(lambda match: match[0] + box, text, count=1)
        page.write_text(text, encoding="utf-8")


@event_priority(-300)  # after every language is built and every other hook has run
def on_post_build(config: MkDocsConfig) -> None:
    if _problems is not None and not building_other_language(config) and _problems.messages:
        show_problems(Path(config.site_dir), _problems.messages)


def allow_live_reload(inject: Callable[[bytes, int], bytes]) -> Callable[[bytes, int], bytes]:
    """MkDocs' script injection, with the injected script's hash added to the page's script-src."""

    def inject_and_allow(content: bytes, epoch: int) -> bytes:
        served = inject(content, epoch)
        match = INJECTED_SCRIPT.search(served)
        if match is None:
            return served
        digest = base64.b64encode(hashlib.sha256(match["body"]).digest())
        return SCRIPT_SRC.sub(lambda m: m[1] + b" 'sha256-" + digest + b"'", served, count=1)

    return inject_and_allow


def keep_serving(build: Callable[[], None], site_dir: Path) -> Callable[[], None]:
    """The rebuild, which on failure leaves the last good pages, with the problem on top, and returns."""

    def build_or_show_problem() -> None:
        try:
            build()
        except (Exception, SystemExit) as error:  # any failure must reach the browser
            messages = [*(_problems.messages if _problems else []), f"{type(error).__name__}: {error}"]
            log.error("Forhåndsvisningen viser de sidste gode sider, med fejlen øverst: %s", error)
            show_problems(site_dir, messages)

    return build_or_show_problem


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    server._inject_js_into_html = allow_live_reload(server._inject_js_into_html)  # type: ignore[method-assign]
    server.builder = keep_serving(server.builder, Path(config.site_dir))
    return server
