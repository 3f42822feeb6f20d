"""Blanks that hide a category, not a fact, and blanks that hide two facts at once.

Round 5 reviews dropped "[system metrics]: CPU time, memory, ...", "[event producer] sends
...", "related [AWS services]", "[NoSQL] database" (under DynamoDB), "read S3 as [FSx file
system]" (under FSx): each answer is a kind of thing, or the heading said it already. And
"[NFS and SMB protocol]", "[Failover/Health Check/Security]", "[user/IAM role]": two or three
facts to recite in one blank, none of them asked for.
"""

from __future__ import annotations

import re

from .cards_choice import TRIVIAL, normalize, stems, word_set
from .cards_filler import PAIRS

#: Words that name a kind of thing in these notes: an answer made only of them (and of the
#: words of the card's last crumb) is a category, not the fact a learner should recall.
CATEGORY = word_set(
    """
    mode modes metric metrics system systems producer producers consumer consumers itself
    cluster clusters aws amazon service services feature features data database databases
    nosql serverless managed fully distributed name names file files instance instances
    event events level levels support supports tool tools platform platforms resource
    resources storage
    """
)
REASON_CATEGORY = "the blank is a category word or repeats the heading: no fact to recall"
REASON_TWO = "the blank joins two or more facts (and/or//): none of them is asked for"
REASON_LABEL_BLANK = "the blank is the label of the specific fact after it"
REASON_CONTRAST = "one side of an 'X is A, Y is B' contrast: either subject fits the blank"

_SPLIT = re.compile(r"\s+(?:and|or|&)\s+|\s*[/+]\s*", re.I)


def category_answer(answer: str, crumb: str) -> str | None:
    """Why ``answer`` names a category or the card's last crumb (``crumb``); None if not."""
    seen = stems(crumb)
    left = [
        w
        for w in normalize(answer).split()
        if w not in TRIVIAL and w not in CATEGORY and not stems(w) <= seen
    ]
    return None if left else REASON_CATEGORY


def joins_facts(answer: str) -> str | None:
    """Why ``answer`` (one highlight) joins several facts; None if it is one, or a fixed pair
    ("Read/Write", "On-Demand or Spot")."""
    # A part is a word of two characters or more with a letter ("S3", "Athena"; not "I/O").
    parts = [p for p in _SPLIT.split(answer) if len(p.strip()) >= 2 and re.search("[A-Za-z]", p)]
    if len(parts) < 2:
        return None
    heads = [normalize(p).split()[0] for p in parts if normalize(p)]
    if any(all(h in pair for h in heads) for pair in PAIRS):
        return None
    return REASON_TWO


#: "[retention modes] - Compliance", "[system metrics]: CPU time, memory, ...".
_SPECIFIC = re.compile(r"^\s*(?:[:：]|\s?[-–—]\s)\s*(.+)$")


def label_blank(answer: str, before: str, after: str) -> str | None:
    """Why a blank is the label of a line whose fact follows it ("Label: Specific"); None if
    not. The label is lowercase words, and what follows is a list or a name or two."""
    if before.strip() or answer != answer.lower():
        return None
    specific = _SPECIFIC.match(after)
    if specific is None:
        return None
    text = specific.group(1).strip()
    if "," in text or len(text.split()) <= 2:
        return REASON_LABEL_BLANK
    return None


_IS = re.compile(r"^\s+(?:is|are)\s+\w+")


def contrast_side(after: str, others_after: list[str]) -> str | None:
    """Why a blank is the subject of one side of "X is A, Y is B" (another highlight of the
    line is the subject of the other side): both fit."""
    if _IS.match(after) and any(_IS.match(other) for other in others_after):
        return REASON_CONTRAST
    return None
