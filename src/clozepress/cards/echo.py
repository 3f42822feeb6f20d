"""Echoes: how a card hides its answer where the answer stands again, so that one fact reads as
one blank and not as a field of blanks.

An answer shown elsewhere on its card is hidden there (``repairs.hide_elsewhere``); shown as a
blank of its own, each such place reads as one more thing to recall ("[...] ([...]) › [...]
renewal", "When you [...], ... granted by the [...] ... [...] is higher"), and the learner no
longer sees which blank the card asks. Two repairs, run after every rule that hides:

- ``answer-heading``: a breadcrumb level that is the answer itself and little else (a heading
  "PROVIDERS" over a line asking for ``provider``) gives way to its parent, as a label level does:
  hidden, it would be a blank with nothing around it, and its parent still says where the line
  stands;
- ``echo``: every other place the answer stands again (hidden text, a repeated highlight of the
  same words) shows a mark that says "the same answer" (``[〃]``), and only the blank asks.
"""

from __future__ import annotations

import dataclasses
import re

from .draft import Draft, Hidden
from .env import Env
from .repairs import RepairRule
from .rules import Rule
from .text import FUNCTION_WORDS, fold, words

#: A heading level keeps its place when this many of its own words stand beside the answer.
OWN_WORDS = 2
_BRACKETS = re.compile(r"[()\[\]{}（）]")


def answer_heading(draft: Draft, env: Env) -> Draft | None:
    """A breadcrumb level (below the domain) where the answer stands and fewer than
    ``OWN_WORDS`` other words of content do ("PROVIDERS", "AWS Certificate Manager (ACM)",
    "TERRAFORM REFRESH") is the answer as a heading: it gives way to its parent."""
    by_crumb: dict[int, list[Hidden]] = {}
    for one in draft.hidden:
        if one.crumb is not None:
            by_crumb.setdefault(one.crumb, []).append(one)
    dropped = {
        index
        for index, found in by_crumb.items()
        if index > 0 and _own_words(draft.crumbs[index], found) < OWN_WORDS
    }
    if not dropped:
        return None
    kept = [index for index in range(len(draft.crumbs)) if index not in dropped]
    where = {old: new for new, old in enumerate(kept)}
    hidden = tuple(
        h if h.crumb is None else dataclasses.replace(h, crumb=where[h.crumb])
        for h in draft.hidden
        if h.crumb not in dropped
    )
    return dataclasses.replace(
        draft,
        crumbs=tuple(draft.crumbs[index] for index in kept),
        hidden=hidden,
        crumb_notes=(*draft.crumb_notes, "answer-heading"),
    )


def _own_words(crumb: str, hidden: list[Hidden]) -> int:
    """Words of content in ``crumb`` outside its hidden ranges."""
    parts: list[str] = []
    at = 0
    for h in sorted(hidden, key=lambda h: h.start):
        parts.append(crumb[at : h.start])
        at = max(at, h.end)
    parts.append(crumb[at:])
    rest = _BRACKETS.sub(" ", " ".join(parts))
    return sum(1 for w in words(rest) if w.casefold() not in FUNCTION_WORDS)


def echo(draft: Draft, env: Env) -> Draft | None:
    """Each card asks its answer once: the first blank of a card number in the line is its
    blank; every hidden place of that card, and every later blank with the same words, shows
    ``[〃]`` (the same answer), so the card reads as one question, not as many."""
    text = draft.unit.text
    first: dict[int, int] = {}
    asked: dict[int, set[str]] = {}
    echoes: set[tuple[int | None, int]] = set()
    for number, blank, _ in sorted(draft.blanks, key=lambda item: item[1].start):
        answer = fold(text[blank.start : blank.end])
        if number in first and answer in asked[number]:
            echoes.add((None, blank.start))
            continue
        first.setdefault(number, blank.start)
        asked.setdefault(number, set()).add(answer)
    for h in draft.hidden:
        if h.number in first:
            echoes.add((h.crumb, h.start))
    if not echoes or echoes == draft.echoes:
        return None
    return dataclasses.replace(draft, echoes=frozenset(echoes))


RULES: tuple[Rule[RepairRule], ...] = (
    Rule(
        "answer-heading",
        "a breadcrumb level that is the answer itself gives way to its parent, as a label does",
        answer_heading,
    ),
    Rule(
        "echo",
        "a card's answer standing again on it shows as [〃] (the same answer), one blank asks",
        echo,
    ),
)
