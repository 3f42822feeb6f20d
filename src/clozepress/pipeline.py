"""The whole build of one notes file: parse, write the intermediate form, then every emitter."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import atomic, summary
from .deck.deck import DeckResult, write_deck
from .form.model import Diagnostic, Document, dumps
from .project import Project
from .read.parse import parse_file
from .sheets.sheets import SheetsResult, write_sheets
from .summary import DeckSummary, SheetsSummary, SheetSummary


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
    stem = Path(document.path).stem
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
    document: Document, project: Project, progress: Callable[[str], None] | None = None
) -> SheetsResult:
    """The sheets of one notes file, and their summary for the build report."""
    stem = Path(document.path).stem
    sheets = write_sheets(
        document,
        project.out_dir,
        project=project,
        progress=(lambda sheet: progress(str(sheet))) if progress else None,
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
    document = parse_to_ir(notes, project)
    result = BuildResult(document, list(document.diagnostics))
    result.deck = run_deck(document, project, notes)
    result.diagnostics.extend(result.deck.diagnostics)
    result.sheets = run_sheets(document, project, progress)
    result.diagnostics.extend(result.sheets.diagnostics)
    return result
