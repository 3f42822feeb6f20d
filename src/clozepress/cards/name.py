"""Name from description: where a line names a thing and then describes it ("`X`: what it
does"), the card shows the description and asks for the name, which is how exams ask; the name is
hidden everywhere on that card (see ``repairs.hide_elsewhere``)."""

from __future__ import annotations

import re

from .env import Env
from .model import Blank, Mark, Unit
from .rules import Rule
from .text import FUNCTION_WORDS, words

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


_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9]{1,7}")
_SPELLING = re.compile(
    r"\s*(?:[:：–—-]+>?|\()\s*|\s+(?:is|are|means|stands for)(?:\s+(?:the|an?))?\s+"
)
_SPELLED_WORD = re.compile(r"[^\s()\[\]{},;:/|]+")


def spelled_out(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    """An acronym highlighted before its spelled-out form ("`RPO`: Recovery Point Objective",
    "`FTP` (File Transfer Protocol)", "`FTPS` (File Transfer Protocol over SSL)", words of
    grammar standing between its words): the spelled-out form is the fact, the acronym its cue.
    Hiding the acronym would ask for initials the next words spell."""
    body = mark.highlight.text.strip()
    found = _ACRONYM.match(body)
    if found is None or sum(c.isupper() for c in found.group()) < 2:
        return None
    lead = len(mark.highlight.text) - len(mark.highlight.text.lstrip())
    at = mark.start + lead + found.end()
    joint = _SPELLING.match(unit.text, at)
    if joint is None or joint.end() == at:
        return None
    target = "".join(c for c in found.group().upper() if c.isalpha())
    spelled: list[re.Match[str]] = []
    for word in _SPELLED_WORD.finditer(unit.text, joint.end(), joint.end() + 120):
        text = word.group()
        if spelled and text[0].upper() != target[len(spelled)] and text in FUNCTION_WORDS:
            continue  # a word of grammar inside the spelled form ("Protocol over SSL")
        spelled.append(word)
        if len(spelled) == len(target):
            break
    if len(spelled) != len(target):
        return None
    if "".join(w.group()[0] for w in spelled).upper() != target:
        return None
    return Blank(spelled[0].start(), spelled[-1].end(), "spelled-out", "fact")


RULES = (
    Rule(
        "spelled-out",
        "an acronym before its spelled-out form asks for the spelled-out form, the acronym shown",
        spelled_out,
    ),
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
