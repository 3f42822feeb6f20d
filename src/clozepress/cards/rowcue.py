"""Row members: a table cell that lists several marked items and nothing else ("Ppaa:
`salbutamolo`, `formoterolo`") beside a cell that names what they are ("Azione: β2 stimolanti")
is asked the other way round: the card shows the items and hides the cell that names them.

A card hiding the items at once asks for several answers in one blank, and a card per item is
answered by any other member of the class the row names; which class the row's items belong to
is the fact the row states, one cue (every item) and one answer. The card tests every item:
each records it (as a ``member-class`` card does). A cell of one item keeps its own card, the
naming cell its cue."""

from __future__ import annotations

import bisect

from .env import Env
from .model import Blank, Mark, Unit
from .rules import Rule
from .table import head_length
from .text import words

#: A cell naming a class has at most this many words; a longer one says more than a name.
NAME_WORDS = 6
#: What a cell of items holds besides them: separators.
_SEPARATORS = " \t,;/&+·•-–"


def row_class(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    """A highlight among several that make up their cell: the card hides the cell before it."""
    if unit.kind != "row":
        return None
    text = unit.text
    start = text.rfind("\n", 0, mark.start) + 1
    # A cell is read once for all its marks: a row may hold many.
    cells: dict[int, Blank | None] = env.per_unit("row-class", unit, dict)
    if start not in cells:
        cells[start] = _asked(unit, start)
    return cells[start]


def _asked(unit: Unit, start: int) -> Blank | None:
    """The blank of the cell starting at ``start`` when it lists marked items only."""
    text = unit.text
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    body = start + head_length(unit, text[start:end])
    starts = [m.start for m in unit.marks]
    own = unit.marks[bisect.bisect_left(starts, body) : bisect.bisect_left(starts, end)]
    if len(own) < 2:
        return None
    at = body
    for other in own:
        if text[at : other.start].strip(_SEPARATORS):
            return None  # the cell says something besides its items
        at = other.end
    if text[at:end].strip(_SEPARATORS + "."):
        return None
    if start == 0:
        return None  # no cell before it names them
    before = text.rfind("\n", 0, start - 1) + 1
    name = before + head_length(unit, text[before : start - 1])
    cell = text[name : start - 1]
    if bisect.bisect_left(starts, start - 1) != bisect.bisect_left(starts, before):
        return None  # the naming cell holds a highlight: a fact of its own
    if not 0 < len(words(cell)) <= NAME_WORDS or any(c in cell for c in ",;"):
        return None  # a long cell, or a list of its own (a comparison's other side): no name
    end = start - 2 if text[start - 2] in ":：" else start - 1  # a row head's colon is no name
    return Blank(name, end, "row-class", "name")


RULES = (
    Rule(
        "row-class",
        "a cell of several marked items beside a cell naming them asks for the name, items shown",
        row_class,
    ),
)
