"""The site's own assets: the one cut stylesheet and the compact HTML (how they look: tests/browser/)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tinycss2
from support.site import build_site, copy_project

from finishing import FinishingError, compact_html, stylesheet


def _used(html: str, script_words: set[str] | None = None) -> object:
    used = stylesheet.Used()
    stylesheet.add_page(used, html, set())
    used.script_words |= script_words or set()
    return used


def _cut(css: str, used: object) -> str:
    return stylesheet.cut_stylesheets([("test.css", css)], used)


PAGE = (
    '<body data-scheme="default"><main class="md-content">'
    "<p class=note>x</p><a href='#'>y</a></main></body>"  # unquoted and single-quoted values too
)


@pytest.mark.parametrize(
    ("selector", "kept"),
    [
        (".md-content p", True),
        (".md-content table", False),  # no page has a table
        (".tabbed-set", False),  # nor the class
        ("#__search", False),
        ("[data-scheme=default] a", True),
        ("[data-scheme=slate] a", False),  # the value no page has
        ("[data-scheme] a", True),
        ("a:hover", True),  # a pseudo-class is not an element name
        (".md-content :not(.absent)", True),  # names inside functions are not checked
        ("p.note::before", True),
    ],
)
def test_a_rule_is_kept_only_if_its_selector_can_match(selector: str, kept: bool) -> None:
    css = _cut(f"{selector}{{color:red}}", _used(PAGE))
    assert bool(css) is kept, f"{selector}: {'kept' if css else 'cut'}, expected {'kept' if kept else 'cut'}"


def test_only_matching_selectors_of_a_list_are_kept_and_media_blocks_follow() -> None:
    css = _cut("table,.note{color:red}@media print{.md-header{display:none}.note{color:#000}}", _used(PAGE))
    assert css == ".note{color:red}@media print{.note{color:#000}}"


def test_names_a_script_adds_are_kept() -> None:
    css = _cut(".md-search-result__item{color:red}", _used(PAGE, {"md-search-result__item"}))
    assert css == ".md-search-result__item{color:red}"


def test_our_own_stylesheet_is_kept_whole() -> None:
    # The preview's list of mistakes is added after the cut: its rules must stay.
    css = stylesheet.cut_stylesheets(
        [("main.css", ".preview-problems{color:red}"), ("site.css", ".preview-problems{color:#000}")],
        _used(PAGE),
        whole=["site.css"],
    )
    assert css == ".preview-problems{color:#000}"


def test_custom_properties_nothing_reads_are_dropped_and_chains_kept() -> None:
    css = _cut(":root{--a:1px;--b:var(--a);--unused:url(x.svg)}.note{margin:var(--b)}", _used(PAGE))
    assert "--unused" not in css and "--a:1px" in css and "--b:var(--a)" in css


def test_keyframes_nothing_names_are_dropped() -> None:
    keyframes = "@keyframes spin{to{color:red}}@keyframes fade{to{opacity:0}}"
    css = _cut(keyframes + ".note{animation:fade 1s}", _used(PAGE))
    assert "fade" in css and "spin" not in css


def test_a_stylesheet_that_cannot_be_read_stops_the_finishing_step() -> None:
    with pytest.raises(FinishingError, match=r"site\.css"):
        stylesheet.cut_stylesheets([("site.css", "a{color:red}}")], _used(PAGE))


def test_the_cut_stylesheet_is_valid_css(site_dir: Path) -> None:
    css = (site_dir / stylesheet.OUTPUT).read_text(encoding="utf-8")
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    assert not [rule for rule in rules if rule.type == "error"]
    sources = sum(len(path.read_text(encoding="utf-8")) for path in stylesheet.source_files(site_dir))
    assert len(css) < sources / 2, (
        f"the cut stylesheet ({len(css)} bytes) is not much smaller than its sources ({sources})"
    )


def test_a_page_an_editor_adds_an_admonition_to_brings_its_rules_back(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    rules_for = re.compile(r"\.admonition[^{]*\{")
    page = project / "docs" / "da" / "index.md"
    before = build_site(tmp_path / "before", project)
    assert before.returncode == 0, before.stderr
    built = (tmp_path / "before").rglob("*.html")
    pages_have_one = any("admonition" in p.read_text(encoding="utf-8") for p in built)
    if not pages_have_one:  # today's pages have none: their rules are cut
        assert not rules_for.search((tmp_path / "before" / stylesheet.OUTPUT).read_text(encoding="utf-8"))
    note = '\n!!! note "Bemærk"\n\n    En note.\n'
    page.write_text(page.read_text(encoding="utf-8") + note, encoding="utf-8")
    after = build_site(tmp_path / "after", project)
    assert after.returncode == 0, after.stderr
    assert rules_for.search((tmp_path / "after" / stylesheet.OUTPUT).read_text(encoding="utf-8")), (
        "an admonition added to a page did not bring Material's admonition rules into the stylesheet"
    )


def test_compact_html_drops_indentation_but_not_in_preformatted_text() -> None:
    html = "<div>\n    <p>a\n\n   b</p>\n  <pre>  x\n    y\n</pre>\n   <textarea>\n  t</textarea>\n</div>"
    expected = "<div>\n<p>a\nb</p>\n<pre>  x\n    y\n</pre>\n<textarea>\n  t</textarea>\n</div>"
    assert compact_html.compact(html) == expected


def test_built_pages_carry_no_indentation(site_dir: Path) -> None:
    indented = []
    for page in site_dir.rglob("*.html"):
        text = compact_html.PREFORMATTED.sub("", page.read_text(encoding="utf-8"))
        if re.search(r"\n[ \t]+\S", text):
            indented.append(page.relative_to(site_dir).as_posix())
    assert not indented, f"pages with indented lines outside <pre>: {indented}"
