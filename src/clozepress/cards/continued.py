"""Continued lines: a line that ends open, on a colon ("connections:") or mid-clause ("for
`both`. User can"), or whose first nested line goes on with its sentence ("While `b` is ..."),
says its fact together with the lines nested under it, which complete it; they belong on its
front, not only on the back, or the front stops in the middle of a sentence.

A line ends mid-clause when its last word is one after which no clause ends: an article, a
preposition, a conjunction, a modal or auxiliary verb (closed classes of grammar, not words of
a subject). A line whose last words are its highlight ends on the fact, not open."""

from __future__ import annotations

from .children import nested_lines, with_nested
from .env import Env
from .model import Unit
from .rules import Rule
from .text import PREPOSITIONS, word_set, words

#: Words after which no clause ends (closed classes; a one-letter word may be a variable's name).
OPEN_ENDS = PREPOSITIONS | word_set(
    """
    an the and or but nor to of into onto as than that which who whose whom if because whether
    can could may might must shall should will would is are was were be been has have had
    il lo la gli le una uno che per ma con
    """
)


#: Words that open a clause depending on another (closed classes): the first nested line opening
#: on one ("While `b` is `w0` of `w` ...") states the condition under which the line above holds,
#: its sentence going on; later nested lines are points of their own.
SUBORDINATORS = word_set(
    """
    while whereas where when whenever if unless provided because since although though given
    assuming mentre dove quando se purché perché poiché sebbene
    """
)


def ends_open(unit: Unit) -> bool:
    """Whether the unit's text, after its last highlight, stops before its sentence does."""
    tail = unit.text[unit.marks[-1].end :] if unit.marks else unit.text
    tail = tail.rstrip()
    if tail.endswith(":"):
        return True
    last = words(tail)
    return bool(last) and tail[-1:].isalpha() and last[-1].casefold() in OPEN_ENDS


def continue_line(found: list[Unit], env: Env) -> tuple[list[Unit], int]:
    """A line ending open, or whose first nested line opens on a subordinator, shows the lines
    nested under it on its front: without them the front stops mid-sentence."""
    out: list[Unit] = []
    hits = 0
    for unit in found:
        lines = nested_lines(unit)
        opening = words(lines[0])[:1] if lines else []
        qualified = bool(opening) and opening[0].casefold() in SUBORDINATORS
        if unit.kind != "line" or not lines or not (ends_open(unit) or qualified):
            out.append(unit)
            continue
        out.append(with_nested(unit, lines))
        hits += 1
    return out, hits


RULES = (
    Rule(
        "continued-line",
        "a line ending open (a colon, or mid-clause), or whose first nested line goes on with its "
        "sentence, shows the lines nested under it, which complete it",
        continue_line,
    ),
)
