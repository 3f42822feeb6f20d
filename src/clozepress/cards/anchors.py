"""Anchors: a note written inside a line (``^[...]``) annotates the words it follows, not the
line. On the back, where the ``asides`` module puts it, nothing shows which words those were,
so on a line of several items a note about one item reads as a note about the card's answer
(a mechanism of the first drug listed under the second). Each note is named on the back by
the words it follows: back to where its item starts (a comma, a semicolon, a colon or the
line's start, at the bracket depth of the note or outside it), any bracket left open closed,
so the anchor reads as the notes do ("digossina (inotropo …): the note"). A note whose words
are the whole line needs no anchor: it annotates what every card of the line asks."""

from __future__ import annotations

import dataclasses

from .env import Env
from .model import Unit
from .rules import Rule
from .text import fold, words

#: The most words an anchor keeps; longer, it keeps its last words after an ellipsis.
ANCHOR_WORDS = 8
#: Where an item of a line starts: the words after it are the next item's.
#: The full-width forms are those of scripts written unspaced (``、`` lists items in CJK).
_ITEM_START = ",;:\n，；：、"
_OPENS = "([（［"
_CLOSES = ")]）］"


def anchor_notes(found: list[Unit], env: Env) -> tuple[list[Unit], int]:
    out: list[Unit] = []
    anchored = 0
    for unit in found:
        notes = sorted((*unit.asides, *unit.holding))
        if not notes:
            out.append(unit)
            continue
        bare = _without(unit.text, notes)
        anchors: list[tuple[int, str]] = []
        floor = 0
        for start, end in notes:
            words_before = anchor_of(unit.text, start, floor)
            floor = max(floor, end)
            if words_before and fold(words_before) != fold(bare):
                anchors.append((start, words_before))
        if anchors:
            anchored += len(anchors)
            unit = dataclasses.replace(unit, anchors=tuple(anchors))
        out.append(unit)
    return out, anchored


def anchor_of(text: str, start: int, floor: int = 0) -> str:
    """The words a note at ``start`` of ``text`` follows: back to the start of their item (or
    to ``floor``, where the note before it ends), brackets left open by the cut closed."""
    depth = 0  # brackets closed between here and the note: their contents are the item's
    opened: list[str] = []  # brackets the item opens and the note stands inside
    at = start
    while at > floor:
        char = text[at - 1]
        if char in _CLOSES:
            depth += 1
        elif char in _OPENS:
            if depth:
                depth -= 1
            else:
                opened.append(_CLOSES[_OPENS.index(char)])
        elif char in _ITEM_START and not depth:
            break
        at -= 1
    lead = " ".join(text[at:start].split()).strip(" " + _OPENS)
    if not lead:
        return ""
    lead += "".join(opened[: _unclosed(lead)])
    if len(words(lead)) > ANCHOR_WORDS:
        # Long, the item's own bracketed asides give way first: its head and last words stay.
        lead = _collapsed(lead)
    pieces = lead.split()
    if len(words(lead)) > ANCHOR_WORDS and len(pieces) > ANCHOR_WORDS:
        # Cut where it is spaced: a run of unspaced script (CJK) has no word to cut it at.
        tail = " ".join(pieces[-ANCHOR_WORDS:])
        lead = "… " + tail if not _unclosed(tail) else ""
    return lead


def _collapsed(lead: str) -> str:
    """``lead`` with each outermost closed bracket's contents shown as ``…``."""
    out: list[str] = []
    depth = 0
    for char in lead:
        if char in _OPENS:
            if not depth:
                out.append(char + "…")
            depth += 1
        elif char in _CLOSES and depth:
            depth -= 1
            if not depth:
                out.append(char)
        elif not depth:
            out.append(char)
    return "".join(out)


def _unclosed(lead: str) -> int:
    """How many brackets ``lead`` opens and does not close."""
    depth = 0
    for char in lead:
        if char in _OPENS:
            depth += 1
        elif char in _CLOSES and depth:
            depth -= 1
    return depth


def _without(text: str, notes: list[tuple[int, int]]) -> str:
    """``text`` without the notes' ranges: the line as its cards show it."""
    parts: list[str] = []
    at = 0
    for start, end in notes:
        if start >= at:
            parts.append(text[at:start])
            at = end
    parts.append(text[at:])
    return " ".join("".join(parts).split())


RULES = (
    Rule(
        "note-anchor",
        "a note on the back is named by the words it follows, unless those are its whole line",
        anchor_notes,
    ),
)
