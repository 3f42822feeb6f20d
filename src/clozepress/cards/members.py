"""Members of a class: items a line offers as examples of a class it names ("Anestetici (es:
`lidocaina`, `mepivacaina`, `bupivacaina`)", "container objects (e.g. `tuple`, `list`)") are
asked the other way round: the card shows the members and hides the class they are offered for.

A card asking one member is answered by any other member (``offered-items``), but which class a
named member belongs to is a fact, and the one exams ask ("which class is X?"): one card, one
clear cue (every member), one answer. It tests every member highlight: each records this card.

The class is the short phrase the example marker hangs on: the words from the start of their
clause (the line's, a bullet's, or after a colon, comma or bracket) to the marker or the bracket
holding it. A longer lead is a clause, not a name (and no rule without knowing the language can
cut the class out of it: "먼저 순환 참조는 컨테이너 객체(e.g. ...)"). Where no such phrase stands
before the marker, the items stay no card (``offered-items``).

A long series (more than ``MAX_BLANKS`` items) needs no marker: set off by a bracket or a colon
right after a short phrase ("Farmaci antipsicotici (`X`, `Y`, `Z`, `W`)", "Anticonvulsanti (e:
`X`, ...)", "Block types: `X`, `Y`, `Z`, `W`"), its items are offered as what that phrase names,
and a card per item (``overlap``) is answered by any member. Such a series makes this card
instead. A series flowing in a sentence ("one of the log levels `TRACE`, `DEBUG`, ...",
"Dimension of `Z`, `A`, ...") names no class this way: ``enumeration`` reads it.
"""

from __future__ import annotations

import re

from .env import Env
from .model import Blank, Mark, Unit
from .repairs import MAX_BLANKS
from .rules import Rule
from .series import class_asked, marker_before, runs_of
from .text import words

#: A class named before its examples has at most this many words; a longer lead is a clause.
CLASS_WORDS = 3
#: What starts the clause a class phrase opens: a line, a colon, a comma, a bracket, a dash.
_CLAUSE_START = re.compile(r"(?:^|\n|[:;,.!?。(\[（]\s|[:;,(\[（]|\s[-–—]+\s)[\s•*_#>-]*")
#: Markup and numbering that may open a clause: no word of the class.
_OPENING = re.compile(r"^(?:\d+[.)]\s+)?[\s*_`•#>-]*")
#: A class named between the marker and its items: "Es: chelanti del Fe: X, Y".
_NAMED_AFTER = re.compile(r"[^\s:]*:?\s+([^:;,.()\n]+?)\s*:\s*")
#: A sentence ended right before the marker.
_SENTENCE_END = re.compile(r"[.!?。]\s*$")
#: The term a line defines: its opening words before a colon or a dash.
_HEAD = re.compile(r"[\s*_`•#>-]*(?:\d+[.)]\s+)?[*_`]*([^:.;!?\n*_`]+?)[*_`]*\s*(?::\s|\s[-–—]+\s)")
#: What stands between the class and its marker: spaces and an opening bracket.
_BEFORE_MARKER = re.compile(r"[\s(\[（]*$")
#: What sets a long series off from the phrase naming it: a colon, or a bracket that may open
#: with a short label of its own ("(e: X, ...").
SET_OFF = re.compile(r"(?:\s*:|\s*[(\[（]\s*(?:[^\s:()]{1,4}:)?)\s*$")


def series_named(unit: Unit, run: tuple[Mark, ...]) -> tuple[int, int] | None:
    """The range of the short phrase a long series is set off from by a bracket or a colon,
    or None: the series then has no name on its line."""
    text = unit.text
    if len(run) <= MAX_BLANKS:
        return None
    set_off = SET_OFF.search(text, 0, run[0].start)
    if set_off is None or set_off.end() != run[0].start:
        return None
    end = set_off.start()
    start = _clause_start(text, end)
    if text[:start].rstrip().endswith("."):
        return None  # after a full stop or an abbreviation ("tp. piccola"): no clause's start
    start, end = _trimmed(text, start, end)
    if end > start and text[end - 1] in ")]）" and start > 0 and text[start - 1] in "([（":
        end -= 1  # a bracket right before the colon: "used (against X): ..." names X
    if not _free(unit, start, end):
        return None
    return (start, end) if len(words(text[start:end])) <= CLASS_WORDS else None


def class_phrase(unit: Unit, run: tuple[Mark, ...], env: Env) -> tuple[int, int] | None:
    """The range of ``unit.text`` naming the class ``run`` is offered for, or None."""
    text = unit.text
    marker = marker_before(text, run[0].start, env.cues.examples)
    if marker is None:
        return series_named(unit, run)
    named = _NAMED_AFTER.search(text, marker, run[0].start)
    if named and len(words(named.group(1))) <= CLASS_WORDS and named.end() == run[0].start:
        return named.start(1), named.end(1)  # "Es: chelanti del Fe: X, Y"
    end = marker - len(_BEFORE_MARKER.search(text[:marker]).group())  # type: ignore[union-attr]
    start, end = _trimmed(text, _clause_start(text, end), end)
    if _SENTENCE_END.search(text, 0, marker):
        # Examples in a sentence of their own offer what the line defines: "X --- ... . Es: Y".
        head = _HEAD.match(text)
        start, end = (head.start(1), head.end(1)) if head else (end, end)
    if not _free(unit, start, end):
        return None
    return (start, end) if 0 < len(words(text[start:end])) <= CLASS_WORDS else None


def _clause_start(text: str, end: int) -> int:
    """Where the clause running up to ``end`` starts: after the last line start, colon, comma,
    bracket or dash before it (``_CLAUSE_START``). A class phrase, after a marker or before a
    set-off series, is read from there."""
    start = 0
    for found in _CLAUSE_START.finditer(text, 0, end):
        start = found.end()
    return start


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` without the numbering and markup opening its clause or the markup
    closing it: no word of the class."""
    start += len(_OPENING.match(text[start:end]).group())  # type: ignore[union-attr]
    while end > start and text[end - 1] in "*_`":
        end -= 1
    return start, end


def _free(unit: Unit, start: int, end: int) -> bool:
    """Whether ``unit.text[start:end]`` is more than blanks and holds no highlight: a highlight
    has a card of its own, so a phrase holding one is no class to ask."""
    return bool(unit.text[start:end].strip()) and not holds_mark(unit, start, end)


def holds_mark(unit: Unit, start: int, end: int) -> bool:
    """Whether a highlight of ``unit`` overlaps ``unit.text[start:end]``."""
    return any(start < m.end and m.start < end for m in unit.marks)


def member_class(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    """A highlight offered as a member of a class the line names: its card hides the class."""
    found = runs_of(unit, env).get(mark.start)
    if found is None or len(found[0]) < 2:
        return None
    phrase = class_asked(unit, found[0], env)
    if phrase is None:
        return None
    return Blank(*phrase, "member-class", "name")


RULES = (
    Rule(
        "member-class",
        "items offered as examples of a class the line names ask for the class, the items shown",
        member_class,
    ),
)
