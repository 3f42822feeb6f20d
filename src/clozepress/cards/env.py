"""What every rule may read besides its unit: the document's settings and what the policy has
seen so far."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from ..config import Config
from ..form.model import Document
from ..read.cues import Cues
from .model import Unit

T = TypeVar("T")


@dataclass
class Env:
    document: Document
    config: Config
    disabled: frozenset[str]
    cues: Cues = field(default_factory=Cues)
    """The learner's own cue words (their ``cues.toml``): labels, anaphors, pointers."""
    seen: set[tuple[str, str, str]] = field(default_factory=set)
    """``(unit text, answer)`` of every card made so far, folded: a second one is a duplicate."""
    programs: frozenset[str] = frozenset()
    """First words that open several multi-word highlights: the notes' commands."""
    indexed: frozenset[str] = frozenset()
    """Letters the notes highlight with two or more indexes (``W1`` and ``W2``): a family of
    variables, so ``W1`` is a name of notation, not a product's name (``S3`` alone is not)."""
    prose: bool = True
    """Whether the notes highlight phrases (most highlights have several words) rather than
    code: a lone word of grammar highlighted is then emphasis, not a keyword."""
    varied: frozenset[str] = frozenset()
    """Names the notes' highlights set to two or more different numbers: an example's variables."""
    examples: dict[tuple[int, tuple[str, ...]], frozenset[str]] = field(default_factory=dict)
    """Per section (domain, section titles), the names its example blocks make up for
    themselves (see ``examples``)."""
    topics: dict[tuple[int, tuple[str, ...]], dict[str, set[str]]] = field(default_factory=dict)
    """Per section (domain, section titles), per word stem, the highlights holding it: the
    words its answers share are its topic (see ``leaks``)."""
    hits: Counter[str] = field(default_factory=Counter)
    asked_lines: dict[str, list[str]] = field(default_factory=dict)
    """Per answer asked on a note's own line (folded), the lines asking it (``frontline``)."""
    tested: Counter[tuple[int, str, str]] = field(default_factory=Counter)
    """How many cards so far ask each answer, by ``(domain, section, answer)`` folded."""
    unit_clozes: int = 0
    """Cards made so far from the unit being read."""
    unit_place: str = ""
    """The unit's breadcrumb: the same line under another heading is another fact."""
    unit_key: str = ""
    """The unit being read, its text folded (as ``duplicate`` compares it)."""
    memo: dict[str, tuple[object, Any]] = field(default_factory=dict)
    """Per question a rule asks of a whole unit, the unit it was last asked of and the answer
    (see ``per_unit``)."""
    last_command: dict[tuple[int, str], str] = field(default_factory=dict)
    """Per section (domain, section titles), the last carded highlight of several words, folded:
    the command a synopsis after it would ask again (``usage``)."""
    asked: dict[tuple[int, str], dict[str, list[tuple[int, str, int, int]]]] = field(
        default_factory=dict
    )
    """Per section (domain, section titles), per carded answer folded, the units that asked it,
    by ``(line, text, sentence number, start)``, latest last (``restated``)."""

    def per_unit(self, question: str, unit: object, answer: Callable[[], T]) -> T:
        """``answer()`` for ``unit``, worked out once: rules that ask per highlight a question of
        the whole unit (does it point at a figure? what are its series?) keep a line of many
        highlights linear. ``unit`` is what tells units apart (its key, or its line, text and
        marks)."""
        held = self.memo.get(question)
        if held is not None and held[0] == unit:
            return cast(T, held[1])
        value = answer()
        self.memo[question] = (unit, value)
        return value


def commands(units: list[Unit]) -> frozenset[str]:
    """Words the notes use as commands: lowercase words that open three or more multi-word
    highlights, one of them a usage line (with a flag or a slot: ``-f``, ``<name>``, ``[args]``),
    as ``git commit``, ``git push`` and ``git log [options]`` do."""
    counts: Counter[str] = Counter()
    usage: set[str] = set()
    for unit in units:
        for mark in unit.marks:
            parts = mark.highlight.text.split()
            if len(parts) < 2 or not _PROGRAM.match(parts[0]):
                continue
            counts[parts[0]] += 1
            if any(_SLOT.match(p) for p in parts[1:]):
                usage.add(parts[0])
    return frozenset(word for word, n in counts.items() if n >= 3 and word in usage)


_PROGRAM = re.compile(r"^[a-z][a-z0-9_.-]+$")
_SLOT = re.compile(r"^(?:--?[A-Za-z]|<[^>]+>$|\[[^\]]+\]$)")


def highlights_prose(units: list[Unit]) -> bool:
    """Whether most highlights of the notes are phrases of several words."""
    total = phrases = 0
    for unit in units:
        for mark in unit.marks:
            total += 1
            phrases += len(mark.highlight.text.split()) >= 2
    return total == 0 or phrases >= total / 2


#: A variable's name as formulas write it: one letter, maybe one index digit or a prime.
BARE_NAME = re.compile(r"^([A-Za-z])([0-9]|'{1,2})?$")


def indexed_letters(units: list[Unit]) -> frozenset[str]:
    """Letters highlighted with at least two different indexes (``b1``, ``b2``)."""
    indexes: dict[str, set[str]] = {}
    for unit in units:
        for mark in unit.marks:
            found = BARE_NAME.match(mark.highlight.text.strip())
            if found and found.group(2) and found.group(2).isdigit():
                indexes.setdefault(found.group(1), set()).add(found.group(2))
    return frozenset(letter for letter, seen in indexes.items() if len(seen) >= 2)


#: A highlight that sets a name (or a function's value) to a number: ``a = 2``, ``f(a) = 6``.
SAMPLE = re.compile(r"^\s*([A-Za-z_][\w.\[\]]*(?:\([^()=]*\))?)\s*=\s*(-?\d+(?:\.\d+)?)\s*$")


def varied_names(units: list[Unit]) -> frozenset[str]:
    """Names the highlights set to an example's numbers: to two or more different numbers
    (``a = 2``, ``a = 2.001``), or to one while other highlights use the name as a symbol
    (``Nx = 3`` beside the shape ``[Nx, m]``): a variable, whose number here is a sample."""
    values: dict[str, set[str]] = {}
    symbols: set[str] = set()
    for unit in units:
        for mark in unit.marks:
            found = SAMPLE.match(mark.highlight.text)
            if found:
                values.setdefault(found.group(1), set()).add(found.group(2))
            else:
                symbols.update(_SYMBOL.findall(mark.highlight.text))
    return frozenset(
        name
        for name, seen in values.items()
        # Set to 0 and to 1, a name is a label or a flag and each value one of its two cases
        # ("if y = 1 ..., if y = 0 ..."), a fact each.
        if seen != {"0", "1"} and (len(seen) >= 2 or _head(name) in symbols)
    )


_SYMBOL = re.compile(r"[A-Za-z_]\w*")


def _head(name: str) -> str:
    """The name a sample sets, without its index or call (``f`` of ``f(a)``)."""
    found = _SYMBOL.match(name)
    return found.group() if found else name
