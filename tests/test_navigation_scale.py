"""A large site's navigation: every page reaches every section and every page of its own section, and
pages do not list every page of the site (`navigation.prune`), so the build stays fast as the site grows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bench.project import add_synthetic_pages
from bench.synthetic import SECTION_SIZE, page_name
from support.site import LANGUAGES, build_site, copy_project

SECTIONS = 3
PAGES = SECTIONS * SECTION_SIZE


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("large") / "project")
    add_synthetic_pages(project, PAGES)
    site = project / "site"
    result = build_site(site, project=project)
    assert result.returncode == 0, result.stderr
    return site


def section_pages(section: int) -> set[str]:
    return {
        page_name(n).removesuffix(".md") + "/"
        for n in range(section * SECTION_SIZE, (section + 1) * SECTION_SIZE)
    }


def navigation_links(page: Path) -> set[str]:
    """The pages the primary navigation links to, as site paths ('bench-00/page-000/')."""
    html = page.read_text(encoding="utf-8")
    nav = html[html.index("md-nav--primary") : html.index("md-sidebar--secondary")]
    folder = page.parent
    links = set()
    for href in re.findall(r'<a href="([^"#]+)"[^>]*class="md-nav__link', nav):
        target = (folder / href).resolve()
        links.add(target.relative_to(page.parents[2].resolve()).as_posix().rstrip("/") + "/")
    return links


@pytest.mark.parametrize("language", LANGUAGES, ids=[language.code for language in LANGUAGES])
def test_each_page_reaches_every_section_and_its_own_sections_pages(large_site: Path, language) -> None:
    root = large_site / language.prefix
    number = SECTION_SIZE + 7  # a page in the second section
    page = root / page_name(number).removesuffix(".md") / "index.html"
    links = navigation_links(page)
    own_section = section_pages(1)
    assert own_section <= links, f"missing pages of its own section: {sorted(own_section - links)[:5]}"
    for section in range(SECTIONS):
        in_section = {
            page_name(n).removesuffix(".md") + "/"
            for n in range(section * SECTION_SIZE, (section + 1) * SECTION_SIZE)
        }
        assert links & in_section, f"no way to section {section} from {page_name(number)}"
    others = {page_name(n).removesuffix(".md") + "/" for n in range(PAGES)} - own_section
    assert len(links & others) <= SECTIONS, "every page of the site is listed on every page (no pruning)"
