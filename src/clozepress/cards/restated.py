"""Restated facts: the same fact asked again where the notes say it again. An answer asked twice
in one section is mostly two facts (``collect()`` runs the detection; ``collect()`` also merges
the younger generations), and both cards stay. Two signs tell a repeat apart, each one the
notes' own:

- a line that asks two or more of the answers one earlier line of its section asked states the
  same relation between them again ("if the count passes `threshold 0`, `collect()` runs",
  then, in a detailed aside, "checks the count against `threshold 0` ... then runs
  `collect()`"): the earlier line's cards test it; the line's other answers keep theirs;
- a paragraph that says it restates what came before ("in other words", "simply put",
  "간단하게 말하면", "in altre parole") before its first highlight, in a section whose lines
  already made cards, asks those facts again in other words (often as pseudo-code the reviewers
  dropped). A bullet opening so ("In short, ...") sums up its own item, and keeps its cards.

A learner drops the second card of either kind as one they have answered already."""

from __future__ import annotations

import re

from .env import Env
from .model import Mark, Unit
from .rules import Rule
from .skips import SkipRule, Verdict
from .text import fold, sentences

#: An answer asked together with another this many times marks a restated relation.
SHARED = 2
#: Only the latest units asking an answer are compared: a line of many highlights stays linear.
RECENT = 16
#: Words saying a line restates what came before it (not "i.e.", which restates within it).
_RESTATES = re.compile(
    r"\b(?:in other words|simply put|put simply|to put it simply|to sum up|in short|"
    r"in summary|to summari[sz]e|in altre parole|in sintesi|riassumendo|in breve)\b"
    r"|간단하게 말하면|간단히 말하면|간단히 말해|다시 말해|다시 말하면|요약하면|정리하면",
    re.IGNORECASE,
)


def _section(unit: Unit) -> tuple[int, str]:
    return (unit.domain, " › ".join(unit.crumbs[: unit.heading_count]))


def _sentence_of(unit: Unit) -> dict[int, int]:
    """Per mark start, the number of the sentence of the line it stands in."""
    bounds = sentences(unit.text)
    out: dict[int, int] = {}
    at = 0
    for mark in sorted(unit.marks, key=lambda m: m.start):
        while at + 1 < len(bounds) and bounds[at][1] <= mark.start:
            at += 1
        out[mark.start] = at
    return out


def _repeats(unit: Unit, env: Env) -> tuple[frozenset[str], dict[int, int]]:
    """The answers of ``unit`` that repeat an earlier line of its section (two or more asked in
    one sentence of it and one sentence of this line, in the same order), or every one after a
    phrase saying the line restates those before; and the sentence of each mark."""
    asked = env.asked.get(_section(unit), {})
    where = _sentence_of(unit)
    first = min((m.start for m in unit.marks), default=0)
    # A paragraph, not a bullet: "In short, ..." in a list sums up its own item in a phrase.
    if asked and not unit.siblings and _RESTATES.search(unit.text, 0, first):
        return frozenset(fold(m.highlight.text) for m in unit.marks), where
    me = (unit.line, unit.text)
    mine = {}
    for m in sorted(unit.marks, key=lambda m: m.start, reverse=True):
        mine[(fold(m.highlight.text), where[m.start])] = m.start  # its first place wins
    # Per sentence of an earlier line and of this one: the answers both ask, where each stands.
    together: dict[tuple[int, str, int, int], list[tuple[int, int, str]]] = {}
    for (answer, sentence), start in mine.items():
        for line, text, theirs, at in asked.get(answer, ()):
            if (line, text) != me:
                together.setdefault((line, text, theirs, sentence), []).append((at, start, answer))
    out: set[str] = set()
    for shared in together.values():
        # The same answers in the same order: the same relation stated again.
        distinct = {answer for _, _, answer in shared}
        if len(distinct) >= SHARED and sorted(shared) == sorted(shared, key=lambda s: s[1]):
            out.update(answer for _, _, answer in shared)
    return frozenset(out), where


def restated(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """Runs after the skip rules that decide what is no fact: a highlight reaching it has a
    card unless its line restates an earlier one; then it is remembered as asked by its line."""
    if unit.kind != "line":
        return None
    key = (unit.line, unit.text)
    repeats, where = env.per_unit("restated", key, lambda: _repeats(unit, env))
    answer = fold(mark.highlight.text)
    if answer in repeats:
        return "skip"
    units = env.asked.setdefault(_section(unit), {}).setdefault(answer, [])
    entry = (unit.line, unit.text, where.get(mark.start, 0), mark.start)
    if not units or units[-1][:3] != entry[:3]:
        units.append(entry)
        del units[:-RECENT]
    return None


RULES: tuple[Rule[SkipRule], ...] = (
    Rule(
        "restated",
        "a line asking two answers an earlier line of its section asked together, or saying it "
        "restates the lines before ('in other words'), asks the same fact again",
        restated,
    ),
)
