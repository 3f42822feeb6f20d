"""Repairs: what a card shows around its blank, so the blank can be recalled and cannot be read.

Each repair rewrites a draft note and is applied before anything is skipped for being a poor
card: an answer shown elsewhere on the card is hidden there too; a line that opens by pointing
back ("It ...", "These ...") gets the line it points at; a breadcrumb level that is a mere label
("P1", "misc", "Options:") gives way to the headings and parents that name a subject.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from typing import Protocol

from .deixis import continues, points_back
from .draft import Draft, Hidden
from .env import Env
from .model import Blank, Mark
from .rules import Rule
from .text import (
    fold,
    indexed_form,
    is_label,
    leans_back,
    occurrences,
    only_function_words,
    refers_back,
    words,
)

#: A breadcrumb line longer than this is cut (characters); the whole line is on its own card.
CRUMB_CHARS = 110


class RepairRule(Protocol):
    def __call__(self, draft: Draft, env: Env) -> Draft | None: ...


#: What may stand between the items of a series written on one line.
_BETWEEN = re.compile(
    r"^\s*(?:,|/|;|,?\s*(?:or|and|e|o|및|와|과|或|和)\b)?\s*,?\s*$", re.IGNORECASE
)
#: A half of a pair has at most this many words: longer halves are clauses joined by "and".
PAIR_WORDS = 2
#: A series shorter than this is two facts, each the other's cue.
SERIES = 3


def _gap(text: str, left: tuple[int, Blank, Mark], right: tuple[int, Blank, Mark]) -> str:
    """What stands between two highlights: a blank that is a token of its highlight (the
    subcommand of `terraform plan`) leaves the rest of the highlight out of the gap."""
    return text[max(left[1].end, left[2].end) : min(right[1].start, right[2].start)]


def series(draft: Draft, env: Env) -> Draft | None:
    """Three or more highlights in a row with only commas or "and"/"or" between them (`TRACE`,
    `DEBUG`, `INFO`) are one fact, a list to recite: one card hides them all. Apart, each card
    would show the others, and the one left is guessed from them."""
    blanks = sorted(draft.blanks, key=lambda item: item[1].start)
    runs = _runs(draft.unit.text, blanks)
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


def _runs(text: str, blanks: list[tuple[int, Blank, Mark]]) -> list[list[int]]:
    """The blanks (in text order) in runs written as one series on a line: indexes into
    ``blanks``."""
    runs: list[list[int]] = [[0]] if blanks else []
    for index in range(1, len(blanks)):
        gap = _gap(text, blanks[index - 1], blanks[index])
        if "\n" not in gap and _BETWEEN.match(gap):
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def in_series(draft: Draft) -> set[int]:
    """The starts of the blanks that are items of a series, whatever card each is on."""
    blanks = sorted(draft.blanks, key=lambda item: item[1].start)
    return {
        blanks[i][1].start
        for run in _runs(draft.unit.text, blanks)
        if len(run) >= SERIES
        for i in run
    }


def pair(draft: Draft, env: Env) -> Draft | None:
    """Two highlights side by side with only "and", "or", a comma or a slash between them (`W`
    and `b`, `0` and `1`) are one fact, a pair: one card hides both. Apart, each card shows the
    other half, and the half left is guessed from it."""
    text = draft.unit.text
    blanks = sorted(draft.blanks, key=lambda item: item[1].start)
    merged: dict[int, int] = {}
    for index in range(1, len(blanks)):
        (one, left, _), (two, right, _) = blanks[index - 1], blanks[index]
        gap = _gap(text, blanks[index - 1], blanks[index])
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


#: A short prefix turns a word into its opposite or its variant (``enable``/``disable``).
_PREFIX = 3
#: The stem two prefixed twins share is at least this long.
_STEM = 4
#: A name this long with two letters swapped is a twin; a phrase this many words long with
#: one word changed is one.
_SWAP_FROM = 6
_PHRASE = 4


def twin_keys(answer: str) -> set[tuple[str, str]]:
    """Keys two answers share when one is read off the other: the same text but for its indexes
    or counters; the same stem but for a short prefix; two letters that differ in one."""
    # A comma or stop the highlight took in from its sentence is no part of the name.
    text = " ".join(answer.split()).casefold().rstrip(",;:.")
    keys: set[tuple[str, str]] = set()
    indexed = indexed_form(text)
    if indexed != text and any(c.isalpha() for c in indexed):
        keys.add(("index", indexed))
    for cut_at in range(_PREFIX + 1):
        stem = text[cut_at:]
        if len(stem) >= _STEM and len(stem) * 5 >= len(text) * 3:
            keys.add(("stem", stem))
    if len(text) == 2 and text.isalnum():
        keys.update({("short", "?" + text[1]), ("short", text[0] + "?")})
    if len(text) >= _SWAP_FROM and len(phrase := text.split()) <= _PHRASE - 2:
        # One or two letters swapped inside a name: `Py_INCREF`/`Py_DECREF`.
        keys.update(("swap", text[:at] + "**" + text[at + 2 :]) for at in range(len(text) - 1))
    phrase = text.split()
    if len(phrase) >= _PHRASE:
        # One word changed in a phrase: "the size of the input vector" / "... output vector".
        keys.update(
            ("phrase", " ".join([*phrase[:at], "*", *phrase[at + 1 :]]))
            for at in range(len(phrase))
        )
    return keys


def twins(draft: Draft, env: Env) -> Draft | None:
    """Two blanks of one note whose answers are twins (`W1`/`W2`, `count++`/`count--`,
    `enable()`/`disable()`, `obj.sum(axis = 0)`/`obj.sum(axis = 1)`) are one fact: apart, each
    card shows the other, and the one left is read off its twin. One card hides both."""
    return _merged(draft, env, twin_pairs(draft))


def twin_pairs(draft: Draft) -> list[tuple[int, int]]:
    """Per blank sharing a ``twin_keys`` key with an earlier card's answer, the pair (the card
    that first took the key, this blank's card)."""
    text = draft.unit.text
    owner: dict[tuple[str, str], int] = {}
    answers: dict[int, set[str]] = {}
    pairs: list[tuple[int, int]] = []
    for number, blank, _ in draft.blanks:
        answer = " ".join(text[blank.start : blank.end].split()).casefold()
        answers.setdefault(number, set()).add(answer)
        for key in twin_keys(answer):
            other = owner.setdefault(key, number)
            if other != number and answer not in answers.get(other, set()):
                pairs.append((other, number))
    return pairs


#: How many blanks around one are looked at for one holding it; a group grows to at most
#: ``GROUP`` blanks (a card hiding more asks too much at once).
AROUND = 6
GROUP = 3
#: A word cut to this many letters or more (`succi` of `succinilcolina`) is that word.
_CUT = 4


def contained(draft: Draft, env: Env) -> Draft | None:
    """A blank whose answer stands whole inside another blank of the line ("[EC2]" beside "[EC2
    instances as backbone]", "[unreachable]" beside "[move_unreachable()]", a word cut short
    beside the whole word), or is the same answer again (`init` beside the `init` of `terraform
    init`), is read off the other's card, and the other's off its own: one card hides both."""
    return _merged(draft, env, contained_pairs(draft), limit=GROUP)


@functools.lru_cache(maxsize=4096)
def standalone(word: str, *, ignore_case: bool) -> re.Pattern[str]:
    """``word`` not glued to a letter or digit on either side (an underscore or a dot may touch
    it). Cached: the same answers are looked for on every card of a line and on every build,
    and there are more of them than ``re``'s own cache holds."""
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", flags)


def tells_inside(short: str) -> bool:
    """Whether answer ``short`` (folded), standing whole inside another, tells it: a word or
    number ``_tellable`` reads, or an operator (`~>`), told by its sight however short it is;
    never words of grammar alone. One test for ``contained`` and ``oneanswer.holds``, so the
    split of a crowded card withholds what the join would have joined."""
    symbol = len(short) >= 2 and not any(c.isalnum() for c in short)
    return (_tellable(short) or symbol) and not only_function_words(short)


def contained_pairs(draft: Draft) -> list[tuple[int, int]]:
    """Per blank whose answer another blank among the ``AROUND`` beside it holds whole (or cut
    short, or is again), the pair (that card's number, this one's)."""
    text = draft.unit.text
    blanks = sorted(draft.blanks, key=lambda item: item[1].start)
    answers = [" ".join(text[b.start : b.end].split()).casefold() for _, b, _ in blanks]
    pairs: list[tuple[int, int]] = []
    for index, (number, _, _) in enumerate(blanks):
        short = answers[index]
        if not tells_inside(short):
            continue
        inside = standalone(short, ignore_case=False)
        for other in range(max(0, index - AROUND), min(len(blanks), index + AROUND + 1)):
            long = answers[other]
            if blanks[other][0] == number or len(long) < len(short):
                continue
            cut = len(short) >= _CUT and " " not in short and short.isalpha()
            if (
                long == short
                or (len(long) > len(short) and inside.search(long))
                or (cut and any(w.startswith(short) and w != short for w in long.split()))
            ):
                pairs.append((blanks[other][0], number))
    return pairs


def _merged(draft: Draft, env: Env, pairs: list[tuple[int, int]], limit: int = 0) -> Draft | None:
    """The draft with the cloze numbers of each pair made one (and renumbered in order);
    ``limit``: a group that would pass this many blanks is not joined."""
    if not pairs:
        return None
    parent: dict[int, int] = {}
    size = {n: sum(1 for m, _, _ in draft.blanks if m == n) for n, _, _ in draft.blanks}

    def root(number: int) -> int:
        while parent.get(number, number) != number:
            number = parent[number]
        return number

    for one, two in pairs:
        a, b = root(one), root(two)
        if a == b or (limit and size[a] + size[b] > limit):
            continue
        parent[max(a, b)] = min(a, b)
        size[min(a, b)] = size[a] + size[b]
    if not parent:
        return None
    one_card = env.config.cloze == "unit"
    numbers: dict[int, int] = {}
    renumbered: list[tuple[int, Blank, Mark]] = []
    for number, blank, mark in draft.blanks:
        numbers.setdefault(root(number), len(numbers) + 1)
        renumbered.append((1 if one_card else numbers[root(number)], blank, mark))
    if [n for n, _, _ in renumbered] == [n for n, _, _ in draft.blanks]:
        return None
    return dataclasses.replace(draft, blanks=tuple(renumbered))


#: The most blanks one card hides. Three items are recited as one chunk (working memory holds
#: three or four); past that the card asks for the whole list at once, and a learner who misses
#: one item fails them all: reviewers judged such cards FIX and each of their items weakly tested.
MAX_BLANKS = 3


def item_cards(draft: Draft, env: Env) -> Draft | None:
    """A card that would hide more than ``MAX_BLANKS`` blanks (a long series, a chain of twins)
    becomes one card per item, the other items shown: a list's overlapping clozes, the words
    before the series its question. Two of its blanks that are twins or one inside the other
    stay one card, as ``twins`` and ``contained`` join them, so neither is read off the other;
    a card that is one chain of twins stays whole (``_twin_chains``)."""
    if env.config.cloze == "unit":
        return None
    size: dict[int, int] = {}
    for number, _, _ in draft.blanks:
        size[number] = size.get(number, 0) + 1
    chains = _twin_chains(draft)
    if all(count <= MAX_BLANKS or number in chains for number, count in size.items()):
        return None
    # Split each crowded card into its blanks, numbered apart from every other card.
    split: list[tuple[int, Blank, Mark]] = []
    fresh = max(size) + 1
    crowded: list[int] = []
    for number, blank, mark in draft.blanks:
        if size[number] > MAX_BLANKS and number not in chains:
            split.append((fresh, blank, mark))
            crowded.append(fresh)
            fresh += 1
        else:
            split.append((number, blank, mark))
    apart = dataclasses.replace(draft, blanks=tuple(split))
    # Rejoin the pairs within the split items that would give each other away.
    pairs = [
        (one, two)
        for one, two in twin_pairs(apart) + contained_pairs(apart)
        if one in crowded and two in crowded
    ]
    joined = _merged(apart, env, pairs, limit=2) or apart
    # Cloze numbers again 1, 2, ... in text order (the split ones were numbered past the rest).
    numbers: dict[int, int] = {}
    for number, _, _ in sorted(joined.blanks, key=lambda item: item[1].start):
        numbers.setdefault(number, len(numbers) + 1)
    renumbered = tuple((numbers[number], blank, mark) for number, blank, mark in joined.blanks)
    return dataclasses.replace(draft, blanks=renumbered)


def _twin_chains(draft: Draft) -> set[int]:
    """The cards whose blanks are one chain of twins (`generation[0].count++`, `...[1]...`,
    `...[2]...`): each blank is read off a twin, so cut apart every card shows the pattern that
    gives its answer away. Such a card stays whole: the chain is one fact, the pattern."""
    apart = dataclasses.replace(
        draft,
        blanks=tuple((index, blank, mark) for index, (_, blank, mark) in enumerate(draft.blanks)),
    )
    parent = list(range(len(draft.blanks)))

    def root(at: int) -> int:
        while parent[at] != at:
            at = parent[at]
        return at

    for one, two in twin_pairs(apart):
        if draft.blanks[one][0] == draft.blanks[two][0]:
            parent[max(root(one), root(two))] = min(root(one), root(two))
    roots: dict[int, set[int]] = {}
    for index, (number, _, _) in enumerate(draft.blanks):
        roots.setdefault(number, set()).add(root(index))
    return {number for number, found in roots.items() if len(found) == 1}


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
    # A sentence cut from its paragraph may point back further in: "one of this class ...".
    cut_out = unit.cut_out and refers_back(unit.text)
    opening = (
        leans_back(unit.text, env.cues.anaphors)
        or points_back(unit.text)
        or ("connective" not in env.disabled and continues(unit.text))
    )
    if opening and _opens_on_blank(draft):
        opening = False  # every card hides the opening word: its front opens on the question
    if not opening and not named and not cut_out:
        return None
    if cut_out and not opening:
        # "This setting" names what the sentence before ended on: keep that end, not its start.
        before = cut_end(unit.before)
    if any(" ".join(c.split()) == before for c in draft.crumbs):
        return None
    return dataclasses.replace(draft, crumbs=(*draft.crumbs, before))


def _opens_on_blank(draft: Draft) -> bool:
    """Whether every card of the note hides the unit's first word."""
    found = re.search(r"\w", draft.unit.text)
    if found is None:
        return False
    first = found.start()
    numbers = {n for n, _, _ in draft.blanks}
    covered = {n for n, blank, _ in draft.blanks if blank.start <= first < blank.end}
    return bool(numbers) and covered == numbers


def hide_elsewhere(draft: Draft, env: Env) -> Draft | None:
    return _hide_repeats(draft, plain=False)


def plain_repeat(draft: Draft, env: Env) -> Draft | None:
    """A plain word as the answer ("`plan`", "`topic`") shown again on its card, in the line or
    its headings, gives it away as surely as a name does, whatever sense it has there: it is
    hidden there too. Words of grammar alone are no answer to give away."""
    return _hide_repeats(draft, plain=True)


def _hide_repeats(draft: Draft, *, plain: bool) -> Draft | None:
    """Hide each answer where it stands again on its card: names, commands, terms in another
    script and answers that name something (``plain`` False), or plain words (``plain`` True)."""
    text = draft.unit.text
    taken = draft.taken()
    lowered = text.lower()
    hidden: list[Hidden] = list(draft.hidden)
    # A word in another script than the line's own words is a term there, not a plain word.
    around = script(draft.unit.unmarked)
    items = in_series(draft)
    for number, blank, _ in draft.blanks:
        answer = text[blank.start : blank.end].strip()
        named = blank.kind in ("name", "code")  # a name or a command is hidden wherever it stands
        foreign = bool(around - script(answer))
        if not _tellable(answer):
            continue
        if (named or foreign or _distinctive(answer)) == plain:
            continue
        if plain and only_function_words(answer):
            continue
        forms = _forms(answer)
        for form in forms:
            for start, end in [*occurrences(form, text, lowered), *_in_links(form, text)]:
                if not any(taken[start:end]):
                    hidden.append(Hidden(number, start, end))
                    taken[start:end] = b"\x01" * (end - start)
        # An acronym of the answer right after it ("[...] (PII)") spells its initials.
        after = _ACRONYM.match(text, blank.end)
        if (
            after
            and blank.rule != "spelled-out"
            and _initials(answer) == after.group(1).upper()
            and not any(taken[after.start(1) : after.end(1)])
        ):
            hidden.append(Hidden(number, after.start(1), after.end(1)))
            taken[after.start(1) : after.end(1)] = b"\x01" * (after.end(1) - after.start(1))
        if blank.start in items:
            continue  # one item of a list to recite: a heading naming it asks for no item
        for index, crumb in enumerate(draft.crumbs):
            for form in forms:
                for start, end in [*occurrences(form, crumb), *_in_links(form, crumb)]:
                    if not any(
                        h.crumb == index and h.start < end and start < h.end for h in hidden
                    ):
                        hidden.append(Hidden(number, start, end, index))
    if len(hidden) == len(draft.hidden):
        return None
    return dataclasses.replace(draft, hidden=tuple(hidden))


_LINK = re.compile(r"https?://\S+|www\.\S+")
#: The word whose other number is taken: three letters are a word with a plural (`key`, "Keys");
#: a word of three ending in ``s`` is rarely one (`bus`, `gas`), so only longer ones lose it.
_WORD_END = re.compile(r"[A-Za-z]{3,}$")


def _forms(answer: str) -> list[str]:
    """The answer and its other number, for a word of the Latin script (``subnets`` shows as
    "one NACL per subnet"): the same word, the same answer."""
    forms = [answer]
    if answer.endswith("()") and len(answer) >= 5:
        forms.append(answer[:-2])  # a call shows as its name: `range()`, "a range object"
    end = _WORD_END.search(answer)
    if end is None:
        return forms
    word = end.group()
    stem = answer[: end.start()]
    if word.endswith("es") and len(word) > 5:
        forms.append(stem + word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms.append(stem + word[:-1])
    else:
        forms.append(stem + word + "s")
    return forms


def _in_links(answer: str, text: str) -> list[tuple[int, int]]:
    """Where the answer stands as a part of a written-out link (``.../commands/console.html``
    spells ``console``): a link's address gives it away as its words do."""
    if len(answer) < 3 or ("http" not in text and "www." not in text):
        return []
    part = standalone(answer, ignore_case=True)
    return [
        (found.start(), found.end())
        for link in _LINK.finditer(text)
        for found in part.finditer(text, link.start(), link.end())
    ]


#: An acronym and its spelled-out form count as one answer within this many characters.
NEAR = 160
_TOKEN = re.compile(r"[^\s()\[\]{},;:/|–—-]+")


def _spelled_runs(text: str, start: int, end: int, initials: str) -> list[tuple[int, int]]:
    """Runs of consecutive words of ``text[start:end]`` whose initials spell ``initials``."""
    found = list(_TOKEN.finditer(text, start, end))
    size = len(initials)
    out = []
    index = 0
    while index + size <= len(found):
        run = found[index : index + size]
        if "".join(m.group()[0] for m in run).upper() == initials and all(
            m.group()[0].isalpha() for m in run
        ):
            out.append((run[0].start(), run[-1].end()))
            index += size
        else:
            index += 1
    return out


def acronym_near(draft: Draft, env: Env) -> Draft | None:
    """An acronym and its spelled-out form near each other on a card ("[NLB] - Network Load
    Balancer", a heading "ALB - Application Load Balancer" over "[Application Load Balancer]
    ..."): either one spells the other, so the one shown is hidden with the blank."""
    text = draft.unit.text
    hidden = list(draft.hidden)
    taken = bytearray(len(text))
    for _, blank, _ in draft.blanks:
        taken[blank.start : blank.end] = b"\x01" * (blank.end - blank.start)
    for number, blank, _ in draft.blanks:
        if blank.rule == "spelled-out":
            continue  # the acronym beside it is its cue
        answer = text[blank.start : blank.end].strip()
        low, high = max(0, blank.start - NEAR), min(len(text), blank.end + NEAR)
        places: list[tuple[int, int, int | None]] = []
        if _ACRONYM_ANSWER.match(answer) and sum(c.isupper() for c in answer) >= 2:
            target = "".join(c for c in answer.upper() if c.isalpha())
            places += [(a, b, None) for a, b in _spelled_runs(text, low, high, target)]
            for index, crumb in enumerate(draft.crumbs):
                places += [(a, b, index) for a, b in _spelled_runs(crumb, 0, len(crumb), target)]
        else:
            # Its own acronym in brackets ("Protected Health Information (PHI)") is no word of
            # it: standing elsewhere ("Detect PHI API"), it spells the words before it.
            answer = _OWN_ACRONYM.sub("", answer)
            spelled = words(answer)
            if not 2 <= len(spelled) <= 8 or not all(w[0].isalpha() for w in spelled):
                continue
            acronym = _acronym(_initials(answer))
            places += [(m.start(), m.end(), None) for m in acronym.finditer(text, low, high)]
            for index, crumb in enumerate(draft.crumbs):
                places += [(m.start(), m.end(), index) for m in acronym.finditer(crumb)]
        for start, end, where in places:
            if where is None and any(taken[start:end]):
                continue
            hidden.append(Hidden(number, start, end, where))
            if where is None:
                taken[start:end] = b"\x01" * (end - start)
    if len(hidden) == len(draft.hidden):
        return None
    return dataclasses.replace(draft, hidden=tuple(hidden))


_ACRONYM_ANSWER = re.compile(r"^[A-Z][A-Za-z0-9]{1,7}$")
_OWN_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z0-9]{1,7}\)$")
_GLOSS_AFTER = re.compile(r"\s?[(（]([^()（）\n]{1,40})[)）]")
_TERM_BEFORE = re.compile(r"(\S+(?:\s\S+)?)\s?[(（]\s*$")


def script(text: str) -> frozenset[str]:
    """The writing systems of a text's letters, by the first word of their Unicode name
    (``LATIN``, ``HANGUL``, ``CJK``...): a word glossed in another script is a translation."""
    found = set()
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            found.add(name.split(" ", 1)[0] if name else "?")
    return frozenset(found)


def gloss(draft: Draft, env: Env) -> Draft | None:
    """A translation beside the blank, in brackets in another script ("[generation](세대)",
    "세대([generation])"), gives the answer in the learner's other language: it is hidden
    with the blank on that card, which then asks for the term from what the line says of it."""
    text = draft.unit.text
    hidden = list(draft.hidden)
    for number, blank, _ in draft.blanks:
        own = script(text[blank.start : blank.end])
        if not own or blank.rule == "member-class":
            continue  # a class's brackets hold the members it is asked from, not its gloss
        after = _GLOSS_AFTER.match(text, blank.end)
        if after and script(after.group(1)) and not script(after.group(1)) & own:
            hidden.append(Hidden(number, after.start(1), after.end(1)))
            continue
        closing = text[blank.end : blank.end + 2].lstrip()[:1]
        # Only the words just before the bracket: a line may hold hundreds of blanks.
        before = _TERM_BEFORE.search(text, max(0, blank.start - 80), blank.start)
        term = script(before.group(1)) if closing in (")", "）") and before else frozenset()
        if before and term and not term & own:
            hidden.append(Hidden(number, before.start(1), before.end(1)))
    if len(hidden) == len(draft.hidden):
        return None
    return dataclasses.replace(draft, hidden=tuple(hidden))


def _tellable(answer: str) -> bool:
    """An answer whose sight elsewhere would tell it: a word of three letters, or a number."""
    found = words(answer)
    return bool(found) and (len(answer) >= 3 or any(c.isdigit() for c in answer))


_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z0-9]{1,7})\)")


@functools.lru_cache(maxsize=4096)
def _acronym(initials: str) -> re.Pattern[str]:
    """The acronym ``initials`` as a word of its own, maybe in the plural (``NLBs``); cached as
    ``standalone`` is. Initials are letters and digits only: nothing to escape."""
    return re.compile(rf"(?<![\w-]){initials}s?(?![\w-])")


def _initials(answer: str) -> str:
    return "".join(w[0] for w in words(answer) if w[0].isalnum()).upper()


def _distinctive(answer: str) -> bool:
    """An answer that names something (``Glacier``, ``TTL``, ``state rm``, ``5 GB``), not a
    plain word that reads on in other senses elsewhere (``plan``, ``file``): only the former is
    hidden where it stands elsewhere (a name's blank always is, see ``name``)."""
    found = words(answer)
    return len(found) >= 2 or any(not c.islower() for c in answer)


def cut_end(line: str) -> str:
    """A line as a breadcrumb shows it when what matters is its end: its last words."""
    line = " ".join(line.split())
    if len(line) <= CRUMB_CHARS:
        return line
    return "…" + line[-(CRUMB_CHARS - 1) :].split(" ", 1)[-1]


def cut(line: str) -> str:
    line = " ".join(line.split())
    if len(line) <= CRUMB_CHARS:
        return line
    return line[: CRUMB_CHARS - 1].rsplit(" ", 1)[0] + "…"


RULES: tuple[Rule[RepairRule], ...] = (
    Rule("series", "three highlights or more in a row are one list to recite, one card", series),
    Rule("pair", "two highlights joined by 'and', 'or' or a comma are one pair, one card", pair),
    Rule("twins", "two blanks each read off the other (W1/W2, enable/disable) are one card", twins),
    Rule(
        "contained",
        "a blank whose answer stands inside another blank of the line is one card with it",
        contained,
    ),
    Rule(
        "item-cards",
        f"a card hides at most {MAX_BLANKS} blanks: a longer series is a card per item",
        item_cards,
    ),
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
        "acronym-near",
        "an acronym and its spelled-out form near each other on a card: the one shown is hidden",
        acronym_near,
    ),
    Rule(
        "gloss",
        "a translation of the answer in brackets beside it is hidden with it on its card",
        gloss,
    ),
    Rule(
        "hide-elsewhere",
        "an answer shown elsewhere on its card is hidden there too",
        hide_elsewhere,
    ),
    Rule(
        "plain-repeat",
        "a plain word as the answer, shown again on its card, is hidden there too",
        plain_repeat,
    ),
)
