"""Whole words: a blank never splits a word. A highlight that stops short of its word's end
(`partially matche`s) would show the rest of the word glued to the blank ("[...]s"), a
fragment as the answer and a stray piece of it on the card; the blank takes in the whole word."""

from __future__ import annotations

from .env import Env
from .fact import KIND_OF_UNIT
from .model import Blank, Mark, Unit
from .rules import Rule


def _letter(char: str) -> bool:
    """A letter of a word written with spaces between words (``의`` after a Latin term is a
    particle of another script, a word of its own)."""
    return char.isascii() and char.isalpha()


def whole_word(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    """A highlight ending (or starting) inside a word is blanked to the word's end (start)."""
    text = unit.text
    start, end = mark.start, mark.end
    while end < len(text) and end > start and _letter(text[end - 1]) and _letter(text[end]):
        end += 1
    while start > 0 and start < end and _letter(text[start]) and _letter(text[start - 1]):
        start -= 1
    if (start, end) == (mark.start, mark.end):
        return None
    return Blank(start, end, "whole-word", KIND_OF_UNIT.get(unit.kind, "fact"))


RULES = (
    Rule("whole-word", "a blank never splits a word: it takes in the word it cuts", whole_word),
)
