"""Connectives: a sentence opening on "Also", "However", "In fact", "Or", "Inoltre", "또한",
"실제로", "그 다음" continues the sentence before it, as a line pointing back at "the last
equation" continues the line showing it (``deixis``, which holds the words of both). Cut from
its paragraph onto a card of its own, it dangles: the learner reads "in fact ..." of a claim the
card does not make, or "or ..." of an alternative it does not show. So does a sentence cut from
its paragraph that opens on a back-reference ("This backend ...", "이 메서드는 ..."): a sentence
before it, not a heading, is what it names.

Show before skipping, and keep every card: the sentence it continues stands on its front,
before it, when that sentence is short (and the one before that too, while the sentence just
shown leans back itself and the whole stays short); a longer one is the card's context
(``antecedent``). A line that is only the connective ("Or", then a formula) takes the line it is
an alternative to as its front's first line. Where nothing stands before the sentence among its
siblings (a code block, a heading), there is nothing it can show: the front omits the connective,
which would ask "in addition to what?" of a card that says what it says on its own.

The note keeps its identity: it is matched on the sentence the notes hold, not on the front."""

from __future__ import annotations

import dataclasses

from .debris import without
from .deixis import OPENS_ON_CONNECTIVE, continues
from .env import Env
from .model import Mark, Unit
from .rules import Rule
from .text import leans_back

#: What the front may show before the sentence, in all (characters).
SHORT = 160
#: A line that is only its connective takes the line before it up to this long (characters).
NEIGHBOUR = 240


def connective(found: list[Unit], env: Env) -> tuple[list[Unit], int]:
    out: list[Unit] = []
    hits = 0
    # The paragraph's cut-out sentence with a card right before this one, by paragraph.
    last: dict[tuple[int, int], Unit] = {}
    for unit in found:
        fixed = _fixed(unit, env, last) if unit.kind == "line" else None
        if unit.kind == "line" and unit.cut_out:
            last[(unit.domain, unit.line)] = unit
        if fixed is None:
            out.append(unit)
            continue
        hits += 1
        out.append(fixed)
    return out, hits


def _fixed(unit: Unit, env: Env, last: dict[tuple[int, int], Unit]) -> Unit | None:
    opening = OPENS_ON_CONNECTIVE.match(unit.text)
    if opening is None and unit.cut_out and leans_back(unit.text, env.cues.anaphors):
        return _continued(unit, env, last)
    if opening is None or any(m.start < opening.end(1) for m in unit.marks):
        return None
    crumbs = {" ".join(c.split()) for c in unit.crumbs}
    before = " ".join(unit.before.split())
    first_line, _, rest = unit.text.partition("\n")
    if not first_line[opening.end(1) :].strip() and rest.strip():
        # "Or" on a line of its own: what it offers an alternative to is the line before it.
        neighbour = unit.before.rstrip().rsplit("\n", 1)[-1].strip()
        if neighbour and len(neighbour) <= NEIGHBOUR:
            # A parent line shown whole on the front is no longer its context.
            kept = tuple(c for c in unit.crumbs if " ".join(c.split()) != neighbour)
            return dataclasses.replace(_shown_first(unit, neighbour + "\n", ""), crumbs=kept)
        return None
    if not before or before in crumbs:
        if before:
            return None  # the line it continues is its parent: the context shows it already
        return _without(unit, opening.end())
    return _continued(unit, env, last)


def _continued(unit: Unit, env: Env, last: dict[tuple[int, int], Unit]) -> Unit | None:
    """``unit`` with the short sentence (or line) before it on its front, or None."""
    before = " ".join(unit.before.split())
    if not before or before in {" ".join(c.split()) for c in unit.crumbs}:
        return None
    shown = [before]
    earlier = _earlier(unit, last)
    size = len(before)
    while unit.cut_out and earlier and _leans(shown[0], env):
        if size + len(earlier[0]) > SHORT:
            break
        shown.insert(0, earlier.pop(0))
        size += len(shown[0])
    if size > SHORT:
        return None  # long: the context shows it (``antecedent``)
    glue = " " if unit.cut_out else "\n"
    return _shown_first(unit, glue.join(shown) + glue, earlier[0] if earlier else "")


def _leans(text: str, env: Env) -> bool:
    return leans_back(text, env.cues.anaphors) or continues(text)


def _earlier(unit: Unit, last: dict[tuple[int, int], Unit]) -> list[str]:
    """The sentence of the paragraph before the one ``unit`` continues, as far as the
    paragraph's other cards tell it (a sentence with no highlight makes no unit): the nearest
    card before it is that sentence's, or the one before that sentence."""
    other = last.get((unit.domain, unit.line))
    if not unit.cut_out or other is None:
        return []
    before = " ".join(unit.before.split())
    if " ".join(other.text.split()) == before:
        return [" ".join(other.before.split())] if other.before else []
    if other.back.startswith(before):
        return [" ".join(other.text.split())]
    return []


def _shown_first(unit: Unit, shown: str, before: str) -> Unit:
    """``unit`` with ``shown`` on its front before its own text; ``before``: the line before
    what it now opens on, for ``antecedent``."""
    at = len(shown)
    return dataclasses.replace(
        unit,
        text=shown + unit.text,
        marks=tuple(Mark(m.start + at, m.end + at, m.highlight) for m in unit.marks),
        asides=tuple((a + at, b + at) for a, b in unit.asides),
        holding=tuple((a + at, b + at) for a, b in unit.holding),
        before=before,
        key=unit.plain_key,
    )


def _without(unit: Unit, end: int) -> Unit:
    """``unit`` with its text from ``end`` on: the connective left out of its front."""
    cut = without(unit, [(0, end)])
    text = cut.text
    if text[:1].islower() and unit.text[:1].isupper():
        text = text[:1].upper() + text[1:]
    return dataclasses.replace(cut, text=text)


RULES = (
    Rule(
        "connective",
        "a sentence opening on a connective ('Also', 'Or', '또한'), or cut from its paragraph "
        "opening on 'This ...', shows the short sentence it continues before it; a connective "
        "with nothing before it is left out",
        connective,
    ),
)
