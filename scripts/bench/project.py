"""Throw-away copies of the project for the scaling runs and the preview, with the stock configuration."""

from __future__ import annotations

from pathlib import Path

import yaml

from bench import synthetic

from site_config import copy_build_inputs, site_languages

STOCK_CONFIG = Path(__file__).with_name("stock-mkdocs.yml")
STOCK_CONFIG_NAME = "stock-mkdocs.yml"  # the stock configuration's name in a copy, beside mkdocs.yml


def copy_project(destination: Path) -> Path:
    """A copy of what the build reads, plus the stock configuration (built with `-f stock-mkdocs.yml`)."""
    copy_build_inputs(destination)
    write_stock_config(destination / STOCK_CONFIG_NAME)
    return destination


def write_stock_config(destination: Path) -> None:
    """The stock configuration with the site's languages from mkdocs.yml (name, default, built)."""
    config = yaml.safe_load(STOCK_CONFIG.read_text(encoding="utf-8"))
    i18n = next(
        plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin
    )
    i18n["languages"] = [
        {"locale": language.code, "name": language.name, "default": language.default, "build": True}
        for language in site_languages()
    ]
    destination.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def add_synthetic_pages(project: Path, pages_per_language: int) -> None:
    """The synthetic pages in every language of the copy, and their sections in its `nav:`.

    The stock configuration has no `nav:`: MkDocs makes its menu from the same folders, a section each.
    """
    if pages_per_language == 0:
        return
    codes = [language.code for language in site_languages(project / "mkdocs.yml")]
    synthetic.write_pages(project / "docs", codes, pages_per_language)
    config = project / "mkdocs.yml"
    text = synthetic.add_to_nav(
        config.read_text(encoding="utf-8"), synthetic.nav_sections(pages_per_language)
    )
    config.write_text(text, encoding="utf-8")


def scaling_project(destination: Path, pages_per_language: int) -> Path:
    """A copy of the project with pages_per_language synthetic pages in each language."""
    project = copy_project(destination)
    add_synthetic_pages(project, pages_per_language)
    return project
