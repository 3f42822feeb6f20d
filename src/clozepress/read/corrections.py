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
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ..errors import BuildError
from ..form.model import Domain, Highlight, Section, Text

#: The file's name: one per folder of notes, beside them (never a path a note names).
FILE_NAME = "corrections.toml"
#: No correction file is larger than this: it is a list of words, not a document.
MAX_BYTES = 1024 * 1024

_AT_LINE = re.compile(r"\(at line (\d+)")

Node = TypeVar("Node")

#: The fields that hold the user's words: text and highlights, and the titles of headings.
_WORDS_TO_FIX = {("text", Text), ("text", Highlight), ("title", Section), ("title", Domain)}


@dataclass(frozen=True)
class Corrections:
    """Spellings as written -> spellings to show (build one with ``Corrections.of``)."""

    words: Mapping[str, str]
    pattern: re.Pattern[str] | None
    """Every written spelling as a whole word or phrase, the longest tried first."""

    @classmethod
    def of(cls, words: Mapping[str, str]) -> Corrections:
        # Longest first: "cross- account" is tried before any shorter spelling inside it.
        keys = sorted(words, key=len, reverse=True)
        alternatives = "|".join(map(re.escape, keys))
        return cls(dict(words), re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if keys else None)

    def fix(self, text: str) -> str:
        """``text`` with every listed spelling replaced."""
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: self.words[m.group(0)], text)

    def apply(self, node: Node) -> Node:
        """``node`` (a document or any part of one) with its text corrected.

        Code blocks and link targets are not corrected, and neither is a domain's id: it
        names the domain's sheet and subdeck, which must not move when a correction is added."""
        # Every node holds its children in tuples; only the fields listed hold words to fix
        # (a code block's text is not among them).
        if not self.words or not dataclasses.is_dataclass(node):
            return node
        changes: dict[str, Any] = {}
        for field in dataclasses.fields(node):
            value = getattr(node, field.name)
            new = value
            if isinstance(value, tuple):
                items = tuple(self.apply(item) for item in value)
                # Unchanged parts are the same objects: compare by identity, not deeply.
                new = items if any(a is not b for a, b in zip(items, value, strict=True)) else value
            elif (field.name, type(node)) in _WORDS_TO_FIX:
                fixed = self.fix(value)
                new = fixed if fixed != value else value
            if new is not value:
                changes[field.name] = new
        return dataclasses.replace(node, **changes) if changes else node  # type: ignore[type-var]


def load_corrections(folder: Path, shown_folder: str = "") -> Corrections:
    """The corrections kept in ``folder`` (none if it has no corrections file).

    ``shown_folder`` is how messages name the folder (default: ``folder``)."""
    path = folder / FILE_NAME
    shown = f"{shown_folder or folder}/{FILE_NAME}".removeprefix("./")
    if not path.is_file():
        return Corrections.of({})
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise BuildError(shown, 1, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise BuildError(shown, 1, f"larger than {MAX_BYTES // 1024} KB: is this the right file?")
    try:
        text = data.decode("utf-8")
        table = tomllib.loads(text)
    except UnicodeDecodeError:
        raise BuildError(shown, 1, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        found = _AT_LINE.search(str(exc))
        raise BuildError(shown, int(found.group(1)) if found else 1, f"{exc}") from None
    return Corrections.of(_checked(table, text, shown))


def _checked(table: dict[str, Any], text: str, shown: str) -> dict[str, str]:
    unknown = [key for key in table if key != "corrections"]
    if unknown:
        line = _line_of(text, unknown[0])
        raise BuildError(shown, line, f"unknown table or key {unknown[0]!r}: use [corrections]")
    words = table.get("corrections", {})
    if not isinstance(words, dict):
        raise BuildError(shown, _line_of(text, "corrections"), "[corrections] must be a table")
    for written, shown_as in words.items():
        if not isinstance(shown_as, str):
            raise BuildError(
                shown, _line_of(text, written), f"{written!r} must map to a string, in quotes"
            )
        if not written.strip() or written != written.strip():
            raise BuildError(
                shown, _line_of(text, written), f"{written!r}: no spaces around a spelling"
            )
    return dict(words)


def _line_of(text: str, key: str) -> int:
    """The first line that names ``key`` (bare or quoted): TOML values carry no line."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip()
        if stripped.startswith((key, f'"{key}"', f"'{key}'", f"[{key}]")):
            return number
    return 1
