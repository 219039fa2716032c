"""Small helpers to read built HTML pages in tests, with the standard library's parser only."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: list[Element] = field(default_factory=list)

    def descendants(self) -> Iterator[Element]:
        for child in self.children:
            yield child
            yield from child.descendants()


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]
        self.all: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        self.all.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text += data


@dataclass
class Page:
    path: Path
    elements: list[Element]
    root: Element

    def find_all(self, tag: str, **attrs: str) -> list[Element]:
        return [
            e
            for e in self.elements
            if e.tag == tag and all(e.attrs.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    def find(self, tag: str, **attrs: str) -> Element | None:
        found = self.find_all(tag, **attrs)
        return found[0] if found else None

    def meta(self, **attrs: str) -> str | None:
        element = self.find("meta", **attrs)
        return element.attrs.get("content") if element else None

    def by_class(self, class_name: str) -> list[Element]:
        return [e for e in self.elements if class_name in e.attrs.get("class", "").split()]

    @property
    def text(self) -> str:
        return " ".join(self.root.text.split())


def parse(path: Path) -> Page:
    builder = _TreeBuilder()
    builder.feed(path.read_text(encoding="utf-8"))
    return Page(path, builder.all, builder.root)


def rel_tokens(element: Element) -> set[str]:
    """rel is a set of space-separated tokens, however it is spaced."""
    return set(element.attrs.get("rel", "").lower().split())
