"""The user's own corrections: words their notes misspell, shown right on every card and sheet.

A file ``corrections.toml`` beside the notes maps each spelling as written to the spelling to
show, whole words and case as written::

    [corrections]
    volumn = "volume"
    "DDoS response team (DRP)" = "DDoS response team (DRT)"

The notes stay as the user wrote them; the intermediate form holds the corrected text, so cards
and sheets agree. A list of one person's misspellings is theirs, not the tool's: kept in code,
"REM" -> "RAM" would turn another user's "REM sleep" into "RAM sleep".
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ..errors import BuildError
from ..form.model import Domain, Highlight, Section, Text
from ..tomlines import key_line
from .user_toml import read_user_toml

#: The file's name: one per folder of notes, beside them (never a path a note names).
FILE_NAME = "corrections.toml"
#: No correction file is larger than this: it is a list of words, not a document.
MAX_BYTES = 1024 * 1024

Node = TypeVar("Node")

#: The fields that hold the user's words: text and highlights, and the titles of headings.
_WORDS_TO_FIX = {("text", Text), ("text", Highlight), ("title", Section), ("title", Domain)}


#: A spelling shown instead of one written is a word or a phrase, not a paragraph.
MAX_REPLACEMENT = 1000
#: How much longer the corrections may make the notes, in characters: as much as the notes
#: may hold (8 MB). A long replacement used thousands of times must not get around that cap.
MAX_GROWTH = 8 * 2**20


class _Budget:
    """What the corrections have added so far to one document (characters)."""

    def __init__(self) -> None:
        self.grown = 0


@dataclass(frozen=True)
class Corrections:
    """Spellings as written -> spellings to show (build one with ``Corrections.of``)."""

    words: Mapping[str, str]
    pattern: re.Pattern[str] | None
    """Every written spelling as a whole word or phrase, the longest tried first."""
    source: str = FILE_NAME
    """The file they came from, as messages name it."""
    lines: Mapping[str, int] = dataclasses.field(default_factory=dict)
    """The line of each written spelling in that file."""

    @classmethod
    def of(
        cls,
        words: Mapping[str, str],
        source: str = FILE_NAME,
        lines: Mapping[str, int] | None = None,
    ) -> Corrections:
        # Longest first: "cross- account" is tried before any shorter spelling inside it.
        keys = sorted(words, key=len, reverse=True)
        alternatives = "|".join(map(re.escape, keys))
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if keys else None
        return cls(dict(words), pattern, source, dict(lines or {}))

    def fix(self, text: str, budget: _Budget | None = None) -> str:
        """``text`` with every listed spelling replaced.

        With a ``budget``, a BuildError as soon as the corrections together have made the text
        more than MAX_GROWTH characters longer (checked at each replacement, before the text
        is built)."""
        if self.pattern is None:
            return text

        def replace(found: re.Match[str]) -> str:
            written = found.group(0)
            shown = self.words[written]
            if budget is not None:
                budget.grown += len(shown) - len(written)
                if budget.grown > MAX_GROWTH:
                    raise BuildError(
                        self.source,
                        self.lines.get(written, 1),
                        f"the corrections make the notes more than {MAX_GROWTH // 2**20} MB "
                        f"longer ({written!r} is replaced many times): shorten them",
                    )
            return shown

        return self.pattern.sub(replace, text)

    def apply(self, node: Node) -> Node:
        """``node`` (a document or any part of one) with its text corrected.

        Code blocks and link targets are not corrected, and neither is a domain's id: it
        names the domain's sheet and subdeck, which must not move when a correction is added."""
        return self._apply(node, _Budget())

    def _apply(self, node: Node, budget: _Budget) -> Node:
        # Every node holds its children in tuples; only the fields listed hold words to fix
        # (a code block's text is not among them).
        if not self.words or not dataclasses.is_dataclass(node):
            return node
        changes: dict[str, Any] = {}
        for field in dataclasses.fields(node):
            value = getattr(node, field.name)
            new = value
            if isinstance(value, tuple):
                items = tuple(self._apply(item, budget) for item in value)
                # Unchanged parts are the same objects: compare by identity, not deeply.
                new = items if any(a is not b for a, b in zip(items, value, strict=True)) else value
            elif (field.name, type(node)) in _WORDS_TO_FIX:
                fixed = self.fix(value, budget)
                new = fixed if fixed != value else value
            if new is not value:
                changes[field.name] = new
        return dataclasses.replace(node, **changes) if changes else node  # type: ignore[type-var]


def load_corrections(folder: Path, shown_folder: str = "") -> Corrections:
    """The corrections kept in ``folder`` (none if it has no corrections file).

    ``shown_folder`` is how messages name the folder (default: ``folder``)."""
    found = read_user_toml(folder, FILE_NAME, MAX_BYTES, shown_folder)
    if found is None:
        return Corrections.of({})
    table, text, shown = found.table, found.text, found.shown
    words = _checked(table, text, shown)
    lines = {written: key_line(text, ("corrections", written)) for written in words}
    return Corrections.of(words, shown, lines)


def _checked(table: dict[str, Any], text: str, shown: str) -> dict[str, str]:
    unknown = [key for key in table if key != "corrections"]
    if unknown:
        line = key_line(text, (unknown[0],))
        raise BuildError(shown, line, f"unknown table or key {unknown[0]!r}: use [corrections]")
    words = table.get("corrections", {})
    if not isinstance(words, dict):
        raise BuildError(shown, key_line(text, ("corrections",)), "[corrections] must be a table")
    for written, shown_as in words.items():
        line = key_line(text, ("corrections", written))
        if not isinstance(shown_as, str):
            raise BuildError(shown, line, f"{written!r} must map to a string, in quotes")
        if not written.strip() or written != written.strip():
            raise BuildError(shown, line, f"{written!r}: no spaces around a spelling")
        if len(shown_as) > MAX_REPLACEMENT:
            raise BuildError(
                shown,
                line,
                f"{written!r} is replaced by {len(shown_as):,} characters: a correction is a "
                f"word or a phrase (at most {MAX_REPLACEMENT:,})",
            )
    return dict(words)
