"""Members asked, their class the cue: where the learner highlighted every member of a long
series and the line (or the parent it is listed under) names what they are, the members are
the facts the learner marked. A card whose only blank is that name ("low index (risky drugs:
`X`, `Y`, `Z`, `W`)" asking "low index", a parent label over "* `X`, `Y`, `Z`, `W`") shows every
member and tests none of them: reviewers judged such cards FIX or DROP ("a whole clause is
blanked", "the answer is a cryptic label", "hides the use instead of the highlighted drugs") and
the members WEAK or MISSED in recall.

Two shapes of the phrase are no class's name. A parent line the members are listed under
(``listed-under``) is the section's label, written for the author ("Kinase blockers", often
in abbreviations), not a fact of the members. A phrase of an open list (``open-class``) that
holds a number states a value the members share ("index < 10 is low (risky drugs: `X`, ...)"):
a clause, not a name, and the whole of it is no answer one recalls word for word. A short
phrase glossing what the members are for ("(against allergies): `X`, ...") names them and
stays asked: reviewers kept those cards, and judged a card per member of that open list
ambiguous ("any member fits").

So such a series is read as a set the line spells out: one card per member, the other members
and the class phrase shown as its cue (``item-cards``), as a series a conjunction closes is
(``closed-series``). With this rule off, ``listed-under`` and ``open-class`` ask the phrase.
A short class named right before members offered as examples ("Anestetici (es: `X`, `Y`)") is
still asked by ``member-class``: "which class is X?" is a fact of its own, and those cards keep.
"""

from __future__ import annotations

import re

from .env import Env
from .model import Unit
from .rules import Rule

#: A digit: a phrase holding one states a value (a threshold, a count), not a class's name.
_DIGIT = re.compile(r"\d")

#: The rule's name, as ``enumeration`` consults it before asking a class phrase.
NAME = "members-asked"


def states_value(phrase: str) -> bool:
    """Whether a phrase naming an open list's members states a value they share (a number in
    it): a clause about the members, which a card asks them under rather than asks."""
    return _DIGIT.search(phrase) is not None


def members_asked(found: list[Unit], env: Env) -> tuple[list[Unit], int]:
    """Counts the units with a series whose members are asked (``enumeration`` reads them);
    the units pass unchanged, their series left to ``item-cards``."""
    from .enumeration import readings

    hits = 0
    for unit in found:
        hits += any(r[0] == NAME for r in readings(unit, env).values())
    return found, hits


SHAPE = (
    Rule(
        NAME,
        "highlighted members under a class phrase are the facts: a card per member, the class "
        "its cue, never a card asking only the class",
        members_asked,
    ),
)
