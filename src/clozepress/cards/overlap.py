"""Overlapping cards: a long series in the flow of a sentence that nothing else reads ("log
levels `TRACE`, `DEBUG`, `INFO`, `WARN`, `ERROR` by verbosity": no class named, no fact or
description of its own, not set off, not closed by a conjunction; see ``enumeration``) becomes
one card per item, each showing only the items before it, as Cloze Overlapper does for a list to
learn in its order.

A card per item that shows every other item is answered by elimination from its siblings, and
the line's cards are near-identical; one card hiding the whole series asks for too much at once
(``MAX_BLANKS``). A card that shows the lead-in and the items before its own, the rest of the
series left out ("…"), asks for one item from the place it has in the list: each item keeps its
card, and no card shows the answer of another.

Each card is a note of its own (one Anki note can only hide what it shows, so the items after
the asked one cannot be left out of one note's other cards). The last item's note is the line as
written, with the line's other highlights; the others ask only their item.
"""

from __future__ import annotations

import dataclasses

from .enumeration import left_to_items
from .env import Env
from .model import Mark, Unit
from .repairs import MAX_BLANKS
from .rules import Rule
from .series import grouped, read_as_members

#: What stands for the items left out after the one a card asks.
MORE = " …"


def overlap(found: list[Unit], env: Env) -> tuple[list[Unit], int]:
    out: list[Unit] = []
    hits = 0
    for unit in found:
        split = _split(unit, env)
        hits += bool(split)
        out.extend(split or [unit])
    return out, hits


def _long_run(unit: Unit, env: Env) -> tuple[Mark, ...] | None:
    """The unit's first series of more than ``MAX_BLANKS`` items that asks to be learned: not
    offered as examples, not bare symbols (those are no card, see ``series``)."""
    for run in grouped(unit):
        if len(run) > MAX_BLANKS and not _left_alone(unit, run, env):
            return run
    return None


def _left_alone(unit: Unit, run: tuple[Mark, ...], env: Env) -> bool:
    # Offered, bare symbols, or named by a short phrase they ask for (``member-class``); or the
    # subject of a fact, described, an open list, a closed set (``enumeration``).
    return read_as_members(unit, run, env) or left_to_items(unit, run, env)


def _split(unit: Unit, env: Env) -> list[Unit]:
    """The unit as one unit per item of its long series (none if it has none, or is no line);
    the last again split if it holds another long series."""
    if unit.kind not in ("line", "list") or env.config.cloze == "unit":
        return []
    run = _long_run(unit, env)
    if run is None:
        return []
    items = {id(m) for m in run}
    last = run[-1].end
    out: list[Unit] = []
    for index, item in enumerate(run[:-1]):
        text = unit.text[: item.end] + MORE + unit.text[last:]
        shift = len(text) - len(unit.text)
        out.append(
            dataclasses.replace(
                unit,
                text=text,
                marks=(item,),
                key=f"{unit.plain_key} ({index + 1}/{len(run)})",
                asides=_moved(unit.asides, item.end, last, shift),
                holding=_moved(unit.holding, item.end, last, shift),
            )
        )
    # The last item's card is the line as written: it asks the line's other highlights too.
    whole = dataclasses.replace(
        unit, marks=tuple(m for m in unit.marks if id(m) not in items or m is run[-1])
    )
    return [*out, *(_split(whole, env) or [whole])]


def _moved(
    ranges: tuple[tuple[int, int], ...], cut: int, end: int, shift: int
) -> tuple[tuple[int, int], ...]:
    """Ranges of the text where they stand once ``text[cut:end]`` is replaced: those after it
    move by ``shift``, those inside it are gone."""
    return tuple(
        (a, b) if b <= cut else (a + shift, b + shift) for a, b in ranges if b <= cut or a >= end
    )


RULES = (
    Rule(
        "overlap",
        f"a series of more than {MAX_BLANKS} items that nothing else reads: a card per item, "
        "showing the items before it",
        overlap,
    ),
)
