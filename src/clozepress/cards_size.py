"""Size: a card's front reads in a few seconds, so a long line is cut into clauses.

The line is split at clause boundaries (". ", "; ", ", ", " => ", " - ", and their CJK forms)
inside its text, never inside a highlight, link or emphasis; neighbouring clauses are packed
back together up to ``FRONT_CHARS``. Each part that holds a blank becomes a card of its own,
and the whole line goes on the back.
"""

from __future__ import annotations

import re

from .cards_html import plain
from .form.model import Inline, Text

#: A front longer than this (in characters, without context) is cut into clauses.
FRONT_CHARS = 120
#: A clause shorter than this is kept with its neighbour: alone it would not say enough.
MIN_PART_CHARS = 45

_BOUNDARY = re.compile(
    r"(?:[.;!?](?=\s)|[,](?=\s)|\s=>|\s[-–—](?=\s)|[。；，！？])\s*|\s*\n(?=[A-Z]|\Z)"
)
#: A soft break before a capital: two lines of the notes run together (a bullet's "-" left
#: out), so what follows is another line, never the same card's front.
_HARD = re.compile(r"\n(?=[A-Z]|\Z)")


def _depth(text: str) -> int:
    return text.count("(") + text.count("（") - text.count(")") - text.count("）")


def clauses(spans: tuple[Inline, ...]) -> list[tuple[Inline, ...]]:
    """The line split after every clause boundary in its top-level text."""
    out: list[list[Inline]] = [[]]
    depth = 0  # a boundary inside parentheses is not a clause's end: "(eg, different ...)"
    for span in spans:
        if not isinstance(span, Text):
            out[-1].append(span)
            depth += _depth(plain((span,)))
            continue
        position = 0
        for match in _BOUNDARY.finditer(span.text):
            if depth + _depth(span.text[: match.start()]) > 0:
                continue
            out[-1].append(Text(span.text[position : match.end()]))
            out.append([])
            position = match.end()
        depth += _depth(span.text)
        if position < len(span.text):
            out[-1].append(Text(span.text[position:]))
    return [tuple(part) for part in out if plain(tuple(part))]


def parts(spans: tuple[Inline, ...], limit: int = FRONT_CHARS) -> list[tuple[Inline, ...]]:
    """The line as one part when it is short enough, else its clauses packed into parts of
    at most ``limit`` characters (a single longer clause stays whole)."""
    hard = any(isinstance(s, Text) and _HARD.search(s.text) for s in spans)
    if len(plain(spans)) <= limit and not hard:
        return [spans]
    packed: list[list[Inline]] = []
    fresh: set[int] = set()  # parts that start after a hard break
    size = 0
    starts = broken = False
    for clause in clauses(spans):
        length = len(plain(clause)) + 1
        # After a soft break, a capital or a list mark the clean-up took out (two newlines:
        # "go\n-` vs Athena`") starts another line; "object,\nmove them to" is the notes'
        # wrapping of one sentence.
        joins = not (starts and (broken or plain(clause).lstrip()[:1].isupper()))
        end = clause[-1] if clause else None
        starts = isinstance(end, Text) and end.text.endswith("\n")
        broken = isinstance(end, Text) and end.text.endswith("\n\n")
        if packed and joins and size + length <= limit:
            packed[-1].extend(clause)
            size += length
        else:
            if packed and not joins:
                fresh.add(len(packed))
            packed.append(list(clause))
            size = length
    # A short tail says little alone: it joins the part before it (not across a hard break).
    final = len(packed) - 1
    if final > 0 and final not in fresh and len(plain(tuple(packed[-1]))) < MIN_PART_CHARS:
        tail = packed.pop()
        packed[-1].extend(tail)
    return [tuple(part) for part in packed]
