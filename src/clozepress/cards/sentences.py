"""Sentences: a long paragraph is cut into its sentences, each holding highlights its own note,
with the sentence before it as context and what the paragraph goes on to say on the back. A card
asks one thing; a paragraph on its front asks the learner to read instead of recall, and on its
back it repeats the front and the context word for word before it adds anything."""

from __future__ import annotations

import dataclasses

from .env import Env
from .model import Mark, Unit
from .repairs import cut
from .rules import Rule
from .text import clauses, sentences

#: A line longer than this (characters) is cut into sentences.
LONG = 220
#: A sentence longer than this is cut into its clauses. Higher than ``LONG``: a clause is read
#: without its sentence's subject or verb, so a sentence is cut only when it is too long to read
#: as one front at all; a long whole sentence still says what it means.
CLAUSE_LONG = 400
#: A clause cut from a long sentence is about this long (characters).
PIECE = 150
#: The back shows at most about this much (characters) of what follows the card's sentence.
BACK = 300


def split_long(found: list[Unit], env: Env) -> tuple[list[Unit], int]:
    out: list[Unit] = []
    hits = 0
    for unit in found:
        if unit.kind != "line" or len(unit.text) <= LONG:
            out.append(unit)
            continue
        keep = [(m.start, m.end) for m in unit.marks]
        spans: list[tuple[int, int, str]] = []
        for start, end in sentences(unit.text):
            long = end - start > CLAUSE_LONG
            pieces = clauses(unit.text, start, end, PIECE, keep) if long else []
            if len(pieces) < 2:
                spans.append((start, end, ""))
                continue
            # A clause cut from its sentence keeps the sentence's opening as its context.
            opening = cut(unit.text[pieces[0][0] : pieces[0][1]].strip(" ,;:—–-"))
            spans.extend((a, b, opening if index else "") for index, (a, b) in enumerate(pieces))
        if len(spans) < 2:
            out.append(unit)
            continue
        hits += 1
        previous = unit.before
        first = True
        for start, end, lead_in in spans:
            own = [m for m in unit.marks if start <= m.start < end]
            sentence = unit.text[start:end]
            if own:
                lead = len(sentence) - len(sentence.lstrip())
                text = sentence.strip()
                out.append(
                    dataclasses.replace(
                        unit,
                        text=text,
                        marks=tuple(
                            Mark(
                                max(0, m.start - start - lead),
                                min(len(text), m.end - start - lead),
                                m.highlight,
                            )
                            for m in own
                        ),
                        before=previous,
                        crumbs=(*unit.crumbs, lead_in) if lead_in else unit.crumbs,
                        key="",
                        back=going_on(unit.text, end),
                        cut_out=True,
                        images=unit.images if first else (),
                    )
                )
                first = False
            previous = " ".join(sentence.split())
    return out, hits


def going_on(text: str, end: int) -> str:
    """What the paragraph says after the sentence ending at ``end``: the sentences that follow,
    whole, within about ``BACK`` characters (at least the next one), "…" where more follows."""
    out: list[str] = []
    size = 0
    for start, stop in sentences(text):
        if start < end:
            continue
        sentence = " ".join(text[start:stop].split())
        if out and size + len(sentence) > BACK:
            out.append("…")
            break
        out.append(sentence)
        size += len(sentence)
    return " ".join(out)


RULES = (
    Rule("sentences", "a long paragraph is cut into sentences, each its own note", split_long),
)
