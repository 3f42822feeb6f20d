"""The intermediate form: one closed, typed tree that every emitter reads, and its JSON on disk.

Every node is a frozen dataclass with a ``type`` tag; sequences are tuples, so a loaded tree
cannot be mutated by the emitter that reads it. Every block and every highlight carries the
1-based source ``line`` it came from; the document carries its ``path``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

#: Bumped whenever a node gains, loses or changes a field. ``load`` refuses any other version.
#: 2: the learner's marks (``cloze:`` comments); 3: the ``math`` inline node, the document's
#: ``type_answers``; 4: ``type_answers`` says which cards (``all`` or ``code``); 5: hard line
#: breaks, superscript, subscript, strikethrough and inline notes as nodes of their own; 6: footnote
#: references (``[^label]``) as a node, no longer text.
FORMAT_VERSION = 6

#: The learner's markers, an HTML comment at the end of a line (``<!-- cloze:skip -->``):
#: ``skip`` (no card from this line), ``keep`` (every highlight of it a card, whatever the policy
#: says) and ``skip=TEXT`` (no card for the highlight ``TEXT``). Any other ``cloze:`` word is a
#: warning on its line.
MARKS = ("skip", "keep", "skip=")


# ---------------------------------------------------------------------------------------------
# Inline spans


@dataclass(frozen=True, slots=True)
class Text:
    """Plain text. A soft line break inside a paragraph is kept as ``"\\n"``."""

    text: str
    type: ClassVar[str] = "text"


@dataclass(frozen=True, slots=True)
class Highlight:
    """A backtick span: the cloze material."""

    text: str
    """The span's text as CommonMark reads it (a line break inside it becomes a space)."""
    line: int
    """Source line of the opening backtick."""
    type: ClassVar[str] = "highlight"


@dataclass(frozen=True, slots=True)
class Strong:
    children: tuple[Inline, ...]
    type: ClassVar[str] = "strong"


@dataclass(frozen=True, slots=True)
class Emphasis:
    children: tuple[Inline, ...]
    type: ClassVar[str] = "emphasis"


@dataclass(frozen=True, slots=True)
class Link:
    children: tuple[Inline, ...]
    """The link text; it may hold highlights."""
    href: str
    type: ClassVar[str] = "link"


@dataclass(frozen=True, slots=True)
class Math:
    """``$TeX$`` (inline) or ``$$TeX$$`` (display): TeX source, never Markdown.

    A backtick span inside it is a highlight like any other (a cloze of the formula's part);
    the text around it is TeX.
    """

    children: tuple[Text | Highlight, ...]
    display: bool = False
    type: ClassVar[str] = "math"

    @property
    def tex(self) -> str:
        """The TeX as written, backticks of its highlights left out."""
        return "".join(child.text for child in self.children)


@dataclass(frozen=True, slots=True)
class LineBreak:
    """A hard line break (``<br>``, a backslash or two spaces at a line's end): the author
    wanted a new line here, unlike a soft break (a ``"\\n"`` in a ``Text``), which reads as a
    space."""

    type: ClassVar[str] = "break"


@dataclass(frozen=True, slots=True)
class Superscript:
    """``^x^`` (pandoc) or ``<sup>``: ``Na^+^``, ``1^st^``."""

    children: tuple[Inline, ...]
    type: ClassVar[str] = "superscript"


@dataclass(frozen=True, slots=True)
class Subscript:
    """``~x~`` (pandoc) or ``<sub>``: ``T~3~``, ``H~2~O``."""

    children: tuple[Inline, ...]
    type: ClassVar[str] = "subscript"


@dataclass(frozen=True, slots=True)
class Strike:
    """``~~x~~`` or ``<s>``/``<del>``: text the author struck through."""

    children: tuple[Inline, ...]
    type: ClassVar[str] = "strike"


@dataclass(frozen=True, slots=True)
class Note:
    """An inline note, ``^[text]`` (pandoc): a remark the author wrote in place, kept there,
    so it stays beside the fact it explains on cards and sheets."""

    children: tuple[Inline, ...]
    type: ClassVar[str] = "note"


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """A footnote reference, ``[^label]``: it points at a definition the sheet prints at the
    end of its domain (``[label] text``), so the sheet shows the marker; a card holds no
    footnotes, so there the marker would point at nothing and is left out."""

    label: str
    type: ClassVar[str] = "footnote_ref"


Inline = (
    Text
    | Highlight
    | Strong
    | Emphasis
    | Link
    | Math
    | LineBreak
    | Superscript
    | Subscript
    | Strike
    | Note
    | FootnoteRef
)

#: The inline nodes that only wrap other spans: their text is their children's.
Wrapper = Strong | Emphasis | Link | Superscript | Subscript | Strike | Note


# ---------------------------------------------------------------------------------------------
# Blocks


@dataclass(frozen=True, slots=True)
class Bullet:
    """One list item: its own line of text, then whatever is nested under it."""

    line: int
    spans: tuple[Inline, ...]
    children: tuple[Block, ...] = ()
    """Nested bullets mostly; also images, paragraphs, tables or code indented under the item."""
    marker: str = "-"
    """``-`` for an unordered item, ``1.`` (its number) for an ordered one."""
    marks: tuple[str, ...] = ()
    """The learner's markers at the end of the line, without ``cloze:`` (see ``MARKS``)."""
    type: ClassVar[str] = "bullet"


@dataclass(frozen=True, slots=True)
class Paragraph:
    line: int
    spans: tuple[Inline, ...]
    marks: tuple[str, ...] = ()
    """The learner's markers at the end of the paragraph, without ``cloze:`` (see ``MARKS``)."""
    type: ClassVar[str] = "paragraph"


@dataclass(frozen=True, slots=True)
class Cell:
    spans: tuple[Inline, ...]
    type: ClassVar[str] = "cell"


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    cells: tuple[Cell, ...]
    type: ClassVar[str] = "row"


@dataclass(frozen=True, slots=True)
class Table:
    line: int
    header: tuple[Cell, ...]
    rows: tuple[Row, ...]
    type: ClassVar[str] = "table"


@dataclass(frozen=True, slots=True)
class Quote:
    line: int
    children: tuple[Block, ...]
    type: ClassVar[str] = "quote"


@dataclass(frozen=True, slots=True)
class Image:
    """A reference to an image; the parse never fetches or reads it."""

    line: int
    src: str
    alt: str
    type: ClassVar[str] = "image"


@dataclass(frozen=True, slots=True)
class Code:
    line: int
    text: str
    lang: str = ""
    type: ClassVar[str] = "code"


Block = Bullet | Paragraph | Table | Quote | Image | Code


# ---------------------------------------------------------------------------------------------
# Structure


@dataclass(frozen=True, slots=True)
class Section:
    """A ``##``…``######`` heading and everything under it up to the next heading of its level."""

    line: int
    level: int
    title: str
    """The heading as plain text (backticks removed)."""
    spans: tuple[Inline, ...]
    children: tuple[Block | Section, ...] = ()
    type: ClassVar[str] = "section"


@dataclass(frozen=True, slots=True)
class Domain:
    """A ``# `` heading: one subdeck and one cheat-sheet."""

    line: int
    id: str
    """A slug of the title, unique within the document (``-2``, ``-3`` for repeated titles)."""
    title: str
    spans: tuple[Inline, ...]
    children: tuple[Block | Section, ...] = ()
    type: ClassVar[str] = "domain"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A message about the notes, shown as ``path:line: severity: message``."""

    path: str
    line: int
    severity: str
    """``warning`` (the build goes on) or ``error``."""
    message: str
    type: ClassVar[str] = "diagnostic"

    def __str__(self) -> str:
        # Line 0: about the file itself (it cannot be read), not a line in it.
        where = f"{self.path}:{self.line}" if self.line > 0 else self.path
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    """The notes file as given to the parse (relative to the project when it lies inside it)."""
    title: str
    """The front matter's ``title:``, else the file's stem: the deck's name."""
    domains: tuple[Domain, ...]
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    """The parse's warnings, kept so later stages can report them."""
    type_answers: str = ""
    """The front matter's ``type_answers``: which cards ask the learner to type the answer
    (``all``, ``code``: those whose every blank is a command or code token; ``""``: none)."""
    type: ClassVar[str] = "document"


Node = Inline | Block | Section | Domain | Document | Cell | Row | Diagnostic

_NODE_TYPES: dict[str, type] = {
    cls.type: cls
    for cls in (
        *(Text, Highlight, Strong, Emphasis, Link, Math),
        *(LineBreak, Superscript, Subscript, Strike, Note, FootnoteRef),
        *(Bullet, Paragraph, Cell, Row, Table, Quote, Image, Code),
        *(Section, Domain, Diagnostic, Document),
    )
}
_NODE_CLASSES = frozenset(_NODE_TYPES.values())


# ---------------------------------------------------------------------------------------------
# Reading the tree


def plain_text(spans: tuple[Inline, ...]) -> str:
    """The spans' text as a reader sees it, without markup; soft breaks become spaces."""
    out: list[str] = []
    for span in spans:
        if isinstance(span, Text | Highlight):
            out.append(span.text)
        elif isinstance(span, LineBreak):
            out.append("\n")
        elif isinstance(span, Note):
            out.append(f" ({plain_text(span.children)})")
        elif isinstance(span, FootnoteRef):
            out.append(f"[{span.label}]")  # as the sheet shows it
        else:
            out.append(plain_text(span.children))
    return "".join(out).replace("\n", " ")


def iter_highlights(spans: tuple[Inline, ...]) -> Iterator[Highlight]:
    for span in spans:
        if isinstance(span, Highlight):
            yield span
        elif isinstance(span, Wrapper | Math):
            yield from iter_highlights(span.children)


def has_highlight(spans: tuple[Inline, ...]) -> bool:
    """Whether any of ``spans`` (nested ones included) is a highlight."""
    return any(True for _ in iter_highlights(spans))


def iter_nodes(node: Any) -> Iterator[Any]:
    """Every node under ``node`` (itself included), depth first, in source order."""
    yield node
    if isinstance(node, Document):
        for domain in node.domains:
            yield from iter_nodes(domain)
        return
    for name in ("spans", "header", "children", "rows", "cells"):
        for child in getattr(node, name, ()):
            yield from iter_nodes(child)


def all_highlights(node: Any) -> list[Highlight]:
    return [n for n in iter_nodes(node) if isinstance(n, Highlight)]


# ---------------------------------------------------------------------------------------------
# JSON on disk


class FormatError(ValueError):
    """The JSON is not an intermediate form this version of clozepress can read."""


def to_json(node: Any) -> Any:
    if isinstance(node, tuple):
        return [to_json(item) for item in node]
    if type(node) in _NODE_CLASSES:
        obj: dict[str, Any] = {"type": node.type}
        for f in fields(node):
            obj[f.name] = to_json(getattr(node, f.name))
        return obj
    return node


def from_json(obj: Any) -> Any:
    if isinstance(obj, list):
        return tuple(from_json(item) for item in obj)
    if isinstance(obj, dict):
        kind = obj.get("type")
        cls = _NODE_TYPES.get(kind) if isinstance(kind, str) else None
        if cls is None:
            raise FormatError(f"unknown node type {kind!r}")
        names = {f.name for f in fields(cls)}
        try:
            return cls(**{k: from_json(v) for k, v in obj.items() if k != "type" and k in names})
        except TypeError as exc:
            raise FormatError(f"bad {kind} node: {exc}") from None
    return obj


def dumps(document: Document) -> str:
    payload = {"format": "clozepress", "version": FORMAT_VERSION, "document": to_json(document)}
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def loads(text: str) -> Document:
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"not JSON: {exc}") from None
    if not isinstance(payload, dict) or payload.get("format") != "clozepress":
        raise FormatError("not a clozepress intermediate form")
    version = payload.get("version")
    if version != FORMAT_VERSION:
        raise FormatError(
            f"intermediate form version {version!r} is not {FORMAT_VERSION}: "
            "rebuild it (make clean)"
        )
    document = from_json(payload.get("document"))
    if not isinstance(document, Document):
        raise FormatError("the top node is not a document")
    return document
