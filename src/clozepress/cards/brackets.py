"""Brackets: a blank is balanced. A highlight that opens a bracket its line closes later (or
closes one the line opened before it) cuts the bracket in two: the card shows a stray ``)`` after
its blank, and the answer is a fragment. The blank keeps what the highlight is about: the words
before the unmatched opener (after the unmatched closer); a highlight that is nothing but the
bracket's inside takes in the whole bracket, when its other half is near."""

from __future__ import annotations

from .env import Env
from .fact import KIND_OF_UNIT
from .model import Blank, Mark, Unit
from .rules import Rule
from .text import words

OPENERS = {"(": ")", "[": "]", "{": "}", "（": "）"}
CLOSERS = {closer: opener for opener, closer in OPENERS.items()}
#: How far along its line a blank is widened to take in the other half of a bracket.
NEAR = 80


def _unmatched(text: str) -> tuple[int | None, int | None]:
    """The first unmatched opener's and the last unmatched closer's index in ``text``."""
    stack: list[int] = []
    closer: int | None = None
    for index, char in enumerate(text):
        if char in OPENERS:
            stack.append(index)
        elif char in CLOSERS:
            if stack and text[stack[-1]] == CLOSERS[char]:
                stack.pop()
            else:
                closer = index
                stack.clear()  # what came before the closer is outside the bracket
    return (stack[0] if stack else None), closer


def balanced(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    """A highlight with an unmatched bracket is blanked without it: cut at the unmatched opener
    (after the unmatched closer) when words stand on the other side, else widened to the
    bracket's other half on its line."""
    text = unit.text
    start, end = mark.start, mark.end
    opener, closer = _unmatched(text[start:end])
    if opener is None and closer is None:
        return None
    if closer is not None:
        after = start + closer + 1
        if words(text[after:end]):
            start = after
        else:
            found = _opening(text, start, CLOSERS[text[start + closer]])
            if found is None:
                return None
            start = found
        opener, _ = _unmatched(text[start:end])
    if opener is not None:
        at = start + opener
        if words(text[start:at]):
            end = at
        else:
            found = _closing(text, end, OPENERS[text[at]])
            if found is None:
                return None
            end = found + 1
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    while start < end and text[start] == " ":
        start += 1
    if end <= start or (start, end) == (mark.start, mark.end):
        return None
    return Blank(start, end, "balanced", KIND_OF_UNIT.get(unit.kind, "fact"))


def _closing(text: str, at: int, closer: str) -> int | None:
    """The index of ``closer`` after ``at`` on the same line, within ``NEAR`` characters."""
    stop = text.find("\n", at)
    stop = min(len(text) if stop < 0 else stop, at + NEAR)
    found = text.find(closer, at, stop)
    return found if found >= 0 else None


def _opening(text: str, at: int, opener: str) -> int | None:
    """The index of ``opener`` before ``at`` on the same line, within ``NEAR`` characters."""
    line = text.rfind("\n", 0, at) + 1
    found = text.rfind(opener, max(line, at - NEAR), at)
    return found if found >= 0 else None


RULES = (
    Rule(
        "balanced",
        "a blank holds no half of a bracket: cut at an unmatched one, or take in its other half",
        balanced,
    ),
)
