"""Asides: an inline note (``^[...]``) explains the words before it. On a card's front a note
that holds no highlight buries the line, and the blank in it, under a paragraph nothing asks
about: its place is the back, where a learner reads it after recalling. A note holding a
highlight is a unit of its own, the line it explains as its context: its cards ask from the
note, the line's cards from the line."""

from __future__ import annotations

import bisect
import dataclasses

from .env import Env
from .model import Mark, Unit
from .rules import Rule
from .text import words


def note_to_back(found: list[Unit], env: Env) -> tuple[list[Unit], int]:
    out: list[Unit] = []
    moved = 0
    for unit in found:
        if not unit.asides and not unit.holding:
            out.append(unit)
            continue
        inside = [
            m for m in unit.marks if any(a <= m.start and m.end <= b for a, b in unit.holding)
        ]
        outside = tuple(m for m in unit.marks if m not in inside)
        main = _moved(
            dataclasses.replace(
                unit, asides=tuple(sorted((*unit.asides, *unit.holding))), marks=outside
            )
        )
        if main.marks:
            out.append(main)
        line = " ".join(main.text.split())
        ends = sorted(b for _, b in (*unit.asides, *unit.holding))
        for start, end in unit.holding:
            own = [m for m in inside if start <= m.start and m.end <= end]
            if not own:
                continue
            # The note's words without the brackets it is shown in on the line, after the
            # words it explains: its own cue ("drugs that bind DNA (e.g. [...])").
            inner = start + 2 if unit.text.startswith(" (", start) else start
            close = end - 1 if unit.text[end - 1 : end] == ")" else end
            lead = _explained(unit, start, ends)
            if " ".join(lead.split()) == line or _worded(unit, inner, close, own):
                lead = ""  # the whole line, which the context shows, or a note with a cue
            shift = inner - len(lead) - (2 if lead else 0)
            text = f"{lead} ({unit.text[inner:close]})" if lead else unit.text[inner:close]
            out.append(
                dataclasses.replace(
                    unit,
                    text=text,
                    marks=tuple(Mark(m.start - shift, m.end - shift, m.highlight) for m in own),
                    crumbs=(*unit.crumbs, line) if line else unit.crumbs,
                    before=line,
                    key="",
                    back="",
                    cut_out=False,
                    children=(),
                    images=(),
                    asides=(),
                    holding=(),
                    anchors=(),
                    # The note is no item of the list its line stands in.
                    group=(0, 0),
                    siblings=(),
                    lead="",
                    titles=(),
                    introduces=frozenset(),
                    reference=False,
                )
            )
        moved += len(unit.asides) + len(unit.holding)
    return out, moved


#: The most words a note's cue keeps: the words just before it, back to a clause's start.
LEAD_WORDS = 16
#: How many words of its own make a note say something (besides "Es:", "e.g.").
DESCRIBED = 3
#: Where a clause starts: what the words after it are cut at when they run long.
_CLAUSE = "(,;:\n"


def _worded(unit: Unit, start: int, end: int, own: list[Mark]) -> bool:
    """Whether a note says something besides its highlights (a sentence of its own, its own
    cue), not only offers them ("Es: X", "X, Y, Z"), which the words it explains cue."""
    rest = unit.text[start:end]
    for mark in reversed(own):
        rest = rest[: mark.start - start] + " " + rest[mark.end - start :]
    return len(words(rest)) > DESCRIBED


def _explained(unit: Unit, start: int, ends: list[int]) -> str:
    """The words a note explains: those before it on its line, back to the note before it
    (``ends``: where each note of the line ends), and to the clause they stand in when they
    run long ("lassativi o diuretici osmotici^[Es: X]" in a paragraph of examples). Empty when
    the note opens its line."""
    low = unit.text.rfind("\n", 0, start) + 1
    at = bisect.bisect_right(ends, start)
    if at:
        low = max(low, ends[at - 1])
    lead = unit.text[low:start]
    if len(words(lead)) > LEAD_WORDS:
        cut = max(lead.rfind(c) for c in _CLAUSE)
        lead = lead[cut + 1 :] if cut >= 0 else ""
    lead = " ".join(lead.split()).strip(" ,;:([")
    return lead if 0 < len(words(lead)) <= LEAD_WORDS else ""


def _moved(unit: Unit) -> Unit:
    """``unit`` with its asides cut from the text (highlights shifted to match) and written on
    the back, each in its own parentheses as the notes read; its identity key is the text as
    it was, so a note made before keeps its identity."""
    pieces: list[str] = []
    notes: list[str] = []
    named = dict(unit.anchors)
    at = 0
    for start, end in sorted(unit.asides):
        if start < at:
            continue
        pieces.append(unit.text[at:start])
        note = " ".join(unit.text[start:end].split())
        if start in named:
            # Named by the words it annotates (``anchors``), its brackets are the colon's.
            inner = note[1:-1] if note.startswith("(") and note.endswith(")") else note
            note = f"{named[start]}: {inner}"
        notes.append(note)
        at = end
    pieces.append(unit.text[at:])

    def shifted(offset: int) -> int:
        return offset - sum(
            min(end, offset) - start for start, end in unit.asides if start < offset
        )

    marks = tuple(Mark(shifted(m.start), shifted(m.end), m.highlight) for m in unit.marks)
    # Named notes are told apart: each is about its own words, not the one before it.
    back = (" · " if named else " ").join(notes)
    return dataclasses.replace(
        unit,
        text="".join(pieces).rstrip(),
        marks=marks,
        key=unit.plain_key,
        back=f"{unit.back} {back}".strip() if unit.back else back,
        asides=(),
        holding=(),
        anchors=(),
    )


RULES = (
    Rule(
        "note-to-back",
        "an inline note is on the back of its line's cards; one holding a highlight is a card",
        note_to_back,
    ),
)
