"""Links of the built site: no broken internal link or #anchor, and outbound links only where meant.

Outbound links cannot be fetched offline; they are written to test-reports/outbound-links.txt for a
person to check, and their hosts must be exactly the ones the content and configuration link to.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from support.links import crawl, outbound_key
from support.site import LOCALES, ROOT, TEST_EDIT_URI, TEST_SITE_URL, mkdocs_config, nav_pages

REPORT = ROOT / "test-reports" / "outbound-links.txt"
_URL = r"(?:https?://|mailto:)[^\s<>()\"']+"
# Links as Markdown writes them: [text](url), <url>, [ref]: url, and raw HTML href="url". A bare URL that is
# no link (e.g. "@context": "https://schema.org" in JSON-LD) is not a link the site makes.
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)  # build markers and notes: not published
SOURCE_LINK = re.compile(
    rf"\]\(\s*<?(?P<inline>{_URL})|<(?P<auto>{_URL})>|^\s*\[[^\]]+\]:\s*<?(?P<ref>{_URL})|href=[\"'](?P<html>{_URL})",
    re.M,
)


def deliberate_outbound_hosts() -> set[str]:
    """Hosts the site means to link to: those written in docs/ and the configured edit and contact links."""
    sources = [
        HTML_COMMENT.sub("", path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "docs").rglob("*.md"))
    ]
    urls = [
        next(url for url in match.groups() if url) for text in sources for match in SOURCE_LINK.finditer(text)
    ]
    keys = {outbound_key(url) for url in urls}
    extra = mkdocs_config().get("extra", {})
    keys.add(outbound_key(TEST_EDIT_URI))  # "Edit this page" links (edit_uri)
    keys.add(outbound_key(f"mailto:{extra['contact_email']}"))  # the footer contact
    keys.add(outbound_key(extra["authority_url"]))  # the footer's link to the authority's own website
    return keys - {outbound_key(TEST_SITE_URL)}


def test_no_broken_internal_links_or_anchors(site_dir: Path) -> None:
    report = crawl(site_dir, TEST_SITE_URL)
    assert report.pages > len(nav_pages()) * len(LOCALES), (
        f"only {report.pages} HTML files found in {site_dir}"
    )
    assert not report.broken, f"{len(report.broken)} broken links in the built site:\n" + "\n".join(
        report.broken
    )


def test_outbound_links_go_only_where_the_content_links(site_dir: Path) -> None:
    report = crawl(site_dir, TEST_SITE_URL)
    REPORT.parent.mkdir(exist_ok=True)
    lines = [f"{url}\t{', '.join(sorted(pages))}" for url, pages in sorted(report.outbound.items())]
    REPORT.write_text(
        "# Outbound links of the built site (not fetched offline: check them by hand)\n# url\tpages\n"
        + "\n".join(lines)
        + "\n",
        encoding="utf-8",
    )
    hosts = report.outbound_hosts()
    print(f"outbound hosts: {sorted(hosts)} ({len(report.outbound)} links, listed in {REPORT})")
    expected = deliberate_outbound_hosts()
    assert hosts == expected, (
        f"outbound hosts differ from what docs/ and mkdocs.yml link to (see {REPORT}):\n"
        f"  linked but not in the sources (theme-added?): {sorted(hosts - expected)}\n"
        f"  in the sources but not linked in the site: {sorted(expected - hosts)}"
    )


# ---- The checker itself: it must catch what it is there to catch. ----------------------------------

SITE_URL = "https://example.test/base/"


def _write(site: Path, relative: str, body: str) -> None:
    path = site / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>", encoding="utf-8"
    )


def test_checker_reports_broken_anchor_and_missing_page(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "index.html",
        '<a href="a/#here">ok</a> <a href="a/#gone">broken anchor</a> <a href="b/">missing page</a>'
        ' <a href="#top">own anchor, missing</a> <a href="/elsewhere/">outside the site</a>'
        ' <a href="a">redirects to a/</a> <a href="https://other.test/x">out</a>'
        ' <a href="mailto:x@y.test">mail</a>',
    )
    _write(tmp_path, "a/index.html", '<h1 id="here">A</h1><a href="../#top">back</a>')
    report = crawl(tmp_path, SITE_URL)
    broken = "\n".join(report.broken)
    assert len(report.broken) == 5, broken
    assert "#gone" in broken and "b/" in broken and "outside the site" in broken, broken
    assert sum("#top" in line for line in report.broken) == 2, broken  # on the home page and on a/
    assert report.outbound_hosts() == {"https://other.test", "mailto:y.test"}


def test_checker_requires_absolute_links_on_the_404_page(tmp_path: Path) -> None:
    _write(tmp_path, "index.html", "home")
    _write(tmp_path, "404.html", '<a href="/base/">home</a> <a href="index.html">relative</a>')
    report = crawl(tmp_path, SITE_URL)
    assert [line.split(":")[0] for line in report.broken] == ["404.html"], report.broken
    assert "relative" in report.broken[0]


def test_checker_accepts_a_sound_site(tmp_path: Path) -> None:
    _write(
        tmp_path, "index.html", '<a href="en/#x">en</a> <a href="https://example.test/base/en/">absolute</a>'
    )
    _write(tmp_path, "en/index.html", '<p id="x">x</p><a href="../">da</a>')
    assert crawl(tmp_path, SITE_URL).broken == []


def test_outbound_key() -> None:
    assert outbound_key("https://www.Example.org/a?b#c") == "https://www.example.org"
    assert outbound_key("mailto:m.davids@RN.dk?subject=x") == "mailto:rn.dk"
    assert urlsplit(TEST_SITE_URL).hostname not in {k.split("//")[-1] for k in deliberate_outbound_hosts()}
