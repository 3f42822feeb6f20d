"""The card policy: which parts of the notes become Anki notes, and what each card shows.

Pure functions over the intermediate form, no genanki. ``plan`` is the entry point the deck
emitter and ``clozepress sample`` call. One module per decision: ``units`` (the notes into units
with their context), the card kinds (``fact``, ``name``, ``listing``, ``table``, ``code``,
``numbers``, ``sentences``), ``skips`` and ``repairs``, ``rules`` (the ordered registries),
``render`` (notes as HTML, escaped in ``html``, math as MathJax in ``mathjax``), ``sample``
(cards and highlights for review).
"""

from __future__ import annotations

from .html import SAFE_LINK_SCHEMES, emphasise, escape, escape_cloze, render, safe_link
from .model import Fate, Note, Plan, Unit
from .policy import RULERS, plan
from .skips import MAX_CLOZES
from .units import units

__all__ = [
    "MAX_CLOZES",
    "RULERS",
    "SAFE_LINK_SCHEMES",
    "Fate",
    "Note",
    "Plan",
    "Unit",
    "emphasise",
    "escape",
    "escape_cloze",
    "plan",
    "render",
    "safe_link",
    "units",
]
