"""One stylesheet for the whole site: Material's CSS cut to the rules its pages can use, then ours.

Material ships 138 KB of CSS for every feature it has (code blocks, tabs, admonition types, 20 colour
palettes, right-to-left text…); this site uses a small part. Once every page is built, this step
keeps a rule of Material's main and palette CSS only if every class, id, attribute and element its
selector names occurs in a built page or is one Material's script adds (it draws the search results),
and appends ours (overrides/assets/stylesheets/site.css) whole: it is small, written for this site, and
styles what is added after this step has run (the preview's list of mistakes). Custom properties that no
kept rule reads are dropped. The pages link the one file (overrides/main.html). A page an editor adds
with new elements (a table, an admonition) brings their rules back at the next build: the cut is made
from the pages as they are.

A selector is kept when in doubt: names inside :not(), :is() and other functions are not checked.
Which names Material's script adds (SCRIPT_PREFIXES, SCRIPT_ELEMENTS) was read off Material 9.8.2's
bundle (search_on_demand.BUNDLE): another bundle stops the cut. Switched off, the stylesheets are
joined into the one file whole.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2
from tinycss2 import ast

from .search_on_demand import BUNDLE
from .site import FinishingError, Site

UPSTREAM = (
    f"Material 9.8.2's stylesheets (assets/stylesheets/main.*.min.css, palette.*.min.css) and the names its "
    f"bundle {BUNDLE} adds to the page"
)
OUTPUT = "assets/stylesheets/styles.css"
CHARSET = '@charset "UTF-8";'
# Material's stylesheets as copied into the site (their names carry a content hash), then ours.
SOURCES = [
    "assets/stylesheets/main.*.min.css",
    "assets/stylesheets/palette.*.min.css",
    "assets/stylesheets/site.css",
]
KEPT_WHOLE = {"site.css"}
# JavaScript string literals: Material's class names, element names and selectors are among them.
JS_STRING = re.compile(r"\"((?:[^\"\\\n]|\\.)*)\"|'((?:[^'\\\n]|\\.)*)'|`([^`]*)`")
WORD = re.compile(r"[A-Za-z_][\w-]*")
START_TAG = re.compile(r"<([A-Za-z][\w:-]*)(\s[^>]*)?>")
ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
# Class and attribute names Material's script adds for what this site uses: search, header, navigation.
SCRIPT_PREFIXES = (
    "md-search",
    "md-nav",
    "md-header",
    "md-sidebar",
    "md-dialog",
    "md-content",
    "data-md-",
    "__",
)
# Elements Material's script creates (search results, dialogs); their rules stay though no page has them.
SCRIPT_ELEMENTS = {"article", "del", "details", "summary", "mark", "ol", "ul", "li", "nav", "p", "h1", "h2"}


@dataclass
class Used:
    """What the site's pages and scripts can put in the document."""

    tags: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    attribute_values: set[tuple[str, str]] = field(default_factory=set)
    script_words: set[str] = field(default_factory=set)

    def has_tag(self, tag: str) -> bool:
        return tag in self.tags or tag in self.script_words

    def has_class(self, name: str) -> bool:
        return name in self.classes or name in self.script_words

    def has_id(self, name: str) -> bool:
        return name in self.ids or name in self.script_words

    def has_attribute(self, name: str, value: str | None) -> bool:
        if name in self.attributes:  # the pages' values (Material's script sets only those it adds itself)
            return value is None or (name, value) in self.attribute_values
        return name in self.script_words


def _add_start_tag(used: Used, tag: str, attributes: str) -> None:
    used.tags.add(tag.lower())
    for match in ATTRIBUTE.finditer(attributes):
        name = match[1].lower()
        value = html.unescape(next((v for v in match.groups()[1:] if v is not None), ""))
        used.attributes.add(name)
        used.attribute_values.add((name, value))
        if name == "class":
            used.classes.update(value.split())
        elif name == "id" and value:
            used.ids.add(value)
        elif name == "style":  # custom properties set inline count as used, like a script's
            used.script_words.update(WORD.findall(value))


def add_page(used: Used, page_html: str, seen: set[tuple[str, str]]) -> None:
    """Add the names of a page's start tags not seen before."""
    for tag in set(START_TAG.findall(page_html)) - seen:
        _add_start_tag(used, *tag)
        seen.add(tag)


def names_in(pages: Iterable[Path], scripts: Iterable[Path]) -> Used:
    """The names in the pages' start tags, and those Material's script adds.

    A regular expression, not an HTML parser: a large site's pages repeat the same navigation, and each
    distinct start tag is read once (2000 pages of 25 KB take well under a second). A "<" in an inline
    script may be read as a tag: that can only keep a rule, never cut one.
    """
    used = Used()
    seen: set[tuple[str, str]] = set()
    for page in pages:
        add_page(used, page.read_text(encoding="utf-8"), seen)
    for script in scripts:
        used.script_words |= _script_words(script.read_text(encoding="utf-8"))
    return used


@functools.cache  # the same script on every rebuild of `make serve`
def _script_words(code: str) -> frozenset[str]:
    words = set()
    for match in JS_STRING.finditer(code):
        text = next(group for group in match.groups() if group is not None)
        words.update(word for word in WORD.findall(text) if _script_can_add(word))
    return frozenset(words)


def _script_can_add(word: str) -> bool:
    """What Material's script adds to this site's pages: search results, header, navigation states.

    Material's bundle names every feature it has (code copying, tooltips, tags, versions, diagrams);
    those features also put their names in the pages, so a site that turns one on keeps its rules.
    """
    return word.startswith(SCRIPT_PREFIXES) or "focus-visible" in word or word in SCRIPT_ELEMENTS


def _attribute_selector(block: ast.SquareBracketsBlock) -> tuple[str, str | None]:
    tokens = [token for token in block.content if token.type != "whitespace"]
    name = tokens[0].value.lower() if tokens and tokens[0].type == "ident" else ""
    exact = len(tokens) == 3 and tokens[1] == "=" and tokens[2].type in ("ident", "string")
    return name, (tokens[2].value if exact else None)


def selector_can_match(selector: list[ast.Node], used: Used) -> bool:
    """False only if the selector names something no page or script has."""
    previous: ast.Node | None = None
    for token in selector:
        if token.type == "ident" and previous is not None and previous == ".":
            if not used.has_class(token.value):
                return False
        elif token.type == "hash" and token.is_identifier and not used.has_id(token.value):
            return False
        elif token.type == "[] block":
            name, value = _attribute_selector(token)
            if name and not used.has_attribute(name, value):
                return False
        elif token.type == "ident" and (previous is None or previous.type in ("whitespace", "literal")):
            is_pseudo = previous is not None and previous == ":"
            if not is_pseudo and not used.has_tag(token.value.lower()):
                return False
        if token.type != "comment":
            previous = token
    return True


def _split_selectors(prelude: list[ast.Node]) -> list[list[ast.Node]]:
    selectors: list[list[ast.Node]] = [[]]
    for token in prelude:
        if token == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def _text(tokens: Iterable[ast.Node]) -> str:
    """Tokens as compact CSS: no comments, runs of white space as one space."""
    parts = []
    for token in tokens:
        if token.type == "comment":
            continue
        parts.append(" " if token.type == "whitespace" else token.serialize())
    return re.sub(r" +", " ", "".join(parts)).strip()


def _variables_named(tokens: Iterable[ast.Node]) -> set[str]:
    """The custom properties that var() in these tokens reads."""
    names = set()
    for token in tokens:
        if token.type == "function":
            if token.lower_name == "var":
                names.update(t.value for t in token.arguments if t.type == "ident" and t.value[:2] == "--")
            names |= _variables_named(token.arguments)
        elif token.type in ("() block", "[] block", "{} block"):
            names |= _variables_named(token.content)
    return names


@dataclass
class Block:
    """A kept rule: its prelude ("@media …" or selectors) and declarations, or nested blocks."""

    prelude: str
    declarations: list[ast.Declaration] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    text: str | None = None  # an at-rule kept as it is (@page, @keyframes)

    def all_declarations(self) -> Iterable[ast.Declaration]:
        yield from self.declarations
        for block in self.blocks:
            yield from block.all_declarations()

    def css(self, variables: set[str]) -> str:
        if self.text is not None:
            return self.text
        kept = [d for d in self.declarations if not d.name.startswith("--") or d.name in variables]
        body = ";".join(f"{d.name}:{_text(d.value)}{'!important' if d.important else ''}" for d in kept)
        inner = "".join(block.css(variables) for block in self.blocks)
        return f"{self.prelude}{{{body}{inner}}}" if body or inner else ""


def cut_rules(rules: list[ast.Node], used: Used | None) -> list[Block]:
    """The rules whose selectors can match what is used (every rule if used is None)."""
    kept: list[Block] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [
                s for s in _split_selectors(rule.prelude) if used is None or selector_can_match(s, used)
            ]
            if selectors:
                contents = tinycss2.parse_blocks_contents(rule.content, True, True)  # no comments, spaces
                declarations = [item for item in contents if item.type == "declaration"]
                kept.append(Block(",".join(_text(selector) for selector in selectors), declarations))
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports", "layer", "container"):
            if rule.content is None:
                kept.append(Block("", text=f"@{rule.at_keyword} {_text(rule.prelude)};"))
                continue
            inner = cut_rules(tinycss2.parse_rule_list(rule.content, True, True), used)
            if inner:
                kept.append(Block(f"@{rule.at_keyword} {_text(rule.prelude)}", blocks=inner))
        elif rule.type == "at-rule" and rule.lower_at_keyword != "charset":  # one @charset, at the top
            kept.append(Block("", text=_text([rule])))
    return kept


def variables_in_use(blocks: list[Block], used: Used) -> set[str]:
    """Custom properties read by a kept declaration, directly or through other custom properties.

    Material defines dozens (icons as data: URIs for features this site lacks); unread ones are dropped.
    A script may read or set any whose name it mentions.
    """
    values: dict[str, list[list[ast.Node]]] = {}
    needed = {f"--{word}" for word in used.script_words}
    for block in blocks:
        for declaration in block.all_declarations():
            if declaration.name.startswith("--"):
                values.setdefault(declaration.name, []).append(declaration.value)
            else:
                needed |= _variables_named(declaration.value)
    for block in blocks:
        if block.text is not None:
            needed |= {f"--{name}" for name in re.findall(r"var\(--([\w-]+)", block.text)}
    todo = list(needed)
    while todo:
        for value in values.get(todo.pop(), []):
            for name in _variables_named(value) - needed:
                needed.add(name)
                todo.append(name)
    return needed


def _drop_unused_keyframes(rules: list[str]) -> list[str]:
    """Keyframes that no kept rule names are dropped (Material animates many widgets this site lacks)."""
    keyframes = re.compile(r"@keyframes\s+([\w-]+)")
    others = "".join(rule for rule in rules if not keyframes.match(rule))
    return [rule for rule in rules if not (m := keyframes.match(rule)) or re.search(rf"\b{m[1]}\b", others)]


@functools.cache  # the same stylesheets on every rebuild of `make serve`
def parse_stylesheet(css: str, where: str) -> list[ast.Node]:
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    errors = [rule for rule in rules if rule.type == "error"]
    if errors:
        error = errors[0]
        raise FinishingError(
            f"{where}: the stylesheet cannot be read at line {error.source_line}: {error.message}"
        )
    return rules


def cut_stylesheets(sources: list[tuple[str, str]], used: Used, whole: Iterable[str] = ()) -> str:
    """The (name, css) sources joined in order, cut to the rules and custom properties in use.

    Sources named in `whole` keep every rule (only their unread custom properties go).
    """
    keep_all = set(whole)
    blocks = [
        block
        for name, css in sources
        for block in cut_rules(parse_stylesheet(css, name), None if name in keep_all else used)
    ]
    variables = variables_in_use(blocks, used)
    return "".join(_drop_unused_keyframes([css for block in blocks if (css := block.css(variables))]))


def source_files(site_dir: Path) -> list[Path]:
    """Material's stylesheets and ours, in the order they are joined."""
    sources = []
    for pattern in SOURCES:
        found = sorted(site_dir.glob(pattern))
        if len(found) != 1:
            raise FinishingError(f"{site_dir / pattern}: expected one stylesheet, found {len(found)}")
        sources.extend(found)
    return sources


def build_stylesheet(site_dir: Path, cut: bool = True) -> str:
    """The one stylesheet: Material's and ours joined, cut to what the pages and the bundle use."""
    used = None
    if cut:
        bundle = site_dir / BUNDLE  # draws the search results (the worker draws nothing)
        if not bundle.is_file():
            raise FinishingError(f"{bundle} is missing: the names Material's script adds were read off it")
        used = names_in(site_dir.rglob("*.html"), [bundle])
    sources = []
    for source in source_files(site_dir):
        css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", source.read_text(encoding="utf-8"))
        sources.append((str(source), css))
    if used is None:
        joined = "\n".join(css.removeprefix(CHARSET) for _, css in sources)
        return f"{CHARSET}\n{joined}\n"
    whole = [name for name, _ in sources if Path(name).name in KEPT_WHOLE]
    return f"{CHARSET}\n{cut_stylesheets(sources, used, whole)}\n"


def cut_stylesheet(site: Site) -> None:
    (site.folder / OUTPUT).write_text(build_stylesheet(site.folder), encoding="utf-8")


def join_stylesheets(site: Site) -> None:
    """Switched off: the pages still link the one file, with every rule of each stylesheet in it."""
    (site.folder / OUTPUT).write_text(build_stylesheet(site.folder, cut=False), encoding="utf-8")
