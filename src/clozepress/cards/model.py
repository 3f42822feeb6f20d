"""The card policy's own data: a unit of the notes, a note to make, the plan, each highlight's fate.

Kept apart from the rules so that every rule module can name these types without importing the
module that runs them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..form.model import Block, Diagnostic, Highlight, Image


@dataclass(frozen=True)
class Mark:
    """A highlight as it sits in its unit's ``text``: ``text[start:end]`` is what the notes
    highlighted (spaces at its edges trimmed)."""

    start: int
    end: int
    highlight: Highlight


@dataclass(frozen=True)
class Unit:
    """One part of the notes that may become one Anki note, flattened to text, with the context a
    card needs around it.

    Every kind of unit reads as one string with its highlights as ranges of it, so that every
    rule works on one shape: a bullet's line, a paragraph (or one sentence of a long one), a table
    row (each cell after its column head), a list (its parent line, then its items).
    """

    kind: str
    """``line``, ``heading``, ``row`` or ``list``."""
    line: int
    text: str
    """What the card's front shows, one line per ``\\n``."""
    marks: tuple[Mark, ...]
    """The highlights that are this unit's own, in source order."""
    domain: int
    """Index of its domain in the document: the subdeck."""
    crumbs: tuple[str, ...]
    """Domain title, section titles, then the lines of the bullets it is nested under."""
    heading_count: int
    """How many of ``crumbs`` are headings (the rest are parent lines)."""
    sections: tuple[str, ...]
    """Titles of the sections it lies in: the tag path."""
    before: str = ""
    """The line just before it among its siblings (or the line it is nested under)."""
    key: str = ""
    """The text its note's identity is matched on (``text`` on one line, if empty)."""
    lines: tuple[int, ...] = ()
    """Every source line the unit covers (a list: its items' lines)."""
    marks_by_learner: tuple[str, ...] = ()
    """The learner's ``<!-- cloze:... -->`` markers on its line(s)."""
    children: tuple[Block, ...] = ()
    """What is nested under a bullet: shown on the back."""
    back: str = ""
    """Plain text shown on the back (the rest of a cut paragraph)."""
    cut_out: bool = False
    """A sentence (or clause) cut from its paragraph: it may point back past the line before."""
    images: tuple[Image, ...] = ()
    """Images that belong to this unit: nested under it, or right after it."""
    siblings: tuple[tuple[int, str], ...] = ()
    """For a bullet: ``(line, text)`` of every item of its list, itself included (one tuple
    shared by all of them)."""
    group: tuple[int, int] = (0, 0)
    """For a bullet: ``(domain, line of its list's first item)``, shared by its siblings."""
    lead: str = ""
    """For a bullet of a list that a paragraph leads into ("These drugs act on it:"): that
    paragraph, the question its items answer."""
    introduces: frozenset[str] = frozenset()
    """The functions and types the code block right after the line defines: the line
    introduces that code."""
    code_before: str = ""
    """The code block right before the line among its siblings: what a line opening on a
    pointer ("the above case", "each of these") speaks of."""
    code_after: str = ""
    """The code block right after the line (or first nested under it): what a line ending on a
    pointer ("we see the next message:") speaks of."""
    shows_code: str = ""
    """A short code block beside the line that the line points at: its card shows it (before
    the line when the line points back at it, after it when it points forward)."""
    titles: tuple[Highlight, ...] = ()
    """Highlights standing in a link's text beside other words: they name the linked page."""
    reference: bool = False
    """The line is one link and nothing else: a pointer to read, its words the linked page's
    title, not a fact the notes state."""
    asides: tuple[tuple[int, int], ...] = ()
    """Ranges of ``text`` that are inline notes (``^[...]``) holding no highlight."""
    holding: tuple[tuple[int, int], ...] = ()
    """Ranges of ``text`` that are inline notes holding a highlight."""
    anchors: tuple[tuple[int, str], ...] = ()
    """Per inline note (its start in ``text``), the words it annotates, where the back must
    name them (see ``anchors``)."""
    header: tuple[str, ...] = ()
    """For a table row: the header row's cells as text."""
    cells: tuple[tuple[str, tuple[Mark, ...]], ...] = ()
    """For a table row: each cell's text and its highlights (offsets within the cell)."""
    row_heads: bool = True
    """For a table row: whether its table's first column holds the rows' heads (what each row
    is about) rather than values under its header like the other columns (see ``table``)."""

    @property
    def plain_key(self) -> str:
        return self.key or " ".join(self.text.split())

    @property
    def unmarked(self) -> str:
        """The text with each of its highlights replaced by one space: what the line says of its
        own. One pass over the marks, so a line of many highlights stays linear.
        """
        parts: list[str] = []
        at = 0
        for mark in sorted(self.marks, key=lambda m: m.start):
            parts.append(self.text[at : mark.start])
            at = mark.end
        parts.append(self.text[at:])
        return " ".join(parts)


@dataclass(frozen=True)
class Blank:
    """What a card hides for one highlight: ``text[start:end]`` of its unit (the highlight, a
    token of it, or the whole number it is part of), decided by ``rule``."""

    start: int
    end: int
    rule: str
    kind: str


@dataclass(frozen=True)
class Note:
    """One Anki note to make: its fields as HTML, and what its identity is matched on."""

    text: str
    """The card's front as HTML with cloze markup: one card per distinct cloze number."""
    context: str
    """Breadcrumb HTML: domain › sections › the parent lines the text depends on."""
    extra: str
    """HTML shown on the back: the unit's child bullets, the rest of a cut paragraph."""
    source: str
    """``file:line`` of the unit."""
    key: str
    """The text the note is made from, without cloze markup: its GUID is matched on it."""
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
    lines: tuple[int, ...] = ()
    """Every source line the note was made from."""
    kind: str = "line"
    tests: tuple[tuple[int, int, str], ...] = ()
    """Per blank, in cloze order: ``(cloze number, line, highlight)`` of the highlight it tests."""


@dataclass(frozen=True)
class Fate:
    """What became of one highlight of the notes: the answer a card hides, or why none does."""

    line: int
    highlight: str
    """The highlight as the notes have it."""
    answer: str | None
    """What a card hides for it, or None: no card."""
    reason: str | None = None
    """Why it is no card (the rule's principle), None when it is one."""
    rule: str = ""
    """The id of the rule that decided: a skip rule, or the rule that shaped its blank."""
    kind: str = ""
    """The card kind that tests it (``fact``, ``name``, ``list``, ``table``, ``code``)."""


@dataclass(frozen=True)
class Plan:
    """Every note for a document, and what became of every highlight."""

    notes: tuple[Note, ...]
    diagnostics: tuple[Diagnostic, ...]
    """Warnings: something in the notes cannot make a card (an empty highlight, say)."""
    fates: tuple[Fate, ...] = ()
    """One per highlight of the document, in source order."""
    skipped: tuple[Diagnostic, ...] = ()
    """An ``info`` line (``file:line``, the rule and why) per highlight that is no card."""
    hits: dict[str, int] = field(default_factory=dict)
    """How often each rule decided something, by rule id."""
