"""The card policy's decisions on a notes file as text, one highlight a line: what the golden
snapshot holds and what the ablation test compares."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from clozepress.cards import Plan, plan
from clozepress.cards.sample import side, to_text
from clozepress.config import Config
from clozepress.form.model import Document
from clozepress.read.cues import Cues, load_cues
from clozepress.read.parse import parse_file

REPO = Path(__file__).resolve().parent.parent
#: The user's notes and the corpus of notes by other authors.
NOTES_FILES = (
    REPO / "source" / "aws-saa.md",
    *sorted((REPO / "tests" / "fixtures" / "corpus").glob("*.md")),
)


def copied(notes: Path, folder: Path) -> Path:
    """A copy of ``notes`` (with the corrections and cue words beside it) in ``folder``: never
    read in place."""
    folder.mkdir(parents=True, exist_ok=True)
    for beside in ("corrections.toml", "cues.toml"):
        if (notes.parent / beside).exists():
            shutil.copy(notes.parent / beside, folder / beside)
    return Path(shutil.copy(notes, folder / notes.name))


def parsed(notes: Path, folder: Path) -> Document:
    return parse_file(copied(notes, folder), notes.name)


def decisions(planned: Plan) -> list[str]:
    """``line  highlight  kind  rule  front`` per highlight, in source order; the front is the
    card that tests it as a learner reads it (breadcrumb || text), or ``-`` when none does."""
    fronts: dict[tuple[int, str], str] = {}
    for note in planned.notes:
        context = to_text(note.context)
        for number, line, highlight in note.tests:
            text = side(note.text, number, front=True).replace("\n", " / ")
            front = f"{context} || {text}" if context else text
            fronts.setdefault((line, highlight), front)
    out = []
    for fate in sorted(planned.fates, key=lambda f: (f.line, f.highlight)):
        front = fronts.get((fate.line, fate.highlight), "-") if fate.answer is not None else "-"
        kind = fate.kind or "none"
        row = [str(fate.line), _flat(fate.highlight), kind, fate.rule, _flat(front)]
        out.append("\t".join(row))
    return out


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def plan_of(document: Document, config: Config | None = None, cues: Cues | None = None) -> Plan:
    return plan(document, config or Config(), cues)


def cues_of(notes: Path) -> Cues:
    """The learner's cue words kept beside ``notes`` (read, never written)."""
    return load_cues(notes.parent)
