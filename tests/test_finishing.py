"""The finishing steps (scripts/finishing/) on a folder of HTML, without a build; and every optional step
switched off in turn on the real site, which must stay complete and correct.

The folder here is a small site as a generator leaves it: two languages' pages in Material's shape, the
merged search index, Material's worker, bundle and stylesheets under their own names.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from support.html import parse
from support.links import crawl
from support.site import (
    LANGUAGES,
    TEST_SITE_URL,
    build_site,
    copy_project,
    nav_pages,
    page_url_path,
    run_script,
    write_file,
)

from finishing import (
    STEPS,
    SWITCHES,
    FinishingError,
    Settings,
    Site,
    finish,
    search_on_demand,
    search_worker,
    stylesheet,
)

DEFAULT, OTHER = LANGUAGES[0], LANGUAGES[-1]
SITE_URL = "https://example.invalid/site/"
INLINE = "document.documentElement.classList.replace('no-js','js')"


def material_page(base: str, lang: str, depth: str) -> str:
    """A page as Material 9.8.2 writes it: indented, its settings in __config, its script, then ours."""
    return f"""<!doctype html>
<html lang="{lang}" class="no-js">
  <head>
    <meta charset="utf-8">
    <link rel="stylesheet" href="{depth}assets/stylesheets/styles.css">
    <script>{INLINE}</script>
  </head>
  <body>
    <div class="md-content"><p class="note">Tekst</p>
      <pre>  kept
    as written</pre>
    </div>
    <script id="__config" type="application/json">{{"base": "{base}", "search": "x"}}</script>
    <script src="{depth}{search_on_demand.BUNDLE}"></script>
    <script src="{depth}assets/javascripts/site.js" defer></script>
  </body>
</html>
"""


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    write_file(site / "index.html", material_page(".", DEFAULT.code, ""))
    write_file(site / "tilgaengelighed" / "index.html", material_page("..", DEFAULT.code, "../"))
    write_file(site / OTHER.prefix / "index.html", material_page("../", OTHER.code, "../"))
    write_file(
        site / OTHER.prefix / "tilgaengelighed" / "index.html", material_page("../..", OTHER.code, "../../")
    )
    docs = [{"location": "", "title": "Forside"}, {"location": f"{OTHER.prefix}", "title": "Home"}]
    config = {"lang": ["da"], "pipeline": ["stemmer", "trimmer"]}
    write_file(site / "search" / "search_index.json", json.dumps({"config": config, "docs": docs}))
    originals = " ".join(original for original, _ in search_worker.PATCHES)
    write_file(site / search_worker.WORKER, f"/* worker */ {originals}")
    write_file(site / search_on_demand.BUNDLE, 'let a="md-search__form",b="md-nav--primary";')
    write_file(site / "assets/stylesheets/main.57a0d79d.min.css", ".note{color:red}.tabbed-set{color:blue}")
    write_file(site / "assets/stylesheets/palette.fb2fffe2.min.css", ":root{--md-hue:225deg}")
    write_file(site / "assets/stylesheets/site.css", ".site-footer{color:green}")
    return site


def settings(**switches: bool) -> Settings:
    return Settings(LANGUAGES, SITE_URL, switches=switches)


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_every_step_runs_in_the_order_of_the_list(folder: Path) -> None:
    ran = finish(Site(folder, settings()))
    expected = [f"{step.name}: {step.does}" for step in STEPS]
    assert ran == expected
    assert ran[-1].startswith("content_security_policy"), "the policy comes last: it hashes the finished page"


def test_each_language_gets_its_own_search_index(folder: Path) -> None:
    finish(Site(folder, settings()))
    default = json.loads(text(folder / "search" / "search_index.json"))
    other = json.loads(text(folder / OTHER.prefix / "search" / "search_index.json"))
    assert [doc["title"] for doc in default["docs"]] == ["Forside"] and default["config"]["lang"] == [
        DEFAULT.code
    ]
    assert other["docs"] == [{"location": "", "title": "Home"}] and other["config"]["lang"] == [OTHER.code]
    assert '"base": "../' + OTHER.prefix + '"' in text(folder / OTHER.prefix / "index.html")
    assert '"base": "../../' + OTHER.prefix + '"' in text(
        folder / OTHER.prefix / "tilgaengelighed" / "index.html"
    )
    assert '"base": "."' in text(folder / "index.html")


def test_the_worker_is_patched_and_materials_script_named_in_ours(folder: Path) -> None:
    finish(Site(folder, settings()))
    worker = text(folder / search_worker.WORKER)
    assert all(patched in worker for _, patched in search_worker.PATCHES)
    page = text(folder / "index.html")
    assert f'<script src="{search_on_demand.BUNDLE}"></script>' not in page
    assert (
        f'<script src="assets/javascripts/site.js" data-material="{search_on_demand.BUNDLE}" defer>' in page
    )


def test_pages_lose_their_indentation_but_not_their_preformatted_text(folder: Path) -> None:
    finish(Site(folder, settings()))
    page = text(folder / "index.html")
    assert "\n  <" not in page.replace("<pre>  kept\n    as written</pre>", "")
    assert "<pre>  kept\n    as written</pre>" in page


def test_one_stylesheet_cut_to_the_rules_in_use_then_ours_whole(folder: Path) -> None:
    finish(Site(folder, settings()))
    css = text(folder / stylesheet.OUTPUT)
    assert ".note{color:red}" in css and ".site-footer{color:green}" in css
    assert ".tabbed-set" not in css, "no page has it"


def test_was_and_the_policy_on_every_page(folder: Path) -> None:
    finish(Site(folder, settings()))
    for language in LANGUAGES:
        redirect = text(folder / language.prefix / "was" / "index.html")
        assert f"url=/site/{language.prefix}tilgaengelighed/" in redirect
    for page in folder.rglob("*.html"):
        policy = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', text(page))
        assert len(policy) == 1, page
        if INLINE in text(page):
            assert "'sha256-" in policy[0], f"{page}: the inline script is not allowed by its hash"


def test_finishing_twice_changes_nothing(folder: Path, tmp_path: Path) -> None:
    finish(Site(folder, settings()))
    once = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    finish(Site(folder, settings()))
    assert {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()} == once


@pytest.mark.parametrize("switch", SWITCHES)
def test_a_step_switched_off_leaves_its_part_and_the_site_complete(folder: Path, switch: str) -> None:
    ran = finish(Site(folder, settings(**{switch: False})))
    assert not {f"{step.name}: {step.does}" for step in STEPS if step.name == switch} & set(ran)
    page = text(folder / OTHER.prefix / "index.html")
    effect_present = {
        "search_per_language": (folder / OTHER.prefix / "search" / "search_index.json").is_file(),
        "search_worker": search_worker.PATCHES[0][1] in text(folder / search_worker.WORKER),
        "search_on_demand": "data-material=" in page,
        "compact_html": "\n  <"
        in text(folder / "index.html"),  # inverted: indentation is the effect's absence
        "stylesheet_cut": ".tabbed-set" not in text(folder / stylesheet.OUTPUT),
    }
    expected_present = {name: name != switch for name in effect_present}
    expected_present["compact_html"] = switch == "compact_html"
    assert effect_present == expected_present
    # Complete either way: one stylesheet with every rule in use, a policy on every page, /was/.
    assert ".note{color:red}" in text(folder / stylesheet.OUTPUT)
    assert all("Content-Security-Policy" in text(path) for path in folder.rglob("*.html"))
    assert (folder / "was" / "index.html").is_file()
    if switch == "search_on_demand":
        assert f'src="../{search_on_demand.BUNDLE}"' in page, "Material's script loads with the page"
    if switch == "search_worker":  # the query is not stemmed: neither is the index the browser builds
        for index in folder.rglob("search_index.json"):
            assert json.loads(text(index))["config"]["pipeline"] == ["trimmer"], index


def test_a_changed_upstream_stops_the_step_naming_it_and_its_switch(folder: Path) -> None:
    worker = folder / search_worker.WORKER
    worker.rename(worker.with_name("search.0000000.min.js"))
    with pytest.raises(FinishingError) as caught:
        finish(Site(folder, settings()))
    message = str(caught.value)
    assert "Finishing step 'search_worker'" in message and "`search_worker: false`" in message
    assert "search.0000000.min.js" in message and "scripts/finishing/search_worker.py" in message
    finish(Site(folder, settings(search_worker=False)))  # switched off, the site finishes


def test_a_required_step_says_it_cannot_be_switched_off(folder: Path) -> None:
    page = folder / "index.html"
    page.write_text(text(page).replace('<meta charset="utf-8">', ""), encoding="utf-8")
    with pytest.raises(FinishingError, match=r"content_security_policy.*cannot be switched off"):
        finish(Site(folder, settings()))


def test_an_unknown_switch_is_named_with_the_known_ones(folder: Path) -> None:
    with pytest.raises(FinishingError, match="compact_htm is no finishing step") as caught:
        finish(Site(folder, settings(compact_htm=False)))
    assert all(name in str(caught.value) for name in SWITCHES)


def test_the_same_finishing_runs_standalone_on_a_folder(folder: Path, tmp_path: Path) -> None:
    config = tmp_path / "project" / "mkdocs.yml"
    project = copy_project(config.parent)
    result = run_script(project, "finish_site.py", str(folder), "--site-url", SITE_URL)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"{step.name}: {step.does}" for step in STEPS]
    assert "data-material=" in text(folder / "index.html")
    assert run_script(project, "finish_site.py", str(tmp_path / "nowhere")).returncode == 2
    shutil.rmtree(folder / "search")
    broken = run_script(project, "finish_site.py", str(folder))
    assert broken.returncode == 1 and "search_per_language" in broken.stderr


# The real site, each optional step switched off in turn


def switched_off(project: Path, switch: str) -> None:
    config = project / "mkdocs.yml"
    text_before = config.read_text(encoding="utf-8")
    after = re.sub(rf"(?m)^(\s+{switch}:) true\b", r"\1 false", text_before)
    assert after != text_before, f"mkdocs.yml has no `{switch}: true` under extra: finishing:"
    config.write_text(after, encoding="utf-8")


@pytest.mark.parametrize("switch", SWITCHES)
def test_the_site_built_with_a_step_off_is_complete_and_correct(tmp_path: Path, switch: str) -> None:
    project = copy_project(tmp_path / "project")
    switched_off(project, switch)
    site = tmp_path / "site"
    result = build_site(site, project=project)
    assert result.returncode == 0, result.stderr
    report = crawl(site, TEST_SITE_URL)
    assert not report.broken, report.broken
    for language in LANGUAGES:
        for md in nav_pages():
            page = parse(site / page_url_path(md, language.code))
            heads = [element.attrs for element in page.find_all("meta")]
            assert any(attrs.get("http-equiv") == "Content-Security-Policy" for attrs in heads), md
            stylesheets = [
                e.attrs["href"] for e in page.find_all("link") if e.attrs.get("rel") == "stylesheet"
            ]
            assert stylesheets == [page_url_path(md, language.code).count("/") * "../" + stylesheet.OUTPUT]
        assert (site / language.prefix / "was" / "index.html").is_file()
        base = json.loads(page.find("script", id="__config").text)["base"]
        folder = (site / page_url_path(nav_pages()[-1], language.code)).parent
        assert (folder / base / "search" / "search_index.json").resolve().is_file(), (
            "the page's search has an index"
        )
