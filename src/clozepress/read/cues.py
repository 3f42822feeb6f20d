"""The user's own cue words: the words of their notes' language and habits that the card policy
reads, kept beside the notes as corrections are.

A file ``cues.toml`` beside the notes adds to the words the policy knows of every language::

    [cues]
    labels = ["Docs to study", "P1"]      # heading or parent lines that name no subject
    anaphors = ["Dies", "Essa"]           # words opening a line that point at the line before
    pointers = ["the source below"]       # phrases of a line that points at what no card shows
    examples = ["zum Beispiel"]           # words offering what follows as an example

The policy knows only the shape of language (words of grammar, numbered labels); which phrase
one author uses to point at a figure, or which heading of theirs is a mere label, is theirs:
kept in code, it would decide for every other user's notes too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BuildError
from ..form.model import Diagnostic
from ..tomlines import key_line
from .user_toml import read_user_toml

#: The file's name: one per folder of notes, beside them.
FILE_NAME = "cues.toml"
#: A list of words, not a document.
MAX_BYTES = 256 * 1024
#: What each key holds, as its message says it.
KEYS = {
    "labels": "heading or parent lines that name no subject (a breadcrumb of them gives way)",
    "anaphors": "words that, opening a line, point back at the line before it",
    "pointers": "phrases that make a line point at what no card shows (no card)",
    "examples": "words that offer what follows as an example ('e.g.', 'such as')",
}
#: One cue is a word or a phrase.
MAX_CUE = 200


@dataclass(frozen=True)
class Cues:
    """The user's cue words, folded (case and spacing do not count)."""

    labels: frozenset[str] = frozenset()
    anaphors: frozenset[str] = frozenset()
    pointers: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    warnings: tuple[Diagnostic, ...] = field(default=(), compare=False)
    """Keys the file sets that no rule reads: ``check`` names each with its line."""


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def load_cues(folder: Path, shown_folder: str = "") -> Cues:
    """The cues kept in ``folder`` (none if it has no cues file); a mistake is a BuildError
    at its line, an unknown key a warning."""
    found = read_user_toml(folder, FILE_NAME, MAX_BYTES, shown_folder)
    if found is None:
        return Cues()
    return _checked(found.table, found.text, found.shown)


def _checked(table: dict[str, Any], text: str, shown: str) -> Cues:
    warnings: list[Diagnostic] = []
    known = ", ".join(KEYS)
    for key in table:
        if key != "cues":
            warnings.append(
                Diagnostic(
                    shown,
                    key_line(text, (key,)),
                    "warning",
                    f"unknown table or key {key!r}: use [cues]",
                )
            )
    cues = table.get("cues", {})
    if not isinstance(cues, dict):
        raise BuildError(shown, key_line(text, ("cues",)), "[cues] must be a table")
    lists: dict[str, list[str]] = {}
    for key, value in cues.items():
        line = key_line(text, ("cues", key))
        if key not in KEYS:
            warnings.append(
                Diagnostic(
                    shown,
                    line,
                    "warning",
                    f"unknown key {key!r}: no rule reads it (known: {known})",
                )
            )
            continue
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise BuildError(shown, line, f"{key} must be a list of strings, in quotes")
        for cue in value:
            if not cue.strip() or len(cue) > MAX_CUE:
                raise BuildError(
                    shown,
                    line,
                    f"{key}: {cue[:40]!r} is no cue (a word or a phrase, at most "
                    f"{MAX_CUE} characters)",
                )
        lists[key] = [_fold(v) for v in value]
    return Cues(
        labels=frozenset(lists.get("labels", ())),
        anaphors=frozenset(lists.get("anaphors", ())),
        pointers=tuple(lists.get("pointers", ())),
        examples=tuple(lists.get("examples", ())),
        warnings=tuple(warnings),
    )
