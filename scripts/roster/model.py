"""The steering group as the rest of the pipeline sees it, once the roster file has been checked.

A new member field goes here, in schema.py (how it is checked) and in render.py (how it is shown).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Translated:
    """One text in each of the site's languages, by language code."""

    texts: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, texts: Mapping[str, str]) -> Translated:
        return cls(tuple(texts.items()))

    def in_language(self, code: str) -> str:
        return dict(self.texts)[code]


@dataclass(frozen=True)
class Member:
    name: str
    title: Translated
    organisation: Translated
    note: Translated | None = None


@dataclass(frozen=True)
class Roster:
    # The day an editor last checked the list against the organisations; None until someone has.
    as_of: dt.date | None
    members: tuple[Member, ...]
