"""Narrowing a blank to its key fact: a highlight often swallows the words around the fact.

"`3,500 PUT/COPY/POST/DELETE`", "`Reduced failover time by up 66%`", "`routed through the
CloudFront Edge`": the learner should recall the number or the name, not the phrase around it.
The words cut off stay on the front as text, so they become the cue. Only the edges are cut,
never the middle, and nothing is cut when the result would be a lone word of a name ("Layer 7",
"Route 53" stay whole).
"""

from __future__ import annotations

import functools
import re

from .cards_choice import word_set
from .cards_cleanup import clean_text
from .form.model import Highlight, Inline, Text

#: A number and its unit: "3,500", "66%", "$0.09", "400 KB", "24 hours", "5x".
_UNIT = (
    r"(?:%|x|ms|s|sec|seconds?|minutes?|mins?|hours?|hrs?|h|"
    r"days?|weeks?|months?|years?|[KMGTP]i?B|[KMGTP]bps|[KMGT]|bytes?|IOPS)"
)
_NUMBER = re.compile(rf"(?<![\w.-])[$€£]?\d[\d,.]*(?:\s?{_UNIT})?(?![\w%])")
#: A bound and a number with its unit, the whole text: "min 1 year", "up to 15 minutes".
QUANTITY = re.compile(
    rf"(?:(?:min(?:imum)?|max(?:imum)?|up\s+to|at\s+least|at\s+most|over|under|~)\.?\s*)?"
    rf"\d[\d,.]*\s?{_UNIT}",
    re.I,
)
#: A leading label: "Max size: 400 KB" (a label is what the front already says).
_LABEL = re.compile(r"^([^:：]{2,40})[:：]\s+(\S.*)$")
#: A parenthetical at either edge: "(two-way)", "（略）".
_PAREN_END = re.compile(r"\s*[(（][^()（）]*[)）]$")
_PAREN_START = re.compile(r"^[(（][^()（）]*[)）]\s*")
_TRAIL = re.compile(r"(?:[\s,;:]+(?:etc\.?|\.\.\.|…)|[\s,;:.]+)$", re.I)
#: Words a blank may end with that are not the fact: "Lifecycle Policy instead", "DB instance
#: itself", "FTP protocols", "ORC data format" (the learner recalls the name, not the filler).
_FILLER_TAIL = re.compile(r"\s+(?:instead|itself|protocols?|(?:data\s+)?formats?)$")
#: The kind of thing an API identifier is, after it: "s3:PutObjectLegalHold IAM permission".
_KIND_TAIL = re.compile(r"\s+(?:IAM\s+)?(?:permission|operation|parameter|action|API|call)s?$")
#: One identifier of an API: "s3:PutObjectLegalHold", "SynthesizeSpeech", "WaitTimeSeconds".
_IDENTIFIER = re.compile(r"(?:[a-z0-9-]+:)?[A-Za-z][a-z0-9]+(?:[A-Z][a-z0-9]+)+|[a-z0-9-]+:\S+")
#: Words a blank may start with that are not the fact: "is", "the", "use", "routed through".
LEAD_WORDS = word_set(
    """
    a an the is are be been can could must should will may to for of in on at by with
    via through into from and or use uses using used enable enables enabled set sets
    routed stored store called named known as up get gets go goes run runs
    """
)


#: At most this many lowercase words are cut from before a name.
LEAD_MAX = 3


def _is_name(word: str, *, first: bool = False) -> bool:
    """A word of a name: capitalised ("Aurora"), an acronym, or holding a digit ("EC2"). A
    line's first word is capitalised anyway, so there only an inner capital or digit counts."""
    if not word:
        return False
    if first:
        return sum(c.isupper() for c in word) >= 2 or any(c.isdigit() for c in word)
    return word[0].isupper() or any(c.isdigit() for c in word)


@functools.lru_cache(maxsize=8192)
def narrow(answer: str) -> tuple[str, str, str]:
    """``answer`` as (lead, core, tail): the core is the key fact to blank, lead and tail the
    words around it that stay on the front. ``("", answer, "")`` when nothing is cut."""
    lead, core, tail = "", answer, ""
    label = _LABEL.match(core)
    if label and len(label.group(2).split()) >= 1 and "://" not in core:
        lead, core = label.group(1) + ": ", label.group(2)
    for _ in range(2):
        paren = _PAREN_END.search(core)
        if paren and paren.start() > 0:
            core, tail = core[: paren.start()], core[paren.start() :] + tail
        start = _PAREN_START.match(core)
        if start and start.end() < len(core):
            lead, core = lead + core[: start.end()], core[start.end() :]
    for pattern in (_TRAIL, _FILLER_TAIL, _TRAIL):
        trail = pattern.search(core)
        if trail and trail.start() > 0:
            core, tail = core[: trail.start()], core[trail.start() :] + tail
    kind = _KIND_TAIL.search(core)
    if kind and _IDENTIFIER.fullmatch(core[: kind.start()]):
        # "s3:PutObjectLegalHold IAM permission": the identifier is the fact, its kind the cue.
        core, tail = core[: kind.start()], core[kind.start() :] + tail
    words = core.split()
    numbers = list(_NUMBER.finditer(core))
    if len(words) > 1 and len(numbers) == 1:
        found = numbers[0]
        before = core[: found.start()].split()
        # "Layer 7", "Route 53", "gp3 16,000": the number belongs to the name before it.
        # A lone capitalised word before it names the thing too ("Route 53").
        named = len(before) == 1 and before[0][0].isupper()
        named = named or (len(before) > 1 and _is_name(before[-1]))
        if not named and found.group(0) != core:
            return lead + core[: found.start()], found.group(0), core[found.end() :] + tail
    # "routed through the CloudFront Edge": leading function words and verbs before a name.
    cut = 0
    while cut < len(words) - 1 and words[cut].casefold() in LEAD_WORDS:
        # "Run Command", "Set Cookie": a capitalised word before another is part of a name.
        if words[cut][:1].isupper() and words[cut + 1][:1].isupper():
            break
        cut += 1
    # "share the KMS Keys", "preferred for S3": a few lowercase words before a name.
    # After the function words too: "in a specific Availability Zone" keeps the name only.
    first = cut
    while cut < min(len(words) - 1, first + LEAD_MAX) and words[cut].islower():
        cut += 1
    if cut > first and (cut == len(words) or not _is_name(words[cut])):
        cut = first
    if cut and any(_is_name(w) for w in words[cut:]):
        kept = core.split(maxsplit=cut)[-1]
        return lead + core[: len(core) - len(kept)], kept, tail
    return lead, core, tail


def narrow_spans(spans: tuple[Inline, ...]) -> tuple[tuple[Inline, ...], dict[int, Highlight]]:
    """Top-level highlights narrowed to their core, the cut words as text beside them; and for
    each new highlight (by ``id``) the highlight of the notes it was cut from."""
    out: list[Inline] = []
    origin: dict[int, Highlight] = {}
    for span in spans:
        if not isinstance(span, Highlight):
            out.append(span)
            continue
        # Narrowed as the card shows it: noise cleaned off first.
        text = " ".join(clean_text(span.text).split())
        lead, core, tail = narrow(text)
        if core == text:
            out.append(span)
            continue
        narrowed = Highlight(core, span.line)
        origin[id(narrowed)] = span
        out.extend(
            p for p in (Text(lead), narrowed, Text(tail)) if not isinstance(p, Text) or p.text
        )
    return tuple(out), origin
