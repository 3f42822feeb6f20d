"""Front lines: where a line of the notes above the unit that holds a card's answer stands on the
card, and when such a card is the parent's card again.

A breadcrumb is a path of places (the headings), read as "where this stands". A line of the
notes over the unit (the item it is nested under, the sentence it leans on) is a statement.
Where such a line holds a card's answer, it is part of the question, not a place:

- ``parent-front``: that line (and any line of the notes under it on the path) opens the front,
  one line each, the headings above it stay the context line, as on every other card. Glued
  onto the path with "›" it reads as a heading pasted into the text, and the card has no
  context line ("RDS › [...] RDB(SQL) in AWS" over "[〃]");
- ``asked-above``: a card whose every blank on its own line only echoes an answer it asks in a
  line above, a line whose own card asks that same answer already, is that card again: the
  line above asks it, and shows the child on its back. It makes no second card.
"""

from __future__ import annotations

import dataclasses

from .draft import Draft
from .env import Env
from .repairs import RepairRule, cut
from .rules import Rule
from .text import fold


def headings(draft: Draft) -> frozenset[str]:
    """The breadcrumb levels of ``draft`` that are headings (the domain's title included)."""
    unit = draft.unit
    return frozenset(cut(c) for c in unit.crumbs[: unit.heading_count])


def parent_front(draft: Draft, env: Env) -> Draft | None:
    """The first breadcrumb level that is a line of the notes (not a heading) and hides a
    card's text opens the front, with every level after it."""
    titles = headings(draft)
    holding = sorted(
        h.crumb for h in draft.hidden if h.crumb is not None and draft.crumbs[h.crumb] not in titles
    )
    if not holding or draft.fronted == holding[0]:
        return None
    crumbs = tuple(
        _whole(draft, crumb) if index >= holding[0] else crumb
        for index, crumb in enumerate(draft.crumbs)
    )
    return dataclasses.replace(draft, fronted=holding[0], crumbs=crumbs)


def _whole(draft: Draft, crumb: str) -> str:
    """A line of the front as the notes have it, not cut short like a breadcrumb ("… per
    depotenziare la via della…" leaves a sentence hanging): whole, unless what the cut left
    out holds a text the note hides (an answer again), which the front would give away."""
    if not crumb.endswith("…"):
        return crumb
    unit = draft.unit
    full = next(
        (
            " ".join(line.split())
            for line in (*unit.crumbs[unit.heading_count :], unit.before)
            if line and cut(line) == crumb
        ),
        "",
    )
    if not full:
        return crumb
    rest = fold(full[len(crumb) - 1 :])
    text = unit.text
    hidden = [text[b.start : b.end] for _, b, _ in draft.blanks]
    hidden += [draft.covers(h) for h in draft.hidden]
    if any(fold(one) and fold(one) in rest for one in hidden):
        return crumb
    return full


def asked_above(draft: Draft, env: Env) -> Draft | None:
    """The cards asking only in a line above the unit an answer that line's own card asks
    (recorded in ``env.asked_lines``) are dropped."""
    titles = headings(draft)
    text = draft.unit.text
    gone: set[int] = set()
    for number in {n for n, _, _ in draft.blanks}:
        blanks = [b for n, b, _ in draft.blanks if n == number]
        if not all((None, b.start) in draft.echoes for b in blanks):
            continue  # the card asks in its own line
        answer = fold(text[blanks[0].start : blanks[0].end])
        asking = [
            draft.crumbs[h.crumb]
            for h in draft.hidden
            if h.number == number
            and h.crumb is not None
            and (h.crumb, h.start) not in draft.echoes
            and (h.crumb, h.start) not in draft.withheld
            and draft.crumbs[h.crumb] not in titles
        ]
        if asking and any(_asked(line, answer, env) for line in asking):
            gone.add(number)
    if not gone:
        return None
    return draft.without(gone, "asked-above")


def _asked(line: str, answer: str, env: Env) -> bool:
    """Whether a card made so far asks ``answer`` on the line a breadcrumb shows as ``line``
    (shortened with "…" when long)."""
    shown = fold(line.removesuffix("…"))
    return any(own.startswith(shown) for own in env.asked_lines.get(answer, ()))


def record(draft: Draft, env: Env) -> None:
    """Record the answers the note of ``draft`` asks on its own line, for ``asked_above``."""
    text = draft.unit.text
    line = fold(text)
    for _, blank, _ in draft.blanks:
        if (None, blank.start) not in draft.echoes:
            env.asked_lines.setdefault(fold(text[blank.start : blank.end]), []).append(line)


#: ``parent-front`` runs last, when the breadcrumb is settled; ``asked-above`` after the echo
#: marks and ``first-asks``, which say where each card asks.
RULES: tuple[Rule[RepairRule], ...] = (
    Rule(
        "asked-above",
        "a card asking only in the line above what that line's own card asks is no second card",
        asked_above,
    ),
    Rule(
        "parent-front",
        "a notes line over the unit holding an answer opens the front; headings stay the path",
        parent_front,
    ),
)
