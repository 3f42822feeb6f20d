"""Series: highlights written in a row on one line (`TRACE`, `DEBUG`, `INFO`; `w` and `b`),
decided together, so that a line never turns into a swarm of cards each showing the others:

- items the line offers as examples ("e.g. `tuple`, `list`, `set`", "Es: `X`, `Y`", a series
  left open with an ellipsis) stand for any member of their class: a card asking for one is
  answered by any other, and the fact is the class, said around them. No card;
- bare symbols side by side (`w` and `b`, `0` and `1`, `x1`, `x2`) name no fact: the line's
  point is said around them. No card;
- a series longer than one card may hide (``MAX_BLANKS``) gets the card its place on the line
  calls for (``enumeration``), or is learned item by item, each card showing only the items
  before it (``overlap``).

A series of two or three items is left to the repairs, which ask for it whole on one card
(``pair``, ``series``).
"""

from __future__ import annotations

import re

from .env import Env
from .model import Mark, Unit
from .repairs import _BETWEEN, MAX_BLANKS
from .rules import Rule
from .skips import SkipRule, Verdict
from .text import example_markers, words

#: Words allowed between an example marker and the series it offers ("Es: chelanti del Fe:").
LEAD_WORDS = 3
#: A bare symbol: a letter with one index (``w``, ``x1``, ``Nx``, ``y'``), or one digit.
_SYMBOL = re.compile(r"^(?:[A-Za-z](?:[0-9a-z]|'{1,2})?|\d)$")
#: An ellipsis right after a series leaves it open: its items are examples.
_OPEN_END = re.compile(r"\s*,?\s*(?:\.{3}|…)")
#: What ends the reach of a marker: a clause's end.
_BREAK = re.compile(r"[.;!?。]\s")
_OPENING, _CLOSING = "([{（", ")]}）"
#: How far back (characters) an example marker is looked for.
REACH = 80

#: Per mark start of the unit being read: ``(its run's marks, its place in the run)``.
Runs = dict[int, tuple[tuple[Mark, ...], int]]


def runs_of(unit: Unit, env: Env) -> Runs:
    """The unit's highlights in runs written as one series (only commas, slashes, "and", "or"
    between them, on one line), by mark start. Found once per unit and kept in ``env``, so a
    line of many highlights stays linear."""
    return env.per_unit("series", (unit.line, unit.text, unit.marks), lambda: _runs(unit))


def _runs(unit: Unit) -> Runs:
    runs: Runs = {}
    for items in grouped(unit):
        for index, mark in enumerate(items):
            runs[mark.start] = (items, index)
    return runs


def grouped(unit: Unit) -> list[tuple[Mark, ...]]:
    """The unit's highlights in order, in runs written as one series (``joined``): the one
    grouping ``series``, ``enumeration`` and ``overlap`` read, so they agree on what a run is."""
    found: list[list[Mark]] = []
    for mark in sorted(unit.marks, key=lambda m: m.start):
        if found and joined(unit.text, found[-1][-1], mark):
            found[-1].append(mark)
        else:
            found.append([mark])
    return [tuple(run) for run in found]


def joined(text: str, left: Mark, right: Mark) -> bool:
    """Whether two highlights are items of one series, as the ``series`` repair reads them."""
    gap = text[left.end : right.start]
    return left.end <= right.start and "\n" not in gap and bool(_BETWEEN.match(gap))


def _run(unit: Unit, mark: Mark, env: Env) -> tuple[tuple[Mark, ...], int]:
    return runs_of(unit, env).get(mark.start, ((mark,), 0))


def offered_items(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A series the line offers as examples: an example marker ("e.g.", "such as", the
    learner's own in ``cues.toml``) opens it, at most ``LEAD_WORDS`` words before its first
    item and in the same clause, or an ellipsis leaves it open. One item offered alone is left
    to the rules of bare fronts: "Es: `lidocaina` (blocks Na channels)" names it by what the
    line says of it; a long series written out to its last item is the set (``closed_set``)."""
    run, _ = _run(unit, mark, env)
    if len(run) < 2 or closed_set(unit, run, env):
        return None
    if open_ended(unit.text, run[-1]) or opened_as_examples(unit.text, run[0], env.cues.examples):
        # Named for a class the line states, the members are that card's cue (``members``).
        return "keep" if class_asked(unit, run, env) else "skip"
    return None


def class_asked(unit: Unit, run: tuple[Mark, ...], env: Env) -> tuple[int, int] | None:
    """The class phrase a ``member-class`` card asks for these offered items, if that rule is
    on and the line names one (imported late: ``members`` reads the series from here). Worked
    out once per run (kept in ``env``): each item asks it, twice (``offered-items``,
    ``member-class``), and reading the phrase scans the unit's marks."""
    if "member-class" in env.disabled or unit.kind not in ("line", "list"):
        return None
    from .members import class_phrase

    return env.per_unit("class-asked", (unit, run), lambda: class_phrase(unit, run, env))


def read_as_members(unit: Unit, run: tuple[Mark, ...], env: Env) -> bool:
    """Whether ``run`` is read here or by ``member-class``: items offered as examples, bare
    symbols, or members of a class phrase the line names. No reading of a long series
    (``enumeration``, ``overlap``) then applies to it."""
    return (
        open_ended(unit.text, run[-1])
        or (
            opened_as_examples(unit.text, run[0], env.cues.examples)
            and not closed_set(unit, run, env)
        )
        or all(is_symbol(m.highlight.text) for m in run)
        or class_asked(unit, run, env) is not None
    )


def closed_set(unit: Unit, run: tuple[Mark, ...], env: Env) -> bool:
    """Whether ``run`` is a closed set that ``closed-series`` reads, though an example marker
    opens it: longer than one card may hide, written out to its last item with a word ("and",
    "or") before it, and no ellipsis after. "Subcommands such as `list`, `select`, `new`,
    `delete` and `show`" names every member; a short series after the marker, or one left open,
    is offered as examples still."""
    if len(run) < 2:
        return False
    return closes_set(unit.text, len(run), unit.text[run[-2].end : run[-1].start], run[-1].end, env)


def closes_set(text: str, items: int, last_gap: str, end: int, env: Env) -> bool:
    """Whether a list of ``items`` items ending at ``end``, ``last_gap`` standing before its last
    item, is a closed set as ``closed_set`` reads one: longer than one card may hide, a word
    before its last item, no ellipsis after it. Lists whose items are not all highlighted
    (``later-example``) are read the same way."""
    if "closed-series" in env.disabled or items <= MAX_BLANKS:
        return False
    return _worded(last_gap) and not _OPEN_END.match(text, end)


def closed_by_word(text: str, run: tuple[Mark, ...]) -> bool:
    """Whether a word ("and", "or") stands before the series' last item: it closes the set."""
    return _worded(text[run[-2].end : run[-1].start])


def _worded(gap: str) -> bool:
    """Whether the gap before a list's last item holds a word, not only commas or slashes."""
    return any(char.isalpha() for char in gap)


def open_ended(text: str, last: Mark) -> bool:
    """Whether an ellipsis right after a series' last item leaves it open."""
    return bool(_OPEN_END.match(text, last.end))


def opened_as_examples(text: str, first: Mark, own: tuple[str, ...]) -> bool:
    return marker_before(text, first.start, own) is not None


def marker_before(text: str, start: int, own: tuple[str, ...]) -> int | None:
    """Where the example marker offering what starts at ``start`` stands, if one does: only a
    few words between, no clause ended and no bracket closed (``(e.g. corporate), X`` offers
    ``corporate``, not X)."""
    low = max(0, start - REACH)
    lowered = text[low:start].casefold()
    for at, marker in example_markers(lowered, own):
        lead = lowered[at + len(marker) :]
        if len(words(lead)) <= LEAD_WORDS and not _BREAK.search(lead) and not _closes(lead):
            return low + at
    return None


def _closes(lead: str) -> bool:
    """Whether ``lead`` closes a bracket it did not open: the aside holding the marker ended."""
    depth = 0
    for char in lead:
        depth += (char in _OPENING) - (char in _CLOSING)
        if depth < 0:
            return True
    return False


def symbol_pair(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """Bare symbols side by side ("`w` and `b`", "between `0` and `1`") name no fact."""
    run, _ = _run(unit, mark, env)
    if len(run) < 2:
        return None
    return "skip" if all(is_symbol(m.highlight.text) for m in run) else None


def is_symbol(text: str) -> bool:
    return bool(_SYMBOL.match(text.strip()))


RULES: tuple[Rule[SkipRule], ...] = (
    Rule(
        "offered-items",
        "items offered as examples ('e.g. X, Y', 'Es: X, Y', 'X, Y...') stand for any of a class",
        offered_items,
    ),
    Rule(
        "symbol-pair",
        "bare symbols side by side ('w and b', '0 and 1') name no fact: the line says it",
        symbol_pair,
    ),
)
