"""Everyday words: a lone word the notes use freely in their own running text is the author's
vocabulary, not a term they mark to learn.

An author marks a term where it matters, or writes it as code. A word they also write unmarked
over and over, in the sentences of their notes and never in a code block, is a word of their
prose (`instance`, `managed`, `read`, `key` in notes on a cloud service): highlighted alone on
one line it is emphasis, and its card asks a guessable word while the fact worth testing is the
line's other highlight. A lone word used less often, or shown in code, is the author's term (a
drug's name, a tool's subcommand) and keeps its card.

The rule reads only how the notes themselves use the word, no lexicon and no subject: one pass
over the notes counts each word of the running text outside highlights, emphasis and headings,
and notes the words of code blocks. A card is taken off only when another card of its line
stays, so the line's fact keeps a card (a learner reading that card sees the word in place).
The word's exact form is counted: a plural or a verb's other form is often the term itself
(`caches` beside a prose "cache"), and counting forms together took good cards.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..form.model import (
    Block,
    Bullet,
    Code,
    Document,
    Inline,
    Link,
    Note,
    Paragraph,
    Quote,
    Section,
    Strike,
    Subscript,
    Superscript,
    Table,
    Text,
)
from .draft import Draft
from .env import Env
from .repairs import RepairRule
from .rules import Rule

#: Uses in the running text (unmarked, outside code) from which a word is the author's own.
#: Over the judged cards of eleven review rounds (one-word answers, never in code): from 10
#: uses, 5 of 17 kept; from 15, 3 of 13; from 18, 2 of 11; from 20, none of 9.
EVERYDAY = 20
#: In longer notes a word needs a share of the running text as well, one use in this many
#: words: twenty uses in a whole course's notes are fewer than in one exam's (the judged
#: notes, 2,700 to 12,500 words, all fall under the count alone).
SHARE = 650

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Vocabulary:
    """How the notes use their words: per word (case-folded), its uses in the running text, and
    the words their code blocks hold."""

    running: Counter[str]
    code: frozenset[str]
    words: int = 0
    """How many words the running text has."""

    def everyday(self, word: str) -> bool:
        """Whether the notes use ``word`` freely in their prose and never as code."""
        folded = word.casefold()
        uses = self.running[folded]
        return uses >= EVERYDAY and uses * SHARE >= self.words and folded not in self.code


def vocabulary(document: Document) -> Vocabulary:
    """The notes' running-text word counts and code words, in one pass over the form."""
    running: Counter[str] = Counter()
    code: set[str] = set()
    for domain in document.domains:
        _blocks(domain.children, running, code)
    return Vocabulary(running, frozenset(code), running.total())


def _blocks(blocks: Iterable[Block | Section], running: Counter[str], code: set[str]) -> None:
    for block in blocks:
        if isinstance(block, Section):
            # A heading names a place of the notes; its words are not the prose's.
            _blocks(block.children, running, code)
        elif isinstance(block, Code):
            code.update(w.casefold() for w in _WORD.findall(block.text))
        elif isinstance(block, Bullet):
            _spans(block.spans, running)
            _blocks(block.children, running, code)
        elif isinstance(block, Paragraph):
            _spans(block.spans, running)
        elif isinstance(block, Quote):
            _blocks(block.children, running, code)
        elif isinstance(block, Table):
            for cell in (*block.header, *(c for row in block.rows for c in row.cells)):
                _spans(cell.spans, running)


def _spans(spans: Iterable[Inline], running: Counter[str]) -> None:
    """Count the unmarked words: a highlight, bold or italics is the author marking a word."""
    for span in spans:
        if isinstance(span, Text):
            running.update(w.casefold() for w in _WORD.findall(span.text))
        elif isinstance(span, Link | Strike | Superscript | Subscript | Note):
            _spans(span.children, running)


def _lone_word(text: str) -> bool:
    """One word of lower-case letters: a name or an acronym is written otherwise."""
    return _WORD.fullmatch(text) is not None and text.islower()


def everyday_word(draft: Draft, env: Env) -> Draft | None:
    """The cards that ask only a lone everyday word of the notes, taken off where a card of
    the same line that asks something else stays."""
    words = env.per_unit("vocabulary", env.document, lambda: vocabulary(env.document))
    text = draft.unit.text
    plain: dict[int, bool] = {}
    for number, blank, mark in draft.blanks:
        answer = text[blank.start : blank.end].strip()
        own = _lone_word(answer) and answer == mark.highlight.text.strip()
        plain[number] = plain.get(number, True) and own and words.everyday(answer)
    if not any(plain.values()):
        return None
    # The lines holding a card that stays: a line's fact keeps its card.
    staying = {m.highlight.line for n, _, m in draft.blanks if not plain[n]}
    gone = {n for n, _, m in draft.blanks if plain[n] and m.highlight.line in staying}
    return draft.without(gone, "everyday-word") if gone else None


RULES: tuple[Rule[RepairRule], ...] = (
    Rule(
        "everyday-word",
        "a lone word the notes use freely unmarked in their running text, never as code, is "
        "their vocabulary, not a term: no card, where a card of its line stays",
        everyday_word,
    ),
)
