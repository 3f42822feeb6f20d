"""Code pointers: a line that points at the code block beside it ("If we run `apply` we see the
next message:", "We can define a `default` value, for example", "In the above case `foo()` ...",
"Each of these is ...") means what it says only with that block: its highlights name parts of
the block or of what it prints. A card that does not show the block asks what cannot be recalled
from it; the reviewers judged such cards "points at missing content".

The pointer is read by grammar, as ``deixis`` reads it: a line ending on a forward pointer
("the next", "below", "this", "for example", a colon after it) right before a block, or opening on
a backward one ("this", "these", "the above", "each") right after a block. The words are those
of a few languages, not of one subject or author. A line beside a block that does not point at
it (a command, then its output) states its fact on its own and keeps its cards.

A backward pointer speaks for the sentence it opens: a later sentence of the line speaks of what
that sentence says, which the card shows, and keeps its cards ("In the above case `a` grows on
each call. So set `a=None` and ...").

Show before skipping: a short block is shown on the card with the line (``code-shown``), as other
Markdown-to-Anki tools show a fenced block, in ``<pre>``, when it gives none of the answers away
but those of the pointing part, which then make no card; the line keeps its other cards. A long
block, or one that gives away an answer the line states on its own (the output of `apply` says
"Apply complete!"), cannot be shown without crowding or giving the card away. A block gives an
answer away when it holds it, or every word of it (``foo()`` in ``def foo(a):``)."""

from __future__ import annotations

import dataclasses
import re

from .env import Env
from .model import Mark, Unit
from .rules import Rule
from .skips import SkipRule, Verdict

#: A forward pointer in the clause that ends the line: the thing it names is what follows.
_FORWARD = re.compile(
    r"\b(?:next|following|below|as follows|like (?:this|so)|this|these|here|examples?|"
    r"e\.g\.|for instance)\b"
    r"|다음|아래|이렇게|이와 같이|예시|예를 들|예제|예\s*:"
    r"|\b(?:seguent[ei]|sotto|così|come segue|esempio|questo|questa|questi|queste|ecco)\b",
    re.IGNORECASE,
)
#: A line that ends on an example word, colon or not: the example is what follows.
_ENDS_ON_EXAMPLE = re.compile(
    r"(?:\b(?:(?:for|per|ad)\s+)?(?:examples?|esempio)|\be\.g\.?|\bfor instance|예시|예제|예)"
    r"\s*[:,.]?\s*$",
    re.IGNORECASE,
)
#: A backward pointer opening the line: what it speaks of stands right above.
_OPENS_BACK = re.compile(
    r"(?:this|these|those|here|above|respectively|each of (?:them|these|those)"
    r"|in the (?:above|previous|last) (?:case|example|code|output)|as (?:shown|seen) above)\b"
    r"|(?:위의?|위와|위에서|이는|이것은|이것이|이를|이렇게|이처럼|이와|각각|여기서|앞의|앞에서)"
    r"(?:\s|$)"
    r"|(?:questo|questa|questi|queste|qui|ciò|rispettivamente|nell'esempio)\b",
    re.IGNORECASE,
)
#: Where a sentence ends; where a clause ends.
_SENTENCE = re.compile(r"[.!?;。]\s+")
_CLAUSE = re.compile(r"[.!?;,。]\s+")
_LEAD = " *_•-–—>\t"


def opens_back(unit: Unit) -> bool:
    """Whether the line opens on a backward pointer right after a code block."""
    # A sentence cut from its paragraph stands right after the block only if it is the first.
    return (
        bool(unit.code_before)
        and not unit.before
        and bool(_OPENS_BACK.match(unit.text.lstrip(_LEAD)))
    )


def pointing_part(unit: Unit) -> int:
    """Where the part of the line that speaks of the code block beside it starts, or -1: the
    whole line when it opens on a backward pointer right after a block; right before a block,
    the sentence ending on a forward pointer and a colon ("To do it, use this:"), or the clause
    an example word ending the line illustrates ("we can define a `default` value, example")."""
    if opens_back(unit):
        return 0
    if not unit.code_after or (unit.cut_out and unit.back):
        return -1
    end = unit.text.rstrip(" *_\t\n")
    example = _ENDS_ON_EXAMPLE.search(end)
    if example is not None:
        before = end[: example.start()].rstrip(" ,:;")
        if not before:
            return 0
        if before.endswith((".", "!", "?", "。")):
            return -1  # "For example" as a sentence of its own: the card reads well without it
        starts = [found.end() for found in _CLAUSE.finditer(before)]
        return starts[-1] if starts else 0
    starts = [found.end() for found in _SENTENCE.finditer(end)]
    at = starts[-1] if starts else 0
    return at if end.endswith(":") and _FORWARD.search(end, at) else -1


def pointing_end(unit: Unit) -> int:
    """Where the part of the line pointing at a code block ends: after the sentence a backward
    pointer opens; at the line's end for a forward one, which ends the line."""
    if not opens_back(unit):
        return len(unit.text)
    found = _SENTENCE.search(unit.text)
    return found.start() + 1 if found is not None else len(unit.text)


#: A block shown on a card has at most this many lines and characters.
SHOWN_LINES = 8
SHOWN_CHARS = 400
_WORD = re.compile(r"\w+")


def _pointed_at(unit: Unit) -> str:
    """The code block the line points at, where a highlight stands in or after the part that
    points (the card shows that part), or ``""``."""
    at = pointing_part(unit)
    if at < 0 or all(m.start < at for m in unit.marks):
        return ""
    return unit.code_before if opens_back(unit) else unit.code_after


def gives_away(code: str, answer: str) -> bool:
    """Whether ``code`` holds ``answer``, or every word of it: shown beside a blank for it, it
    gives the blank away."""
    folded, asked = code.casefold(), answer.strip().casefold()
    words = set(_WORD.findall(asked))
    return bool(asked) and (
        asked in folded or (bool(words) and words <= set(_WORD.findall(folded)))
    )


def code_shown(found: list[Unit], env: Env) -> tuple[list[Unit], int]:
    """A line pointing at a short code block shows that block on its card when the block gives
    away no answer the line states on its own, and not every answer: the card then shows what
    the line speaks of (the answers it gives away, all in the pointing part, make no card)."""
    out: list[Unit] = []
    hits = 0
    for unit in found:
        block = _pointed_at(unit) if unit.kind == "line" else ""
        code = block.strip("\n")
        short = len(code) <= SHOWN_CHARS and code.count("\n") < SHOWN_LINES
        if code and short and _showable(unit, code):
            unit = dataclasses.replace(unit, shows_code=code)
            hits += 1
        out.append(unit)
    return out, hits


def _showable(unit: Unit, code: str) -> bool:
    """Whether ``code`` gives away only answers of the line's pointing part, and not all."""
    at, end = pointing_part(unit), pointing_end(unit)
    given = [gives_away(code, m.highlight.text) for m in unit.marks]
    pointing = [at <= m.start < end for m in unit.marks]
    return not all(given) and all(p or not g for p, g in zip(pointing, given, strict=True))


def code_first(unit: Unit) -> bool:
    """Whether the block a card shows stands before its line (the line points back at it)."""
    return bool(unit.shows_code) and unit.shows_code == unit.code_before.strip("\n")


def code_pointer(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A highlight in the part of a line pointing at the code block beside it makes no card
    unless the card shows the block and the block does not give it away: the card would not
    show what that part speaks of."""
    if unit.kind != "line":
        return None
    key = (unit.line, unit.text)
    at, end = env.per_unit("code-pointer", key, lambda: (pointing_part(unit), pointing_end(unit)))
    if not 0 <= at <= mark.start < end:
        return None
    return (
        "skip" if not unit.shows_code or gives_away(unit.shows_code, mark.highlight.text) else None
    )


SHAPE = (
    Rule(
        "code-shown",
        "a line pointing at a short code block shows the block on its card when the block gives "
        "away none of the answers the line states on its own, and not all of them",
        code_shown,
    ),
)

RULES: tuple[Rule[SkipRule], ...] = (
    Rule(
        "code-pointer",
        "a line pointing at the code block beside it ('we see the next message:', 'in the "
        "above case') speaks of what its card does not show",
        code_pointer,
    ),
)
