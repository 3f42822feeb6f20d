"""One letter: a highlight of a single letter (``w``, ``b``, ``n``, ``Y``) is a symbol's bare
name. Hidden, it asks which letter the notes chose, and any letter fits the blank ("we want to
predict [...] and [...] that minimize the cost"); only a line that says what the symbol is
("`b` is the bias, a real number") makes the definition a fact to recall."""

from __future__ import annotations

import unicodedata

from .env import Env
from .model import Mark, Unit
from .rules import Rule
from .skips import SkipRule, Verdict, defined_where_it_stands

#: Scripts whose single letters are symbols in formulas (not a syllable that is a word).
SYMBOL_SCRIPTS = ("LATIN", "GREEK")


def one_letter(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A single letter of the Latin or Greek script is no card unless its line defines it."""
    text = mark.highlight.text.strip()
    if len(text) != 1 or not text.isalpha():
        return None
    if not unicodedata.name(text, "").startswith(SYMBOL_SCRIPTS):
        return None
    return None if defined_where_it_stands(unit, mark) else "skip"


RULES: tuple[Rule[SkipRule], ...] = (
    Rule(
        "one-letter",
        "a one-letter answer is a symbol's bare name: a fact only where its line defines it",
        one_letter,
    ),
)
