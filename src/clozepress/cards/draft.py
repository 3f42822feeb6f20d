"""A note before it is written: its unit, what each card hides, and the breadcrumb it shows.
The repair rules rewrite drafts; ``render`` turns one into a note."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .model import Blank, Mark, Unit


@dataclass(frozen=True)
class Hidden:
    """Text hidden on card ``number`` besides its blank: in the unit's text (``crumb`` None) or
    in breadcrumb ``crumb``."""

    number: int
    start: int
    end: int
    crumb: int | None = None


@dataclass(frozen=True)
class Draft:
    unit: Unit
    blanks: tuple[tuple[int, Blank, Mark], ...]
    """``(cloze number, blank, the highlight it tests)``, in text order."""
    shown: tuple[Mark, ...]
    """Highlights of the unit that are no card: shown as the notes have them."""
    crumbs: tuple[str, ...]
    hidden: tuple[Hidden, ...] = ()
    crumb_notes: tuple[str, ...] = ()
    """Rules that changed the breadcrumb, for the record."""
    dropped: tuple[tuple[Mark, str], ...] = ()
    """Highlights a repair took off the note, each with the rule that did: no card tests them."""
    riders: tuple[tuple[Mark, Mark], ...] = ()
    """``(highlight, host)``: a highlight tested by the card of ``host``'s blank, which hides
    the class it is a member of (``members``), not a blank of its own."""
    echoes: frozenset[tuple[int | None, int]] = frozenset()
    """``(crumb, start)`` of the hidden ranges shown as an echo of their card's blank (a mark
    saying "the same answer"), not as a blank of their own (see ``echo``)."""
    withheld: frozenset[tuple[int | None, int]] = frozenset()
    """``(crumb, start)`` of the hidden ranges that are not their card's answer but would tell
    it: shown as withheld (``[–]``), neither the blank nor an echo of it."""
    moved: tuple[tuple[int, int], ...] = ()
    """Ranges of the unit's text cut from the front and shown on the back: another word for a
    card's answer in brackets beside its blank (see ``echo.aside_gloss``)."""
    moved_back: tuple[str, ...] = ()
    """What the back shows for them: the answer with its other word, as the line has them."""
    fronted: int | None = None
    """Index of the first breadcrumb level read as a line of the front, not as the path (see
    ``frontline``): it and the levels after it open the front, one line each."""

    def answer(self, number: int) -> str:
        for n, blank, _ in self.blanks:
            if n == number:
                return self.unit.text[blank.start : blank.end]
        return ""

    def blanks_per_card(self) -> dict[int, int]:
        """How many blanks each cloze number has: a card of one blank asks one place."""
        sizes: dict[int, int] = {}
        for number, _, _ in self.blanks:
            sizes[number] = sizes.get(number, 0) + 1
        return sizes

    def taken(self) -> bytearray:
        """Which characters of the line a blank or a hidden answer already covers (1), so a
        repair looks once per occurrence, however many highlights the line holds."""
        taken = bytearray(len(self.unit.text))
        for _, blank, _ in self.blanks:
            taken[blank.start : blank.end] = b"\x01" * (blank.end - blank.start)
        for h in self.hidden:
            if h.crumb is None:
                taken[h.start : h.end] = b"\x01" * (h.end - h.start)
        return taken

    def covers(self, hidden: Hidden) -> str:
        """The text ``hidden`` hides: of its breadcrumb level, or of the unit's line."""
        shown = self.unit.text if hidden.crumb is None else self.crumbs[hidden.crumb]
        return shown[hidden.start : hidden.end]

    def without(self, numbers: set[int], rule: str) -> Draft:
        """The draft without cards ``numbers``: their highlights are shown as the notes have
        them, recorded as dropped by ``rule``; the other cards numbered 1, 2, ... again in
        order, so Anki makes no empty card for a gap."""
        kept = [(n, b, m) for n, b, m in self.blanks if n not in numbers]
        gone = [(m, rule) for n, _, m in self.blanks if n in numbers]
        renumber: dict[int, int] = {}
        for number, _, _ in kept:
            renumber.setdefault(number, len(renumber) + 1)
        return dataclasses.replace(
            self,
            blanks=tuple((renumber[n], b, m) for n, b, m in kept),
            shown=(*self.shown, *(m for m, _ in gone)),
            hidden=tuple(
                dataclasses.replace(h, number=renumber[h.number])
                for h in self.hidden
                if h.number in renumber
            ),
            dropped=(*self.dropped, *gone),
        )
