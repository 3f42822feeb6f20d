"""Bare fronts: a card whose blank is its whole line ("• [...]" under "NoSQL database fully
managed:", "Es: [...]") asks for one trait or one example of what the line above names, and
any of the others fits the blank as well: the learner cannot tell which one the card wants.

The exception is a list the learner marked as one: half of its items or more highlights and
nothing else, it is a set to recite (each card hides one item, the others show), and the item
left out is the one the card asks. A card whose blank is only part of the highlight (a
predicate, a formula's right side) keeps the rest of the line as its cue."""

from __future__ import annotations

import re

from .env import Env
from .model import Blank, Mark, Unit
from .rules import Rule
from .skips import SkipRule, Verdict
from .text import EXAMPLE_MARKERS, words

#: How far from its highlight a bare line's other end may be (characters): room for a bullet
#: and an example marker.
REACH = 40
#: The most items of a list a learner recites as a set, its other items the cue.
SHORT_LIST = 4
#: The most words of an item that names a member, and of a label that names a set.
NAME_WORDS = 4
LABEL_WORDS = 6
#: What makes a parent line a statement, not a label: a dash that opens a description, a verb,
#: an indefinite article opening it ("a firewall to subnets" describes one thing).
_SAID = re.compile(
    r"\s[—–-]\s|,|\b(?:is|are|has|have|can|must|will)\b|^\W*(?:a|an)\s", re.IGNORECASE
)
#: What a bare line may hold besides its highlights: a bullet, punctuation, spaces.
_FRAME = " \t•–—-*>,;:.()[]"


def bare_item(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A highlight that is the whole of its line, on a line that only offers it as an example
    ("e.g.", "Es:") or as an item of a list the learner marked under half: no card, for no word
    of the card points at it."""
    if unit.kind not in ("line", "list"):
        return None
    text = unit.text
    # Only the few characters around the highlight are read: a bare line holds no more than a
    # bullet and a marker beside it, and a line may hold hundreds of highlights.
    low = max(0, mark.start - REACH)
    start = text.rfind("\n", low, mark.start) + 1
    if start == 0 and low > 0:
        return None
    high = min(len(text), mark.end + REACH)
    end = text.find("\n", mark.end, high)
    if end < 0 and high < len(text):
        return None
    end = high if end < 0 else end
    # The line's other highlights stand on the card (each another card's blank): cues too.
    own = f"{text[start : mark.start]} {text[mark.end : end]}".lstrip(_FRAME).casefold()
    offered = False
    for marker in (*EXAMPLE_MARKERS, *env.cues.examples):
        if own.startswith(marker.casefold()):
            own = own[len(marker) :]
            offered = True
            break
    own = own.strip(_FRAME)
    if words(own) or not words(mark.highlight.text):
        return None
    if not offered and (unit.kind != "list" or start == 0 or _closed(unit, mark)):
        return None  # a line alone under its parent, or a set to recite: the parent asks
    return "skip" if _blanked_whole(unit, mark, env) else None


def _closed(unit: Unit, mark: Mark) -> bool:
    """Whether the card asks for one member of a set it shows whole but for that member: a
    list the learner marked as one, or a short list under a label that names the set, whose
    item is a name ("metrics to scale on: CPU, requests per target, [...], custom metric")."""
    if _marked_as_list(unit):
        return True
    if len(unit.siblings) > SHORT_LIST or len(words(mark.highlight.text)) > NAME_WORDS:
        return False
    label = unit.text[: unit.text.find("\n")] if "\n" in unit.text else ""
    head, _, said = label.partition(":")
    # A label: a few words naming the set, nothing said of it (no description after a colon
    # or a dash, no sentence).
    return 0 < len(words(head)) <= LABEL_WORDS and not words(said) and not _SAID.search(head)


def _marked_as_list(unit: Unit) -> bool:
    """Whether half the items of the list or more are in the note, each a bare highlight."""
    items = len(set(unit.lines)) or 1
    return len(unit.siblings) < 2 or items * 2 >= len(unit.siblings)


def _blanked_whole(unit: Unit, mark: Mark, env: Env) -> bool:
    """Whether the card would hide the whole highlight: the blank rules' first answer (as the
    policy asks them) covers it. Imported late: the registry imports this module."""
    from .rules import registry

    for rule in registry()["blank"].active(env.disabled):
        blank: Blank | None = rule.apply(unit, mark, env)
        if blank is not None and blank.end > blank.start:
            return blank.start <= mark.start and mark.end <= blank.end
    return True


RULES: tuple[Rule[SkipRule], ...] = (
    Rule(
        "bare-item",
        "a highlight that is its whole line, an example offered alone or one item of a list "
        "marked under half, has no cue",
        bare_item,
    ),
)
