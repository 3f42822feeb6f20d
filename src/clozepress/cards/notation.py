"""Notation read off its card: a symbol asked where the card's own words or symbols spell it.

A symbol of notation is short, and notes name it by a convention the card itself shows: the
letter that opens the word it stands for (``w[l]`` beside "weights"), a one-letter prefix on a
symbol written beside it (``dw`` beside ``W``, ``db`` beside ``b``). Such a card asks the
convention, not the fact: it is answered by reading the card. Each rule reads the shape of
the text only, never what a symbol means:

- ``initial-symbol``: a card whose one blank is a one-letter symbol, maybe indexed (``w``,
  ``w[l]``, ``W1``), written right beside a word of the card that begins with that letter
  ("[...] weights"), is spelled by that word: no card;
- ``prefixed-symbol``: a card whose every blank is a symbol made of one lower-case letter put
  before another symbol (``dw``), while the card shows that other symbol as a highlight of its
  own (``W``), asks for the prefix applied: no card. ``derived-name`` already skips such a name
  where its line only uses the pair; this rule reaches the lines that say something of it
  ("`dw` has the same shape as `W`"): the card asks the name, and the base on it spells it. A
  line that defines the name ("`dw` is the derivative of `w`") keeps its card: the name a
  definition gives is the convention itself, taught there.

- ``paired-letter``: a card whose one blank is a one-letter symbol (``Y``) while its line
  shows, as another highlight, the letter next to it in the alphabet with the same index
  (``X``), each opening a clause of the same words ("`X` is the input ..., and [...] is the
  output ..."), asks for the pair's other letter: notes name a pair by consecutive letters
  (``x``/``y``, ``m``/``n``), so the shown one spells it. Where the two stand in different
  words (``w0`` "of w" beside ``x0 = 1``) the letter is no pair's, and is asked.

- ``shown-symbol``: a card whose one blank is a one-letter symbol (``b``) that the card shows
  again, highlighted on its line or on a sibling line it shows ("`db` is the same shape as
  `b`"), is answered by pointing at it: no card, where the note keeps another card, which asks
  what the line says of the symbol (its shape, its value). A note's last card stays.

They run after the rules that join and split cards (``contained``, ``parallel``,
``item-cards``), so they judge the cards as they will be asked, and before ``leaks``.
"""

from __future__ import annotations

import re

from ..form.model import all_highlights
from .draft import Draft
from .env import Env
from .model import Blank, Mark
from .repairs import RepairRule, standalone
from .rules import Rule
from .skips import DEFINED

#: A one-letter symbol, maybe with an index (``w``, ``w[l]``, ``x(i)``, ``a_2``, ``W1``): the
#: letter, then a number written right after it (read as an index only where the notes write
#: the letter with several numbers: ``S3`` alone is a name, ``W1`` beside ``W2`` a variable).
_LETTER = re.compile(r"([^\W\d_])(?:(\d{1,2})|\[\w{1,3}\]|\(\w{1,3}\)|_\w{1,2})?")
#: A symbol with a one-letter lower-case prefix before a one-letter symbol (``dw``, ``dW[l]``):
#: the prefix, then the symbol it is put on.
_PREFIXED = re.compile(r"([a-z])([^\W\d_](?:\d{1,2}|\[\w{1,3}\])?)")
#: The word a symbol stands beside: at least this many letters, so "a"/"an" spell nothing.
MIN_WORD = 3
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
#: How far before the blank the word beside it is looked for.
BESIDE = 40


def _one_blank_cards(draft: Draft) -> list[tuple[int, Blank]]:
    sizes = draft.blanks_per_card()
    return [(n, blank) for n, blank, _ in draft.blanks if sizes[n] == 1]


class _Cover:
    """Per card of a draft, the spans it hides (its blanks and hidden text), and the unit's
    highlights by text: read once per draft, so the rules asking per card what it shows stay
    linear in a line's highlights."""

    def __init__(self, draft: Draft) -> None:
        self.spans: dict[int, list[tuple[int, int]]] = {}
        for number, blank, _ in draft.blanks:
            self.spans.setdefault(number, []).append((blank.start, blank.end))
        for hidden in draft.hidden:
            if hidden.crumb is None:
                self.spans.setdefault(hidden.number, []).append((hidden.start, hidden.end))
        self.marks: dict[str, list[Mark]] = {}
        self.folded: dict[str, list[Mark]] = {}
        for mark in draft.unit.marks:
            self.marks.setdefault(mark.highlight.text, []).append(mark)
            self.folded.setdefault(mark.highlight.text.casefold(), []).append(mark)

    def hides(self, number: int, start: int, end: int) -> bool:
        """Whether card ``number`` hides anything of ``text[start:end]``."""
        return any(s < end and start < e for s, e in self.spans.get(number, ()))

    def shows(self, number: int, blank: Blank, marks: list[Mark]) -> bool:
        """Whether card ``number`` shows one of ``marks`` besides its own blank."""
        return any(
            not (mark.start < blank.end and blank.start < mark.end)
            and not self.hides(number, mark.start, mark.end)
            for mark in marks
        )


def initial_symbol(draft: Draft, env: Env) -> Draft | None:
    """A card whose one blank is a one-letter symbol written beside a word that begins with
    that letter ("[...] weights") is spelled by the word: no card."""
    text = draft.unit.text
    cover = _Cover(draft)
    off: set[int] = set()
    for number, blank in _one_blank_cards(draft):
        found = _LETTER.fullmatch(text, blank.start, blank.end)
        if found is None or (found.group(2) and found.group(1) not in env.indexed):
            continue
        letter = found.group(1).casefold()
        after = _WORD_AFTER.match(text, blank.end)
        before = _WORD_BEFORE.search(text, max(0, blank.start - BESIDE), blank.start)
        for word in (after, before):
            if word is None or len(word.group(1)) < MIN_WORD:
                continue
            if word.group(1)[0].casefold() != letter:
                continue
            if not cover.hides(number, *word.span(1)):
                off.add(number)
    return draft.without(off, "initial-symbol") if off else None


def prefixed_symbol(draft: Draft, env: Env) -> Draft | None:
    """A card whose every blank is a prefixed symbol (``dw``) whose symbol (``W``) the card
    shows as a highlight asks for the prefix applied: no card, unless its line defines it
    ("`dw` is the derivative of `w`"): the name a definition gives is the convention taught."""
    text = draft.unit.text
    cover = _Cover(draft)
    read: dict[int, bool] = {}
    for number, blank, _ in draft.blanks:
        found = _PREFIXED.fullmatch(text, blank.start, blank.end)
        shown = found is not None and cover.shows(
            number, blank, cover.folded.get(found.group(2).casefold(), [])
        )
        defined = DEFINED.match(text, blank.end) is not None
        read[number] = read.get(number, True) and shown and not defined
    off = {number for number, yes in read.items() if yes}
    return draft.without(off, "prefixed-symbol") if off else None


#: A lone one-letter symbol, maybe with a number: the letter, then the number.
_PAIRED = re.compile(r"([^\W\d_])(\d{0,2})")
#: The words that open the clause after a symbol, compared between the two of a pair.
_CLAUSE = re.compile(r"[ \t]+([^\W\d_]+)[ \t]+([^\W\d_]+)")


def paired_letter(draft: Draft, env: Env) -> Draft | None:
    """A card whose one blank is a one-letter symbol (``Y``) whose neighbour in the alphabet
    (``X``) its line shows as a highlight, opening a clause of the same two words ("is the"),
    asks for the pair's other letter: no card."""
    text = draft.unit.text
    cover = _Cover(draft)
    off: set[int] = set()
    for number, blank in _one_blank_cards(draft):
        found = _PAIRED.fullmatch(text, blank.start, blank.end)
        words = _CLAUSE.match(text, blank.end)
        if found is None or words is None:
            continue
        letter, index = found.groups()
        near = (chr(ord(letter) + step) for step in (-1, 1))
        pairs = {other + index for other in near if other.isalpha()}
        for mark in (m for pair in pairs for m in cover.marks.get(pair, ())):
            if cover.hides(number, mark.start, mark.end):
                continue
            theirs = _CLAUSE.match(text, mark.end)
            if theirs is not None and theirs.groups() == words.groups():
                off.add(number)
    return draft.without(off, "paired-letter") if off else None


def _highlighted(env: Env) -> dict[int, set[str]]:
    """Per source line, the texts highlighted on it: worked out once per document."""

    def index() -> dict[int, set[str]]:
        out: dict[int, set[str]] = {}
        for highlight in all_highlights(env.document):
            out.setdefault(highlight.line, set()).add(highlight.text)
        return out

    return env.per_unit("notation: highlights by line", env.document, index)


def shown_symbol(draft: Draft, env: Env) -> Draft | None:
    """A card whose one blank is a one-letter symbol its card shows again as a highlight (of its
    line, or of a sibling line it shows) is answered by pointing at it: no card, where the note
    keeps another card."""
    text = draft.unit.text
    cover = _Cover(draft)
    off: set[int] = set()
    others = {line for line, _ in draft.unit.siblings if line != draft.unit.line}
    highlighted = _highlighted(env) if others else {}
    # Per letter, where the line writes it alone: read once, however many cards ask it.
    places: dict[str, list[tuple[int, int]]] = {}
    for number, blank in _one_blank_cards(draft):
        answer = text[blank.start : blank.end]
        if len(answer) != 1 or not answer.isalpha():
            continue
        if cover.shows(number, blank, cover.marks.get(answer, [])):
            off.add(number)
            continue
        if not any(answer in highlighted.get(line, ()) for line in others):
            continue
        if answer not in places:
            alone = standalone(answer, ignore_case=False)
            places[answer] = [found.span() for found in alone.finditer(text)]
        if any(not cover.hides(number, *span) for span in places[answer]):
            off.add(number)
    if not off or not set(draft.blanks_per_card()) - off:
        return None  # the note's last card stays: it asks what the line says of the symbol
    return draft.without(off, "shown-symbol")


RULES: tuple[Rule[RepairRule], ...] = (
    Rule(
        "initial-symbol",
        "a one-letter symbol asked beside a word that begins with its letter ('[w] weights') "
        "is spelled by that word: no card",
        initial_symbol,
    ),
    Rule(
        "prefixed-symbol",
        "a symbol that is a one-letter prefix on a symbol its card shows (dw beside W) is "
        "the prefix applied: no card",
        prefixed_symbol,
    ),
    Rule(
        "paired-letter",
        "a one-letter symbol asked beside its neighbour in the alphabet, each opening a clause "
        "of the same words ('X is the input, [Y] is the output'), is the pair's other: no card",
        paired_letter,
    ),
    Rule(
        "shown-symbol",
        "a one-letter symbol asked while its card shows it again as a highlight is read off "
        "the card: no card, where the note keeps another",
        shown_symbol,
    ),
)
