"""Placing: where a card's answer may stand besides its blank, and which place asks it.

A breadcrumb says where a line stands, and it is read first. Two repairs keep it that way:

- ``heading-answer``: a heading (the domain too, where ``subdeck`` leaves the card: one card
  per line, or ``domain-answer`` off) where the card's answer stands hidden gives way to its
  parent, whatever else it says ("[〃] che agiscono su recettori", "Choose between IAM
  [〃] and Resource Based Policies", "[〃] IN TERRAFORM"): a blank in the place garbles it and
  reads as a second question, and the heading above still says where the line stands. Where
  other cards of the note need the heading, it stays, and the one card whose answer it holds
  withholds it whole (``withhold-heading``: "[–]"). A line of
  the notes over the unit (a parent item, a usage line) is no heading: it says something of the
  answer and keeps its place, with an echo (``answer-heading`` takes it when little else is left).
- ``first-asks``: of the places one card hides its answer in, the first in reading order
  (breadcrumb first, then the line) shows the blank and every later one the echo mark: a mark
  saying "the same answer" before any blank ("Terraform generates [〃] names that include the
  [...] ...") refers to nothing yet; a mere word of the answer there shows as withheld.
"""

from __future__ import annotations

import dataclasses

from .draft import Draft, Hidden
from .echo import _stems, _within, without_levels
from .env import Env
from .frontline import headings
from .repairs import RepairRule
from .rules import Rule


def heading_answer(draft: Draft, env: Env) -> Draft | None:
    """Heading levels (of the unit's own headings, the domain's title included) where cards
    hide text: one that every card of the note hides in, or several cards do, gives way to its
    parent; one that a single card of several hides in stays for the others, and that card
    withholds it whole (``withhold_heading``)."""
    titles = headings(draft)
    cards = {n for n, _, _ in draft.blanks}
    hiding: dict[int, set[int]] = {}
    for h in draft.hidden:
        if h.crumb is not None and draft.crumbs[h.crumb] in titles:
            hiding.setdefault(h.crumb, set()).add(h.number)
    dropped = {level for level, numbers in hiding.items() if numbers >= cards or len(numbers) > 1}
    if not dropped:
        return None
    return without_levels(draft, dropped, "heading-answer")


def withhold_heading(draft: Draft, env: Env) -> Draft | None:
    """A heading level one card hides text in, kept for the note's other cards, is withheld
    whole on that card (``[–]``): the heading says where the line stands, and a part of it
    shown around a blank garbles it."""
    titles = headings(draft)
    whole: dict[tuple[int, int], Hidden] = {}
    for h in draft.hidden:
        if h.crumb is not None and draft.crumbs[h.crumb] in titles:
            whole[(h.crumb, h.number)] = Hidden(h.number, 0, len(draft.crumbs[h.crumb]), h.crumb)
    if not whole or all(
        h.start == 0 and h.end == len(draft.crumbs[h.crumb]) and (h.crumb, 0) in draft.withheld
        for h in draft.hidden
        if h.crumb is not None and (h.crumb, h.number) in whole
    ):
        return None
    levels = {level for level, _ in whole}
    hidden = (
        *(h for h in draft.hidden if h.crumb is None or (h.crumb, h.number) not in whole),
        *whole.values(),
    )
    return dataclasses.replace(
        draft,
        hidden=tuple(hidden),
        echoes=frozenset(e for e in draft.echoes if e[0] not in levels),
        withheld=frozenset(
            {*(w for w in draft.withheld if w[0] not in levels), *((c, 0) for c in levels)}
        ),
        crumb_notes=(*draft.crumb_notes, "withhold-heading"),
    )


def first_asks(draft: Draft, env: Env) -> Draft | None:
    """Per blank, the first place in reading order where its answer stands again (hidden text
    shown as an echo of it) asks instead, and the blank shows the echo mark. A word of the
    answer hidden before the card's first asking place shows as withheld (``[–]``): an echo
    there would refer to nothing read yet."""
    text = draft.unit.text
    line = len(draft.crumbs)  # the line reads after every breadcrumb level
    asking = sorted(
        (blank.start, number, text[blank.start : blank.end])
        for number, blank, _ in draft.blanks
        if (None, blank.start) not in draft.echoes
    )
    swaps: dict[int, tuple[int | None, int]] = {}
    earliest: dict[int, tuple[int, int]] = {}
    for h in draft.hidden:
        if (h.crumb, h.start) not in draft.echoes:
            continue
        covered = _stems(draft.covers(h))
        place = (line if h.crumb is None else h.crumb, h.start)
        for start, number, answer in asking:
            # The answer's own words, all of them (``echo.own_words`` one way round): a word
            # of this answer only cannot ask for all of it.
            if number != h.number or not covered or not _within(_stems(answer), covered):
                continue
            if place < earliest.get(start, (line, start)):
                earliest[start] = place
                swaps[start] = (h.crumb, h.start)
            break
    echoes = set(draft.echoes)
    for start, asks in swaps.items():
        echoes.discard(asks)
        echoes.add((None, start))
    # What asks first on each card; a word of its answer hidden before it echoes nothing yet:
    # it shows as withheld.
    first: dict[int, tuple[int, int]] = {}
    for start, number, _ in asking:
        place = earliest.get(start, (line, start))
        first[number] = min(first.get(number, place), place)
    early = {
        (h.crumb, h.start)
        for h in draft.hidden
        if (h.crumb, h.start) in echoes
        and h.number in first
        and (line if h.crumb is None else h.crumb, h.start) < first[h.number]
    }
    if not swaps and not early:
        return None
    return dataclasses.replace(
        draft, echoes=frozenset(echoes - early), withheld=draft.withheld | early
    )


#: ``heading-answer`` runs just after ``echo.answer_heading``, before the echo marks are set;
#: ``first-asks`` runs after ``echo.echo``, which sets them.
HEADING_RULES: tuple[Rule[RepairRule], ...] = (
    Rule(
        "heading-answer",
        "a heading where the card's answer stands hidden gives way to its parent: no blank in it",
        heading_answer,
    ),
)
ORDER_RULES: tuple[Rule[RepairRule], ...] = (
    Rule(
        "withhold-heading",
        "a heading one card's answer stands in, kept for the note's other cards, is withheld whole",
        withhold_heading,
    ),
    Rule(
        "first-asks",
        "the first place a card's answer stands in reading order is its blank; later ones echo",
        first_asks,
    ),
)
