"""Repairs: what a card shows around its blank, so the blank can be recalled and cannot be read.

Each repair rewrites a draft note and is applied before anything is skipped for being a poor
card: an answer shown elsewhere on the card is hidden there too; a line that opens by pointing
back ("It ...", "These ...") gets the line it points at; a breadcrumb level that is a mere label
("P1", "misc", "Options:") gives way to the headings and parents that name a subject.
"""

from __future__ import annotations

import dataclasses
from typing import Protocol

from .draft import Draft, Hidden
from .env import Env
from .rules import Rule
from .text import is_label, leans_back, occurrences, words

#: A breadcrumb line longer than this is cut (characters); the whole line is on its own card.
CRUMB_CHARS = 110


class RepairRule(Protocol):
    def __call__(self, draft: Draft, env: Env) -> Draft | None: ...


def label_crumb(draft: Draft, env: Env) -> Draft | None:
    crumbs = draft.crumbs
    kept = tuple(c for i, c in enumerate(crumbs) if i == 0 or not is_label(c))
    if kept == crumbs:
        return None
    return dataclasses.replace(draft, crumbs=kept)


def antecedent(draft: Draft, env: Env) -> Draft | None:
    unit = draft.unit
    before = cut(unit.before)
    if unit.kind != "line" or not before or not leans_back(unit.text):
        return None
    if any(" ".join(c.split()) == before for c in draft.crumbs):
        return None
    return dataclasses.replace(draft, crumbs=(*draft.crumbs, before))


def hide_elsewhere(draft: Draft, env: Env) -> Draft | None:
    text = draft.unit.text
    # Which characters a blank or a hidden answer already covers: one look per occurrence,
    # however many highlights the line holds.
    taken = bytearray(len(text))
    for _, blank, _ in draft.blanks:
        taken[blank.start : blank.end] = b"\x01" * (blank.end - blank.start)
    lowered = text.lower()
    hidden: list[Hidden] = list(draft.hidden)
    for number, blank, _ in draft.blanks:
        answer = text[blank.start : blank.end].strip()
        if not _tellable(answer):
            continue
        for start, end in occurrences(answer, text, lowered):
            if not any(taken[start:end]):
                hidden.append(Hidden(number, start, end))
                taken[start:end] = b"\x01" * (end - start)
        for index, crumb in enumerate(draft.crumbs):
            for start, end in occurrences(answer, crumb):
                if not any(h.crumb == index and h.start < end and start < h.end for h in hidden):
                    hidden.append(Hidden(number, start, end, index))
    if len(hidden) == len(draft.hidden):
        return None
    return dataclasses.replace(draft, hidden=tuple(hidden))


def _tellable(answer: str) -> bool:
    """An answer whose sight elsewhere would tell it: a word of three letters, or a number."""
    found = words(answer)
    return bool(found) and (len(answer) >= 3 or any(c.isdigit() for c in answer))


def cut(line: str) -> str:
    line = " ".join(line.split())
    if len(line) <= CRUMB_CHARS:
        return line
    return line[: CRUMB_CHARS - 1].rsplit(" ", 1)[0] + "…"


RULES: tuple[Rule[RepairRule], ...] = (
    Rule(
        "label-crumb",
        "a breadcrumb level that is a label gives way to those naming a subject",
        label_crumb,
    ),
    Rule(
        "antecedent",
        "a line opening on a word that points back shows the line it points at",
        antecedent,
    ),
    Rule(
        "hide-elsewhere",
        "an answer shown elsewhere on its card is hidden there too",
        hide_elsewhere,
    ),
)
