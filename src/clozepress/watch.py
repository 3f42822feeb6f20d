"""``clozepress watch``: rebuild what a saved file changes, one line per rebuild, until Ctrl-C.

What a change touches is decided in ``plan`` (pure, tested on its own): a notes file rebuilds
that file (its deck, and only the sheets of domains whose content changed: the sheet cache
already skips the rest); the card styles rebuild the decks, the sheet styles the sheets, the
report styles only the report; corrections and settings rebuild everything.

Watching is watchfiles (inotify through Rust's ``notify``, polling where that is missing): it
groups the burst of events one save makes (an editor writes, renames, touches) and debounces
them, which a hand-rolled loop over ``stat`` would get wrong or make slow. Every output is
written atomically (``atomic``), so Ctrl-C at any moment leaves whole files: the previous
build's or the new one's.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .console import Console
from .deck.deck import DeckResult
from .errors import BuildError
from .pipeline import build_notes, parse_to_ir, run_deck, run_sheets
from .project import Project
from .sheets.sheets import SheetsResult

#: Milliseconds of quiet after a change before rebuilding: one save is often several events.
DEBOUNCE_MS = 300

#: Style files and what each one's change rebuilds.
STYLE_STAGES = {"card.css": "deck", "sheet.css": "sheets", "report.css": "report"}


@dataclass(frozen=True)
class Rebuild:
    """What to do after a batch of changes."""

    notes: tuple[Path, ...] = ()
    """Notes files to build whole (parse, deck, sheets)."""
    decks: tuple[Path, ...] = ()
    """Notes files whose deck alone must be rebuilt (the card styles changed)."""
    sheets: tuple[Path, ...] = ()
    """Notes files whose sheets alone must be rebuilt (the sheet styles changed)."""
    report: bool = False

    def __bool__(self) -> bool:
        return bool(self.notes or self.decks or self.sheets or self.report)


def plan(changed: Iterable[Path], notes: list[Path], project: Project) -> Rebuild:
    """The rebuild a set of changed files calls for; ``notes`` are the files being watched."""
    watched = {path.resolve(): path for path in notes}
    styles = project.styles_dir.resolve()
    whole: list[Path] = []
    stages: set[str] = set()
    for path in changed:
        resolved = path.resolve()
        if resolved in watched:
            whole.append(watched[resolved])
        elif resolved.parent == styles and resolved.name in STYLE_STAGES:
            stages.add(STYLE_STAGES[resolved.name])
        elif resolved.name in ("corrections.toml", "cues.toml", "pyproject.toml"):
            whole.extend(notes)
    whole = [path for path in notes if path in set(whole)]
    others = [path for path in notes if path not in whole]
    return Rebuild(
        notes=tuple(whole),
        decks=tuple(others) if "deck" in stages else (),
        sheets=tuple(others) if "sheets" in stages else (),
        report=bool(whole or stages),
    )


def run(
    notes: list[Path],
    project: Project,
    console: Console,
    *,
    find_notes: Callable[[], list[Path]] | None = None,
    debounce_ms: int = DEBOUNCE_MS,
) -> int:
    """Build everything once, then rebuild on every save until interrupted (exit 130).

    ``find_notes`` (for ``source/*.md``) is asked again after each change, so a notes file
    added while watching is built and watched too.
    """
    import watchfiles

    from .config import load_config

    paths = sorted({path.resolve().parent for path in notes} | {project.styles_dir, project.root})
    try:
        # A save during the first build comes before the watch begins: caught by its mtime.
        before = _mtimes(notes)
        _rebuild(Rebuild(notes=tuple(notes), report=True), project, console)
        saved = [path for path, mtime in _mtimes(notes).items() if before.get(path) != mtime]
        if saved:
            _rebuild(Rebuild(notes=tuple(saved), report=True), project, console)
        announced = False
        for batch in watchfiles.watch(
            *[p for p in paths if p.exists()],
            watch_filter=_relevant,
            debounce=debounce_ms,
            recursive=False,
            # An empty batch now and then: the first says the watch has begun, so the line
            # that tells the user to edit comes only once a save would be seen.
            rust_timeout=500,
            yield_on_timeout=True,
        ):
            if not announced:
                shown = ", ".join(project.shown(p) for p in notes)
                console.progress(f"watching {shown} (Ctrl-C stops)")
                announced = True
            if not batch:
                continue
            if find_notes is not None:
                notes = find_notes()
            changed = {Path(name) for _, name in batch}
            if any(path.name == "pyproject.toml" for path in changed):
                try:
                    project = Project(
                        project.root, project.out_dir, project.build_dir, load_config(project.root)
                    )
                except BuildError as exc:
                    _error(exc)
                    continue
            todo = plan({p for p in changed if p.exists()}, notes, project)
            if todo:
                _rebuild(todo, project, console)
    except KeyboardInterrupt:
        console.progress("stopped")
        return 130
    return 0


def _mtimes(paths: list[Path]) -> dict[Path, int]:
    stamps = {}
    for path in paths:
        try:
            stamps[path] = path.stat().st_mtime_ns
        except OSError:
            continue
    return stamps


def _relevant(change: object, name: str) -> bool:
    """Notes, styles and settings; never what a build writes (identity files, outputs)."""
    path = Path(name)
    if path.name.startswith("."):
        return False  # editors' swap files and our own temporary files
    return path.suffix in (".md", ".css") or path.name in (
        "corrections.toml",
        "cues.toml",
        "pyproject.toml",
    )


def _rebuild(todo: Rebuild, project: Project, console: Console) -> None:
    """Do ``todo`` and print one line per notes file saying what it did."""
    from .report.report import write_report

    for path in todo.notes:
        started = time.perf_counter()
        try:
            result = build_notes(path, project)
        except BuildError as exc:
            _error(exc)
            continue
        for diagnostic in result.diagnostics:
            if diagnostic.severity != "info":
                console.diagnostic(diagnostic)
        parts = []
        if result.deck is not None:
            parts.append(_deck_part(result.deck))
        if result.sheets is not None:
            parts.append(_sheets_part(result.sheets))
        _line(console, project.shown(path), parts, started)
    for path in todo.decks:
        started = time.perf_counter()
        try:
            deck = run_deck(parse_to_ir(path, project), project, path)
        except BuildError as exc:
            _error(exc)
            continue
        _line(console, project.shown(path), [_deck_part(deck) + " (card styles)"], started)
    for path in todo.sheets:
        started = time.perf_counter()
        try:
            sheets = run_sheets(parse_to_ir(path, project), project)
        except BuildError as exc:
            _error(exc)
            continue
        _line(console, project.shown(path), [_sheets_part(sheets) + " (sheet styles)"], started)
    if todo.report:
        started = time.perf_counter()
        index = write_report(project.out_dir, project.build_dir, project.style("report.css").parent)
        if not (todo.notes or todo.decks or todo.sheets):
            _line(console, project.shown(index), ["report rewritten"], started)


def _error(exc: BuildError) -> None:
    """A mistake in the notes stops that file's rebuild, not the watch: fix it and save."""
    print(exc, file=sys.stderr, flush=True)


def _deck_part(deck: DeckResult) -> str:
    removed = f", {len(deck.removed)} removed" if deck.removed else ""
    return f"deck {deck.notes} notes, {deck.cards} cards{removed}"


def _sheets_part(sheets: SheetsResult) -> str:
    drawn = [sheet for sheet in sheets.sheets if sheet.renders]
    names = f" ({', '.join(f'{s.index:02d} {s.title}' for s in drawn)})" if drawn else ""
    return f"sheets {len(drawn)} of {len(sheets.sheets)} rendered{names}"


def _line(console: Console, shown: str, parts: list[str], started: float) -> None:
    stamp = time.strftime("%H:%M:%S")
    seconds = time.perf_counter() - started
    console.done(f"{stamp} {shown}: {'; '.join(parts)}; {seconds:.1f} s")
