"""Parallels: a blank filled by analogy with text of the same shape its card shows.

Notation is written in families: ``P = [p(1) .. p(K)]`` beside ``Q = (q(1) .. q(K))``, a
simple form beside its general one (``s = ab + c`` above ``s = a(inverse)b + c``), a case
beside the formula it selects (``if k = 1 ==> F(k',1) = ...``). A card that hides one member
and shows its sibling is answered by copying the sibling's shape, not by recall. The shape is
read on the text's parts (runs of letters, a camelCase name cut at its humps, runs of digits,
single marks; case and the kind of bracket do not count), never on what the symbols mean:

- ``parallel-sibling``: the blank's highlight is the text of another highlight shown on its
  card with one symbol or index put in its place throughout, that symbol standing in the
  highlight outside the blank (the ``P`` of ``P = [...]``), or with one bracketed part left
  out of it. Only notation is read so (a highlight holding a mark, not words alone: the
  siblings of prose are ``twins``'). Where the sibling is another card's blank of the note,
  one card asks both: the shape is one fact. Where it is text the card only shows, the blank
  is pure analogy: no card, reported;
- ``bound-argument``: a highlight that binds a symbol to a value (``k = 1``) on a card whose
  formula takes that value beside that symbol as its arguments (``F(k',1)``) states the case
  the formula already shows: no card, reported;
- ``worked-instance``: a card asking what a function is (``g(t) = [...]``) that shows the
  function at sample points (``g(t) = 8``, lines of the same shape with a number on the right)
  is worked out from them: those numbers are withheld on that card;
- ``indexed-family``: a symbol's name asked (``Q``) beside two or more of its indexed members
  (``Q1, Q2, Q3``) is the letter they all begin with: no card, reported.

They run after ``twins`` and ``contained``, which join blanks read off each other, and before
``item-cards``, so a pair they join is not cut apart again; the numbers ``worked-instance``
hides are marked withheld by ``echo``, which runs later.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from .draft import Draft, Hidden
from .env import Env
from .model import Blank
from .repairs import RepairRule, _merged
from .rules import Rule

#: A highlight of fewer parts than this has no shape to copy (``k2``, ``W``); one of more
#: than ``MAX_PARTS`` is a passage, not one piece of notation.
MIN_PARTS = 4
MAX_PARTS = 40
#: A sibling is looked for this many characters around the highlight: a family of notation
#: stands together, and a line of hundreds of highlights stays linear.
NEAR = 400
#: The most parts a left-out bracketed part (``(inverse)``) may hold.
GROUP = 5

_PART = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[^\W\d_]+|\d+|[^\w\s]")
_OPEN = "([{（"
_CLOSE = ")]}）"
#: Where a part is hidden on the card: no window of a sibling runs across it.
_GAP = "\x00"

Part = tuple[str, int, int]


def parts(text: str, start: int = 0, end: int | None = None) -> list[Part]:
    """The parts of ``text[start:end]`` with their places, folded: case and the kind of
    bracket do not change a shape (``[p(1)]`` and ``(q(1))`` are one)."""
    out: list[Part] = []
    for found in _PART.finditer(text, start, len(text) if end is None else end):
        part = found.group().casefold()
        if part in _OPEN:
            part = "("
        elif part in _CLOSE:
            part = ")"
        out.append((part, found.start(), found.end()))
    return out


def _word(part: str) -> bool:
    return part[:1].isalnum()


def _substituted(mine: list[str], theirs: list[str], inside: range) -> bool:
    """Whether ``theirs`` is ``mine`` with one word part put in place of another wherever it
    stands (``x`` for ``y``), and that part stands both in the answer (``inside``) and outside
    it: the highlight shows which member it is, the sibling the shape."""
    swap: tuple[str, str] | None = None
    places: list[int] = []
    for at, (one, two) in enumerate(zip(mine, theirs, strict=True)):
        if one == two:
            continue
        if swap is None:
            if not (_word(one) and _word(two)) or one.isdigit() != two.isdigit():
                return False
            swap = (one, two)
        elif (one, two) != swap:
            return False
        places.append(at)
    if swap is None or len(mine) - len(places) <= len(places):
        return False
    # Every place of the symbol is swapped, so the sibling holds no other form of it.
    if any(part == swap[0] for at, part in enumerate(mine) if at not in places):
        return False
    return any(at in inside for at in places) and any(at not in inside for at in places)


def _left_out(mine: str, theirs: str, inside: range) -> bool:
    """Whether ``theirs`` is ``mine`` with one bracketed part put inside the answer
    (``inside``: its characters): the answer is its sibling with that part left out. Compared
    on the parts written together, so a part put between two symbols written side by side
    (``ab`` and ``a(inverse)b``) counts too. A bare part put in (``(k,)`` and ``(k, 1)``)
    is no such form: it changes what the text says, and is the fact to recall."""
    if len(theirs) <= len(mine):
        return False
    at = next((i for i, (a, b) in enumerate(zip(mine, theirs, strict=False)) if a != b), len(mine))
    if at not in inside or at == inside.start:
        return False  # a part put at the answer's edge is a part of the line, not of the form
    extra = len(theirs) - len(mine)
    group = theirs[at : at + extra]
    if group[0] != "(" or group[-1] != ")" or set(group[1:-1]) & {"(", ")"}:
        return False
    return theirs[at + extra :] == mine[at:]


def _windows(shown: list[str], size: int) -> Iterator[int]:
    """Starts of the runs of ``size`` parts of ``shown`` that cross no hidden place."""
    gap = -1
    for at, part in enumerate(shown):
        if part == _GAP:
            gap = at
        elif at - gap >= size:
            yield at - size + 1


def _hides(draft: Draft) -> dict[int, list[tuple[int, int]]]:
    """Per card, the ranges of the line it hides: its blanks and what it hides besides. Read
    once per draft, not once per highlight: a line of many highlights stays linear."""
    out: dict[int, list[tuple[int, int]]] = {}
    for number, blank, _ in draft.blanks:
        out.setdefault(number, []).append((blank.start, blank.end))
    for h in draft.hidden:
        if h.crumb is None:
            out.setdefault(h.number, []).append((h.start, h.end))
    return out


def _shown_parts(
    text: str, hides: list[tuple[int, int]], low: int, high: int, own: tuple[int, int]
) -> list[Part]:
    """The parts of ``text[low:high]`` a card shows, a gap where it hides text (``hides``: its
    blanks, what it hides besides) or where the highlight itself stands."""
    hidden = sorted([*hides, own])
    out: list[Part] = []
    at = low
    for start, end in hidden:
        if end <= at or start >= high:
            continue
        out += parts(text, at, max(at, start))
        out.append((_GAP, start, end))
        at = max(at, end)
    out += parts(text, at, high) if at < high else []
    return out


def _parallel(
    text: str, hides: list[tuple[int, int]], start: int, end: int, own: tuple[int, int]
) -> tuple[int, int] | None:
    """The place of a sibling a card shows (it hides ``hides``) whose shape gives away the
    answer ``text[start:end]`` of the highlight at ``own``, or None."""
    mine_parts = parts(text, *own)
    if not MIN_PARTS <= len(mine_parts) <= MAX_PARTS:
        return None
    if all(_word(p) for p, _, _ in mine_parts):
        return None  # words only: prose, whose siblings ``twins`` reads, not notation
    mine = [p for p, _, _ in mine_parts]
    inside_at = [i for i, (_, a, b) in enumerate(mine_parts) if start <= a and b <= end]
    if not inside_at:
        return None
    inside = range(inside_at[0], inside_at[-1] + 1)
    shown_parts = _shown_parts(text, hides, *_around(text, *own), own)
    shown = [p for p, _, _ in shown_parts]
    size = len(mine)
    for at in _windows(shown, size):
        if _substituted(mine, shown[at : at + size], inside):
            return shown_parts[at][1], shown_parts[at + size - 1][2]
    # The same on the parts written together, for a sibling with one part more.
    compact = "".join(mine)
    before = len("".join(mine[: inside.start]))
    chars = range(before, before + len("".join(mine[inside.start : inside.stop])))
    for extra in range(3, GROUP + 3):
        for at in _windows(shown, size + extra):
            if shown[at][:1] != compact[:1]:
                continue  # the part is put inside the answer: the sibling opens as it does
            if _left_out(compact, "".join(shown[at : at + size + extra]), chars):
                return shown_parts[at][1], shown_parts[at + size + extra - 1][2]
    return None


def parallel_sibling(draft: Draft, env: Env) -> Draft | None:
    """A blank read off a sibling of the same shape on its card: asked with the sibling when
    that is another card's blank, else no card (see the module's docstring)."""
    pairs: list[tuple[int, int]] = []
    off: set[int] = set()
    sizes = draft.blanks_per_card()
    hides = _hides(draft)
    text = draft.unit.text
    for number, blank, mark in draft.blanks:
        found = _parallel(text, hides[number], blank.start, blank.end, (mark.start, mark.end))
        if found is None:
            continue
        other = next(
            (
                n
                for n, b, _ in draft.blanks
                if n != number and b.start < found[1] and found[0] < b.end
            ),
            None,
        )
        if other is not None:
            pairs.append((min(number, other), max(number, other)))
        elif sizes[number] == 1:
            off.add(number)
    result = _merged(draft, env, pairs, limit=2) if pairs else None
    if off:
        base = result or draft
        # Numbers change when cards merge: drop by the highlight, not by the old number.
        gone = {id(m) for n, _, m in draft.blanks if n in off}
        numbers = {n for n, _, m in base.blanks if id(m) in gone}
        if numbers:
            result = base.without(numbers, "parallel-sibling")
    return result


_BINDING = re.compile(r"\s*([^\W\d_]\w?)\s*={1,2}\s*(\w{1,4})\s*")
_CALL = re.compile(r"\w\(([^()\n]{1,60})\)")


def _lone_blanks(
    draft: Draft, pattern: re.Pattern[str]
) -> Iterator[tuple[int, Blank, re.Match[str]]]:
    """Each card of one blank whose answer is ``pattern`` whole, with the blank and the match.
    One blank, so what the card hides near it is that blank alone: the rules reading it
    (``bound-argument``, ``indexed-family``) test a text shown by its overlap with the blank,
    not by a scan of the line's blanks per text."""
    text = draft.unit.text
    sizes = draft.blanks_per_card()
    for number, blank, _ in draft.blanks:
        found = pattern.fullmatch(text, blank.start, blank.end)
        if found is not None and sizes[number] == 1:
            yield number, blank, found


def _around(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of ``text`` within ``NEAR`` of ``text[start:end]``, where its kin stand."""
    return max(0, start - NEAR), min(len(text), end + NEAR)


def bound_argument(draft: Draft, env: Env) -> Draft | None:
    """A card whose one blank binds a symbol to a value (``k = 1``) while its formula takes
    that value beside that symbol (``F(k',1)``) asks for the case the formula shows."""
    text = draft.unit.text
    off: set[int] = set()
    for number, blank, found in _lone_blanks(draft, _BINDING):
        symbol, value = found.group(1).casefold(), found.group(2).casefold()
        if symbol == value:
            continue
        for call in _CALL.finditer(text, *_around(text, blank.start, blank.end)):
            if blank.start < call.end() and call.start() < blank.end:
                continue
            args = [a.strip().casefold() for a in call.group(1).split(",")]
            heads = {p for a in args if a != value for p, _, _ in parts(a)[:1]}
            if value in args and symbol in heads:
                off.add(number)
                break
    return draft.without(off, "bound-argument") if off else None


#: A definition's left-hand side that applies a function (``g(t)``), then its ``=``.
_DEFINED = re.compile(r"\s*(\w[^=\n]{0,30}?\w?\([^()=\n]{1,20}\))\s*=\s*")
#: A value set after the same left-hand side elsewhere: a number.
_VALUE = re.compile(r"\s*=\s*(-?\d+(?:[.,]\d+)*)(?![\w.(])")


def worked_instance(draft: Draft, env: Env) -> Draft | None:
    """A card asking what a function is (``g(t) = [...]``) while it shows the function's value
    at sample points (``t = 2 ==> g(t) = 8``) lets the learner work the answer out from them:
    those values are withheld on that card; the other cards of the note still show them."""
    text = draft.unit.text
    hidden = list(draft.hidden)
    for number, blank, mark in draft.blanks:
        found = _DEFINED.fullmatch(text, mark.start, blank.start)
        if found is None or blank.end != mark.end:
            continue
        name = found.group(1)
        low, high = _around(text, mark.start, mark.end)
        at = text.find(name, low, high)
        while at >= 0:
            value = _VALUE.match(text, at + len(name))
            outside = at + len(name) <= mark.start or at >= mark.end
            if value is not None and outside and (at == 0 or not text[at - 1].isalnum()):
                start, end = value.span(1)
                if not any(h.number == number and h.start < end and start < h.end for h in hidden):
                    hidden.append(Hidden(number, start, end))
            at = text.find(name, at + len(name), high)
    if len(hidden) == len(draft.hidden):
        return None
    return dataclasses.replace(draft, hidden=tuple(hidden))


#: A symbol's name: one or two letters (``Q``, ``dQ``).
_SYMBOL = re.compile(r"\s*([^\W\d_]{1,2})\s*")
#: Indexed forms of a family that show its name: the members a card must show to give it away.
FAMILY = 2


def indexed_family(draft: Draft, env: Env) -> Draft | None:
    """A card whose one blank is a symbol's name (``Q``) while it shows two or more of the
    symbol's indexed members (``Q1, Q2, Q3``, ``Q[1]``) asks for the letter they all begin
    with: no card."""
    text = draft.unit.text
    off: set[int] = set()
    for number, blank, found in _lone_blanks(draft, _SYMBOL):
        name = found.group(1)
        members = re.compile(rf"(?<![^\W_]){re.escape(name)}(?:\d+|\[\w{{1,3}}\])(?![^\W_])")
        shown = {
            m.group()
            for m in members.finditer(text, *_around(text, blank.start, blank.end))
            if not (blank.start < m.end() and m.start() < blank.end)
        }
        if len(shown) >= FAMILY:
            off.add(number)
    return draft.without(off, "indexed-family") if off else None


RULES: tuple[Rule[RepairRule], ...] = (
    Rule(
        "parallel-sibling",
        "a blank that is a sibling on its card with one symbol swapped or one part left out is "
        "filled by analogy: asked with that sibling's blank, or no card",
        parallel_sibling,
    ),
    Rule(
        "bound-argument",
        "a symbol bound to a value (k = 1) beside a formula taking that value in its place "
        "(F(k',1)) is read off the formula: no card",
        bound_argument,
    ),
    Rule(
        "worked-instance",
        "a function's definition asked beside its values at sample points (g(t) = 8) shows "
        "those values withheld on that card",
        worked_instance,
    ),
    Rule(
        "indexed-family",
        "a symbol's name asked beside two or more of its indexed members (Q beside Q1, Q2) "
        "is read off them: no card",
        indexed_family,
    ),
)
