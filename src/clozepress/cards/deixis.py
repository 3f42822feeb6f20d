"""Deixis: a line that points at a part of the notes by its place ("in the last equation", "the
image above", "in step 1", "위 이미지와 같은") speaks of a thing no card shows. Its highlights
name parts of that thing, and a card asking for them cannot be answered from what it shows.

The learner's own pointer phrases (``pointers`` in ``cues.toml``) are the ``pointer`` rule's;
this one knows how a few languages point at a figure, an equation, a step or a lecture by where
it stands: grammar, not the words of one subject or author. A line with an image of its own
shows that image on its card, and keeps its cards."""

from __future__ import annotations

import re

from .env import Env
from .model import Mark, Unit
from .rules import Rule
from .skips import SkipRule, Verdict

_THINGS_EN = (
    r"equation|formula|example|image|figure|picture|diagram|graph|chart|step|video|slide|"
    r"code|snippet|table|case|lecture"
)
_THINGS_KO = r"이미지|그림|코드|예제|표|수식|과정|단계|영상"
_THINGS_IT = r"figura|immagine|tabella|formula|esempio|grafico|codice"

#: A thing of the notes named by its place: before or after it, or by its number in a series.
POINTING = re.compile(
    rf"\b(?:the|this|that|these|those)\s+(?:last|previous|preceding|next|following|above|below)"
    rf"\s+(?:{_THINGS_EN})s?\b"
    rf"|\b(?:{_THINGS_EN})s?\s+(?:above|below)\b"
    r"|\b(?:in|from)\s+the\s+(?:video|lecture|slides?)\b"
    rf"|(?:^|\s)(?:위|아래|앞)의?\s*(?:{_THINGS_KO})"
    r"|\d+\s*번\s*(?:과정|단계)"
    rf"|\b(?:{_THINGS_IT})\s+(?:sopra|sotto|precedente|seguente)\b",
    re.IGNORECASE,
)


def deixis(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A line pointing at a figure, an equation or a step by its place makes no card, unless
    an image of its own stands on the card."""
    if unit.images:
        return None
    # Once per unit, not once per highlight: a line of many highlights stays linear.
    if env.deictic[0] != env.unit_key:
        env.deictic = (env.unit_key, POINTING.search(unit.text) is not None)
    return "skip" if env.deictic[1] else None


RULES: tuple[Rule[SkipRule], ...] = (
    Rule(
        "deixis",
        "a line pointing at a figure, equation or step by its place ('the last equation', "
        "'the image above') speaks of what no card shows",
        deixis,
    ),
)
