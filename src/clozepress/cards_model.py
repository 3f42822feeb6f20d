"""The card policy's own data: a unit of the notes, a note to make, the plan, each highlight's fate.

Kept apart from the policy's rules so that every rule module can name these types without
importing the module that wires the rules together.
"""

from __future__ import annotations

from dataclasses import dataclass

from .form.model import Block, Bullet, Cell, Diagnostic, Image, Inline


@dataclass(frozen=True)
class Unit:
    """One part of the notes that may become a note, with everything a card needs around it."""

    kind: str
    """``bullet``, ``heading``, ``paragraph``, ``quote``, ``row``, or ``items``: bullets of one
    enumeration that share a card (made by the study policy from bullets)."""
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
    siblings: tuple[Bullet, ...] = ()
    """For a bullet: every bullet of the list it is one item of, itself included."""
    members: tuple[int, ...] = ()
    """For ``items`` (an enumeration sharing one card): the lines of the siblings whose
    highlights are blanked on it."""


@dataclass(frozen=True)
class Note:
    """One Anki note to make: its fields as HTML, and what its identity is matched on."""

    text: str
    """The card's front as HTML with cloze markup: one card per distinct cloze number."""
    context: str
    """Breadcrumb HTML: domain › sections › the parent lines the text depends on."""
    extra: str
    """HTML shown on the back: the rest of a cut line, the unit's child bullets."""
    source: str
    """``file:line`` of the unit."""
    key: str
    """The text the note is made from, without cloze markup: its GUID is made from and matched
    on this (the unit's text; a cut line's clause; an enumeration's items)."""
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
class Fate:
    """What became of one highlight of the notes: the answer a card hides, or why none does."""

    line: int
    highlight: str
    """The highlight as the notes have it."""
    answer: str | None
    """What a card hides for it (cleaned up), or None: no card of its own."""
    reason: str | None = None
    """Why it is not its own cloze (set also when another text is hidden in its place)."""


@dataclass(frozen=True)
class Plan:
    """Every note for a document, and what became of every highlight."""

    notes: tuple[Note, ...]
    diagnostics: tuple[Diagnostic, ...]
    """Warnings: something in the notes cannot make a card (an empty highlight, say)."""
    fates: tuple[Fate, ...] = ()
    """One per highlight of the document, in source order."""
    skipped: tuple[Diagnostic, ...] = ()
    """An ``info`` line (``file:line`` and the reason) per highlight the study policy did not
    make a cloze of its own; too many to print as warnings, so the build sums them up."""
