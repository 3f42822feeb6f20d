"""Cards and highlights in plain text, for review: what ``clozepress sample`` prints.

Two views, each self-contained so that a reviewer who sees nothing else can judge it: random cards
as a learner sees them (front with ``[...]``, back with the answer), and random highlights of the
notes, each with where it stands and every card made from its line, or the rule that made none.
"""

from __future__ import annotations

import html
import random
import re
from dataclasses import dataclass
from typing import Any

from ..form.model import Document, Section, all_highlights
from .html import CLOZE
from .model import Fate, Note, Plan

_BREAK = re.compile(r"<br\s*/?>|</li>|</tr>|</div>|</?pre[^>]*>", re.I)
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
        numbers = sorted({int(m.group(1)) for m in CLOZE.finditer(note.text)})
        out.extend(Card(note, number, decks[note.domain]) for number in numbers)
    return out


def pick(items: list[Any], count: int, seed: int | None) -> list[Any]:
    """``count`` items drawn at random (all of them if there are fewer), repeatable by seed."""
    if count >= len(items):
        return list(items)
    return random.Random(seed).sample(items, count)


def side(text: str, number: int, *, front: bool) -> str:
    """A note's text as one card shows it: cloze ``number`` blank (front) or answered."""

    def cloze(match: re.Match[str]) -> str:
        if int(match.group(1)) != number:
            return match.group(2)
        if front:
            return f"[{match.group(3)}]" if match.group(3) else "[...]"
        return f"[{match.group(2)}]"

    return to_text(CLOZE.sub(cloze, text))


def to_text(fragment: str) -> str:
    """HTML as text: line breaks where the card breaks lines, tags out, entities read."""
    text = fragment.replace('<span class="cp-sep">›</span>', "›")
    text = _BREAK.sub("\n", text)
    text = re.sub(r"<li[^>]*>", "- ", text)
    text = html.unescape(_TAG.sub("", text))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def card_lines(note: Note, number: int, indent: str = "") -> list[str]:
    lines = []
    context = to_text(note.context)
    if context:
        lines.append(f"{indent}context: {context}")
    pad = "\n" + indent + " " * 9
    lines.append(f"{indent}front:   " + side(note.text, number, front=True).replace("\n", pad))
    lines.append(f"{indent}back:    " + side(note.text, number, front=False).replace("\n", pad))
    extra = to_text(note.extra)
    if extra:
        # Anki shows the Extra field under the answer, never on the question, so the sample
        # labels it as part of the back: a reader must not take it for a clue on the front.
        lines.append(f"{indent}back, under the answer:")
        lines.append(f"{indent}         " + extra.replace("\n", pad))
    return lines


def show(card: Card, index: int, total: int) -> str:
    """One card as a block of plain text."""
    head = f"=== card {index}/{total} · {card.note.source} · deck {card.deck}"
    return "\n".join([head, *card_lines(card.note, card.number)])


# ---------------------------------------------------------------------------------------------
# Highlights


def show_highlights(
    document: Document, plan: Plan, source: str, count: int, seed: int | None
) -> str:
    """``count`` random highlights of all the notes' highlights, each with its heading path, the
    line before it, its line, and every card made from that line (or the rule that made none)."""
    lines = source.replace("\r\n", "\n").split("\n")
    highlights = all_highlights(document)
    chosen = sorted(pick(list(enumerate(highlights)), count, seed), key=lambda item: item[0])
    fates: dict[tuple[int, str], list[Fate]] = {}
    for item in plan.fates:
        fates.setdefault((item.line, item.highlight), []).append(item)
    by_line: dict[int, list[Note]] = {}
    for note in plan.notes:
        for line in note.lines or (note.line,):
            by_line.setdefault(line, []).append(note)
    headings = _headings(document)
    out = [f"{document.path}: {len(chosen)} of {len(highlights)} highlights (seed {seed})", ""]
    for index, (_, highlight) in enumerate(chosen, 1):
        at = highlight.line
        out.append(f"=== highlight {index}/{len(chosen)} · {document.path}:{at}")
        out.append(f"headings:  {' › '.join(_path(headings, at)) or '(none)'}")
        out.append(f"before:    {_before(lines, at)}")
        out.append(f"line:      {lines[at - 1].strip() if 0 < at <= len(lines) else ''}")
        out.append(f"highlight: `{highlight.text}`")
        found = fates.get((at, highlight.text))
        fate = found[0] if found else None
        notes = by_line.get(at, [])
        cards = [(note, n) for note in notes for n in sorted({t[0] for t in note.tests})]
        if fate is not None and fate.answer is None:
            out.append(f"this highlight: no card (rule {fate.rule}: {fate.reason})")
        if not cards:
            out.append("cards from this line: none")
        for number, (note, n) in enumerate(cards, 1):
            tests = any(t[0] == n and t[1] == at and t[2] == highlight.text for t in note.tests)
            mark = " (tests this highlight)" if tests else ""
            out.append(f"card {number} of {len(cards)} from this line{mark}:")
            out.extend(card_lines(note, n, indent="  "))
        out.append("")
    return "\n".join(out)


def _headings(document: Document) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []

    def walk(children: tuple[Any, ...]) -> None:
        for child in children:
            if isinstance(child, Section):
                found.append((child.line, child.level, child.title))
                walk(child.children)

    for domain in document.domains:
        found.append((domain.line, 1, domain.title))
        walk(domain.children)
    return sorted(found)


def _path(headings: list[tuple[int, int, str]], line: int) -> list[str]:
    stack: list[tuple[int, str]] = []
    for at, level, title in headings:
        if at > line:
            break
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, title))
    return [title for _, title in stack]


def _before(lines: list[str], line: int) -> str:
    for index in range(line - 2, -1, -1):
        if lines[index].strip():
            return lines[index].strip()
    return "(none)"


def show_rules(plan: Plan) -> str:
    """Every rule in the order it runs, with how often it decided something in these notes."""
    from .rules import all_rules

    out = [f"{'stage':<7} {'rule':<17} {'hits':>5}  principle"]
    for stage, rule in all_rules():
        hits = plan.hits.get(rule.name, 0)
        flag = " (essential)" if rule.essential else ""
        out.append(f"{stage:<7} {rule.name:<17} {hits:>5}  {rule.principle}{flag}")
    return "\n".join(out)
