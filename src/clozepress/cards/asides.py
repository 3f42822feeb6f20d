"""Asides: an inline note (``^[...]``) explains the words before it. On a card's front a note
that holds no highlight buries the line, and the blank in it, under a paragraph nothing asks
about: its place is the back, where a learner reads it after recalling. A note holding a
highlight is a unit of its own, the line it explains as its context: its cards ask from the
note, the line's cards from the line."""

from __future__ import annotations

import dataclasses

from .env import Env
from .model import Mark, Unit
from .rules import Rule


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
        for start, end in unit.holding:
            own = [m for m in inside if start <= m.start and m.end <= end]
            if not own:
                continue
            # The note's words without the brackets it is shown in on the line.
            inner = start + 2 if unit.text.startswith(" (", start) else start
            close = end - 1 if unit.text[end - 1 : end] == ")" else end
            out.append(
                dataclasses.replace(
                    unit,
                    text=unit.text[inner:close],
                    marks=tuple(Mark(m.start - inner, m.end - inner, m.highlight) for m in own),
                    crumbs=(*unit.crumbs, line) if line else unit.crumbs,
                    before=line,
                    key="",
                    back="",
                    cut_out=False,
                    children=(),
                    images=(),
                    asides=(),
                    holding=(),
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


def _moved(unit: Unit) -> Unit:
    """``unit`` with its asides cut from the text (highlights shifted to match) and written on
    the back, each in its own parentheses as the notes read; its identity key is the text as
    it was, so a note made before keeps its identity."""
    pieces: list[str] = []
    notes: list[str] = []
    at = 0
    for start, end in sorted(unit.asides):
        if start < at:
            continue
        pieces.append(unit.text[at:start])
        notes.append(" ".join(unit.text[start:end].split()))
        at = end
    pieces.append(unit.text[at:])

    def shifted(offset: int) -> int:
        return offset - sum(
            min(end, offset) - start for start, end in unit.asides if start < offset
        )

    marks = tuple(Mark(shifted(m.start), shifted(m.end), m.highlight) for m in unit.marks)
    back = " ".join(notes)
    return dataclasses.replace(
        unit,
        text="".join(pieces).rstrip(),
        marks=marks,
        key=unit.plain_key,
        back=f"{unit.back} {back}".strip() if unit.back else back,
        asides=(),
        holding=(),
    )


RULES = (
    Rule(
        "note-to-back",
        "an inline note is on the back of its line's cards; one holding a highlight is a card",
        note_to_back,
    ),
)
