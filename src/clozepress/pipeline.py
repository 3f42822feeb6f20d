"""The whole build of one notes file: parse, write the intermediate form, then every emitter."""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import atomic, summary
from .deck.deck import DeckResult, write_deck
from .errors import BuildError, file_fault
from .form.model import Diagnostic, Document, dumps
from .inputs import kind
from .names import stem_of
from .project import Project
from .read.parse import parse_file
from .sheets.sheets import SheetsResult, write_sheets
from .summary import DeckSummary, SheetsSummary, SheetSummary


def check_notes(notes: Path, shown: str) -> None:
    """Only a regular ``.md`` file in a folder the build may write to is built: the identity
    file goes beside it (``/dev/null`` would make ``/dev/null.ids.json``)."""
    try:
        info = notes.stat()
    except OSError as exc:
        raise file_fault(shown, exc, "read the notes") from None
    if not stat.S_ISREG(info.st_mode):
        raise BuildError(shown, 0, f"not a notes file: {kind(info.st_mode)}, not a regular file")
    if notes.suffix.lower() != ".md":
        raise BuildError(shown, 0, "not a notes file: the name must end in .md")
    if not os.access(notes.parent, os.W_OK | os.X_OK):
        raise BuildError(
            shown, 0, "the notes' folder is not writable (their identity file goes there)"
        )


@dataclass
class BuildResult:
    document: Document
    diagnostics: list[Diagnostic] = field(default_factory=list)
    deck: DeckResult | None = None
    sheets: SheetsResult | None = None


def parse_to_ir(notes: Path, project: Project) -> Document:
    """Parse ``notes`` and write its intermediate form into the build folder."""
    document = parse_file(notes, project.shown(notes))
    atomic.write_text(project.ir_path(notes), dumps(document))
    return document


def run_deck(
    document: Document, project: Project, notes: Path | None = None, out: Path | None = None
) -> DeckResult:
    """The deck of one notes file (default ``out``: ``<out_dir>/<stem>.apkg``), and its summary
    for the build report."""
    stem = stem_of(document.path)
    start = time.perf_counter()
    target = out if out is not None else project.out_dir / f"{stem}.apkg"
    deck = write_deck(document, target, project=project, notes_path=notes)
    summary.write(
        project.build_dir,
        stem,
        DeckSummary(
            apkg=str(deck.path),
            notes=deck.notes,
            cards=deck.cards,
            subdecks=tuple(f"{document.title}::{domain.title}" for domain in document.domains),
            media=deck.media,
            seconds=round(time.perf_counter() - start, 3),
            diagnostics=deck.diagnostics,
            no_card=deck.no_card,
            removed=deck.removed,
            previews=deck.previews,
            css=deck.css,
        ),
    )
    return deck


def run_sheets(
    document: Document,
    project: Project,
    progress: Callable[[str], None] | None = None,
    notes: Path | None = None,
) -> SheetsResult:
    """The sheets of one notes file, and their summary for the build report. ``notes`` is
    where the notes are (their images); by default the document's path in the project."""
    stem = stem_of(document.path)
    sheets = write_sheets(
        document,
        project.out_dir,
        project=project,
        progress=(lambda sheet: progress(str(sheet))) if progress else None,
        notes_dir=notes.parent if notes is not None else None,
    )
    domains = tuple(
        SheetSummary(
            id=sheet.domain_id,
            title=sheet.title,
            pdf=str(sheet.path),
            pages=sheet.pages,
            font_size=sheet.size,
            columns=sheet.columns,
            renders=sheet.renders,
            seconds=round(sheet.seconds, 3),
            fitting=sheet.fitting,
        )
        for sheet in sheets.sheets
    )
    summary.write(
        project.build_dir,
        stem,
        SheetsSummary(
            str(sheets.combined),
            sheets.renders,
            round(sheets.seconds, 3),
            domains,
            sheets.diagnostics,
        ),
    )
    return sheets


def build_notes(
    notes: Path, project: Project, progress: Callable[[str], None] | None = None
) -> BuildResult:
    """Everything for one notes file; the emitters read only the intermediate form.

    ``progress`` gets a line of text as each part finishes (each domain's sheet, for one).
    """
    check_notes(notes, project.said(notes))
    document = parse_to_ir(notes, project)
    result = BuildResult(document, list(document.diagnostics))
    result.deck = run_deck(document, project, notes)
    result.diagnostics.extend(result.deck.diagnostics)
    result.sheets = run_sheets(document, project, progress, notes)
    result.diagnostics.extend(result.sheets.diagnostics)
    return result
