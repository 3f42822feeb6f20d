"""The notes into units: each line, paragraph, heading or table row that holds a highlight, flat
as text with its highlights as ranges, and the context a card needs around it (breadcrumb, the
line before it, what is nested under it).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..form.model import (
    Block,
    Bullet,
    Code,
    Document,
    Emphasis,
    FootnoteRef,
    Highlight,
    Image,
    Inline,
    LineBreak,
    Link,
    Math,
    Note,
    Paragraph,
    Quote,
    Section,
    Strike,
    Strong,
    Subscript,
    Superscript,
    Table,
    Text,
    has_highlight,
)
from . import mathjax
from .examples import routines
from .html import scripted
from .model import Mark, Unit
from .table import first_column_heads
from .text import sentences

#: The end of a word a highlight cut short: one or two small letters, then no more letters.
_WORD_END = re.compile(r"[a-z]{1,2}(?![A-Za-z0-9])")


def flatten(
    spans: tuple[Inline, ...],
    asides: list[tuple[int, int]] | None = None,
    holding: list[tuple[int, int]] | None = None,
) -> tuple[str, tuple[Mark, ...]]:
    """The spans as one string (soft breaks kept as ``\\n``) and their highlights' ranges;
    ``asides`` gets the range of each inline note holding no highlight, ``holding`` of each
    holding one (see the ``asides`` module)."""
    out: list[str] = []
    marks: list[Mark] = []
    size = 0
    notes = [0]  # how many inline footnotes (``^[...]``) are open
    found: list[tuple[int, int]] = []
    held: list[tuple[int, int]] = []  # notes holding a highlight
    unparsed: list[tuple[int, int]] = []  # notes written as text, open: (start, marks before)

    def walk(items: tuple[Inline, ...]) -> None:
        nonlocal size
        for span in items:
            if isinstance(span, LineBreak):
                span = Text("\n")
            elif isinstance(span, Superscript | Subscript) and all(
                isinstance(child, Text) for child in span.children
            ):
                raw = "".join(child.text for child in span.children if isinstance(child, Text))
                span = Text(scripted(raw, isinstance(span, Superscript)))
            if isinstance(span, Text):
                events: list[tuple[int, int]] = []
                text = _readable(span.text, notes, events)
                glued = (
                    out
                    and marks
                    and marks[-1].end == size
                    and text[:1].isascii()
                    and text[:1].isalnum()
                    and out[-1][-1:].isascii()
                    and out[-1][-1:].isalnum()
                    # A highlight that cut a word short (`matche`s) is that word, not two.
                    and not _WORD_END.match(text)
                )
                if glued:
                    text = " " + text
                for offset, step in events:
                    # A note written as text (``^[`` the parse left): its range, if no
                    # highlight stands inside it.
                    at = size + offset + (1 if glued else 0)
                    if step > 0:
                        unparsed.append((at, len(marks)))
                    elif unparsed:
                        start, seen = unparsed.pop()
                        if not unparsed:
                            (found if seen == len(marks) else held).append((start, at + 1))
                out.append(text)
                size += len(text)
            elif isinstance(span, Highlight):
                # Words glued to a highlight (`a`b, or spaces lost at its edges) read apart.
                before = out[-1][-1:] if out else ""
                first = span.text[:1]
                if before.isascii() and before.isalnum() and first.isascii() and first.isalnum():
                    out.append(" ")
                    size += 1
                shown = mathjax.to_mathjax(span.text)
                marks.append(Mark(size, size + len(shown), span))
                out.append(shown)
                size += len(shown)
            elif isinstance(span, Strong | Emphasis | Link | Superscript | Subscript | Strike):
                walk(span.children)
            elif isinstance(span, FootnoteRef):
                # A card holds no footnotes: the marker would point at nothing there.
                continue
            elif isinstance(span, Note):
                # In place, in parentheses: the note explains the words before it.
                start = size
                walk((Text(" ("), *span.children, Text(")")))
                (found if not has_highlight(span.children) else held).append((start, size))
            elif isinstance(span, Math):
                for piece, highlight in mathjax.pieces(span):
                    if highlight is not None:
                        marks.append(Mark(size, size + len(piece), highlight))
                    out.append(piece)
                    size += len(piece)

    walk(spans)
    # A hard line break written as a backslash the parse left at the end.
    text = re.sub(r"\\(?=\n|$)", " ", "".join(out))
    # Spacing at the edges and runs of spaces are the notes' layout, not their words.
    lead = len(text) - len(text.lstrip(" \t"))
    text = text[lead:].rstrip()
    size = len(text)
    if asides is not None:
        asides.extend((max(0, a - lead), min(size, b - lead)) for a, b in found)
    if holding is not None:
        holding.extend((max(0, a - lead), min(size, b - lead)) for a, b in held)
    return text, tuple(
        Mark(min(size, max(0, m.start - lead)), min(size, max(0, m.end - lead)), m.highlight)
        for m in marks
    )


#: A heading's attributes as some Markdown dialects write them (``## Title {#id .class}``).
_ATTRIBUTES = re.compile(r"\s*\{[#.][^{}]*\}\s*$")


_FENCE_LINE = re.compile(r"(?m)^[ \t]*:{3,}.*$|[ \t]+:{3,}[ \t]*$")


def _readable(text: str, notes: list[int], events: list[tuple[int, int]] | None = None) -> str:
    """Markup some Markdown dialects add, as a reader of the rendered notes sees it, without
    moving a character (highlights keep their offsets): ``^[note]`` as `` (note)``, ``---`` as
    a dash, a ``:::`` fence line as blank."""
    text = _FENCE_LINE.sub(lambda m: " " * len(m.group()), text)
    text = re.sub(r"(?<=[^-\s])---(?=[^-\s])|(?<=\s)---(?=\s)", " — ", text)
    out: list[str] = []
    index = 0
    while index < len(text):
        if text.startswith("^[", index):
            notes[0] += 1
            if events is not None:
                events.append((index, 1))
            out.append(" (")
            index += 2
            continue
        char = text[index]
        if char == "]" and notes[0]:
            notes[0] -= 1
            char = ")"
            if events is not None:
                events.append((index, -1))
        out.append(char)
        index += 1
    return "".join(out)


def one_line(spans: tuple[Inline, ...]) -> str:
    return " ".join(flatten(spans)[0].split())


#: A note to self closing a heading ("- TODO review", "FIXME"): the author's, not the subject's.
_TO_DO = re.compile(r"\s*[-–(]*\s*\b(?:TODO|FIXME|XXX)\b.*$")


def title(spans: tuple[Inline, ...]) -> str:
    """A heading as a breadcrumb shows it: one line, without attribute blocks or notes to self."""
    return _TO_DO.sub("", _ATTRIBUTES.sub("", one_line(spans))) or one_line(spans)


@dataclass(frozen=True)
class _Where:
    domain: int
    crumbs: tuple[str, ...]
    heading_count: int
    sections: tuple[str, ...]
    anchor: int
    """Line of what the blocks here are nested under (a bullet, else the section heading)."""


def units(document: Document) -> list[Unit]:
    """Every unit of the document in source order."""
    out: list[Unit] = []
    for index, domain in enumerate(document.domains):
        name = title(domain.spans)
        where = _Where(index, (name,), 1, (), domain.line)
        # The domain's own heading has nothing above it.
        top = _Where(index, (), 0, (), domain.line)
        owner = _heading(domain.spans, domain.line, top, (), out, domain.children)
        _walk(domain.children, where, owner, name, out)
    return out


def _heading(
    spans: tuple[Inline, ...],
    line: int,
    where: _Where,
    sections: tuple[str, ...],
    out: list[Unit],
    below: tuple[Block | Section, ...] = (),
) -> int | None:
    """A heading holding a highlight; ``below`` is what its section holds (its first lines
    describe what the heading names)."""
    if not has_highlight(spans):
        return None
    text, marks = flatten(spans)
    text = _ATTRIBUTES.sub("", text)
    note = _TO_DO.search(text, max((m.end for m in marks), default=0))
    if note is not None:
        text = text[: note.start()]
    lines = tuple(b for b in below if isinstance(b, Bullet | Paragraph))
    out.append(
        Unit(
            "heading",
            line,
            text,
            marks,
            where.domain,
            where.crumbs,
            where.heading_count,
            sections,
            children=lines,
        )
    )
    return len(out) - 1


def _walk(
    blocks: tuple[Block | Section, ...],
    where: _Where,
    owner: int | None,
    before: str,
    out: list[Unit],
) -> None:
    """Collect units from ``blocks``; ``owner`` indexes the unit images here belong to when no
    unit precedes them among their siblings; ``before`` is the line above the first block."""
    previous: int | None = None
    runs = _lists(blocks)
    for at, block in enumerate(blocks):
        if isinstance(block, Section):
            name = title(block.spans)
            sections = (*where.sections, block.title)
            own = _heading(block.spans, block.line, where, sections, out, block.children)
            inner = _Where(
                where.domain,
                (*where.crumbs[: where.heading_count], name),
                where.heading_count + 1,
                sections,
                block.line,
            )
            # Deeper sections sit under this one; a peer of an outer one is handled by the parse.
            _walk(block.children, inner, own, name, out)
            previous = None
            before = name
        elif isinstance(block, Bullet | Paragraph):
            asides: list[tuple[int, int]] = []
            holding: list[tuple[int, int]] = []
            text, marks = flatten(block.spans, asides, holding)
            own = None
            if marks:
                out.append(
                    Unit(
                        "line",
                        block.line,
                        text,
                        marks,
                        where.domain,
                        where.crumbs,
                        where.heading_count,
                        where.sections,
                        before=" ".join(before.split()),
                        lines=(block.line,),
                        marks_by_learner=block.marks,
                        children=block.children if isinstance(block, Bullet) else (),
                        group=(where.domain, runs[at][0][0][0]) if at in runs else (0, 0),
                        siblings=runs[at][0] if at in runs else (),
                        lead=runs[at][1] if at in runs else "",
                        reference=_only_a_link(block.spans),
                        introduces=_introduced(block, blocks[at + 1 : at + 2]),
                        code_before=_code(blocks[at - 1 : at]),
                        code_after=_code(
                            (*(block.children[:1] if isinstance(block, Bullet) else ()),)
                            or blocks[at + 1 : at + 2]
                        ),
                        titles=_titles(block.spans),
                        asides=tuple(asides),
                        holding=tuple(holding),
                    )
                )
                own = previous = len(out) - 1
            if isinstance(block, Bullet) and block.children:
                line_text = " ".join(text.split())
                inner = dataclasses.replace(
                    where, crumbs=(*where.crumbs, line_text), anchor=block.line
                )
                _walk(block.children, inner, own if own is not None else owner, line_text, out)
            if text.strip():
                before = text
        elif isinstance(block, Table):
            header = tuple(flatten(cell.spans) for cell in block.header)
            heads = tuple(" ".join(t.split()) for t, _ in header)
            no_heads: tuple[str, ...] = ()
            rows = [(block.line, header, no_heads)]
            rows += [
                (row.line, tuple(flatten(cell.spans) for cell in row.cells), heads)
                for row in block.rows
            ]
            column = [cells[0] for _, cells, _ in rows[1:] if cells]
            headed = first_column_heads(heads[0] if heads else "", column)
            for line, cells, head in rows:
                if any(marks for _, marks in cells):
                    text, marks = _join_cells(cells)
                    if head:
                        # The header row above the row, so each value reads against its column.
                        top = " | ".join(head) + "\n"
                        text = top + text
                        marks = tuple(
                            Mark(m.start + len(top), m.end + len(top), m.highlight) for m in marks
                        )
                    out.append(
                        Unit(
                            "row",
                            line,
                            text,
                            marks,
                            where.domain,
                            where.crumbs,
                            where.heading_count,
                            where.sections,
                            before=" ".join(before.split()),
                            lines=(line,),
                            key=" | ".join(" ".join(t.split()) for t, _ in cells),
                            header=head,
                            cells=cells,
                            row_heads=headed,
                        )
                    )
                    previous = len(out) - 1
        elif isinstance(block, Quote):
            _walk(block.children, where, previous if previous is not None else owner, before, out)
        elif isinstance(block, Image):
            # An image illustrates the line just above it; failing that, what it is nested under.
            target = previous if previous is not None else owner
            if target is not None:
                unit = out[target]
                out[target] = dataclasses.replace(unit, images=(*unit.images, block))
        elif isinstance(block, Code):
            before = ""  # code is no line to point back at


def _lists(
    blocks: tuple[Block | Section, ...],
) -> dict[int, tuple[tuple[tuple[int, str], ...], str]]:
    """For each bullet among ``blocks``: every item of its list (the bullets in a row, each
    ``(line, text)``: a lone item is asked with its list), and the paragraph right before the
    list, if one is (its lead-in, the question the list answers)."""
    out: dict[int, tuple[tuple[tuple[int, str], ...], str]] = {}
    at = 0
    while at < len(blocks):
        if not isinstance(blocks[at], Bullet):
            at += 1
            continue
        end = at
        while end < len(blocks) and isinstance(blocks[end], Bullet):
            end += 1
        items = tuple(
            (b.line, " ".join(flatten(b.spans)[0].split()))
            for b in blocks[at:end]
            if isinstance(b, Bullet)
        )
        above = blocks[at - 1] if at else None
        lead = _last_sentence(flatten(above.spans)[0]) if isinstance(above, Paragraph) else ""
        for index in range(at, end):
            out[index] = (items, lead)
        at = end
    return out


def _last_sentence(text: str) -> str:
    """A paragraph's last sentence: the one that leads into what follows it."""
    found = sentences(text)
    return " ".join(text[found[-1][0] : found[-1][1]].split()) if found else ""


def _code(blocks: tuple[Block | Section, ...]) -> str:
    """The text of the code block among ``blocks`` (one or none), else ``""``."""
    return blocks[0].text if blocks and isinstance(blocks[0], Code) else ""


def _introduced(block: Bullet | Paragraph, after: tuple[Block | Section, ...]) -> frozenset[str]:
    """The functions and types the code block right after a line (or first nested under it)
    defines."""
    first = block.children[:1] if isinstance(block, Bullet) else ()
    for code in (*first, *after):
        if isinstance(code, Code):
            return frozenset(routines(code.text))
    return frozenset()


def _titles(spans: tuple[Inline, ...]) -> tuple[Highlight, ...]:
    """The highlights that stand in a link's text beside other words ("[`gc` docs](...)"):
    they name the page the link points to."""
    out: list[Highlight] = []
    for span in spans:
        if isinstance(span, Link):
            inner = _highlights_in(span.children)
            if inner and any(isinstance(c, Text) and c.text.strip() for c in span.children):
                out.extend(inner)
        elif isinstance(span, Strong | Emphasis):
            out.extend(_titles(span.children))
    return tuple(out)


def _highlights_in(spans: tuple[Inline, ...]) -> list[Highlight]:
    out: list[Highlight] = []
    for span in spans:
        if isinstance(span, Highlight):
            out.append(span)
        elif isinstance(span, Strong | Emphasis | Link):
            out.extend(_highlights_in(span.children))
    return out


def _only_a_link(spans: tuple[Inline, ...]) -> bool:
    """Whether a line is one link to another page and nothing else (a list of references)."""
    shown = [s for s in spans if not (isinstance(s, Text) and not s.text.strip())]
    return len(shown) == 1 and isinstance(shown[0], Link) and not shown[0].href.startswith("#")


def _join_cells(
    cells: tuple[tuple[str, tuple[Mark, ...]], ...],
) -> tuple[str, tuple[Mark, ...]]:
    """A row as one line, ``a | b | c``, its highlights moved to their place in it."""
    parts: list[str] = []
    marks: list[Mark] = []
    size = 0
    for index, (text, cell_marks) in enumerate(cells):
        if index:
            parts.append(" | ")
            size += 3
        marks.extend(Mark(m.start + size, m.end + size, m.highlight) for m in cell_marks)
        parts.append(text)
        size += len(text)
    return "".join(parts), tuple(marks)
