"""Subdeck: a card whose answer the domain's own title gives, which no hiding can mend.

The domain's title is the first level of every breadcrumb under it, and the name of the
subdeck every one of its cards is studied in: the learner knows it before reading any card.
A card that has to hide something in it (the answer again, another form of it, the words its
initials stand for: ``hide-elsewhere``, ``form-crumb``, ``initialism``...) asks back what the
whole subdeck is about: "`serverless`" in the deck "Serverless", "`balancing`" beside "ELB" in
the deck "Elastic Load Balancer". Withheld, the title leaves the card without the subject it
is about ("[–] › Direct Connect"), and the learner still knows which subdeck they are in; shown,
it tells the answer. Either way the card reads its answer off its deck, so it makes no card,
reported (``domain-answer``).

Only the domain: a section heading or a parent line hiding the answer gives way or is withheld
(``placing``, ``echo``), and the levels above it still say where the line stands.
"""

from __future__ import annotations

from .draft import Draft
from .env import Env
from .repairs import RepairRule
from .rules import Rule

#: The breadcrumb level of the domain's title.
DOMAIN = 0


def domain_answer(draft: Draft, env: Env) -> Draft | None:
    """The cards of ``draft`` that hide text in the domain's title make no card, unless the
    learner asked for one card per line (``cloze = "unit"``): that card hides everything."""
    if env.config.cloze == "unit" or not draft.crumbs:
        return None
    asking = {h.number for h in draft.hidden if h.crumb == DOMAIN}
    if not asking:
        return None
    return draft.without(asking, "domain-answer")


RULES: tuple[Rule[RepairRule], ...] = (
    Rule(
        "domain-answer",
        "a card whose answer its domain's title gives asks back its subdeck: no card",
        domain_answer,
    ),
)
