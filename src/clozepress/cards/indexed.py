"""Indexed lists: one highlight writing out one symbol with several indexes ("(X1, X2, X3)",
"(BP7, BP6)") lists numbered instances of that symbol, and makes no card.

Which indexes stand there is the choice of the example the line describes (a figure's three
inputs) or the numbering of a source the notes cite (best practices 7 and 6), not a fact of the
subject: a card hiding them asks the learner to recall the example's size or a reference
number. The fact is what the line says of the symbol, which its other words and highlights
carry. A symbol is a short name (one to three letters of one case) and an index; items of
different names ("S3, EC2") are a series of things, read by the series rules.
"""

from __future__ import annotations

import re

from .env import Env
from .model import Mark, Unit
from .rules import Rule
from .skips import SkipRule, Verdict

#: One indexed symbol: a short name of one case, maybe ``_``, then a number; or a letter index,
#: told from the name by ``_`` or a brace (``x_n``) or by its case (``Xi``). Without either,
#: "on, or" and "kg, km" would read as ``o`` and ``k`` indexed by letters; a name of mixed case
#: (``IPv4``) is a word with a version, not a symbol.
_ITEM = re.compile(
    r"([A-Z]{1,3}|[a-z]{1,3})_?\{?([0-9]+)\}?"
    r"|([A-Za-z]{1,3})(?:_\{?|\{)([a-z])\}?"
    r"|([A-Z]{1,3})([a-z])"
)
#: An ellipsis standing for the items between ("x1, ..., xn").
_ELLIPSIS = re.compile(r"\.{3}|…|⋯")
_BRACKETS = "()[]{}"


def indexed_list(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """One symbol with several indexes, written out in one highlight, is numbered instances."""
    return "skip" if is_indexed_list(mark.highlight.text) else None


def is_indexed_list(text: str) -> bool:
    """Whether ``text`` is only one symbol with two or more different indexes, maybe bracketed
    and with an ellipsis among them: "(X1, X2, X3)", "x_1, ..., x_n", "[BP7, BP6]"."""
    inner = text.strip()
    if inner[:1] and inner[:1] in _BRACKETS[::2]:
        if inner[-1:] != _BRACKETS[_BRACKETS.index(inner[0]) + 1]:
            return False
        inner = inner[1:-1]
    names: set[str] = set()
    indexes: list[str] = []
    for item in (part.strip() for part in inner.split(",")):
        if _ELLIPSIS.fullmatch(item):
            continue
        found = _ITEM.fullmatch(item)
        if found is None:
            return False
        name, index = (group for group in found.groups() if group is not None)
        names.add(name)
        indexes.append(index)
    return len(names) == 1 and len(indexes) >= 2 and len(set(indexes)) == len(indexes)


RULES: tuple[Rule[SkipRule], ...] = (
    Rule(
        "indexed-list",
        "one symbol with several indexes ('(X1, X2, X3)') lists an example's instances: no fact",
        indexed_list,
    ),
)
