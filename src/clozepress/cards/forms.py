"""Forms: an answer given away by another form of it shown on its card.

``repairs.hide_elsewhere`` and ``repairs.plain_repeat`` hide an answer where it stands again as
written (or in its other number); a reader recognises it as surely in another form of the same
word. The same word in two forms is the ``echo`` test: two words of four letters or more whose
shared start covers all but two letters of the shorter (`containerized`/"Containers",
`archive`/"Archiving"), or the shorter whole as the start of the longer, a word cut short
(`succi`/"succinilcolina"). Letters, not a language's suffixes: the notes may be in any
language. The rules here hide the form where the answer itself would be hidden, with the same
marks: it is not the same text, so it shows as withheld (``[–]``, ``echo.echo_same``), and a
heading it stands in gives way or is withheld whole (``placing``).

- ``form-crumb``: a one-word answer whose other form stands in the breadcrumb (the domain's
  title included, where the card then makes none: ``subdeck``): the heading names what the
  line is about, so the card asks back its own heading. Only one word: of an answer of
  several, a word the heading shares is its topic, and ``leaks.stem_crumb`` decides. Only the
  breadcrumb: inside the line, a description of a name in
  its own verb ("`taint` marks a resource as tainted", "`flatten` ... a flattened sequence") is
  the fact the card asks, and reviewers kept such cards (14 of 16 over seven rounds), where
  every card with a form of its one-word answer in the breadcrumb failed (7 of 7).
- ``initialism``: a short answer of one token that the initials of words on its card spell
  (`gc` beside "cyclic garbage collection"; words of grammar may stand between them, "File
  Transfer Protocol over SSL" spells `FTPS`): those words are withheld on that card. What
  ``repairs.acronym_near`` does for an acronym in capitals spelled word for word, for the
  other forms of an initialism: in lower case, with words of grammar inside.
- ``across``: an answer of two words, one of them (in any form) in the breadcrumb and the other
  in the line: the card spells it across the two, and the line's word is withheld (a word of a
  heading is the context, and stays). ``leaks.spelled_on_card`` reads the line alone.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from .draft import Draft, Hidden
from .echo import OWN_WORDS, _stems, _within
from .env import Env
from .leaks import IDENTIFIER, _cards, _Cover, hidden_in_crumb, own_words, parts
from .model import Blank
from .repairs import NEAR, RepairRule, in_series
from .rules import Rule
from .text import FUNCTION_WORDS, fold

#: Two forms of one word share their first letters: this many (the shortest word compared).
_KEY = 3
#: A word of a breadcrumb level: a run of letters and digits (a camelCase name is one run).
_RUN = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=8192)
def other_form(word: str, answer: str) -> bool:
    """Whether ``word`` is ``answer`` in another form: not the same text (case and a plural
    apart, which the repeats' rules hide), the same word as ``echo`` reads it. Cached: every
    card of a section compares its answer with the same headings."""
    if word.casefold()[:_KEY] != answer.casefold()[:_KEY]:
        return False  # two forms of one word share their first letters
    if any(c.isdigit() for c in word + answer):
        return False  # a number again is another quantity (see ``numbers``)
    mine, theirs = _stems(answer), _stems(word)
    return len(mine) == len(theirs) == 1 and mine != theirs and _within(theirs, mine)


def _one_word(answer: str) -> bool:
    """An answer of one word of letters (no camelCase humps, no joined parts)."""
    found = parts(answer)
    return len(found) == 1 and found[0][0].isalpha() and found[0][0] == answer.strip()


def form_crumb(draft: Draft, env: Env) -> Draft | None:
    """A one-word answer whose other form stands in the breadcrumb is hidden there, on that
    card, as the answer itself would be."""
    text = draft.unit.text
    items = in_series(draft)
    asked: dict[int, set[str]] = {}
    for number, blank, _ in draft.blanks:
        if blank.start in items:
            asked.setdefault(number, set()).add("")  # an item of a list: no heading asks it
        asked.setdefault(number, set()).add(text[blank.start : blank.end].strip())
    hidden = list(draft.hidden)
    for number, answers in asked.items():
        if len({fold(a) for a in answers}) != 1:
            continue  # a card asking several things: no one word to read off a heading
        answer = next(iter(answers))
        if not _one_word(answer):
            continue
        for index, crumb in enumerate(draft.crumbs):
            for run in _RUN.finditer(crumb):
                start, end = run.span()
                if not other_form(run.group(), answer) or hidden_in_crumb(
                    hidden, number, index, start, end
                ):
                    continue
                hidden.append(Hidden(number, start, end, index))
    if len(hidden) == len(draft.hidden):
        return None
    return dataclasses.replace(draft, hidden=tuple(hidden))


def _crumb_hidden(draft: Draft) -> dict[int, list[tuple[int, int, int]]]:
    """Per card, ``(level, start, end)`` of what it hides in the breadcrumb."""
    out: dict[int, list[tuple[int, int, int]]] = {}
    for h in draft.hidden:
        if h.crumb is not None:
            out.setdefault(h.number, []).append((h.crumb, h.start, h.end))
    return out


#: An initialism is letters only, this many at most (a number in a name tells one of a family
#: apart, `gp2` beside `gp3`: words spell no number); each word spelling it has at least
#: ``SPELLING_WORD`` letters (a symbol's letter, "w" of "derivative of w", spells nothing).
INITIALISM = 6
SPELLING_WORD = 3
_INITIALISM = re.compile(rf"[^\W\d_]{{2,{INITIALISM}}}")
#: Words and what may stand between them inside a name spelled out.
_TOKEN = re.compile(r"[^\s()\[\]{},;:/|–—›-]+")


def _letters(answer: str) -> str:
    """The initials an answer of one token stands for: its letters, in capitals; a plural's
    ``s`` after capitals left out (`NLBs`)."""
    letters = "".join(c for c in answer if c.isalpha())
    if len(letters) > 2 and letters.endswith("s") and letters[:-1].isupper():
        letters = letters[:-1]
    return letters.upper()


def spelled_runs(text: str, letters: str, start: int = 0, end: int = -1) -> list[tuple[int, int]]:
    """Runs of words of ``text[start:end]`` whose initials are ``letters`` in order, each word
    of ``SPELLING_WORD`` letters or more, words of grammar between them skipped."""
    found = list(_TOKEN.finditer(text, start, len(text) if end < 0 else end))
    out: list[tuple[int, int]] = []
    at = 0
    while at < len(found):
        spelled = 0
        last = at
        for index in range(at, len(found)):
            word = found[index].group()
            if (
                word[0].upper() == letters[spelled]
                and word[0].isalpha()
                and len(word) >= SPELLING_WORD
            ):
                spelled += 1
                last = index
                if spelled == len(letters):
                    break
            elif not spelled or word.casefold() not in FUNCTION_WORDS:
                break
        if spelled == len(letters):
            out.append((found[at].start(), found[last].end()))
            at = last + 1
        else:
            at += 1
    return out


def initialism(draft: Draft, env: Env) -> Draft | None:
    """Words on a card whose initials spell its answer of one short token are withheld there:
    the answer is read off them. Where that leaves the line fewer than ``OWN_WORDS`` words of
    its own ("`gc` (garbage collection)"), the spelling is all the card says: no card there,
    reported (in ``cloze = "unit"`` one card hides everything, and stays)."""
    text = draft.unit.text
    cover = _Cover(draft)
    hidden = list(draft.hidden)
    bare: set[int] = set()
    for number, blanks in _cards(draft).items():
        answers = {text[b.start : b.end].strip() for b in blanks}
        if len(answers) != 1:
            continue
        answer = next(iter(answers))
        if not _INITIALISM.fullmatch(answer):
            continue
        letters = _letters(answer)
        if len(letters) < 2:
            continue
        # An acronym in capitals spelled word for word is ``repairs.acronym_near``'s.
        capitals = sum(c.isupper() for c in answer) >= 2
        low = max(0, min(b.start for b in blanks) - NEAR)
        high = min(len(text), max(b.end for b in blanks) + NEAR)
        for start, end in spelled_runs(text, letters, low, high):
            if capitals and _word_for_word(text[start:end], letters):
                continue
            if fold(text[start:end]) == fold(answer) or cover.taken(number, start, end):
                continue
            hidden.append(Hidden(number, start, end))
            cover.take(number, start, end)
            if _own_words(text, blanks, cover.hidden.get(number, [])) < OWN_WORDS:
                bare.add(number)
        for index, crumb in enumerate(draft.crumbs):
            for start, end in spelled_runs(crumb, letters):
                if capitals and _word_for_word(crumb[start:end], letters):
                    continue
                if not hidden_in_crumb(hidden, number, index, start, end):
                    hidden.append(Hidden(number, start, end, index))
    return _withheld(draft, hidden, bare, env, "initialism")


def _word_for_word(run: str, letters: str) -> bool:
    """Whether ``run`` spells ``letters`` with no word of grammar inside."""
    return len(_TOKEN.findall(run)) == len(letters)


def _own_words(text: str, blanks: list[Blank], hidden: list[tuple[int, int]]) -> int:
    """Words of content a card shows of its line, up to ``OWN_WORDS``: outside its ``blanks``
    and ``hidden`` ranges (another card's blank shows its text)."""
    asks = [(b.start, b.end) for b in blanks] + hidden
    count = 0
    for found in _TOKEN.finditer(text):
        if (
            found.group().casefold() not in FUNCTION_WORDS
            and any(c.isalpha() for c in found.group())
            and not any(a < found.end() and found.start() < b for a, b in asks)
        ):
            count += 1
            if count >= OWN_WORDS:
                break  # enough: the rest of a long line need not be read
    return count


@functools.lru_cache(maxsize=8192)
def same_word(word: str, answer_word: str) -> bool:
    """Whether ``word`` is ``answer_word`` as written, in its other number or in another form."""
    if word.casefold()[:_KEY] != answer_word.casefold()[:_KEY]:
        return False
    return _stems(word) == _stems(answer_word) or other_form(word, answer_word)


def across(draft: Draft, env: Env) -> Draft | None:
    """An answer of two words, one of which the breadcrumb shows and the other the line ("Queue
    Plan" in a line under "TERRAFORM CLOUD" asking `Terraform plan`), is read off the card: the
    line's word is withheld there. Names recalled exactly (identifiers) are not spelled by their
    words as prose (as ``leaks.spelled_on_card`` has it)."""
    text = draft.unit.text
    cover = _Cover(draft)
    hidden = list(draft.hidden)
    bare: set[int] = set()
    # The line's words by their first letters: one word is another's form only if they share
    # them, so each card reads the few words it could be, not the whole line again.
    runs: dict[str, list[tuple[str, int, int]]] = {}
    for m in _RUN.finditer(text):
        runs.setdefault(m.group().casefold()[:_KEY], []).append((m.group(), m.start(), m.end()))
    in_crumbs = _crumb_hidden(draft)
    for number, blanks in _cards(draft).items():
        answers = {fold(text[b.start : b.end]) for b in blanks}
        answer = text[blanks[0].start : blanks[0].end].strip()
        own = own_words(answer)
        if len(answers) != 1 or len(own) != 2 or IDENTIFIER.match(answer):
            continue
        if not all(w.isalpha() for w in own):
            continue  # a number again is another quantity (see ``numbers``)
        mine = in_crumbs.get(number, [])
        shown = [
            m.group()
            for index, crumb in enumerate(draft.crumbs)
            for m in _RUN.finditer(crumb)
            if not any(i == index and a < m.end() and m.start() < b for i, a, b in mine)
        ]
        above = [any(same_word(w, word) for w in shown) for word in own]
        if not any(above) or all(above):
            continue
        places = [
            [
                (a, b)
                for w, a, b in runs.get(word.casefold()[:_KEY], ())
                if same_word(w, word) and not cover.taken(number, a, b)
            ]
            for word in own
        ]
        for one, other in ((0, 1), (1, 0)):
            if not above[one] or places[one] or above[other] or not places[other]:
                continue
            for start, end in places[other]:
                hidden.append(Hidden(number, start, end))
                cover.take(number, start, end)
            if _own_words(text, blanks, cover.hidden.get(number, [])) < OWN_WORDS:
                bare.add(number)
    return _withheld(draft, hidden, bare, env, "across")


def _withheld(
    draft: Draft, hidden: list[Hidden], bare: set[int], env: Env, rule: str
) -> Draft | None:
    """The draft with ``hidden`` withheld; a card left with too few words of its own
    (``bare``) makes no card, unless the learner asked for one card per line."""
    if len(hidden) == len(draft.hidden):
        return None
    repaired = dataclasses.replace(draft, hidden=tuple(hidden))
    if bare and env.config.cloze != "unit":
        return repaired.without(bare, rule)
    return repaired


RULES: tuple[Rule[RepairRule], ...] = (
    Rule(
        "form-crumb",
        "another form of a one-word answer in the breadcrumb is hidden there, as the answer is",
        form_crumb,
    ),
    Rule(
        "initialism",
        "words on the card whose initials spell its short answer are withheld there",
        initialism,
    ),
    Rule(
        "across",
        "an answer of two words, one in the breadcrumb and one in the line: the line's is withheld",
        across,
    ),
)
