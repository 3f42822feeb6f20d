"""Asked twice: two cards of one line of the notes never ask the same answer.

A paragraph cut into sentences makes a note of each, and a highlight the paragraph repeats
(`gc` in "the `gc` module controls ... . The `gc` module supports ...") can make a card in
each: the learner answers the same thing twice and drops the second card as a duplicate. The
blind reviews judged the second card FIX or DROP every time they saw it beside the first.

Which card stays is decided once every note of the notes is drafted, so a later place can win:

- a card asking the answer as one item of a series on its line (the other items shown) is the
  less telling place: any item fits a series' blank as well as its own, while a sentence of
  its own says something of the answer alone;
- else the first card in the notes' order stays, as ``skips.repeated`` has it.

Only cards asking one answer count: a card asking two is a pair recalled together, a question
of its own. The card dropped is reported with this rule; its highlight is tested by the one that
stays, so the line's highlight keeps its card.

Two cards of different lines asking the same answer are left alone: the blind reviews kept
them as often as any card (most say two facts of one term: what `collect()` runs, what it
merges), so no rule here reads across lines.
"""

from __future__ import annotations

from collections.abc import Callable

from .draft import Draft
from .env import Env
from .repairs import in_series
from .rules import Rule
from .text import fold

SettleRule = Callable[[list[Draft], Env], tuple[list[Draft], int]]


def asked_twice(drafts: list[Draft], env: Env) -> tuple[list[Draft], int]:
    """The drafts with each card that asks, from a line, the answer another card asks from that
    line in a more telling place, taken off; and how many were."""
    asking: dict[tuple[int, str], list[tuple[int, int]]] = {}
    for at, draft in enumerate(drafts):
        text = draft.unit.text
        answers: dict[int, set[str]] = {}
        lines: dict[int, set[int]] = {}
        for number, blank, mark in draft.blanks:
            answers.setdefault(number, set()).add(fold(text[blank.start : blank.end]))
            lines.setdefault(number, set()).add(mark.highlight.line)
        for number, asked in answers.items():
            if len(asked) != 1:
                continue
            (answer,) = asked
            for line in lines[number]:
                asking.setdefault((line, answer), []).append((at, number))
    gone: dict[int, set[int]] = {}
    series: dict[int, set[int]] = {}  # per draft asked twice: the starts of its series' items
    for places in asking.values():
        if len(places) < 2:
            continue
        for at, _ in places:
            if at not in series:
                series[at] = in_series(drafts[at])

        def told(place: tuple[int, int]) -> tuple[bool, int, int]:
            at, number = place
            item = any(b.start in series[at] for n, b, _ in drafts[at].blanks if n == number)
            return (item, at, number)  # not an item of a series first, then the notes' order

        kept = min(places, key=told)
        for place in places:
            if place != kept:
                gone.setdefault(place[0], set()).add(place[1])
    if not gone:
        return drafts, 0
    out = [
        drafts[at].without(gone[at], "asked-twice") if at in gone else draft
        for at, draft in enumerate(drafts)
    ]
    return out, sum(len(numbers) for numbers in gone.values())


RULES: tuple[Rule[SettleRule], ...] = (
    Rule(
        "asked-twice",
        "two cards of one line asking one answer: the one where it is an item of a series, "
        "else the later, is dropped",
        asked_twice,
    ),
)
