"""Which blank of a line makes its card: one card per line, the strongest blank wins.

Several clozes on one note make sibling cards that answer each other ("On-Demand or [...]"
beside "[...] or Spot"; "[...] from on-premise: add ICMP" beside "Ping EC2: add the [...]").
So a line makes one card, and its blank is the highlight a learner most needs to recall:

    service or feature name  >  number with unit  >  API or parameter name
    >  technical noun phrase  >  anything else (no card)

A vague paraphrase ("storage perf", "concurrent scenario", "visual workflow") is never a blank:
a reviewer drops it, since many wordings are right.
"""

from __future__ import annotations

import re

from .cards_choice import is_name, word_set
from .form.model import Highlight, Inline, Text

NAME = 4
NUMBER = 3
API = 2
TERM = 1
NONE = 0

#: "s3:GetObject", "aws:MultiFactorAuthPresent", "max_retries", "WaitTimeSeconds": code names.
_API = re.compile(
    r"^(?:[\w-]+:[A-Za-z][\w*]*|\w*_\w+|[a-z]+[A-Z]\w*|\*{0,2}[a-z]\w*\(?\)?|"
    r"(?:[A-Z][a-z0-9]+){3,}|[A-Z]{2,}[A-Z][a-z]\w*)$"
)
_DIGIT = re.compile(r"\d")
_SERVICE = re.compile(r"(?:[A-Z][a-z0-9]+){1,2}|[A-Z][A-Za-z]*[A-Z]{2,}\d*|\d+")
#: A number and at most one word of unit: "400 KB", "5 minutes", "/28", "$0.09", "99.9%"
#: (not an ordinal: "3rd party" is a name of sorts, not a quantity).
NUMBER_UNIT = re.compile(r"[/$€£~]?\d[\d,.]*(?!st\b|nd\b|rd\b|th\b)\s?(?:%|[A-Za-z]{1,10})?")

#: Head nouns that make a lowercase phrase a term of the trade ("bucket policy", "read
#: replicas", "bastion hosts"), not a paraphrase ("storage perf", "visual workflow").
TECH_HEADS = word_set(
    """
    policy policies group groups replica replicas balancer balancers field fields system
    systems volume volumes host hosts marker markers mode modes metric metrics access
    endpoint endpoints key keys bucket buckets role roles table tables index indexes snapshot
    snapshots gateway gateways subnet subnets record records certificate certificates
    protocol protocols cache caches requests producer producers point points token tokens
    listener listeners template templates zone zones class classes tier tiers queue queues
    bonds strand strands enzymes respiration membrane membranes fragments apparatus
    environments arguments argument exception exceptions
    """
)
#: Words that open a paraphrase, not a term: "in one expression", "reduce load".
_PARAPHRASE_LEADS = word_set(
    """
    a an the in on at by with to for of from into as via using use reduce make makes
    get gets do does be is are no not more less very
    """
)
REASON_VAGUE = "a vague paraphrase, not a term to recall (many wordings are right)"
REASON_ONE_LINE = "another highlight of this line makes its one card"
REASON_JOINED = "joined with its pair into one blank"


def rank(answer: str, *, at_start: bool = False) -> int:
    """How much a learner gains from recalling ``answer`` (see the module's order)."""
    text = answer.strip()
    # "CloudFront", "DynamoDB" are names, not APIs: two humps at most.
    if " " not in text and _API.match(text) and not _SERVICE.fullmatch(text):
        return API
    number = NUMBER_UNIT.fullmatch(text) is not None
    if number:
        return NUMBER  # "400 KB", "5 minutes", "/28" ("3rd party" is no number)
    if is_name(text, at_start=at_start) and not text.lstrip("/").isdigit():
        return NAME
    return TERM


def is_vague(answer: str, *, names_only: bool) -> bool:
    """A lowercase phrase of common words that paraphrases rather than names: it opens with a
    function word or verb ("in one expression", "reduce load"), or, in notes that mark facts
    as names, its head noun is not a term of the trade."""
    words = answer.split()
    if len(words) < 2 or answer != answer.lower() or _DIGIT.search(answer):
        return False
    if not re.fullmatch(r"[a-z][a-z\s-]*", answer):
        return False  # code, symbols: "set([1, 1, 2])"
    if words[0] in _PARAPHRASE_LEADS:
        return True
    return names_only and words[-1] not in TECH_HEADS


#: "A or B", "A and B", "A / B" between two highlights.
_JOIN = re.compile(r"^\s*(?:or|and|/|&)\s*$")


def join_pairs(
    spans: tuple[Inline, ...],
) -> tuple[tuple[Inline, ...], dict[int, tuple[Highlight, Highlight]]]:
    """Two highlights joined by "or"/"and"/"/" as one highlight ("`On-Demand` or `Spot`" is
    one blank, "On-Demand or Spot"): as two cards, each half would cue the other. For each
    new highlight (by ``id``), the two it was made from."""
    out: list[Inline] = []
    made: dict[int, tuple[Highlight, Highlight]] = {}
    index = 0
    while index < len(spans):
        span = spans[index]
        if (
            isinstance(span, Highlight)
            and index + 2 < len(spans)
            and isinstance(spans[index + 1], Text)
            and isinstance(spans[index + 2], Highlight)
        ):
            glue = spans[index + 1]
            second = spans[index + 2]
            assert isinstance(glue, Text) and isinstance(second, Highlight)
            if _JOIN.match(glue.text):
                word = glue.text.strip()
                sep = word if word == "/" else f" {word} "
                joined = Highlight(f"{span.text.strip()}{sep}{second.text.strip()}", span.line)
                made[id(joined)] = (span, second)
                out.append(joined)
                index += 3
                continue
        out.append(span)
        index += 1
    return tuple(out), made
