"""What each stage leaves for the build report: typed summaries, and their JSON in the build folder.

``make`` runs the deck, the sheets and the report as separate commands, so the report reads the
stages' summaries from disk (``build/summaries/<stem>.deck.json``, ``.sheets.json``). They are
frozen dataclasses on both sides, written and read by one pair of functions that check every
field's type: the report never reads a dict by string keys, and a summary left by another
version of clozepress reads as missing (the next build writes it again) instead of failing.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from . import atomic
from .form.model import Diagnostic

FORMAT = "clozepress-summary"
VERSION = 2


@dataclass(frozen=True)
class RemovedNote:
    """A note the notes no longer make, as the learner last saw it."""

    source: str
    """``file:line`` where its unit last was."""
    text: str
    """The unit's text, without cloze markup."""
    context: str
    new: bool
    """Removed by this build (the package tags it now); else carried since an earlier one."""


@dataclass(frozen=True)
class NoCard:
    """A highlight that is no card of its own, and why."""

    path: str
    line: int
    highlight: str
    reason: str


@dataclass(frozen=True)
class CardPreview:
    """One card as Anki shows it: both sides' HTML (the deck's CSS is the summary's)."""

    deck: str
    source: str
    front: str
    back: str


@dataclass(frozen=True)
class DeckSummary:
    apkg: str
    notes: int
    cards: int
    subdecks: tuple[str, ...]
    media: int
    seconds: float
    diagnostics: tuple[Diagnostic, ...]
    no_card: tuple[NoCard, ...]
    removed: tuple[RemovedNote, ...]
    previews: tuple[CardPreview, ...]
    css: str
    """The card styles the deck carries, to show the previews as Anki does."""


@dataclass(frozen=True)
class SheetSummary:
    id: str
    title: str
    pdf: str
    pages: int
    font_size: float
    columns: int
    renders: int
    seconds: float
    fitting: str = ""
    """What was condensed or split to fit one page ('' if nothing): DomainSheet.fitting."""


@dataclass(frozen=True)
class SheetsSummary:
    combined: str
    renders: int
    seconds: float
    domains: tuple[SheetSummary, ...]
    diagnostics: tuple[Diagnostic, ...]


Summary = DeckSummary | SheetsSummary
_S = TypeVar("_S", DeckSummary, SheetsSummary)


def path_for(build_dir: Path, stem: str, kind: type[Summary]) -> Path:
    """In a folder of their own, so that every ``*.json`` in the build folder is an
    intermediate form (``x.deck.md`` has ``x.deck.json``, which was once ``x.md``'s summary)."""
    stage = "deck" if kind is DeckSummary else "sheets"
    return build_dir / "summaries" / f"{stem}.{stage}.json"


def write(build_dir: Path, stem: str, summary: Summary) -> None:
    payload = {"format": FORMAT, "version": VERSION, "summary": _to_json(summary)}
    text = json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    atomic.write_text(path_for(build_dir, stem, type(summary)), text)


def read(build_dir: Path, stem: str, kind: type[_S]) -> _S | None:
    """The stage's last summary, or None: not built yet, or left by another version."""
    try:
        payload = json.loads(path_for(build_dir, stem, kind).read_text(encoding="utf-8"))
        if payload["format"] != FORMAT or payload["version"] != VERSION:
            return None
        found = _from_json(kind, payload["summary"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return found if isinstance(found, kind) else None


def _to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple):
        return [_to_json(item) for item in value]
    return value


def _from_json(kind: Any, data: Any) -> Any:
    """``data`` as ``kind`` (a dataclass, a tuple of one, or a plain type); TypeError if not."""
    origin = typing.get_origin(kind)
    if origin is tuple:
        (item, _ellipsis) = typing.get_args(kind)
        if not isinstance(data, list):
            raise TypeError(f"expected a list, not {data!r}")
        return tuple(_from_json(item, entry) for entry in data)
    if origin in (typing.Union, types.UnionType):
        raise TypeError("no unions in a summary")
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        if not isinstance(data, dict):
            raise TypeError(f"expected an object, not {data!r}")
        hints = typing.get_type_hints(kind)
        fields = dataclasses.fields(kind)
        made: Any = kind(**{f.name: _from_json(hints[f.name], data[f.name]) for f in fields})
        return made
    if kind is float and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    if kind in (str, int, bool) and type(data) is kind:
        return data
    raise TypeError(f"expected {kind}, not {data!r}")
