"""One letter: a highlight of a single letter (``w``, ``b``, ``n``, ``Y``) is a symbol's bare
name. Hidden, it asks which letter the notes chose, and any letter fits the blank ("we want to
predict [...] and [...] that minimize the cost", "Number of hidden units [...]"); only a line
that says something about the symbol makes a fact to recall: one that defines it ("`b` is the
bias, a real number"), one where the symbol is the subject of a statement ("`Y` has to be
between 0 and 1"), or one that names it as what a description is ("the main parameters are
`W` and `b`")."""

from __future__ import annotations

import unicodedata

from .env import Env
from .model import Mark, Unit
from .rules import Rule
from .skips import SkipRule, Verdict, defined_where_it_stands, stated_about

#: Scripts whose single letters are symbols in formulas (not a syllable that is a word).
SYMBOL_SCRIPTS = ("LATIN", "GREEK")


def one_letter(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A single letter of the Latin or Greek script is no card unless its line says something
    about it: defines it, makes it a statement's subject, or names it as a description."""
    text = mark.highlight.text.strip()
    if len(text) != 1 or not text.isalpha():
        return None
    if not unicodedata.name(text, "").startswith(SYMBOL_SCRIPTS):
        return None
    if defined_where_it_stands(unit, mark) or stated_about(unit, mark):
        return None
    return "skip"


RULES: tuple[Rule[SkipRule], ...] = (
    Rule(
        "one-letter",
        "a one-letter answer is a symbol's bare name: a fact only where its line says "
        "something about it (defines it, states of it, names it)",
        one_letter,
    ),
)
