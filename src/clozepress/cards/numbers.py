"""Numbers: a number is blanked whole (never a digit of it), and its unit stays on the front,
because the unit is the cue and the number the fact."""

from __future__ import annotations

from .env import Env
from .model import Blank, Mark, Unit
from .rules import Rule
from .text import NUMBER, number_then_unit


def number_unit(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    text = mark.highlight.text
    found = number_then_unit(text.strip())
    if found is not None:
        lead = len(text) - len(text.lstrip())
        return Blank(
            mark.start + lead + found[0], mark.start + lead + found[1], "number-unit", "fact"
        )
    # A highlight that is part of a number as written (`0`.5) takes the whole number. Only the
    # text around the highlight is read: a line may hold hundreds of highlights.
    if not any(c.isdigit() for c in text):
        return None
    window = max(0, mark.start - 24)
    for number in NUMBER.finditer(unit.text, window, min(len(unit.text), mark.end + 24)):
        if number.start() <= mark.start and mark.end <= number.end():
            if (number.start(), number.end()) != (mark.start, mark.end) and any(
                c.isdigit() for c in text
            ):
                return Blank(number.start(), number.end(), "number-unit", "fact")
            break
    return None


RULES = (Rule("number-unit", "a number is blanked whole, its unit shown as the cue", number_unit),)
