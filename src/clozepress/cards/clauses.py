"""Clauses: a highlight that is a whole sentence ("`EC2 instance is a Virtual Machine`", or a
relation: "`replication lag < 1s`", "`n[0] = Nx`") is asked by its predicate, its subject left as
the cue; and an aside in parentheses closing a highlight
is the notes' comment on the fact, shown rather than hidden."""

from __future__ import annotations

import re

from .env import Env
from .model import Blank, Mark, Unit
from .rules import Rule
from .text import words

_VERB = re.compile(
    r"^(?P<subject>\S.{0,58}?)\s+(?:is|are|was|were|means|has|have|can|cannot|must|will|"
    r"does|do|uses|provides|allows|supports|needs|requires|[<>≤≥=≈])\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"^(?P<head>[^=]*?\w[^=]*?)\s+\((?P<aside>[^()]*)\)\s*$")


def _whole_line(unit: Unit, mark: Mark) -> bool:
    """Whether the highlight is all its line says (a list's item counts as a line)."""
    if unit.kind not in ("line", "list"):
        return False
    start = unit.text.rfind("\n", 0, mark.start) + 1
    end = unit.text.find("\n", mark.end)
    end = len(unit.text) if end < 0 else end
    outside = unit.text[start : mark.start] + " " + unit.text[mark.end : end]
    return len(words(outside)) <= 1


def predicate(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    text = mark.highlight.text
    found = _VERB.match(text)
    if found is None or not _whole_line(unit, mark):
        return None
    if len(words(found.group("subject"))) > 6 or not words(found.group("rest")):
        return None
    start = mark.start + found.start("rest")
    return Blank(start, mark.start + len(text.rstrip(" .,;")), "predicate", "fact")


def aside(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    text = mark.highlight.text
    found = _ASIDE.match(text)
    if found is None or len(words(found.group("head"))) < 1 or not words(found.group("aside")):
        return None
    head = found.group("head").rstrip()
    return Blank(mark.start, mark.start + len(head), "aside", "fact")


RULES = (
    Rule(
        "predicate",
        "a whole sentence highlighted is asked by its predicate, subject shown",
        predicate,
    ),
    Rule("aside", "an aside in parentheses closing a highlight is shown, not hidden", aside),
)
