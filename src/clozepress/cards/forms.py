"""Forms: an answer given away by another form of it shown on its card.

``repairs.hide_elsewhere`` and ``repairs.plain_repeat`` hide an answer where it stands again as
written (or in its other number); a reader recognises it as surely in another form of the same
word. The same word in two forms is the ``echo`` test: two words of four letters or more whose
shared start covers all but two letters of the shorter (`containerized`/"Containers",
`archive`/"Archiving"), or the shorter whole as the start of the longer, a word cut short
(`succi`/"succinilcolina"). Letters, not a language's suffixes: the notes may be in any
language. The rules here hide the form where the answer itself would be hidden, with the same
marks: it is not the same text, so it shows as withheld (``[–]``, ``echo.echo_same``), and a
heading it stands in gives way or is withheld whole (``placing``).

- ``form-crumb``: a one-word answer whose other form stands in the breadcrumb (the domain's
  title included): the heading names what the line is about, so the card asks back its own
  heading. Only one word: of an answer of several, a word the heading shares is its topic, and
  ``leaks.stem_crumb`` decides. Only the breadcrumb: inside the line, a description of a name in
  its own verb ("`taint` marks a resource as tainted", "`flatten` ... a flattened sequence") is
  the fact the card asks, and reviewers kept such cards (17 of 20 over seven rounds), where
  every card with a form of its one-word answer in the breadcrumb failed (7 of 7).
"""

from __future__ import annotations

import dataclasses
import re

from .draft import Draft, Hidden
from .echo import _stems, _within
from .env import Env
from .leaks import parts
from .repairs import RepairRule, _in_series
from .rules import Rule
from .text import fold

#: A word of a breadcrumb level: a run of letters and digits (a camelCase name is one run).
_RUN = re.compile(r"[^\W_]+")


def other_form(word: str, answer: str) -> bool:
    """Whether ``word`` is ``answer`` in another form: not the same text (case and a plural
    apart, which the repeats' rules hide), the same word as ``echo`` reads it."""
    if any(c.isdigit() for c in word + answer):
        return False  # a number again is another quantity (see ``numbers``)
    mine, theirs = _stems(answer), _stems(word)
    return len(mine) == len(theirs) == 1 and mine != theirs and _within(theirs, mine)


def _one_word(answer: str) -> bool:
    """An answer of one word of letters (no camelCase humps, no joined parts)."""
    found = parts(answer)
    return len(found) == 1 and found[0][0].isalpha() and found[0][0] == answer.strip()


def form_crumb(draft: Draft, env: Env) -> Draft | None:
    """A one-word answer whose other form stands in the breadcrumb is hidden there, on that
    card, as the answer itself would be."""
    text = draft.unit.text
    items = _in_series(draft)
    asked: dict[int, set[str]] = {}
    for number, blank, _ in draft.blanks:
        if blank.start in items:
            asked.setdefault(number, set()).add("")  # an item of a list: no heading asks it
        asked.setdefault(number, set()).add(text[blank.start : blank.end].strip())
    hidden = list(draft.hidden)
    for number, answers in asked.items():
        if len({fold(a) for a in answers}) != 1:
            continue  # a card asking several things: no one word to read off a heading
        answer = next(iter(answers))
        if not _one_word(answer):
            continue
        for index, crumb in enumerate(draft.crumbs):
            for run in _RUN.finditer(crumb):
                start, end = run.span()
                if not other_form(run.group(), answer) or _taken(hidden, number, index, start, end):
                    continue
                hidden.append(Hidden(number, start, end, index))
    if len(hidden) == len(draft.hidden):
        return None
    return dataclasses.replace(draft, hidden=tuple(hidden))


def _taken(hidden: list[Hidden], number: int, index: int, start: int, end: int) -> bool:
    return any(
        h.crumb == index and h.number == number and h.start < end and start < h.end for h in hidden
    )


RULES: tuple[Rule[RepairRule], ...] = (
    Rule(
        "form-crumb",
        "another form of a one-word answer in the breadcrumb is hidden there, as the answer is",
        form_crumb,
    ),
)
