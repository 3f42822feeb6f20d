"""Example lists: a highlight standing after the first item of a list the line offers as
examples ("es: `adenosina`, ATP, ADP, `xantina`"), read from the line's words, highlighted or not.

A list an example marker opens ("e.g.", "es:", "such as", the learner's own in ``cues.toml``)
names some members of a class and leaves the rest out: a card hiding one of them is answered by
any member the list left out. The first example an author names is the one the class calls to
mind (the purine receptors' adenosine, a container's ``tuple``), and a card asking it is
answerable; a later one is reached only by reciting the author's order, so its card asks for
"one more member" and any other fits. Such a highlight makes no card; the fact it illustrates
is the class, said around it, and the first item's card (or the class card of ``member-class``)
tests the line.

The highlights of a list written as one series are read by ``offered-items`` (``series``);
this rule reads the lists whose items are not all highlighted, which a series of highlights
does not see. A list written out to its last item with "and"/"or", longer than one card may
hide, names every member (``closed-series``): its items stay asked, each with the others
shown. An item of a list whose items carry their own descriptions ("Es: `A` (an ACE
inhibitor); `B` (an anticoagulant)") is named by its description, not its place: no plain
list of names, no skip.
"""

from __future__ import annotations

import re

from .env import Env
from .model import Mark, Unit
from .rules import Rule
from .series import LEAD_WORDS, REACH, closes_set
from .skips import SkipRule, Verdict
from .text import example_markers, words

_CONJUNCTIONS = r"(?:and|or|e|o|y|및|와|과|或|和)"
#: What separates two items of a list: a comma or slash (maybe with a conjunction after it),
#: or a conjunction alone.
_SEPARATOR = re.compile(rf"\s*[,/]\s*(?:{_CONJUNCTIONS}\s+)?|\s+{_CONJUNCTIONS}\s+", re.IGNORECASE)
#: An item after the highlight: up to the next separator, or the list's end (a bracket
#: closing, a clause ending, an ellipsis, the end of its line, whether or not more lines follow).
_NEXT_ITEM = re.compile(
    rf"[^\n]*?(?=\s*[,/]|\s+{_CONJUNCTIONS}\s|\s*[)\]）.;:!?。…]|[^\S\n]*$)",
    re.IGNORECASE | re.MULTILINE,
)
#: Per position of a line's text where an item ends: how many items of its list follow, the
#: separator before the last of them ("" if none) and where the list ends.
Tails = dict[int, tuple[int, str, int]]

#: What an item of a plain list of names may not hold: a clause's end, a bracket, a colon, a
#: line break (the item then says more than a name).
_NOT_A_NAME = re.compile(r"[.;:!?。()\[\]（）{}\n]")
#: A description of the item's own right after it: a bracket opening on a word.
_DESCRIBED = re.compile(r"\s*[(\[（]\s*\w")


def later_example(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A later item of a list the line offers as examples stands for any member of the class."""
    before = _separators_before(unit.text, mark.start, env.cues.examples)
    if not before or _DESCRIBED.match(unit.text, mark.end):
        return None
    tails: Tails = env.per_unit("example-list-tails", unit.text, dict)
    after, last, end = _tail(unit.text, mark.end, tails)
    if closes_set(unit.text, len(before) + after + 1, last or before[-1], end, env):
        return None
    return "skip"


def _separators_before(text: str, start: int, own: tuple[str, ...]) -> list[str]:
    """The separators of a plain list of names running from an example marker up to ``start``,
    one after each item before it (none: no marker opens such a list, or ``start`` is its
    first item)."""
    low = max(0, start - REACH)
    lowered = text[low:start].casefold()
    for at, marker in example_markers(lowered, own):
        # ``at`` counts in the folded text, which may be longer ("ß" folds to "ss").
        lead = lowered[at + len(marker) :].lstrip(" :")
        found = list(_SEPARATOR.finditer(lead))
        if not found or found[-1].end() != len(lead):
            continue
        names = _SEPARATOR.split(lead)[:-1]
        if all(_is_name(name) for name in names):
            return [separator.group() for separator in found]
    return []


def _tail(text: str, end: int, tails: Tails) -> tuple[int, str, int]:
    """How many items of the list follow the one ending at ``end``, the separator before the
    last of them and where the list ends. Each position is read once per text (``tails``), so
    the later items of a long list do not each read the rest of it again."""
    path: list[tuple[int, str]] = []
    at = end
    while at not in tails:
        separator = _SEPARATOR.match(text, at)
        name = None if separator is None else _NEXT_ITEM.match(text, separator.end())
        if separator is None or name is None or not _is_name(name.group()):
            tails[at] = (0, "", at)
            break
        path.append((at, separator.group()))
        at = name.end()
    count, last, until = tails[at]
    for place, written in reversed(path):
        count += 1
        last = last or written
        tails[place] = (count, last, until)
    return tails[end]


def _is_name(item: str) -> bool:
    found = words(item)
    return 0 < len(found) <= LEAD_WORDS and not _NOT_A_NAME.search(item)


RULES: tuple[Rule[SkipRule], ...] = (
    Rule(
        "later-example",
        "a later item of a list offered as examples ('es: A, B, C') is answered by any member",
        later_example,
    ),
)
