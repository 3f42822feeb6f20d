"""The card policy: which parts of the notes become Anki notes, and what each note shows.

Pure functions over the intermediate form, no genanki: a *unit* (a bullet's own line, a heading,
a paragraph, a quote, or a table row holding at least one highlight) goes in, the notes to make
come out. Issue 6 reworks this policy for study quality; the deck emitter only calls ``plan``.

Escaping lives here, in one place, because a cloze is markup inside HTML inside Anki's own
template syntax, and each layer breaks on different characters:

- HTML first (``html.escape``): raw HTML from the notes is never live on a card.
- Braces everywhere in a field become ``&#123;``/``&#125;``: Anki (and genanki's card count)
  would read a literal ``{{c1::`` in the notes as a cloze of ours.
- Colons inside a cloze become ``&#58;``: in ``{{c1::AWS::S3}}`` the second ``::`` starts a hint.
  Entities render as the characters they stand for, so the learner sees what the notes say.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from .config import Config
from .model import (
    Block,
    Bullet,
    Cell,
    Code,
    Diagnostic,
    Document,
    Emphasis,
    Highlight,
    Image,
    Inline,
    Link,
    Paragraph,
    Quote,
    Section,
    Strong,
    Table,
    Text,
    iter_highlights,
    plain_text,
)

#: Link schemes that may be live on a card; anything else (``javascript:``, ``data:``) is text.
SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})

#: Anki makes no card above c500 (cardgen.rs); more highlights than this in one unit are skipped.
MAX_CLOZES = 500

_SEPARATOR = ' <span class="cp-sep">›</span> '


@dataclass(frozen=True)
class Unit:
    """One part of the notes that may become a note, with everything a card needs around it."""

    kind: str
    """``bullet``, ``heading``, ``paragraph``, ``quote`` or ``row``."""
    line: int
    spans: tuple[Inline, ...]
    """The unit's own text; empty for a table row (see ``cells``)."""
    domain: int
    """Index of its domain in the document: the subdeck."""
    headings: tuple[tuple[Inline, ...], ...]
    """The domain heading, then each enclosing section heading, outermost first (not itself)."""
    sections: tuple[str, ...]
    """Titles of the sections it lies in, itself included for a heading: the tag path."""
    parents: tuple[tuple[Inline, ...], ...] = ()
    """The own lines of the bullets it is nested under, outermost first."""
    cells: tuple[Cell, ...] = ()
    """A table row's cells."""
    header: tuple[Cell, ...] = ()
    """A table row's header row (empty for the header row itself)."""
    children: tuple[Block, ...] = ()
    """What is nested under a bullet: shown on the back."""
    images: tuple[Image, ...] = ()
    """Images that belong to this unit: nested under it, or right after it."""


@dataclass(frozen=True)
class Note:
    """One Anki note to make: its fields as HTML, and what its identity is matched on."""

    text: str
    """The unit as HTML with cloze markup: one card per distinct cloze number."""
    context: str
    """Breadcrumb HTML: domain › sections › parent bullets, highlights emphasised."""
    extra: str
    """HTML shown on the back: the unit's child bullets (images are added by the deck)."""
    source: str
    """``file:line`` of the unit."""
    key: str
    """The unit's text without cloze markup: what the GUID is made from and matched on."""
    context_key: str
    """The breadcrumb as plain text: tells apart units whose text repeats."""
    highlights: tuple[str, ...]
    """The hidden texts, in cloze order."""
    cards: int
    """How many cards the note makes (distinct cloze numbers)."""
    line: int
    domain: int
    sections: tuple[str, ...]
    images: tuple[Image, ...] = ()


@dataclass(frozen=True)
class Plan:
    """Every note for a document, and every highlight that did not become a card, with why."""

    notes: tuple[Note, ...]
    diagnostics: tuple[Diagnostic, ...]


# ---------------------------------------------------------------------------------------------
# Finding units


def units(document: Document) -> list[Unit]:
    """Every unit of the document in source order."""
    out: list[Unit] = []
    for index, domain in enumerate(document.domains):
        owner = None
        if _has_highlight(domain.spans):
            out.append(Unit("heading", domain.line, domain.spans, index, (), ()))
            owner = len(out) - 1
        _walk(domain.children, _Where(index, (domain.spans,), ()), owner, out)
    return out


@dataclass(frozen=True)
class _Where:
    domain: int
    headings: tuple[tuple[Inline, ...], ...]
    sections: tuple[str, ...]
    parents: tuple[tuple[Inline, ...], ...] = ()
    in_quote: bool = False


def _walk(
    blocks: tuple[Block | Section, ...], where: _Where, owner: int | None, out: list[Unit]
) -> None:
    """Collect units from ``blocks``; ``owner`` indexes the unit that images here belong to
    when no unit precedes them among their siblings."""
    previous: int | None = None
    for block in blocks:
        if isinstance(block, Section):
            sections = (*where.sections, block.title)
            own = None
            if _has_highlight(block.spans):
                out.append(
                    Unit("heading", block.line, block.spans, where.domain, where.headings, sections)
                )
                own = len(out) - 1
            inner = _Where(where.domain, (*where.headings, block.spans), sections)
            _walk(block.children, inner, own, out)
            previous = None
        elif isinstance(block, Bullet):
            own = None
            if _has_highlight(block.spans):
                out.append(
                    Unit(
                        "bullet",
                        block.line,
                        block.spans,
                        where.domain,
                        where.headings,
                        where.sections,
                        where.parents,
                        children=block.children,
                    )
                )
                own = previous = len(out) - 1
            inner = dataclasses.replace(where, parents=(*where.parents, block.spans))
            _walk(block.children, inner, own if own is not None else owner, out)
        elif isinstance(block, Paragraph):
            if _has_highlight(block.spans):
                kind = "quote" if where.in_quote else "paragraph"
                out.append(
                    Unit(
                        kind,
                        block.line,
                        block.spans,
                        where.domain,
                        where.headings,
                        where.sections,
                        where.parents,
                    )
                )
                previous = len(out) - 1
        elif isinstance(block, Table):
            no_header: tuple[Cell, ...] = ()
            rows = [(block.line, block.header, no_header)]
            rows += [(row.line, row.cells, block.header) for row in block.rows]
            for line, cells, header in rows:
                if any(_has_highlight(cell.spans) for cell in cells):
                    out.append(
                        Unit(
                            "row",
                            line,
                            (),
                            where.domain,
                            where.headings,
                            where.sections,
                            where.parents,
                            cells=cells,
                            header=header,
                        )
                    )
                    previous = len(out) - 1
        elif isinstance(block, Quote):
            inner = dataclasses.replace(where, in_quote=True)
            _walk(block.children, inner, previous if previous is not None else owner, out)
        elif isinstance(block, Image):
            # An image illustrates the line just above it; failing that, what it is nested under.
            target = previous if previous is not None else owner
            if target is not None:
                unit = out[target]
                out[target] = dataclasses.replace(unit, images=(*unit.images, block))
        # Code blocks hold no highlights and make no card.


def _has_highlight(spans: tuple[Inline, ...]) -> bool:
    return any(True for _ in iter_highlights(spans))


# ---------------------------------------------------------------------------------------------
# Units into notes


def plan(document: Document, config: Config) -> Plan:
    """The notes for every unit of ``document``, with a warning for each skipped highlight."""
    notes: list[Note] = []
    diagnostics: list[Diagnostic] = []
    for unit in units(document):
        made, said = notes_for(unit, document.path, config)
        notes.extend(made)
        diagnostics.extend(said)
    return Plan(tuple(notes), tuple(diagnostics))


def notes_for(unit: Unit, path: str, config: Config) -> tuple[list[Note], list[Diagnostic]]:
    """The notes one unit makes (zero or one today) and why any of its highlights made no card.

    ``config.cloze == "each"``: every highlight its own number c1…cN (N cards); ``"unit"``: all
    c1 (one card showing every blank). ``config.cloze_policy`` is for issue 6's study policy;
    today every non-empty highlight becomes a card under both values.
    """
    numbers = _Numbering(config.cloze == "unit")
    diagnostics: list[Diagnostic] = []

    def cloze(highlight: Highlight) -> str:
        answer = highlight.text.strip()
        if not answer:
            diagnostics.append(_skipped(path, highlight, "empty highlight: no card"))
            return ""
        number = numbers.next(answer)
        if number > MAX_CLOZES:
            diagnostics.append(
                _skipped(path, highlight, f"more than {MAX_CLOZES} clozes in one unit")
            )
            return escape(answer)
        return f"{{{{c{number}::{escape_cloze(answer)}}}}}"

    if unit.kind == "row":
        text = _row_html(unit, cloze)
        key = " | ".join(_plain(cell.spans) for cell in unit.cells)
    else:
        text = render(unit.spans, cloze, breaks="<br>")
        key = _plain(unit.spans)
    if not numbers.answers:
        return [], diagnostics  # never a note with zero cards
    crumbs = [*unit.headings, *unit.parents]
    context = _SEPARATOR.join(render(c, emphasise) for c in crumbs if _plain(c))
    context_key = " › ".join(_plain(c) for c in crumbs if _plain(c))
    if unit.header:
        context_key += " › " + " | ".join(_plain(cell.spans) for cell in unit.header)
    note = Note(
        text=text,
        context=context,
        extra=_extra_html(unit.children),
        source=f"{path}:{unit.line}",
        key=key,
        context_key=context_key,
        highlights=tuple(numbers.answers),
        cards=len(set(numbers.numbers)),
        line=unit.line,
        domain=unit.domain,
        sections=unit.sections,
        images=unit.images,
    )
    return [note], diagnostics


@dataclass
class _Numbering:
    one_card: bool
    answers: list[str] = dataclasses.field(default_factory=list)
    numbers: list[int] = dataclasses.field(default_factory=list)

    def next(self, answer: str) -> int:
        number = 1 if self.one_card else len(self.answers) + 1
        self.answers.append(answer)
        self.numbers.append(number)
        return number


def _skipped(path: str, highlight: Highlight, reason: str) -> Diagnostic:
    return Diagnostic(path, highlight.line, "warning", f"highlight skipped: {reason}")


# ---------------------------------------------------------------------------------------------
# HTML


def escape(text: str) -> str:
    """Text as inert HTML that Anki's cloze syntax cannot see: tags and braces as entities."""
    return html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")


def escape_cloze(text: str) -> str:
    """Text for inside ``{{cN::…}}``: also colons, so ``::`` cannot start a hint."""
    return escape(text).replace(":", "&#58;")


def emphasise(highlight: Highlight) -> str:
    """A highlight outside the cloze field: shown as emphasised text, never blanked."""
    return f'<em class="hl">{escape(highlight.text.strip())}</em>'


def render(
    spans: tuple[Inline, ...], highlight: Callable[[Highlight], str], breaks: str = " "
) -> str:
    """Spans as safe HTML; ``highlight`` renders each highlight (a cloze, or emphasis)."""
    out: list[str] = []
    for span in spans:
        if isinstance(span, Text):
            out.append(escape(span.text).replace("\n", breaks))
        elif isinstance(span, Highlight):
            out.append(highlight(span))
        elif isinstance(span, Strong):
            out.append(f"<b>{render(span.children, highlight, breaks)}</b>")
        elif isinstance(span, Emphasis):
            out.append(f"<i>{render(span.children, highlight, breaks)}</i>")
        elif isinstance(span, Link):
            inner = render(span.children, highlight, breaks)
            out.append(
                f'<a href="{escape(span.href)}">{inner}</a>' if safe_link(span.href) else inner
            )
    return "".join(out).strip()


def safe_link(href: str) -> bool:
    """Whether a link may be live on a card: only web and mail links."""
    try:
        scheme = urlsplit(href.strip()).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_LINK_SCHEMES


def _row_html(unit: Unit, cloze: Callable[[Highlight], str]) -> str:
    # The header row sits above the row, so every value is read against its column.
    parts = ['<table class="cp-row">']
    if unit.header:
        heads = "".join(f"<th>{render(c.spans, emphasise)}</th>" for c in unit.header)
        parts.append(f"<tr>{heads}</tr>")
    cells = "".join(f"<td>{render(c.spans, cloze)}</td>" for c in unit.cells)
    parts.append(f"<tr>{cells}</tr></table>")
    return "".join(parts)


def _extra_html(children: tuple[Block, ...]) -> str:
    # One level only: the back explains the line, it does not paste the whole subtree.
    items: list[str] = []
    for child in children:
        if isinstance(child, Bullet | Paragraph) and child.spans:
            items.append(f"<li>{render(child.spans, emphasise)}</li>")
        elif isinstance(child, Code):
            items.append(f"<li><pre>{escape(child.text.rstrip())}</pre></li>")
    return f'<ul class="cp-children">{"".join(items)}</ul>' if items else ""


def _plain(spans: tuple[Inline, ...]) -> str:
    return _WHITESPACE.sub(" ", plain_text(spans)).strip()


_WHITESPACE = re.compile(r"\s+")
