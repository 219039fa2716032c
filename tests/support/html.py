"""The tests' one HTML parser: pages and fragments as element trees, with the standard library's parser.

Every test and helper that reads HTML (the pages, the roster block, the link checker) uses this module.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str]
    # Child elements and text, in document order.
    children: list[Element | str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text for child in self.children)

    def descendants(self) -> Iterator[Element]:
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.descendants()

    def iter(self) -> Iterator[Element]:
        """This element, then every element below it."""
        yield self
        yield from self.descendants()

    def find_all(self, tag: str) -> list[Element]:
        return [element for element in self.iter() if element.tag == tag]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data.strip())


def parse_fragment(text: str) -> tuple[Element, list[str]]:
    """The element tree of some HTML, and its comments."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root, builder.comments


@dataclass
class Page:
    path: Path
    root: Element

    @property
    def elements(self) -> list[Element]:
        return list(self.root.descendants())

    def find_all(self, tag: str, **attrs: str) -> list[Element]:
        return [
            e
            for e in self.root.descendants()
            if e.tag == tag and all(e.attrs.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    def find(self, tag: str, **attrs: str) -> Element | None:
        found = self.find_all(tag, **attrs)
        return found[0] if found else None

    def meta(self, **attrs: str) -> str | None:
        element = self.find("meta", **attrs)
        return element.attrs.get("content") if element else None

    def by_class(self, class_name: str) -> list[Element]:
        return [e for e in self.root.descendants() if class_name in e.attrs.get("class", "").split()]

    @property
    def text(self) -> str:
        return " ".join(self.root.text.split())


def parse(path: Path) -> Page:
    root, _ = parse_fragment(path.read_text(encoding="utf-8"))
    return Page(path, root)


def rel_tokens(element: Element) -> set[str]:
    """rel is a set of space-separated tokens, however it is spaced."""
    return set(element.attrs.get("rel", "").lower().split())
