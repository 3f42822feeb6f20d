"""Name from description: where a line names a thing and then describes it ("`X`: what it
does"), the card shows the description and asks for the name, which is how exams ask; the name is
hidden everywhere on that card (see ``repairs.hide_elsewhere``)."""

from __future__ import annotations

import re

from .env import Env
from .model import Blank, Mark, Unit
from .rules import Rule
from .text import words

#: What joins a name to its description: punctuation, an arrow, or a copula.
_JOINT = re.compile(
    r"^\s*(?:[:：=]|[-–—]+>?|→|⇒|=>|\(|,|\s(?:is|are|was|means|refers to|stands for|è|sono)\s)",
    re.IGNORECASE,
)
_DEFINITION = re.compile(r"^(.{1,60}?)\s*(?:[:：]\s|\s[-–—]\s)\s*(\S.*)$")


def opens_line(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    """The highlight opens its line and a description of three words or more follows."""
    if unit.kind not in ("line",) or unit.text[: mark.start].strip(" *_•-–—>\t"):
        return None
    rest = unit.text[mark.end :]
    joint = _JOINT.match(rest)
    if joint is None or len(words(rest[joint.end() :])) < 3:
        return None
    return Blank(mark.start, mark.end, "name", "name")


def definition_inside(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    """A highlight that is itself "term: description": the term is the blank, the rest its cue."""
    text = mark.highlight.text
    found = _DEFINITION.match(text)
    if found is None or len(words(found.group(1))) > 5 or len(words(found.group(2))) < 3:
        return None
    return Blank(mark.start, mark.start + len(found.group(1)), "split-definition", "name")


def row_head(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    """The first cell of a table row names what the other cells describe."""
    if unit.kind != "row" or not unit.cells or not unit.header:
        return None
    _, first_marks = unit.cells[0]
    if mark.highlight not in [m.highlight for m in first_marks]:
        return None
    if sum(len(words(text)) for text, _ in unit.cells[1:]) < 2:
        return None
    return Blank(mark.start, mark.end, "row-head", "name")


RULES = (
    Rule(
        "split-definition",
        "a highlight that is 'term: description' blanks the term",
        definition_inside,
    ),
    Rule(
        "name", "a name that opens a line describing it is asked from the description", opens_line
    ),
    Rule("row-head", "a table row's head is asked from the cells that describe it", row_head),
)
