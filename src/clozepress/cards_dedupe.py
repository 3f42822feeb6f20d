"""Near-identical cards in one section: the first one stays, the others are left out.

Notes repeat themselves ("Alias records point a zone apex at an `ELB hostname`", a few lines
later the same again in other words): two cards asking the same thing in one section is one
card too many, and a reviewer drops the second as a duplicate.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .cards_choice import normalize, stems
from .cards_model import Fate, Note

REASON_DUPLICATE = "near-identical to another card in the same section"
#: Two cards with the same answers whose words overlap at least this much ask the same thing.
SAME_WORDS = 0.6
_MARKUP = re.compile(r"<[^>]+>|\{\{c\d+::|\}\}")


@dataclass
class Seen:
    """The cards made so far, by section and answers: the words of each."""

    cards: dict[tuple[int, tuple[str, ...], str], list[frozenset[str]]] = field(
        default_factory=dict
    )

    def dedupe(self, notes: list[Note], fates: list[Fate]) -> tuple[list[Note], list[Fate]]:
        """One unit's ``notes`` without near-duplicates of a note seen before in the same
        section; the fates of a dropped note's highlights say why."""
        kept: list[Note] = []
        dropped: Counter[str] = Counter()
        for note in notes:
            answers = " | ".join(sorted(normalize(a) for a in note.highlights))
            words = stems(_MARKUP.sub(" ", note.text))
            earlier = self.cards.setdefault((note.domain, note.sections, answers), [])
            if any(len(words & w) >= SAME_WORDS * max(len(words | w), 1) for w in earlier):
                dropped.update(note.highlights)
                continue
            earlier.append(words)
            kept.append(note)
        if not dropped:
            return kept, fates
        out: list[Fate] = []
        for fate in fates:
            if fate.answer is not None and dropped[fate.answer] > 0:
                dropped[fate.answer] -= 1
                fate = Fate(fate.line, fate.highlight, None, REASON_DUPLICATE)
            out.append(fate)
        return kept, out


REASON_SAME_FRONT = "another card in the section has the same front and another answer"
_CLOZE = re.compile(r"\{\{c\d+::.*?\}\}", re.DOTALL)


def drop_same_fronts(notes: list[Note], fates: list[Fate]) -> tuple[list[Note], list[Fate]]:
    """Notes of one section whose fronts read the same with different answers ("Fargate:
    scale on Average [...] Utilization": CPU on one line, Memory on the next) are all left
    out: each blank has two right answers, and keeping one teaches that the other is wrong."""
    fronts: dict[tuple[int, tuple[str, ...], str], set[str]] = {}

    def front(note: Note) -> tuple[int, tuple[str, ...], str]:
        return note.domain, note.sections, normalize(_MARKUP.sub(" ", _CLOZE.sub(" ", note.text)))

    for note in notes:
        fronts.setdefault(front(note), set()).add(" | ".join(note.highlights))
    dropped = [n for n in notes if len(fronts[front(n)]) > 1]
    if not dropped:
        return notes, fates
    gone = {(n.line, a) for n in dropped for a in n.highlights}
    out = [
        Fate(f.line, f.highlight, None, REASON_SAME_FRONT) if (f.line, f.answer) in gone else f
        for f in fates
    ]
    return [n for n in notes if len(fronts[front(n)]) == 1], out
