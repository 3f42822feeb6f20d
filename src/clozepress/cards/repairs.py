"""Repairs: what a card shows around its blank, so the blank can be recalled and cannot be read.

Each repair rewrites a draft note and is applied before anything is skipped for being a poor
card: an answer shown elsewhere on the card is hidden there too; a line that opens by pointing
back ("It ...", "These ...") gets the line it points at; a breadcrumb level that is a mere label
("P1", "misc", "Options:") gives way to the headings and parents that name a subject.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Protocol

from .draft import Draft, Hidden
from .env import Env
from .model import Blank, Mark
from .rules import Rule
from .text import fold, is_label, leans_back, occurrences, words

#: A breadcrumb line longer than this is cut (characters); the whole line is on its own card.
CRUMB_CHARS = 110


class RepairRule(Protocol):
    def __call__(self, draft: Draft, env: Env) -> Draft | None: ...


#: What may stand between the items of a series written on one line.
_BETWEEN = re.compile(r"^\s*(?:,|/|;|,?\s*(?:or|and|e|o|및|或|和)\b)?\s*,?\s*$", re.IGNORECASE)
#: A half of a pair has at most this many words: longer halves are clauses joined by "and".
PAIR_WORDS = 2
#: A series shorter than this is two facts, each the other's cue.
SERIES = 3


def series(draft: Draft, env: Env) -> Draft | None:
    """Three or more highlights in a row with only commas or "and"/"or" between them (`TRACE`,
    `DEBUG`, `INFO`) are one fact, a list to recite: one card hides them all. Apart, each card
    would show the others, and the one left is guessed from them."""
    text = draft.unit.text
    blanks = sorted(draft.blanks, key=lambda item: item[1].start)
    runs: list[list[int]] = [[0]] if blanks else []
    for index in range(1, len(blanks)):
        gap = text[blanks[index - 1][1].end : blanks[index][1].start]
        if "\n" not in gap and _BETWEEN.match(gap):
            runs[-1].append(index)
        else:
            runs.append([index])
    if all(len(run) < SERIES for run in runs):
        return None
    renumbered: list[tuple[int, Blank, Mark]] = []
    number = 0
    one_card = env.config.cloze == "unit"
    for run in runs:
        if len(run) >= SERIES:
            number += 1
            renumbered += [(1 if one_card else number, *blanks[i][1:]) for i in run]
        else:
            for i in run:
                number += 1
                renumbered.append((1 if one_card else number, *blanks[i][1:]))
    return dataclasses.replace(draft, blanks=tuple(renumbered))


def pair(draft: Draft, env: Env) -> Draft | None:
    """Two highlights side by side with only "and", "or", a comma or a slash between them (`W`
    and `b`, `0` and `1`) are one fact, a pair: one card hides both. Apart, each card shows the
    other half, and the half left is guessed from it."""
    text = draft.unit.text
    blanks = sorted(draft.blanks, key=lambda item: item[1].start)
    merged: dict[int, int] = {}
    for index in range(1, len(blanks)):
        (one, left, _), (two, right, _) = blanks[index - 1], blanks[index]
        gap = text[left.end : right.start]
        if one == two or "\n" in gap or not gap.strip() or not _BETWEEN.match(gap):
            continue
        halves = (text[left.start : left.end], text[right.start : right.end])
        if any(len(words(half)) > PAIR_WORDS for half in halves):
            continue  # two clauses ("has one X, and supports Y"): two facts, each its own card
        merged[two] = merged.get(one, one)
    if not merged:
        return None
    one_card = env.config.cloze == "unit"
    numbers: dict[int, int] = {}
    renumbered: list[tuple[int, Blank, Mark]] = []
    for number, blank, mark in draft.blanks:
        root = merged.get(number, number)
        numbers.setdefault(root, len(numbers) + 1)
        renumbered.append((1 if one_card else numbers[root], blank, mark))
    return dataclasses.replace(draft, blanks=tuple(renumbered))


def label_crumb(draft: Draft, env: Env) -> Draft | None:
    crumbs = draft.crumbs
    kept = tuple(c for i, c in enumerate(crumbs) if i == 0 or not is_label(c, env.cues.labels))
    if kept == crumbs:
        return None
    return dataclasses.replace(draft, crumbs=kept)


def antecedent(draft: Draft, env: Env) -> Draft | None:
    unit = draft.unit
    before = cut(unit.before)
    if unit.kind != "line" or not before:
        return None
    # A line whose heading is its own answer loses that heading to the answer's blank: the line
    # before it (the section's description) is its context instead.
    heading = fold(unit.crumbs[unit.heading_count - 1]) if unit.heading_count else ""
    named = any(fold(draft.answer(n)) == heading for n, _, _ in draft.blanks)
    if not leans_back(unit.text, env.cues.anaphors) and not named:
        return None
    if any(" ".join(c.split()) == before for c in draft.crumbs):
        return None
    return dataclasses.replace(draft, crumbs=(*draft.crumbs, before))


def hide_elsewhere(draft: Draft, env: Env) -> Draft | None:
    text = draft.unit.text
    # Which characters a blank or a hidden answer already covers: one look per occurrence,
    # however many highlights the line holds.
    taken = bytearray(len(text))
    for _, blank, _ in draft.blanks:
        taken[blank.start : blank.end] = b"\x01" * (blank.end - blank.start)
    lowered = text.lower()
    hidden: list[Hidden] = list(draft.hidden)
    for number, blank, _ in draft.blanks:
        answer = text[blank.start : blank.end].strip()
        named = blank.kind in ("name", "code")  # a name or a command is hidden wherever it stands
        if not _tellable(answer) or not (named or _distinctive(answer)):
            continue
        for start, end in occurrences(answer, text, lowered):
            if not any(taken[start:end]):
                hidden.append(Hidden(number, start, end))
                taken[start:end] = b"\x01" * (end - start)
        # An acronym of the answer right after it ("[...] (PII)") spells its initials.
        after = _ACRONYM.match(text, blank.end)
        if (
            after
            and _initials(answer) == after.group(1).upper()
            and not any(taken[after.start(1) : after.end(1)])
        ):
            hidden.append(Hidden(number, after.start(1), after.end(1)))
            taken[after.start(1) : after.end(1)] = b"\x01" * (after.end(1) - after.start(1))
        for index, crumb in enumerate(draft.crumbs):
            for start, end in occurrences(answer, crumb):
                if not any(h.crumb == index and h.start < end and start < h.end for h in hidden):
                    hidden.append(Hidden(number, start, end, index))
    if len(hidden) == len(draft.hidden):
        return None
    return dataclasses.replace(draft, hidden=tuple(hidden))


_SPELLED_AFTER = re.compile(r"\s*\(([^()\n]{3,80})\)")
_ACRONYM_ANSWER = re.compile(r"^[A-Z][A-Za-z0-9]{1,7}$")


def acronym_gloss(draft: Draft, env: Env) -> Draft | None:
    """An acronym's blank beside its expansion ("[SCP] (Service Control Policies)", "Service
    Control Policies ([SCP])") is read off the expansion's initials: the expansion is hidden
    on that card too, so the card asks for both from what the line says of them."""
    text = draft.unit.text
    hidden = list(draft.hidden)
    for number, blank, _ in draft.blanks:
        answer = text[blank.start : blank.end].strip()
        capitals = sum(c.isupper() for c in answer)
        if not _ACRONYM_ANSWER.match(answer) or capitals < 2:
            continue
        target = "".join(c for c in answer.upper() if c.isalpha())
        after = _SPELLED_AFTER.match(text, blank.end)
        if after and _initials(after.group(1)).replace("0", "") == target:
            hidden.append(Hidden(number, after.start(1), after.end(1)))
            continue
        # Before it: "Service Control Policies (SCP)", the words just before the bracket.
        if text[: blank.start].rstrip().endswith("("):
            opening = text[: blank.start].rstrip()[:-1].rstrip()
            found = list(re.finditer(r"[^\s()]+", opening))[-len(target) :]
            spelled = " ".join(m.group() for m in found)
            if len(found) == len(target) and _initials(spelled) == target:
                hidden.append(Hidden(number, found[0].start(), found[-1].end()))
    if len(hidden) == len(draft.hidden):
        return None
    return dataclasses.replace(draft, hidden=tuple(hidden))


def _tellable(answer: str) -> bool:
    """An answer whose sight elsewhere would tell it: a word of three letters, or a number."""
    found = words(answer)
    return bool(found) and (len(answer) >= 3 or any(c.isdigit() for c in answer))


_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z0-9]{1,7})\)")


def _initials(answer: str) -> str:
    return "".join(w[0] for w in words(answer) if w[0].isalnum()).upper()


def _distinctive(answer: str) -> bool:
    """An answer that names something (``Glacier``, ``TTL``, ``state rm``, ``5 GB``), not a
    plain word that reads on in other senses elsewhere (``plan``, ``file``): only the former is
    hidden where it stands elsewhere (a name's blank always is, see ``name``)."""
    found = words(answer)
    return len(found) >= 2 or any(not c.islower() for c in answer)


def cut(line: str) -> str:
    line = " ".join(line.split())
    if len(line) <= CRUMB_CHARS:
        return line
    return line[: CRUMB_CHARS - 1].rsplit(" ", 1)[0] + "…"


RULES: tuple[Rule[RepairRule], ...] = (
    Rule("series", "three highlights or more in a row are one list to recite, one card", series),
    Rule("pair", "two highlights joined by 'and', 'or' or a comma are one pair, one card", pair),
    Rule(
        "label-crumb",
        "a breadcrumb level that is a label gives way to those naming a subject",
        label_crumb,
    ),
    Rule(
        "antecedent",
        "a line pointing back ('It ...'), or named by its heading, shows the line before it",
        antecedent,
    ),
    Rule(
        "acronym-gloss",
        "an acronym's blank beside its spelled-out form hides that form on its card too",
        acronym_gloss,
    ),
    Rule(
        "hide-elsewhere",
        "an answer shown elsewhere on its card is hidden there too",
        hide_elsewhere,
    ),
)
