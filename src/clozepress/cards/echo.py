"""Echoes: how a card hides its answer where the answer stands again, so that one fact reads as
one blank and not as a field of blanks.

An answer shown elsewhere on its card is hidden there (``repairs.hide_elsewhere``); shown as a
blank of its own, each such place reads as one more thing to recall ("[...] ([...]) › [...]
renewal", "When you [...], ... granted by the [...] ... [...] is higher"), and the learner no
longer sees which blank the card asks. Two repairs, run after every rule that hides:

- ``answer-heading``: a breadcrumb level that is the answer itself and little else (a heading
  "PROVIDERS" over a line asking for ``provider``) gives way to its parent, as a label level does:
  hidden, it would be a blank with nothing around it, and its parent still says where the line
  stands;
- ``aside-gloss``: another word for the answer in brackets beside its blank (a translation, an
  acronym) goes to the back: it is neither the same answer nor a second thing to recall;
- ``echo``: every other place the answer stands again (hidden text, a repeated highlight of the
  same words) shows a mark that says "the same answer" (``[〃]``), and only the blank asks; a
  hidden word that is not the answer's own but would tell it shows as withheld (``[–]``).
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from .draft import Draft, Hidden
from .env import Env
from .model import Blank
from .repairs import RepairRule
from .rules import Rule
from .text import FUNCTION_WORDS, fold, words

#: A heading level keeps its place when this many of its own words stand beside the answer.
OWN_WORDS = 2
_BRACKETS = re.compile(r"[()\[\]{}（）]")


def answer_heading(draft: Draft, env: Env) -> Draft | None:
    """A breadcrumb level (below the domain) where the answer stands and fewer than
    ``OWN_WORDS`` other words of content do ("PROVIDERS", "AWS Certificate Manager (ACM)",
    "TERRAFORM REFRESH") is the answer as a heading: it gives way to its parent."""
    by_crumb: dict[int, list[Hidden]] = {}
    for one in draft.hidden:
        if one.crumb is not None:
            by_crumb.setdefault(one.crumb, []).append(one)
    dropped = {
        index
        for index, found in by_crumb.items()
        if index > 0 and _own_words(draft.crumbs[index], found) < OWN_WORDS
    }
    if not dropped:
        return None
    return without_levels(draft, dropped, "answer-heading")


def without_levels(draft: Draft, dropped: set[int], rule: str) -> Draft:
    """The draft without breadcrumb levels ``dropped``, its hidden ranges, echoes and withheld
    marks kept on the levels that stay; ``rule`` recorded as having changed the breadcrumb."""
    kept = [index for index in range(len(draft.crumbs)) if index not in dropped]
    where = {old: new for new, old in enumerate(kept)}
    hidden = tuple(
        h if h.crumb is None else dataclasses.replace(h, crumb=where[h.crumb])
        for h in draft.hidden
        if h.crumb not in dropped
    )

    def marks(found: frozenset[tuple[int | None, int]]) -> frozenset[tuple[int | None, int]]:
        return frozenset(
            (c if c is None else where[c], start) for c, start in found if c not in dropped
        )

    return dataclasses.replace(
        draft,
        crumbs=tuple(draft.crumbs[index] for index in kept),
        hidden=hidden,
        echoes=marks(draft.echoes),
        withheld=marks(draft.withheld),
        crumb_notes=(*draft.crumb_notes, rule),
    )


def _own_words(crumb: str, hidden: list[Hidden]) -> int:
    """Words of content in ``crumb`` outside its hidden ranges."""
    parts: list[str] = []
    at = 0
    for h in sorted(hidden, key=lambda h: h.start):
        parts.append(crumb[at : h.start])
        at = max(at, h.end)
    parts.append(crumb[at:])
    rest = _BRACKETS.sub(" ", " ".join(parts))
    return sum(1 for w in words(rest) if w.casefold() not in FUNCTION_WORDS)


#: A bracket opening right after a blank (with a space or none), and closing.
_OPENS = re.compile(r"\s?[(（]\s*")
_CLOSES = re.compile(r"\s*[)）]")


def own_words(hidden: str, answer: str) -> bool:
    """Whether a hidden range is the answer standing again (its words are the answer's, in
    the singular or the plural, in part or whole), not another word for it (a translation, an
    acronym, a spelled-out form) nor a word that tells it (its opposite)."""
    mine, theirs = _stems(answer), _stems(hidden)
    return bool(theirs) and (_within(theirs, mine) or _within(mine, theirs))


def _within(some: set[str], other: set[str]) -> bool:
    """Whether each stem of ``some`` is one of ``other`` or shares its first letters with one
    of them, all but two ("archiv-e", "archiv-ing")."""
    return all(
        word in other
        or any(
            len(w) >= 4
            and len(word) >= 4
            and _prefix(word, w) >= max(4, min(len(word), len(w)) - 2)
            for w in other
        )
        for word in some
    )


def _prefix(one: str, two: str) -> int:
    size = 0
    for a, b in zip(one, two, strict=False):
        if a != b:
            break
        size += 1
    return size


def _stems(text: str) -> set[str]:
    """Its words' stems: case, a plural's ending, and the joins of a compound do not count."""
    parts = re.split(r"[\W_]+", " ".join(words(text)).casefold())
    return {p[:-1] if p.endswith("s") and len(p) > 3 else p for p in parts if p}


def aside_gloss(draft: Draft, env: Env) -> Draft | None:
    """Another word for the answer in brackets beside its blank ("language support(略)",
    "Iterable (가명)", "Virtual Private Gateway (VGW)"), hidden so it cannot give the answer
    away, is no second thing to recall and not the same answer either: the front leaves the
    brackets out, the back shows them with the answer. Another word the line gives before a
    bracket holding the blank ("세대([generation])") goes to the back the same way."""
    text = draft.unit.text
    taken = sorted((b.start, b.end) for _, b, _ in draft.blanks)
    starts = [a for a, _ in taken]
    moved: list[tuple[int, int]] = []
    back: list[str] = []
    kept: list[Hidden] = []
    blanks = {number: blank for number, blank, _ in sorted(draft.blanks, key=lambda b: b[1].start)}
    for h in draft.hidden:
        blank = blanks.get(h.number)
        if h.crumb is not None or blank is None:
            kept.append(h)
            continue
        answer = text[blank.start : blank.end]
        cut = None if own_words(text[h.start : h.end], answer) else _bracketed(text, h, blank)
        if cut is None or any(_overlaps(taken, starts, x, y) for x, y in cut):
            kept.append(h)
            continue
        moved.extend(cut)
        low = min(cut[0][0], blank.start)
        high = max(cut[-1][1], blank.end)
        back.append(" ".join(text[low:high].split()))
    if not moved:
        return None
    return dataclasses.replace(
        draft,
        hidden=tuple(kept),
        moved=(*draft.moved, *moved),
        moved_back=(*draft.moved_back, *back),
    )


def _overlaps(taken: list[tuple[int, int]], starts: list[int], x: int, y: int) -> bool:
    """Whether ``x..y`` meets a blank (``taken``, sorted; ``starts`` their starts): only the
    blanks starting before ``y`` near it are read, for a line may hold hundreds."""
    at = bisect.bisect_left(starts, y)
    return any(a < y and x < b for a, b in taken[max(0, at - 2) : at])


def _bracketed(text: str, hidden: Hidden, blank: Blank) -> list[tuple[int, int]] | None:
    """The ranges to cut so the blank stands alone: the brackets after it with the other word
    in them, or the other word before it with the brackets around the blank."""
    if hidden.start >= blank.end:
        opens = _OPENS.fullmatch(text, blank.end, hidden.start)
        closes = _CLOSES.match(text, hidden.end)
        if opens and closes:
            return [(blank.end, closes.end())]
        return None
    opens = _OPENS.fullmatch(text, hidden.end, blank.start)
    closes = _CLOSES.match(text, blank.end)
    if hidden.end > blank.start or not opens or not closes:
        return None
    # The line must still say something around the blank once the other word is gone.
    line_start = text.rfind("\n", 0, hidden.start) + 1
    line_end = text.find("\n", closes.end())
    rest = (
        text[line_start : hidden.start]
        + " "
        + text[closes.end() : len(text) if line_end < 0 else line_end]
    )
    if len(words(rest)) < 2:
        return None
    return [(hidden.start, blank.start), (blank.end, closes.end())]


def echo(draft: Draft, env: Env) -> Draft | None:
    """Each card asks its answer once: the first blank of a card number in the line is its
    blank; every hidden place of that card, and every later blank with the same words, shows
    ``[〃]`` (the same answer), so the card reads as one question, not as many."""
    text = draft.unit.text
    first: dict[int, int] = {}
    asked: dict[int, set[str]] = {}
    echoes: set[tuple[int | None, int]] = set()
    withheld: set[tuple[int | None, int]] = set()
    for number, blank, _ in sorted(draft.blanks, key=lambda item: item[1].start):
        answer = fold(text[blank.start : blank.end])
        if number in first and answer in asked[number]:
            echoes.add((None, blank.start))
            continue
        first.setdefault(number, blank.start)
        asked.setdefault(number, set()).add(answer)
    answers: dict[int, str] = {}
    for number, blank, _ in draft.blanks:
        answers[number] = f"{answers.get(number, '')} {text[blank.start : blank.end]}"
    for h in draft.hidden:
        if h.number not in first:
            continue
        # Another word hidden because it tells the answer ("Secondary" on a card asking
        # "Primary") is no echo of it: it shows as withheld.
        if own_words(draft.covers(h), answers[h.number]):
            echoes.add((h.crumb, h.start))
        else:
            withheld.add((h.crumb, h.start))
    if (frozenset(echoes), frozenset(withheld)) == (draft.echoes, draft.withheld):
        return None
    return dataclasses.replace(draft, echoes=frozenset(echoes), withheld=frozenset(withheld))


def echo_same(draft: Draft, env: Env) -> Draft | None:
    """An echo mark whose hidden text is not, word for word, a text its card's blanks ask (a
    plural of it, a singular, a word of it: "provider" on a card asking ``providers``) shows
    as withheld: ``[〃]`` says "the answer again", and the learner would write the same answer
    there and be wrong. Case and spacing do not count ("Rules" echoes `rules`)."""
    text = draft.unit.text
    answers: dict[int, set[str]] = {}
    for number, blank, _ in draft.blanks:
        answers.setdefault(number, set()).add(fold(text[blank.start : blank.end]))
    # A blank marked as an echo is the same text as its card's first (``echo``); the hidden
    # ranges are read here, before ``first-asks`` may make one of them the asking place.
    other: set[tuple[int | None, int]] = set()
    for h in draft.hidden:
        if (h.crumb, h.start) not in draft.echoes:
            continue
        if fold(draft.covers(h)) not in answers.get(h.number, set()):
            other.add((h.crumb, h.start))
    if not other:
        return None
    return dataclasses.replace(draft, echoes=draft.echoes - other, withheld=draft.withheld | other)


RULES: tuple[Rule[RepairRule], ...] = (
    Rule(
        "answer-heading",
        "a breadcrumb level that is the answer itself gives way to its parent, as a label does",
        answer_heading,
    ),
    Rule(
        "aside-gloss",
        "another word for the answer in brackets beside its blank goes to the back, no echo",
        aside_gloss,
    ),
    Rule(
        "echo",
        "a card's answer standing again on it shows as [〃] (the same answer), one blank asks",
        echo,
    ),
    Rule(
        "echo-same",
        "[〃] stands only for the very text its card asks; another form of it shows withheld",
        echo_same,
    ),
)
