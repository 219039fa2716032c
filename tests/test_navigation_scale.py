"""A large site's navigation: every page reaches every section and every page of its own section, and
pages do not list every page of the site (`navigation.prune`), so the build stays fast as the site grows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bench.project import add_synthetic_pages
from bench.synthetic import SECTION_SIZE, page_name, page_url
from mkdocs.structure.files import File
from support.site import LANGUAGES, build_site, copy_project

from site_config import nav_pages, page_folder, read_mkdocs_yml

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
    """Where the pages of a section are built below their language's root ('bench-01/page-057/')."""
    return {page_url(n) for n in range(section * SECTION_SIZE, (section + 1) * SECTION_SIZE)}


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
    page = root / page_url(number) / "index.html"
    links = navigation_links(page)
    own_section = section_pages(1)
    assert own_section <= links, f"missing pages of its own section: {sorted(own_section - links)[:5]}"
    for section in range(SECTIONS):
        assert links & section_pages(section), f"no way to section {section} from {page_name(number)}"
    others = {page_url(n) for n in range(PAGES)} - own_section
    assert len(links & others) <= SECTIONS, "every page of the site is listed on every page (no pruning)"


def test_every_page_of_the_menu_is_built_where_the_scripts_look_for_it(large_site: Path) -> None:
    """nav_pages reads `nav:` at any depth and page_folder says where MkDocs writes each page: the
    link watch, the benchmark and the tests find the pages by them."""
    pages = nav_pages(read_mkdocs_yml(large_site.parent / "mkdocs.yml"))
    assert {page_name(n) for n in range(PAGES)} <= set(pages)
    for language in LANGUAGES:
        missing = [
            page for page in pages if not (large_site / page_folder(page, language) / "index.html").is_file()
        ]
        assert not missing, f"{language.code}: not built where page_folder says: {missing[:5]}"


@pytest.mark.parametrize("name", ["index.md", "puljen.md", "bench-00/index.md", "bench-00/page-000.md"])
def test_page_folder_is_where_mkdocs_writes_a_page(tmp_path: Path, name: str) -> None:
    """MkDocs' own answer for a page, below the language's folder (mkdocs-static-i18n's part)."""
    written = File(name, str(tmp_path / "docs"), str(tmp_path / "site"), use_directory_urls=True).dest_uri
    for language in LANGUAGES:
        assert page_folder(name, language) + "index.html" == language.prefix + written
