"""Sentences: a long paragraph is cut into its sentences, each holding highlights its own note,
with the sentence before it as context and the whole paragraph on the back. A card asks one
thing; a paragraph on its front asks the learner to read instead of recall."""

from __future__ import annotations

import dataclasses

from .env import Env
from .model import Mark, Unit
from .rules import Rule
from .text import sentences

#: A line longer than this (characters) is cut into sentences.
LONG = 220


def split_long(found: list[Unit], env: Env) -> tuple[list[Unit], int]:
    out: list[Unit] = []
    hits = 0
    for unit in found:
        if unit.kind != "line" or len(unit.text) <= LONG:
            out.append(unit)
            continue
        spans = sentences(unit.text)
        if len(spans) < 2:
            out.append(unit)
            continue
        hits += 1
        previous = unit.before
        first = True
        for start, end in spans:
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
                        key="",
                        back=" ".join(unit.text.split()),
                        images=unit.images if first else (),
                    )
                )
                first = False
            previous = " ".join(sentence.split())
    return out, hits


RULES = (
    Rule("sentences", "a long paragraph is cut into sentences, each its own note", split_long),
)
