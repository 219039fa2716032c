"""The folder being finished: its settings, its pages and their languages, and the error a step raises."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from site_config import Language

HTML = "*.html"
# Material's pages carry their settings in this element; a page without it (a redirect page) is not one.
MATERIAL_PAGE = '<script id="__config" type="application/json">'


@dataclass(frozen=True)
class Settings:
    """What the finishing steps need to know of the site, from the build's configuration or mkdocs.yml."""

    languages: tuple[Language, ...]  # the default language first
    site_url: str  # the published root address, ending in '/'
    statement_url: str = ""  # the official accessibility statement, once the owner has one
    switches: Mapping[str, bool] = field(default_factory=dict)  # `extra: finishing:` in mkdocs.yml

    @property
    def default(self) -> Language:
        return self.languages[0]

    @property
    def base_path(self) -> str:
        """The site's path on its host: '/' or '/teknologipagt/'."""
        return "/" + self.site_url.split("://", 1)[-1].partition("/")[2]


@dataclass(frozen=True)
class Page:
    """An HTML file of the finished site."""

    path: Path
    relative: str  # below the site's folder, '/'-separated: 'en/puljen/index.html'
    language: Language  # by its folder: a language's own, or else the default language's


@dataclass(frozen=True)
class Site:
    folder: Path
    settings: Settings

    def language_of(self, relative: str) -> Language:
        """The language whose folder holds this path ('en/…' English), else the default language."""
        first = relative.partition("/")[0]
        others = (language for language in self.settings.languages if not language.default)
        return next((language for language in others if language.code == first), self.settings.default)

    def pages(self) -> list[Page]:
        """Every HTML file, in a fixed order."""
        pages = []
        for path in sorted(self.folder.rglob(HTML)):
            relative = path.relative_to(self.folder).as_posix()
            pages.append(Page(path, relative, self.language_of(relative)))
        return pages


class FinishingError(Exception):
    """A step cannot do its work: the upstream text it is written against has changed, or its input is
    missing. The message names the step and how to switch it off (for a step that may be)."""
