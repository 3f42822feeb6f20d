"""Give-aways on the front: the answer, or a word of it, or its acronym, shown beside the blank.

A reviewer drops "[...] (VGW)" for "Virtual Private Gateway", "[...] (Partner Event Bus)" for
"3rd party app", "[...]: works with SQS Queues in other regions" for "Cross-Region Delivery".
An acronym right after its blank joins the blank (the card asks for both, and shows both on
the back); anywhere else, a word of the answer or its acronym on the front skips the card.
"""

from __future__ import annotations

import functools
import re

from .cards_choice import GENERIC, normalize, stems
from .form.model import Highlight, Inline, Text

_ACRONYM = re.compile(r"\b[A-Z][A-Za-z0-9&]{1,7}\b")
_INITIALS = re.compile(r"[A-Za-z0-9][\w'’]*")
#: "(VGW)", " (RCU/WCU)" right after a blank.
_PAREN_ACRONYM = re.compile(
    r"^(\s*[(（]\s*([A-Z][A-Za-z0-9&]{1,7}(?:\s*/\s*[A-Z][A-Za-z0-9&]{1,7})*)\s*[)）])"
)
#: Words the notes use for one another, as stems (see ``cards_choice.stems``): a front that
#: says one gives away a blank that is the other. Kept small and explicit: each pair is one a
#: reviewer caught ("Partner" is a "3rd party"; "403" is "Forbidden"; an "ELB" health check
#: is an "ALB" one; "no need to provision" says "auto scale"; "(HTTP)" says "Layer 7").
_SYNONYM_GROUPS = (
    ("partn", "3rd", "third"),
    ("403", "forbi"),
    ("elb", "alb", "nlb"),
    ("provi", "scale"),
    ("http", "layer 7"),
    ("tcp", "udp", "layer 4"),
)
SYNONYMS: dict[str, frozenset[str]] = {
    word: frozenset(w for w in group if w != word) for group in _SYNONYM_GROUPS for word in group
}
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_GENERIC_STEMS = frozenset(stem for word in GENERIC for stem in stems(word))

REASON_WORD = "a word of the answer is on the front"
REASON_ACRONYM_SHOWN = "the answer's acronym is on the front"


def _acronyms(text: str) -> list[str]:
    return [a for a in _ACRONYM.findall(text) if sum(c.isupper() for c in a) >= 2]


#: "Cross" is written "X" in acronyms: XSS is "Cross-Site Scripting".
_CROSS = re.compile(r"^cross", re.I)


def _initial(word: str, cross: str = "x") -> str:
    return cross if _CROSS.match(word) else word[0].lower()


@functools.lru_cache(maxsize=16384)
def spells(acronym: str, answer: str) -> bool:
    """Whether the answer's capitalised words spell ``acronym`` by their initials, in order
    and close together ("Pay for Read/Write Capacity Unit" spells RCU, "AWS Certificate
    Manager" ACM)."""
    letters = [c.lower() for c in acronym if c.isupper() or c.isdigit()]
    if len(letters) < 2 or acronym in answer:
        return False
    words = [w for w in _INITIALS.findall(answer.replace("/", " ").replace("-", " "))]
    # "Cross" is X in XSS and C in CRR (Cross-Region Replication).
    return any(
        _spelled(letters, [_initial(w, cross) for w in words if w[0].isupper() or w[0].isdigit()])
        for cross in "xc"
    )


def _spelled(letters: list[str], initials: list[str]) -> bool:
    if len(initials) < len(letters):
        return False
    for start in range(len(initials) - len(letters) + 1):
        if initials[start] != letters[0]:
            continue
        found, position = 1, start + 1
        while found < len(letters) and position < len(initials):
            if initials[position] == letters[found]:
                found += 1
            position += 1
        if found == len(letters) and position - start <= len(letters) + 1:
            return True
    return False


@functools.lru_cache(maxsize=16384)
def front_gives_away(answer: str, rest: str, *, acronyms: bool = True) -> str | None:
    """Why the front around the blank (``rest``) gives ``answer`` away; None if it does not.
    One shared content word is enough on the front itself (the context only counts when it
    holds half the answer, see ``cards_choice.gives_away``)."""
    needed = stems(answer) - _GENERIC_STEMS
    # "CPUUtilization" on the front says "CPU" and "utilization".
    shown = stems(rest) | stems(_CAMEL.sub(" ", rest))
    shown = shown | frozenset(s for stem in shown for s in SYNONYMS.get(stem, ()))
    if needed & shown or normalize(answer) in shown:
        return REASON_WORD
    # "CPUUtilization" is "CPU utilization" spelled as one word.
    humps = _CAMEL.sub(" ", answer)
    if humps != answer and " " not in answer and stems(humps) <= stems(rest):
        return REASON_WORD
    if acronyms and any(spells(acronym, answer) for acronym in _acronyms(rest)):
        return REASON_ACRONYM_SHOWN
    return None


@functools.lru_cache(maxsize=16384)
def spells_loosely(acronym: str, answer: str) -> bool:
    """``spells``, or the acronym takes more than one letter from a word ("Customer Gateway"
    for CGW), each capitalised word giving its initial in order: good enough for an acronym
    in parentheses right after the words it abbreviates."""
    if spells(acronym, answer):
        return True
    letters = "".join(c.lower() for c in acronym if c.isalnum())
    words = [w.lower() for w in _INITIALS.findall(answer.replace("/", " ").replace("-", " "))]
    words = [w for w in words if w not in {"of", "for", "and", "the", "to", "a", "an", "on"}]
    # "Cross" is X in XSS and C in CRR.
    return _loosely(letters, [_CROSS.sub("x", w) for w in words]) or _loosely(letters, words)


def _loosely(letters: str, words: list[str]) -> bool:

    def match(word: int, letter: int) -> bool:
        if letter == len(letters):
            return word == len(words)
        if word == len(words) or words[word][0] != letters[letter]:
            return False
        # This word gives its initial and maybe more of its letters, in order.
        rest = words[word][1:]
        for taken in range(0, len(letters) - letter):
            if match(word + 1, letter + 1 + taken):
                return True
            if taken == len(letters) - letter - 1:
                break
            nxt = letters[letter + 1 + taken]
            found = rest.find(nxt)
            if found < 0:
                return False
            rest = rest[found + 1 :]
        return False

    if not 2 <= len(letters) <= 8 or len(words) > 8:
        return False
    if match(0, 0):
        return True
    # One word may give no letter ("Virtual Private Gateway" for VGW).
    every = words
    for skipped in range(1, len(every)):
        words = every[:skipped] + every[skipped + 1 :]
        if match(0, 0):
            return True
    return False


def fold_acronyms(
    spans: tuple[Inline, ...],
) -> tuple[tuple[Inline, ...], dict[int, Highlight]]:
    """A highlight followed by its own acronym in parentheses ("`Virtual Private Gateway`
    (VGW)") takes the acronym into the blank; and for each new highlight (by ``id``) the
    highlight it was made from."""
    out: list[Inline] = []
    origin: dict[int, Highlight] = {}
    index = 0
    while index < len(spans):
        span = spans[index]
        following = spans[index + 1] if index + 1 < len(spans) else None
        if isinstance(span, Highlight) and isinstance(following, Text):
            match = _PAREN_ACRONYM.match(following.text)
            parts = re.split(r"\s*/\s*", match.group(2)) if match else []
            if match and all(spells_loosely(part, span.text) for part in parts[:1]):
                folded = Highlight(f"{span.text.rstrip()} ({match.group(2)})", span.line)
                origin[id(folded)] = span
                out.append(folded)
                rest = following.text[match.end() :]
                if rest:
                    out.append(Text(rest))
                index += 2
                continue
        out.append(span)
        index += 1
    return tuple(out), origin


REASON_COUNT = "the number is the count of the items the card lists"
#: A number in parentheses right after a numeric blank ("/[28] (16 IP addresses)"), or
#: after up to three words, its unit ("[5] IP addresses (first 4 & last 1)").
_UNIT_THEN_PAREN = re.compile(
    r"^(\s*(?:[A-Za-z][\w/-]*\s+){0,3}?)\s*[(（][^()（）]*\d[^()（）]*[)）]"
)
#: A small count: "[3]-tier Architecture: client tier, web tier, database tier".
_COUNT = re.compile(r"^(?:[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten)$", re.I)
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_ITEMS = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def restates(answer: str, before: str, after: str) -> str | None:
    """Why the words right around the blank say the answer another way; None if they do not:
    a small number that counts the items listed on the card ("[3]-tier: client tier, web
    tier, database tier"). (A number in parentheses after a numeric blank is cut from the
    front instead: see ``drop_restating``.)"""
    if _COUNT.match(answer.strip()):
        count = int(answer) if answer.strip().isdigit() else _WORDS.get(answer.strip().lower())
        for side in (before, after):
            listed = side.rsplit(":", 1)[-1] if ":" in side else ""
            items = [i for i in _ITEMS.split(listed) if i.strip()]
            if count is not None and len(items) >= 2 and len(items) == count:
                return REASON_COUNT
    return None


def drop_restating(spans: tuple[Inline, ...], blank: Highlight) -> tuple[Inline, ...]:
    """A number in parentheses right after a numeric blank, or after the few words of its
    unit, cut from the front: "/[...] (16 IP addresses)" half gives /28 away, "reserves [...]
    IP addresses (first 4 & last 1)" adds up to 5. The parenthetical may be text, a
    highlight, or a highlight narrowed into pieces."""
    if not any(c.isdigit() for c in blank.text) or blank not in spans:
        return spans
    start = next(i for i, span in enumerate(spans) if span is blank) + 1
    text = ""
    for end in range(start, len(spans)):
        span = spans[end]
        if not isinstance(span, Text | Highlight):
            return spans
        text += span.text
        if ")" in text or "）" in text:
            match = _UNIT_THEN_PAREN.match(text)
            if match is None:
                return spans
            left = match.group(1) + text[match.end() :]
            if text[match.end() :] and not isinstance(span, Text):
                return spans
            return (*spans[:start], *([Text(left)] if left else []), *spans[end + 1 :])
    return spans
