"""Fact: the default card. A line with its highlights makes one note; each highlight is one card
hiding it, while the line's other highlights show and cue it."""

from __future__ import annotations

from .env import Env
from .model import Blank, Mark, Unit
from .rules import Rule

KIND_OF_UNIT = {"row": "table", "list": "list"}


def highlight_is_blank(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    return Blank(mark.start, mark.end, "fact", KIND_OF_UNIT.get(unit.kind, "fact"))


RULES = (
    Rule("fact", "a highlight is hidden as the notes mark it", highlight_is_blank, essential=True),
)
