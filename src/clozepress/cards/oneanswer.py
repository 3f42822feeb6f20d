"""One answer a card: a card that would ask three or more different answers at once is split.

The grouping repairs (``repairs.series``, ``pair``, ``twins``, ``contained``, the rejoins of
``item-cards``) put several highlights of a line on one card, each for a reason that holds for
two: a pair read as one, two answers each read off the other. Past two different answers a card
asks a list at once, and a learner who misses one part fails the card: the blind reviews judged
such cards FIX or DROP three times in four ("too many blanks, split it"), where a card asking
two was kept as often as a card asking one. The same answer asked again on the card is no
second thing to recall: its places stay on the card, shown as ``[〃]`` (``echo``).

Each different answer of such a card, in the order the line gives them, becomes a card of its
own, the line's other answers shown, unless showing it would give an answer away:

- an answer another one of the card holds whole (`disable()` in `gc.disable()`, `~>` in
  `~> 0.9`) or is a twin of (`enable()` beside `disable()`, `threshold 1` beside
  `threshold 0`) is read off it. It is withheld (``[–]``) on the card of the first answer it
  is read off, or that it would give away, and asks no card of its own: a span of the line is
  one cloze, hidden on one card only, so it cannot be shown withheld on one card and asked on
  another. Its highlight is reported, with this rule, as no card;
- an answer that only holds a withheld one (`GC_TENTATIVELY_UNREACHABLE` holding `unreachable`)
  is not read off what is shown (a word of it tells a part, not the name): it keeps its card.
"""

from __future__ import annotations

import dataclasses

from .draft import Draft, Hidden
from .env import Env
from .model import Blank, Mark
from .repairs import (
    AROUND,
    RepairRule,
    contained_pairs,
    standalone,
    tells_inside,
    twin_keys,
    twin_pairs,
)
from .rules import Rule
from .text import fold, occurrences

#: A card asks at most this many different answers; one past it and the card is split.
MOST = 2


def one_answer(draft: Draft, env: Env) -> Draft | None:
    """Split every card of ``draft`` asking more than ``MOST`` different answers into cards of
    one answer each; the answers read off another are withheld on its card."""
    if env.config.cloze == "unit":
        return None  # the learner asked for one card a line: nothing to split
    text = draft.unit.text
    cards: dict[int, list[tuple[int, Blank, Mark]]] = {}
    for item in draft.blanks:
        cards.setdefault(item[0], []).append(item)
    crowded = {
        number
        for number, items in cards.items()
        if len({fold(text[b.start : b.end]) for _, b, _ in items}) > MOST
    }
    if not crowded:
        return None
    fresh = max(cards) + 1
    blanks: list[tuple[int, Blank, Mark]] = []
    # Hidden texts of a crowded card are its numbers' no more: the repairs after hide anew.
    hidden = [h for h in draft.hidden if h.number not in crowded]
    taken = draft.taken()
    dropped: list[tuple[Mark, str]] = []
    for number, items in cards.items():
        if number not in crowded:
            blanks += items
            continue
        by_answer: dict[str, list[tuple[int, Blank, Mark]]] = {}
        for item in sorted(items, key=lambda item: item[1].start):
            by_answer.setdefault(fold(text[item[1].start : item[1].end]), []).append(item)
        # Each answer's card number is its place among the card's answers, looked up once.
        place = {answer: at for at, answer in enumerate(by_answer)}
        for answer, host in _placed(list(by_answer)).items():
            if host == answer:
                blanks += [(fresh + place[answer], b, m) for _, b, m in by_answer[answer]]
                continue
            own = fresh + place[host]
            hidden += [Hidden(own, b.start, b.end) for _, b, _ in by_answer[answer]]
            # Where the line says it again, unhighlighted, it tells as much: withheld there too.
            first = by_answer[answer][0][1]
            for start, end in occurrences(text[first.start : first.end].strip(), text):
                if not any(taken[start:end]):
                    hidden.append(Hidden(own, start, end))
                    taken[start:end] = b"\x01" * (end - start)
            dropped += [(m, "one-answer") for _, _, m in by_answer[answer]]
        fresh += len(by_answer)
    outside = {n for n in cards if n not in crowded}
    root = _rejoined(dataclasses.replace(draft, blanks=tuple(blanks), hidden=()), outside)
    # Cloze numbers again 1, 2, ... in text order, so Anki makes no empty card for a gap.
    order: dict[int, int] = {}
    for number, _, _ in sorted(blanks, key=lambda item: item[1].start):
        order.setdefault(root.get(number, number), len(order) + 1)
    order.update({n: order[r] for n, r in root.items()})
    return dataclasses.replace(
        draft,
        blanks=tuple((order[n], b, m) for n, b, m in blanks),
        hidden=tuple(dataclasses.replace(h, number=order[h.number]) for h in hidden),
        shown=(*draft.shown, *(m for m, _ in dropped)),
        dropped=(*draft.dropped, *dropped),
    )


def _rejoined(split: Draft, outside: set[int]) -> dict[int, int]:
    """Per card made by the split that an answer of another card of the line gives away, or
    that gives it away (`TRACE` beside `TRACE level`): the number of that card, with which it
    is one card asking two answers, as ``twins`` and ``contained`` join them (no longer too
    many to join once the crowded card is split)."""
    text = split.unit.text
    answers: dict[int, set[str]] = {}
    for number, blank, _ in split.blanks:
        answers.setdefault(number, set()).add(fold(text[blank.start : blank.end]))
    root: dict[int, int] = {}
    for one, two in twin_pairs(split) + contained_pairs(split):
        if (one in outside) == (two in outside):
            continue  # two cards of the split, or two the split left alone
        mine, theirs = (two, one) if one in outside else (one, two)
        if mine in root or theirs in root.values():
            continue
        if len(answers[mine] | answers[theirs]) <= MOST:
            root[mine] = theirs
    return root


def _placed(answers: list[str]) -> dict[str, str]:
    """Per answer (in the line's order), the answer whose card it is on: itself when it asks a
    card of its own, else the card it is withheld on. Twins are found by their keys, one look
    per key; an answer held in another only among the ``AROUND`` answers placed last, as
    ``repairs.contained`` looks: a crowded card of many answers stays linear."""
    host: dict[str, str] = {}
    order: dict[str, int] = {}
    owner: dict[tuple[str, str], str] = {}  # per twin key, the first answer placed with it
    placed: list[str] = []
    for answer in answers:
        keys = twin_keys(answer)
        near = placed[-AROUND:]
        twins = [owner[key] for key in keys if key in owner]
        told_by = min(twins, key=order.__getitem__) if twins else None
        if told_by is None:
            told_by = next((p for p in near if holds(p, answer)), None)
        if told_by is not None:
            host[answer] = host[told_by]  # shown on its own card, ``told_by`` would tell it
        else:
            tells = next((p for p in near if host[p] == p and holds(answer, p)), None)
            host[answer] = answer if tells is None else tells
        order[answer] = len(order)
        for key in keys:
            owner.setdefault(key, answer)
        placed.append(answer)
    return host


def holds(shown: str, answer: str) -> bool:
    """Whether ``shown`` (folded) holds ``answer`` (folded) whole as a word of its own, as
    ``repairs.contained`` reads it: shown on a card, it tells the answer. (The other way an
    answer is told, a twin shown, is read by the keys ``repairs.twins`` reads.)"""
    return (
        len(shown) > len(answer)
        and tells_inside(answer)
        and standalone(answer, ignore_case=False).search(shown) is not None
    )


RULES: tuple[Rule[RepairRule], ...] = (
    Rule(
        "one-answer",
        "a card asking three or more different answers is a card per answer; an answer read"
        " off another of them is withheld on that one's card, no card of its own",
        one_answer,
    ),
)
