"""Overlapping cards: a long series on one line ("log levels `TRACE`, `DEBUG`, `INFO`, `WARN`
or `ERROR`") becomes one card per item, each showing every other item, as a list's overlapping
clozes do (``listing``).

One card hiding the whole series asks for too much at once (``MAX_BLANKS``). A card that showed
only the items before its own, the rest left out ("…"), was ambiguous for an unordered set: any
item not yet shown fits its blank (blind reviews r7 and r8: FIX), while the same card with every
other item shown was judged KEEP. So each card hides one item while the others show: each item
keeps its card, and the shown items mark which one is missing.

Each card is a note of its own (each keeps the identity it had when the later items were left
out). The last item's note is the line as written, with the line's other highlights; the others
ask only their item.
"""

from __future__ import annotations

import dataclasses

from .env import Env
from .model import Mark, Unit
from .repairs import MAX_BLANKS
from .rules import Rule
from .series import class_asked, is_symbol, joined, open_ended, opened_as_examples


def overlap(found: list[Unit], env: Env) -> tuple[list[Unit], int]:
    out: list[Unit] = []
    hits = 0
    for unit in found:
        split = _split(unit, env)
        hits += bool(split)
        out.extend(split or [unit])
    return out, hits


def _long_run(unit: Unit, env: Env) -> list[Mark] | None:
    """The unit's first series of more than ``MAX_BLANKS`` items that asks to be learned: not
    offered as examples, not bare symbols (those are no card, see ``series``)."""
    marks = sorted(unit.marks, key=lambda m: m.start)
    run: list[Mark] = []
    for mark in [*marks, None]:
        if mark is not None and run and joined(unit.text, run[-1], mark):
            run.append(mark)
            continue
        if len(run) > MAX_BLANKS and not _left_alone(unit, run, env):
            return run
        run = [mark] if mark is not None else []
    return None


def _left_alone(unit: Unit, run: list[Mark], env: Env) -> bool:
    return (
        open_ended(unit.text, run[-1])
        or opened_as_examples(unit.text, run[0], env.cues.examples)
        or all(is_symbol(m.highlight.text) for m in run)
        # Set off from a short phrase naming them, the items ask for it (``member-class``).
        or class_asked(unit, tuple(run), env) is not None
    )


def _split(unit: Unit, env: Env) -> list[Unit]:
    """The unit as one unit per item of its long series (none if it has none, or is no line);
    the last again split if it holds another long series."""
    if unit.kind not in ("line", "list") or env.config.cloze == "unit":
        return []
    run = _long_run(unit, env)
    if run is None:
        return []
    items = {id(m) for m in run}
    out = [
        dataclasses.replace(unit, marks=(item,), key=f"{unit.plain_key} ({index + 1}/{len(run)})")
        for index, item in enumerate(run[:-1])
    ]
    # The last item's card is the line as written: it asks the line's other highlights too.
    whole = dataclasses.replace(
        unit, marks=tuple(m for m in unit.marks if id(m) not in items or m is run[-1])
    )
    return [*out, *(_split(whole, env) or [whole])]


RULES = (
    Rule(
        "overlap",
        f"a series of more than {MAX_BLANKS} items: a card per item, the other items shown",
        overlap,
    ),
)
