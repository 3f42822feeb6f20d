"""Cards as a learner sees them, in plain text: what ``clozepress sample`` prints for review.

Each card of a note is one cloze number: its blanks show as ``[...]`` on the front and as the
answer on the back; every other cloze of the note shows its text. HTML is read back to text
(line breaks kept) so that a reviewer judges the card, not its markup.
"""

from __future__ import annotations

import html
import random
import re
from dataclasses import dataclass

from .cards_model import Note, Plan

_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)\}\}", re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>|</li>|</tr>|</div>", re.I)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Card:
    note: Note
    number: int
    deck: str


def all_cards(plan: Plan, decks: list[str]) -> list[Card]:
    """Every card of the plan, in note order: one per distinct cloze number of each note."""
    out: list[Card] = []
    for note in plan.notes:
        numbers = sorted({int(n) for n, _ in _CLOZE.findall(note.text)})
        out.extend(Card(note, number, decks[note.domain]) for number in numbers)
    return out


def pick(cards: list[Card], count: int, seed: int | None) -> list[Card]:
    """``count`` cards drawn at random (all of them if there are fewer), in a repeatable order
    for a given seed."""
    if count >= len(cards):
        return list(cards)
    return random.Random(seed).sample(cards, count)


def side(text: str, number: int, *, front: bool) -> str:
    """A note's text as one card shows it: cloze ``number`` blank (front) or answered."""

    def cloze(match: re.Match[str]) -> str:
        if int(match.group(1)) != number:
            return match.group(2)
        return "[...]" if front else f"[{match.group(2)}]"

    return to_text(_CLOZE.sub(cloze, text))


def to_text(fragment: str) -> str:
    """HTML as text: line breaks where the card breaks lines, tags out, entities read."""
    text = _BREAK.sub("\n", fragment)
    text = re.sub(r"<li[^>]*>", "- ", text)
    text = html.unescape(_TAG.sub("", text))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def show(card: Card, index: int, total: int) -> str:
    """One card as a block of plain text."""
    note = card.note
    lines = [f"=== card {index}/{total} · {note.source} · deck {card.deck}"]
    context = to_text(note.context.replace('<span class="cp-sep">›</span>', "›"))
    if context:
        lines.append(f"context: {context}")
    lines.append("front:   " + _indent(side(note.text, card.number, front=True)))
    lines.append("back:    " + _indent(side(note.text, card.number, front=False)))
    extra = to_text(note.extra)
    if extra:
        lines.append("extra:   " + _indent(extra))
    return "\n".join(lines)


def _indent(text: str) -> str:
    return text.replace("\n", "\n         ")
