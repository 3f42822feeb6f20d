"""What a long series is to its line, read from where the line puts it, and the card each kind
of series is worth. A series of more than ``MAX_BLANKS`` items (`A`, `B`, `C`, `D`) that no
example marker offers and no short phrase names (``member-class``) is one of:

- the subject of a fact the line states and highlights ("Dimension of `Z`, `A`, `dZ` and
  `dA` is `(n,m)`"): the items share that one fact, so the card asking it, every item shown,
  tests each of them; a card asking one item is read off the pattern of the others
  (``series-fact``);
- an item of a list under a short parent line ("Kinase blockers" over "* `X`, `Y`, `Z`, `W`
  (anti-K)"): the members are listed under the class the parent names; the card shows them and
  asks that parent, as ``member-class`` asks a class named on the line (``listed-under``). A
  description after the members is often only a label the section already gives (reviewers:
  "blanks the label the heading gives away; the drugs are untested");
- the subject of a short description after it ("`>`, `>=`, `<`, `<=`: version comparison",
  "* `X`, `Y`, `Z`, `W` (anti-K)"): the series heads its line and a colon, dash or bracket
  right after it opens a phrase saying what they are; the card shows the items and asks that
  phrase, as ``member-class`` asks the class named before them (``series-described``). Where
  the headings and parent lines the card shows hold every word of it, the card would ask what
  it shows: the items are members of the class the context names, an open list (below);
- set off by a colon or bracket from a clause too long to be a class's name ("used against
  allergies: `X`, `Y`, `Z`, `W`"): the items are members offered for what the clause says, an
  open list; a card asking one member is answered by any other (reviewers: "any H1 antagonist
  fits"), and with the others shown it is still any member. What is asked of them is the
  phrase of that clause naming what they are: a bracket right before the colon glossing it
  ("used in the clinic (against skin allergies): ..."), the clause's own last phrase once it
  is short, or, the members held in a bracket with the clause, what that bracket glosses ("low
  index (risky drugs with a narrow window: `X`, ...)" asks "low index"); one card, every
  member shown (``open-class``). With no such phrase, or the context showing it, no card,
  unless a conjunction closes the series (below) (``open-series``);
- written out in full, closed by a conjunction before its last item ("inside `resource`,
  `data`, `provider`, and `provisioner` blocks", "one of `TRACE`, ..., `WARN` or `ERROR`"):
  the line names every member of a closed set, so a card showing every other item has exactly
  one answer. The items are left to ``item-cards`` (one card per item, the others shown); cut
  after the asked item (``overlap``), the card is answered by any later member
  (``closed-series``).

What is left, a series in the flow of a sentence that no conjunction closes, is learned item by
item in the order written (``overlap``): only the items before each are shown. The text does not
tell an ordered sequence from a set; a set the author closes with "and" or "or" is the sign it
gives, and the card that shows every other item serves a sequence as well.

Each rule here can be switched off; the series then falls to the next reading in the order
above, and past the last to ``overlap``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .env import Env
from .members import CLASS_WORDS, SET_OFF, holds_mark, series_named
from .model import Blank, Mark, Unit
from .repairs import MAX_BLANKS
from .rules import Rule
from .series import closed_by_word, grouped, joined, read_as_members
from .skips import SkipRule, Verdict
from .text import fold, is_label, words

#: Words at most between a series and the highlight stating its fact ("is", "are set by").
FACT_WORDS = 3
#: What ends the clause a series and its fact share.
_CLAUSE_END = re.compile(r"[\n.;:!?。]")
#: What may stand before a series that heads its line: a bullet, numbering, markup.
_HEADS = re.compile(r"[\s*_`•#>-]*(?:\d+[.)]\s+)?[\s*_`•#>-]*")
#: What opens the description after a series: a colon, a dash between spaces, a bracket.
_DESCRIBES = re.compile(r"[*_`]*(?:\s*:\s*|\s+[-–—]+\s*|\s*[(\[（]\s*)")
#: Where a description ends: its clause's end or its bracket's.
_DESCRIPTION_END = re.compile(r"[\n,.;:!?。()\[\]（）]")

#: A phrase naming what an open list is offered as has at most this many words; longer, a clause.
DESCRIPTION_WORDS = 5
#: A full stop inside a phrase (a sentence's end, an abbreviation): no one phrase to ask.
_STOPS = re.compile(r"[.!?。]\s")
#: The opening bracket each closing one pairs with.
_CLOSING = {")": "(", "]": "[", "）": "（"}

#: A series' reading: the rule that decides it, and the blank its card asks (None: no card of its
#: own, the series left to ``item-cards``).
Reading = tuple[str, Blank | None]
#: Per mark start of a unit: the reading of the series it belongs to (or of the fact it states).
Readings = dict[int, Reading]


def readings(unit: Unit, env: Env) -> Readings:
    """Every long series' reading in ``unit``, by the start of each mark it decides. Found once
    per unit (kept in ``env``), so a line of many highlights stays linear."""
    key = (unit.line, unit.text, unit.marks)
    return env.per_unit("enumeration", key, lambda: _readings(unit, env))


def _readings(unit: Unit, env: Env) -> Readings:
    if unit.kind not in ("line", "list"):
        return {}
    runs = grouped(unit)
    marks = [mark for run in runs for mark in run]
    found: Readings = {}
    end = 0
    for run in runs:
        end += len(run)
        reading = read(unit, run, marks[end:], env)
        if reading is not None:
            for mark in run:
                found[mark.start] = reading
            rule, blank = reading
            if rule == "series-fact" and blank is not None:
                found[blank.start] = reading  # the fact's own highlight asks it on that card
    return found


def read(unit: Unit, run: tuple[Mark, ...], after: Sequence[Mark], env: Env) -> Reading | None:
    """The reading of ``run`` (``after``: the unit's marks after it, in order), or None where no
    rule here decides it: short, offered as examples, bare symbols, named by a class phrase."""
    text = unit.text
    if len(run) <= MAX_BLANKS or read_as_members(unit, run, env):
        return None
    on = {
        "series-fact",
        "listed-under",
        "series-described",
        "open-class",
        "open-series",
        "closed-series",
    } - env.disabled
    if "series-fact" in on:
        fact = _fact_after(text, run, after)
        if fact is not None:
            return "series-fact", Blank(fact.start, fact.end, "series-fact", "fact")
    if "listed-under" in on:
        parent = _listed_under(unit, run, env)
        if parent is not None:
            return "listed-under", Blank(*parent, "listed-under", "name")
    if "series-described" in on:
        described = _description(unit, run)
        if described is not None and not given_away(unit, *described):
            return "series-described", Blank(*described, "series-described", "name")
        if described is not None and "open-series" in on:
            return "open-series", None  # members of the class the context names: any fits
    closed = closed_by_word(text, run)
    if not closed and _set_off(text, run):
        if "open-class" in on:
            phrase = _open_class(unit, run)
            if phrase is not None:
                return "open-class", Blank(*phrase, "open-class", "name")
        if "open-series" in on:
            return "open-series", None
    if "closed-series" in on and closed:
        return "closed-series", None
    return None


def _fact_after(text: str, run: tuple[Mark, ...], after: Sequence[Mark]) -> Mark | None:
    """The highlight right after the series, in its clause, that states what the items share:
    a few words between ("is", "are set by"), the highlight no item of another series."""
    if not after:
        return None
    fact = after[0]
    gap = text[run[-1].end : fact.start]
    if _CLAUSE_END.search(gap) or not 0 < len(words(gap)) <= FACT_WORDS:
        return None
    if len(after) > 1 and joined(text, fact, after[1]):
        return None  # the fact is itself a series: two lists side by side, no one fact
    return fact


def _description(unit: Unit, run: tuple[Mark, ...]) -> tuple[int, int] | None:
    """The range of the short phrase describing a series that heads its line ("`X`, `Y`, `Z`,
    `W`: version comparison", "... (anti-K)"), or None."""
    text = unit.text
    line_start = text.rfind("\n", 0, run[0].start) + 1
    head = _HEADS.match(text, line_start)
    if head is None or head.end() < run[0].start:
        return None
    opens = _DESCRIBES.match(text, run[-1].end)
    if opens is None:
        return None
    start = opens.end()
    stop = _DESCRIPTION_END.search(text, start)
    end = stop.start() if stop else len(text)
    while end > start and text[end - 1] in " \t*_`":
        end -= 1
    phrase = text[start:end]
    if not 0 < len(words(phrase)) <= CLASS_WORDS:
        return None
    if holds_mark(unit, start, end):
        return None
    return start, end


def _listed_under(unit: Unit, run: tuple[Mark, ...], env: Env) -> tuple[int, int] | None:
    """The range of the short parent line a series heading an item of its list is listed under
    ("Kinase inhibitors" over "* `X`, `Y`, `Z`, `W` (anti-K)"), or None: the class its members
    belong to, where the description after them is often only a label of the section."""
    text = unit.text
    first_end = text.find("\n")
    if unit.kind != "list" or first_end < 0 or run[0].start < first_end:
        return None
    line_start = text.rfind("\n", 0, run[0].start) + 1
    head = _HEADS.match(text, line_start)
    if head is None or head.end() < run[0].start:
        return None
    start = _HEADS.match(text).end()  # type: ignore[union-attr]
    end = first_end
    while end > start and text[end - 1] in " \t*_`:":
        end -= 1
    phrase = text[start:end]
    if not 0 < len(words(phrase)) <= CLASS_WORDS or is_label(phrase, env.cues.labels):
        return None
    return _askable(unit, start, end)


def _open_class(unit: Unit, run: tuple[Mark, ...]) -> tuple[int, int] | None:
    """The range of the phrase naming what an open list set off from a long clause is offered
    as, or None: the clause's own last phrase, or a bracket right before the colon glossing it
    ("... (against allergies): `X`, `Y`, `Z`, `W`"), or, the series held in a bracket of its
    own, what that bracket glosses ("low index (risky drugs with a narrow window: `X`, ...)")."""
    text = unit.text
    set_off = SET_OFF.search(text, 0, run[0].start)
    if set_off is None or series_named(unit, run) is not None:
        return None  # a short name sets the series off: ``member-class`` asks it
    end = set_off.start()
    line_start = text.rfind("\n", 0, end) + 1
    before = text[line_start:end].rstrip()
    if before and before[-1] in _CLOSING:
        opening = text.rfind(_CLOSING[before[-1]], line_start, end)
        if opening >= 0:
            return _phrase(unit, opening + 1, line_start + len(before) - 1)
    start = max(text.rfind(char, line_start, end) for char in ";([（") + 1
    phrase = _phrase(unit, max(start, line_start), end)
    if phrase is not None or start <= line_start:
        return phrase
    if text[start - 1] in "([（":
        return _phrase(unit, line_start, start - 1)  # the series glosses what its bracket follows
    return None


def _phrase(unit: Unit, start: int, end: int) -> tuple[int, int] | None:
    """``unit.text[start:end]`` without its edges' markup, if it is a short phrase holding no
    highlight that the card's context does not already show."""
    text = unit.text
    start += len(_HEADS.match(text, start, end).group())  # type: ignore[union-attr]
    while end > start and text[end - 1] in " \t*_`":
        end -= 1
    phrase = text[start:end]
    if not 0 < len(words(phrase)) <= DESCRIPTION_WORDS or _STOPS.search(phrase):
        return None
    return _askable(unit, start, end)


def _askable(unit: Unit, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` if the phrase there can be a card's answer: its words are not all shown
    by the card's context, and it holds no highlight (which has a card of its own)."""
    if given_away(unit, start, end):
        return None
    if holds_mark(unit, start, end):
        return None
    return start, end


def given_away(unit: Unit, start: int, end: int) -> bool:
    """Whether every word of ``unit.text[start:end]`` stands in the headings and parent lines
    the card shows as its context: the card would ask what it shows."""
    shown = {fold(word) for crumb in unit.crumbs for word in words(crumb)}
    return all(fold(word) in shown for word in words(unit.text[start:end]))


def _set_off(text: str, run: tuple[Mark, ...]) -> bool:
    """Whether a colon or an opening bracket right before the series sets it off from the
    clause before it: the items are offered as members of what that clause names."""
    found = SET_OFF.search(text, 0, run[0].start)
    return found is not None and found.end() == run[0].start and bool(text[: found.start()].strip())


def series_fact(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    """An item of a series whose fact the line highlights after it, or that fact's highlight:
    the one card asks the fact, every item shown."""
    return _asked(unit, mark, env, "series-fact")


def series_described(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    """An item of a series heading its line, described right after it: the card asks that
    description, every item shown."""
    return _asked(unit, mark, env, "series-described")


def listed_under(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    """An item of a series heading an item of its list: the card asks the parent line, the
    class the members are listed under, every member shown."""
    return _asked(unit, mark, env, "listed-under")


def open_class(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    """An item of an open list set off from a long clause: the card asks the phrase of that
    clause naming what the members are offered as, every member shown."""
    return _asked(unit, mark, env, "open-class")


def _asked(unit: Unit, mark: Mark, env: Env, rule: str) -> Blank | None:
    """The blank the reading of ``mark``'s series asks, if ``rule`` is what read it: each blank
    rule here only looks up its own reading (``readings`` decides once per unit)."""
    reading = readings(unit, env).get(mark.start)
    return reading[1] if reading is not None and reading[0] == rule else None


def open_series(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    reading = readings(unit, env).get(mark.start)
    return "skip" if reading is not None and reading[0] == "open-series" else None


def left_to_items(unit: Unit, run: tuple[Mark, ...], env: Env) -> bool:
    """Whether a reading here decides ``run``, so that ``overlap`` leaves it alone."""
    return all(m.start in readings(unit, env) for m in run)


def closed_series(found: list[Unit], env: Env) -> tuple[list[Unit], int]:
    """Counts the closed series; ``overlap`` leaves them whole, to ``item-cards`` (shape rules
    before it change nothing of a unit's series)."""
    hits = 0
    for unit in found:
        seen = {r for r in readings(unit, env).values() if r[0] == "closed-series"}
        hits += bool(seen)
    return found, hits


SHAPE = (
    Rule(
        "closed-series",
        "a series closed by 'and'/'or' names every member: each card shows all the others",
        closed_series,
    ),
)
SKIP: tuple[Rule[SkipRule], ...] = (
    Rule(
        "open-series",
        "members of an open list with nothing short to ask of them: any member fits one card",
        open_series,
    ),
)
BLANK = (
    Rule(
        "series-fact",
        "a series whose shared fact the line highlights: that card, every item shown, tests all",
        series_fact,
    ),
    Rule(
        "listed-under",
        "a series that is an item of a list under a short parent: the card asks that parent",
        listed_under,
    ),
    Rule(
        "series-described",
        "a series heading its line, a short description after it: the card asks the description",
        series_described,
    ),
    Rule(
        "open-class",
        "an open list set off from a long clause: the card asks the phrase naming the members",
        open_class,
    ),
)
