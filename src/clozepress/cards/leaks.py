"""Leaks: how much of a card's answer the rest of the card gives away, word by word.

A card tests recall only if its answer cannot be read off it. ``repairs.hide_elsewhere`` hides an
answer shown again whole; the leaks here are partial, and are measured on the answer's own words
(split at spaces, hyphens, underscores, dots and a camelCase hump; words of grammar left out):

- words of the answer whose stems stand in the breadcrumb ("Vault Archiving" over `Vault
  Archive`): hidden there on that card;
- a one-word answer standing as a part of an identifier of the card's text, or a two-letter
  answer standing again ("store.flush()" beside `flush`, "rate * dx" beside `dx`): hidden there
  on that card, or asked with the other card whose answer holds it;
- an acronym made of the answer's words ("(RGW)" after `Remote Sync Gateway`): hidden with it,
  so the aside reads as part of the answer;
- a card whose own words give every word of an answer of several, close together ("used to
  create a new branch" for `branch new`): hiding them would leave no question, so the highlight
  makes no card there, reported.

Only the answer's own words count for the breadcrumb: a word the other highlights of its section
share (`Step Scaling` beside `Simple Scaling` under "Scaling Policies") is the section's topic,
and a heading naming its topic is the context every card of it needs; so is a heading of one
word, which names its section.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Protocol

from .draft import Draft, Hidden
from .env import Env
from .frontline import headings
from .model import Blank, Unit
from .repairs import in_series
from .rules import Rule
from .text import FUNCTION_WORDS, fold

#: Two words of this many letters or more that open on the same ``STEM`` letters, the shorter
#: at least ``RATIO`` of the longer, are one word in two forms (`optimal`/"Optimized",
#: `archive`/"Archiving"); shorter words count only when equal. Letters, not a language's
#: suffixes: the notes may be in any language.
STEM = 5
RATIO = 0.6

_RUN = re.compile(r"[^\W_]+")
_HUMP = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")
_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Za-z0-9]{1,7}(?![\w-])")


class RepairRule(Protocol):
    def __call__(self, draft: Draft, env: Env) -> Draft | None: ...


@functools.lru_cache(maxsize=8192)
def parts(text: str) -> tuple[tuple[str, int, int], ...]:
    """The words of ``text`` with their places: runs of letters and digits, a camelCase name
    cut at its humps (``RequestCount``: "Request", "Count"; ``HTTPServer``: "HTTP", "Server").
    Cached: a section's breadcrumb and a line's answers are read by every card of them."""
    out: list[tuple[str, int, int]] = []
    for run in _RUN.finditer(text):
        word = run.group()
        humped = word.isascii() and any(c.islower() for c in word)
        if humped and any(c.isupper() for c in word[1:]):
            out += [
                (p.group(), run.start() + p.start(), run.start() + p.end())
                for p in _HUMP.finditer(word)
            ]
        else:
            out.append((word, run.start(), run.end()))
    return tuple(out)


def own_words(answer: str) -> list[str]:
    """The answer's words that tell it: not words of grammar; three letters or more, or a
    number; a one-word answer of two letters (`io`, `dx`) is its own word."""
    found = parts(answer)
    alone = len(found) == 1
    return [
        word
        for word, _, _ in found
        if word.casefold() not in FUNCTION_WORDS
        and (len(word) >= 3 or any(c.isdigit() for c in word) or (alone and len(word) == 2))
    ]


def stem_key(word: str) -> str:
    return word.casefold()[:STEM]


def same_stem(one: str, two: str) -> bool:
    """Whether two words are one word in two forms (see ``STEM``)."""
    a, b = one.casefold(), two.casefold()
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) < STEM or any(c.isdigit() for c in a + b):
        return False
    return a[:STEM] == b[:STEM] and len(short) >= RATIO * len(long)


#: A word the highlights of this many other units of its domain share is the domain's topic.
DOMAIN_TOPIC = 3


#: The type of ``Env.topics``: per section, per stem, the highlights (folded) holding it.
Topics = dict[tuple[int, tuple[str, ...]], dict[str, set[str]]]


def topic_stems(units: Iterable[Unit]) -> Topics:
    """Per section, and per domain (no section titles), the highlights under it that hold a word
    of each stem (see ``Env.topics``): at most ``DOMAIN_TOPIC`` + 1 of them, all a rule asks."""
    out: Topics = {}
    for unit in units:
        for mark in unit.marks:
            text = fold(mark.highlight.text)
            keys = {stem_key(w) for w in own_words(mark.highlight.text)}
            for depth in range(len(unit.sections) + 1):
                section = out.setdefault((unit.domain, unit.sections[:depth]), {})
                for key in keys:
                    found = section.setdefault(key, set())
                    if len(found) <= DOMAIN_TOPIC:
                        found.add(text)
    return out


class _Topic:
    """The stems that are the topic where breadcrumb level ``index`` stands: those shown on the
    levels above it (the domain's title names the topic of all of it), those another highlight
    under that heading holds (of the unit's own section, for a parent line), or
    ``DOMAIN_TOPIC`` other highlights of the domain. The same answer highlighted again (on the
    line the unit is nested under, say) is the fact again, not a topic."""

    def __init__(self, draft: Draft, env: Env, index: int, number: int, answers: set[str]):
        unit = draft.unit
        depth = index if index < unit.heading_count else len(unit.sections)
        self.here = env.topics.get((unit.domain, unit.sections[:depth]), {})
        self.domain = env.topics.get((unit.domain, ()), {})
        self.outer = {
            stem_key(w)
            for at, crumb in enumerate(draft.crumbs[:index])
            for w, start, end in parts(crumb)
            if not hidden_in_crumb(draft.hidden, number, at, start, end)
        }
        self.answers = answers

    def near(self, key: str) -> bool:
        """The topic of the levels above or of the section itself, not of the whole domain."""
        return key in self.outer or len(self.here.get(key, set()) - self.answers) >= 1

    def __contains__(self, key: str) -> bool:
        return (
            key in self.outer
            or len(self.here.get(key, set()) - self.answers) >= 1
            or len(self.domain.get(key, set()) - self.answers) >= DOMAIN_TOPIC
        )


def _cards(draft: Draft) -> dict[int, list[Blank]]:
    out: dict[int, list[Blank]] = {}
    for number, blank, _ in draft.blanks:
        out.setdefault(number, []).append(blank)
    return out


def _answer_words(draft: Draft, blanks: list[Blank]) -> list[str]:
    text = draft.unit.text
    found: list[str] = []
    for blank in blanks:
        for word in own_words(text[blank.start : blank.end]):
            if not any(word.casefold() == w.casefold() for w in found):
                found.append(word)
    return found


class _Cover:
    """Which characters of the unit's text a card shows: not under a blank (of any card: a
    blank holds no other blank), nor hidden on that card. Built once per draft, so a line of
    many cards is read in one pass plus its own hidden texts per card."""

    def __init__(self, draft: Draft) -> None:
        self.blanks = bytearray(len(draft.unit.text))
        for _, blank, _ in draft.blanks:
            self.blanks[blank.start : blank.end] = b"\x01" * (blank.end - blank.start)
        self.hidden: dict[int, list[tuple[int, int]]] = {}
        for h in draft.hidden:
            if h.crumb is None:
                self.hidden.setdefault(h.number, []).append((h.start, h.end))

    def taken(self, number: int, start: int, end: int) -> bool:
        return any(self.blanks[start:end]) or any(
            a < end and start < b for a, b in self.hidden.get(number, ())
        )

    def take(self, number: int, start: int, end: int) -> None:
        self.hidden.setdefault(number, []).append((start, end))


def hidden_in_crumb(
    hidden: Iterable[Hidden], number: int, index: int, start: int, end: int
) -> bool:
    """Whether card ``number`` already hides some of ``start:end`` of breadcrumb level
    ``index``: of the draft's hidden texts, or of those a repair is adding (``forms``)."""
    return any(
        h.crumb == index and h.number == number and h.start < end and start < h.end for h in hidden
    )


def _names(answer_words: list[str], alone: bool) -> list[str]:
    """The words of an answer that name something: a capital or a digit in them (`Vault`,
    `TLS`), or the word of a one-word answer (``alone``). A plain word of a longer answer
    (`database` of `staging database`, `destroy` of `when = "destroy"`) reads on in other
    senses in a heading, and gives nothing away there."""
    found = answer_words if alone else [w for w in answer_words if not w.islower()]
    return [w for w in found if not w.isdigit()]


def stem_crumb(draft: Draft, env: Env) -> Draft | None:
    """Words of the answer that name something, not the topic where they stand, whose stems
    stand in the breadcrumb and make half the answer's own words or more, are hidden there on
    that card: the breadcrumb spells the answer. A word or two of a long answer do not. Plain
    words count too where a level holds every word of the answer (``_spells_all``)."""
    text = draft.unit.text
    hidden = list(draft.hidden)
    items = in_series(draft)
    titles = headings(draft)
    for number, blanks in _cards(draft).items():
        if any(b.start in items for b in blanks):
            continue  # one item of a list to recite: a heading naming it asks for no item
        own = _answer_words(draft, blanks)
        alone = all(len(parts(text[b.start : b.end])) == 1 for b in blanks)
        names = _names(own, alone)
        if not names and len(own) < 2:
            continue
        answers = {fold(m.highlight.text) for n, _, m in draft.blanks if n == number}
        # An identifier is recalled exactly: its words as prose do not spell it (as in
        # ``spelled_on_card``).
        named_exactly = all(IDENTIFIER.match(text[b.start : b.end].strip()) for b in blanks)
        places: list[tuple[int, int, int]] = []
        given: set[str] = set()
        for index, crumb in enumerate(draft.crumbs):
            if index == 0:
                continue  # the domain: the subdeck every card of it is in
            if index < draft.unit.heading_count and _one_word(crumb):
                continue  # a heading of one word names its section: the topic of all of it
            topic = _Topic(draft, env, index, number, answers)
            if not named_exactly and crumb in titles and _spells_all(crumb, own):
                # The level is the answer reworded: a word of it other sections of the domain
                # share is still the answer's here; a level above showing it, or the heading's
                # own section sharing it, makes it the topic.
                mine = [w for w in own if not topic.near(stem_key(w))]
            else:
                mine = [w for w in names if stem_key(w) not in topic]
            for run in _RUN.finditer(crumb):
                pieces = parts(run.group())
                hit = [(p, a, b) for p, a, b in pieces if any(same_stem(p, w) for w in mine)]
                if not hit or (alone and len(own) == 1 and _repeats(run.group(), own[0])):
                    continue  # the answer whole again: ``repairs.hide_elsewhere`` decides
                if len(hit) != len(pieces):
                    continue  # a hump of a longer name (`Count` of `RowCount`) is not it
                start, end = run.start(), run.end()
                if not hidden_in_crumb(draft.hidden, number, index, start, end):
                    places.append((index, start, end))
                given.update(w.casefold() for p, _, _ in hit for w in mine if same_stem(p, w))
        if not places or len(given) * 2 < len(own):
            continue
        hidden += [Hidden(number, start, end, index) for index, start, end in places]
    if len(hidden) == len(draft.hidden):
        return None
    return dataclasses.replace(draft, hidden=tuple(hidden))


def _spells_all(crumb: str, own: list[str]) -> bool:
    """Whether every word of an answer of several (plain words too) stands in heading
    ``crumb``, in any order or form ("SHOW WORKSPACE" over `workspace show`): the heading is
    the answer reworded, not a plain word of it read in another sense. Headings only: a line
    over the unit holding the words apart ("read/write ... endpoints") says something else."""
    found = [p for p, _, _ in parts(crumb)]
    return len(own) >= 2 and all(any(same_stem(p, w) for p in found) for w in own)


def _one_word(line: str) -> bool:
    """Whether ``line`` holds one word of content at most (a name in camelCase is one)."""
    return sum(1 for w in _RUN.findall(line) if w.casefold() not in FUNCTION_WORDS) < 2


def _repeats(word: str, answer: str) -> bool:
    return word.casefold() == answer.casefold()


def word_inside(draft: Draft, env: Env) -> Draft | None:
    """A one-word answer standing on its card as a part of a longer token (``io`` of
    "io.open()", ``next`` of "__next__()", ``Count`` of "RowCount"), or a two-letter answer
    standing again (`dx` in "rate * dx", which ``hide_elsewhere`` leaves to words of three
    letters), is hidden there on that card. Where it stands inside another
    card's answer it cannot be hidden there (a blank holds no blank): the two cards are one,
    or, when that would hide more than ``GROUP`` blanks, the longer answers test it alone."""
    text = draft.unit.text
    where: dict[str, list[tuple[int, int]]] = {}
    for word, start, end in parts(text):
        where.setdefault(word.casefold(), []).append((start, end))
    cover = _Cover(draft)
    hidden = list(draft.hidden)
    spans = sorted((b.start, b.end, n) for n, b, _ in draft.blanks)
    size = Counter(n for n, _, _ in draft.blanks)
    joins: list[tuple[int, int]] = []
    readable: list[int] = []
    for number, blanks in _cards(draft).items():
        answers = {" ".join(text[b.start : b.end].split()) for b in blanks}
        mine = _answer_words(draft, blanks)
        if len(mine) != 1 or any(len(parts(a)) != 1 for a in answers):
            continue
        word = mine[0].casefold()
        if not any(c.isalpha() for c in word):
            continue  # a number again is another quantity, not the answer (see ``numbers``)
        holders: set[int] = set()
        for start, end in where.get(word, ()):
            token = _token(text, start, end)
            if len(word) > 2 and token == (start, end):
                continue  # a word of its own: ``repairs.hide_elsewhere``, ``contained`` decide
            holder = next((n for a, b, n in spans if a <= start and end <= b), None)
            if holder is not None:
                if holder != number:
                    holders.add(holder)
                continue
            if not cover.taken(number, start, end):
                hidden.append(Hidden(number, start, end))
                cover.take(number, start, end)
        if not holders:
            continue
        if size[number] + sum(size[h] for h in holders) <= GROUP:
            joins += [(number, h) for h in holders]
        else:
            readable.append(number)
    if len(hidden) == len(draft.hidden) and not joins and not readable:
        return None
    repaired = dataclasses.replace(draft, hidden=tuple(hidden))
    if joins:
        repaired = _joined(repaired, joins)
    gone = sorted({_root(joins, n) for n in readable})
    return repaired.without(set(gone), "word-inside") if gone else repaired


def _root(pairs: list[tuple[int, int]], number: int) -> int:
    """The smallest number ``number`` is joined to through ``pairs``."""
    group = {number}
    grown = True
    while grown:
        grown = False
        for a, b in pairs:
            if (a in group) != (b in group):
                group |= {a, b}
                grown = True
    return min(group)


def _joined(draft: Draft, pairs: list[tuple[int, int]]) -> Draft:
    """The draft with each pair of cards made one card, hidden texts with them, numbered 1,
    2, ... again in text order."""
    roots = {n: _root(pairs, n) for n, _, _ in draft.blanks}
    order: dict[int, int] = {}
    for number, _, _ in sorted(draft.blanks, key=lambda item: item[1].start):
        order.setdefault(roots[number], len(order) + 1)
    return dataclasses.replace(
        draft,
        blanks=tuple((order[roots[n]], b, m) for n, b, m in draft.blanks),
        hidden=tuple(
            dataclasses.replace(h, number=order[roots[h.number]])
            for h in draft.hidden
            if h.number in roots
        ),
    )


#: A card joined for a leak hides at most this many blanks (as ``repairs.contained`` joins).
GROUP = 3


def _token(text: str, start: int, end: int) -> tuple[int, int]:
    """The run of letters, digits, underscores and inner dots around ``text[start:end]``."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_."):
        start -= 1
    while end < len(text) and (
        text[end].isalnum()
        or text[end] in "_"
        or (text[end] == "." and end + 1 < len(text) and text[end + 1].isalnum())
    ):
        end += 1
    return start, end


def _spells(acronym: str, answer_parts: list[str]) -> bool:
    """Whether ``acronym`` is made of the answer's words: its letters in order through the
    answer, each on a word's initial where one follows or else in the word of the letter
    before it, two at least on initials, its first the first word's, its last in the last
    word (`RGW` of `Remote Sync Gateway`, `CLS` of `Column-Level security`). An acronym
    opening as a word of the answer does (`HTTPs` beside `HTTP`, `TLB` beside `TLS`) is a word
    like it, not made of the answer."""
    want = acronym.upper()
    if any(len(w) >= 2 and want[:2] == w[:2].upper() for w in answer_parts):
        return False
    if len(want) == 2 and len(answer_parts) > 2:
        # Two letters that skip words of the answer fit too many answers to tell one
        # (`NN` in "No Of Hidden Neurons"): two letters spell an answer of two words.
        return False
    letters = "".join(answer_parts).upper()
    initials = [i for i, _ in _starts(answer_parts)]
    if not letters or want[0] != letters[0] or not want.isalnum():
        return False
    at = 0
    on_initial = 0
    word_of = [len([i for i in initials if i <= k]) for k in range(len(letters))]
    for char in want:
        initial = next((i for i in initials if i >= at and letters[i] == char), -1)
        found = initial if initial >= 0 else letters.find(char, at)
        if found < 0 or (initial < 0 and at and word_of[found] != word_of[at - 1]):
            return False  # a letter not an initial belongs to the word before it (`GW`)
        on_initial += initial >= 0
        at = found + 1
    return on_initial >= 2 and at > initials[-1]


def _starts(words: list[str]) -> list[tuple[int, str]]:
    out = []
    at = 0
    for word in words:
        out.append((at, word))
        at += len(word)
    return out


def initials(draft: Draft, env: Env) -> Draft | None:
    """An acronym near the blank made of the answer's words ("[...] (RGW)" for `Remote Sync
    Gateway`) spells it: it is hidden with the answer on that card. Not one the words just
    before it spell (`Cross-Region Replication (CRR)` beside `Cross Zone Replication`): that
    is another term's; nor beside an answer spelled out from its acronym
    (``name.spelled_out``), whose acronym is the cue."""
    text = draft.unit.text
    cover = _Cover(draft)
    hidden = list(draft.hidden)
    for number, blanks in _cards(draft).items():
        if any(b.rule == "spelled-out" for b in blanks):
            continue
        answer_parts = [
            w for b in blanks for w, _, _ in parts(text[b.start : b.end]) if w.isalpha()
        ]
        if not 2 <= len(answer_parts) <= ACRONYM_WORDS or min(len(w) for w in answer_parts) < 2:
            continue
        own = {w.casefold() for w in answer_parts}
        low = max(0, min(b.start for b in blanks) - NEAR)
        high = min(len(text), max(b.end for b in blanks) + NEAR)
        for found in _ACRONYM.finditer(text, low, high):
            acronym = found.group()
            letters = acronym[:-1] if acronym.endswith("s") else acronym  # `RGWs`
            if len(letters) < 2 or not letters.isupper() or acronym.casefold() in own:
                continue
            start, end = found.start(), found.end()
            if cover.taken(number, start, end) or not _spells(letters, answer_parts):
                continue
            if _spelled_before(text, start, letters, functools.partial(cover.taken, number)):
                continue
            hidden.append(Hidden(number, start, end))
            cover.take(number, start, end)
    if len(hidden) == len(draft.hidden):
        return None
    return dataclasses.replace(draft, hidden=tuple(hidden))


#: An acronym stands for at most this many words.
ACRONYM_WORDS = 8
#: An acronym and the answer it spells stand within this many characters of each other (as
#: ``repairs.acronym_near`` has it).
NEAR = 160


def _spelled_before(text: str, at: int, acronym: str, taken: Callable[[int, int], bool]) -> bool:
    """Whether the words shown just before ``text[at:]`` (``taken``: not hidden on the card)
    spell ``acronym``: it is theirs."""
    low = max(0, at - NEAR // 2)
    before = [w for w, s, e in parts(text[low:at]) if w.isalpha() and not taken(low + s, low + e)]
    return any(_spells(acronym, before[i:]) for i in range(max(0, len(before) - 6), len(before)))


def spelled_on_card(draft: Draft, env: Env) -> Draft | None:
    """An answer of two words or more whose every word its card's own text gives, close
    together ("used to create a new branch" for `branch new`, "Average request count" for
    `RequestCount`), is read off it: hiding those words would leave no question, so the
    highlight makes no card there. Words only: a number or a formula's letters are no words to
    read an answer off; words spread over the line are the line's subject, not a spelling.
    An identifier (`dynamodb_table`, `lowestPrice`) is a name to recall exactly, joiners and
    case and all: its words standing as prose ("a DynamoDB table name") do not give it away;
    only the same identifier written on the card does."""
    if env.config.cloze == "unit":
        return None  # one card hides everything: nothing to take off alone
    found = parts(draft.unit.text)
    by_key: dict[str, list[int]] = {}
    for at, (word, _, _) in enumerate(found):
        by_key.setdefault(stem_key(word), []).append(at)
    cover = _Cover(draft)
    readable: list[int] = []
    text = draft.unit.text
    for number, blanks in _cards(draft).items():
        mine = [w for w in _answer_words(draft, blanks) if w.isalpha()]
        if len(mine) < 2:
            continue
        names = [text[b.start : b.end].strip() for b in blanks]
        if all(IDENTIFIER.match(n) for n in names) and not any(
            _written(text, n, functools.partial(cover.taken, number)) for n in names
        ):
            continue  # a name to recall exactly: its words as prose do not spell it
        # A word of grammar the line does not give may be the fact itself (`no` of `no backup`,
        # `must` beside "optionally"): all of them count, articles apart.
        mine += [
            w
            for b in blanks
            for w, _, _ in parts(text[b.start : b.end])
            if w.casefold() in FUNCTION_WORDS and w.casefold() not in ARTICLES
        ]
        places = [
            [
                at
                for at in by_key.get(stem_key(w), ())
                if same_stem(w, found[at][0]) and not cover.taken(number, *found[at][1:])
            ]
            for w in mine
        ]
        if all(places) and _close_together(places, 2 * len(mine)):
            readable.append(number)
    if not readable:
        return None
    return draft.without(set(readable), "spelled-on-card")


#: An identifier: one token whose words a joiner ties (``snake_case``, ``a.b``, ``a-b``) or a
#: camelCase hump cuts (``lowestPrice``, ``RequestCount``), no spaces.
IDENTIFIER = re.compile(r"^(?=\S*(?:[^\W_][_.\-][^\W_]|[a-z][A-Z]))\S+$")


def _written(text: str, name: str, taken: Callable[[int, int], bool]) -> bool:
    """Whether ``name`` stands on the card written the same way (the same identifier, shown):
    only then does the card give it away."""
    start = text.find(name)
    while start >= 0:
        if not taken(start, start + len(name)):
            return True
        start = text.find(name, start + 1)
    return False


#: Words of grammar that carry no fact of an answer.
ARTICLES = frozenset({"a", "an", "the"})


def _close_together(places: list[list[int]], reach: int) -> bool:
    """Whether one word of the line from each list of ``places`` (word indexes, in order) fall
    within ``reach`` words of each other."""
    for first in sorted({at for found in places for at in found}):
        if all(any(first <= at < first + reach for at in found) for found in places):
            return True
    return False


RULES: tuple[Rule[RepairRule], ...] = (
    Rule(
        "spelled-on-card",
        "an answer whose every word its line gives, close together, is read off it: no card",
        spelled_on_card,
    ),
    Rule(
        "initials",
        "an acronym on the card made of the answer's words is hidden with the answer",
        initials,
    ),
    Rule(
        "word-inside",
        "a one-word answer inside a longer token, or a two-letter one again, is hidden there",
        word_inside,
    ),
    Rule(
        "stem-crumb",
        "the answer's own words in the breadcrumb, half of it or more, are hidden there",
        stem_crumb,
    ),
)
