"""Qualifiers that touch a blank go inside it, so that the answer stays true.

"at least [3,500]", "to [1000]s of VPCs", "replication in < [1 second]": a number without its
"at least", its plural or its "<" is another fact, and a reviewer marks the card wrong. The
same for "non-[HTTP]": the blank must say "non-HTTP". And "have their own circular [DNA]": an
adjective right before a one-word name gives the name away, so it is part of the answer.
"""

from __future__ import annotations

import re

from .form.model import Highlight, Inline, Text

#: Comparison and approximation words right before a numeric blank.
_BEFORE_NUMBER = re.compile(
    r"(?:(?<=\s)|^)(?:up to|up|under|over|at least|at most|about|around|approx\.?|approximately"
    r"|less than|more than|fewer than|[<>~≤≥]|<=|>=)\s*$",
    re.I,
)
_NON = re.compile(r"(?:(?<=\s)|^)non-$", re.I)
#: "1000s", "100s": a plural on a number ("thousands of").
_PLURAL = re.compile(r"^s\b")
#: An adjective ("circular", "optional", "synchronous"): its suffix says so.
_ADJECTIVE = re.compile(r"(?:(?<=\s)|^)([a-z]{3,}(?:ar|al|ous|ic|ive))\s$")


def absorb_qualifiers(
    spans: tuple[Inline, ...],
) -> tuple[tuple[Inline, ...], dict[int, Highlight]]:
    """Top-level highlights with the qualifiers touching them moved inside; and for each new
    highlight (by ``id``) the one it was made from."""
    out = list(spans)
    origin: dict[int, Highlight] = {}
    for index, span in enumerate(out):
        if not isinstance(span, Highlight):
            continue
        text = span.text.strip()
        numeric = bool(re.match(r"[\d$€£]", text)) and any(c.isdigit() for c in text)
        head, tail = "", ""
        before = out[index - 1] if index else None
        after = out[index + 1] if index + 1 < len(out) else None
        if isinstance(before, Text):
            match = (_BEFORE_NUMBER.search(before.text) if numeric else None) or _NON.search(
                before.text
            )
            adjective = _ADJECTIVE.search(before.text)
            if match is None and adjective and _is_short_name(text):
                match = adjective
            if match is not None:
                head = before.text[match.start() :]
                out[index - 1] = Text(before.text[: match.start()])
        if numeric and isinstance(after, Text) and _PLURAL.match(after.text):
            tail = "s"
            out[index + 1] = Text(after.text[1:])
        if head or tail:
            head = "up to " if head.strip().casefold() == "up" else head
            made = Highlight(f"{head}{text}{tail}", span.line)
            origin[id(made)] = span
            out[index] = made
    return tuple(s for s in out if not (isinstance(s, Text) and not s.text)), origin


def _is_short_name(text: str) -> bool:
    """A short acronym: "DNA", "ATP", "IP" (a predictable noun; "metric
    ApproximateNumberOfMessages" is a label and a name, not a qualified noun)."""
    return re.fullmatch(r"[A-Z][A-Z0-9]{1,3}", text) is not None
