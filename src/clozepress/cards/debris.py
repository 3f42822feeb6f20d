"""Debris: marks the notes left by a slip, which a card would show as they stand.

Notes are typed fast; Markdown renders some slips away, a card shows them all. Two shape rules,
run before any other so every later rule reads the line as it was meant:

- ``answer-edge``: a comma ending a highlight (`Z[l],` in "`Z[l],` `A[l]`, and `dZ[l]`")
  separates it from what follows: it is the sentence's, not the answer's, and the blank stops
  before it ("[Z[l]]," not "[Z[l],]");
- ``stray-marks``: a list item's bullet typed inside a line after a comma ("`KPL`, - `Agent`")
  and a comma or semicolon standing alone after a sentence's end ("in a VPC. , it cannot") are
  markup and slips, not words: the card leaves them out.

The note keeps the identity of the line as the notes have it (``Unit.key``): tidying its text is
no new note.
"""

from __future__ import annotations

import dataclasses
import re

from .env import Env
from .model import Mark, Unit
from .rules import Rule

#: What a highlight may end with that is the sentence's: a comma and the spaces before it.
_EDGE = re.compile(r"\s*,$")

#: ``, - X``: a bullet (``-``, ``*``, ``+``) typed inside a line after a comma; the bullet and
#: its space go, the comma stays.
_INLINE_BULLET = re.compile(r"(?<=\S,)(\s+[-*+])(?=\s+\S)")
#: ``end. , next``: a comma or semicolon alone after a sentence's end goes, with its space.
_LONE_MARK = re.compile(r"(?<=[.!?])(\s+[,;])(?=\s)")


def answer_edge(found: list[Unit], env: Env) -> tuple[list[Unit], int]:
    out: list[Unit] = []
    hits = 0
    for unit in found:
        marks = []
        for mark in unit.marks:
            edge = _EDGE.search(unit.text, mark.start, mark.end)
            if edge is not None and edge.start() > mark.start and edge.end() == mark.end:
                marks.append(dataclasses.replace(mark, end=edge.start()))
            else:
                marks.append(mark)
        if marks != list(unit.marks):
            unit = dataclasses.replace(unit, marks=tuple(marks))
            hits += 1
        out.append(unit)
    return out, hits


def stray_marks(found: list[Unit], env: Env) -> tuple[list[Unit], int]:
    out: list[Unit] = []
    hits = 0
    for unit in found:
        spans = sorted(
            m.span(1)
            for pattern in (_INLINE_BULLET, _LONE_MARK)
            for m in pattern.finditer(unit.text)
        )
        spans = [s for s in spans if not any(m.start < s[1] and s[0] < m.end for m in unit.marks)]
        if not spans:
            out.append(unit)
            continue
        out.append(without(unit, spans))
        hits += 1
    return out, hits


def without(unit: Unit, spans: list[tuple[int, int]]) -> Unit:
    """``unit`` with the ranges ``spans`` (sorted, apart, none in a highlight) cut from its text,
    its identity kept. Every offset the unit holds into its text (highlights, inline notes,
    their anchors) moves with it: one cut for this rule's slips and ``connectives``' opening
    word, so neither leaves a later rule reading a note at its old place."""
    kept: list[str] = []
    at = 0
    for start, end in spans:
        kept.append(unit.text[at:start])
        at = end
    kept.append(unit.text[at:])

    def moved(place: int) -> int:
        # A place inside a cut range goes to where the range was.
        return place - sum(min(end, place) - start for start, end in spans if start < place)

    def ranges(found: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
        return tuple((moved(a), moved(b)) for a, b in found if moved(a) < moved(b))

    return dataclasses.replace(
        unit,
        text="".join(kept),
        key=unit.plain_key,
        marks=tuple(Mark(moved(m.start), moved(m.end), m.highlight) for m in unit.marks),
        asides=ranges(unit.asides),
        holding=ranges(unit.holding),
        anchors=tuple((moved(a), words) for a, words in unit.anchors),
    )


RULES = (
    Rule(
        "answer-edge",
        "a comma ending a highlight is the sentence's, not the answer's: the blank stops before it",
        answer_edge,
    ),
    Rule(
        "stray-marks",
        "a bullet typed inside a line and a comma alone after a sentence's end are left out",
        stray_marks,
    ),
)
