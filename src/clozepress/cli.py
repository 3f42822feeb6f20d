"""The command line: ``clozepress parse | check | build | deck | sheets | init | ...``; ``main``."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import BuildError

if TYPE_CHECKING:
    from .console import Console
    from .deck.deck import DeckResult
    from .form.model import Document


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clozepress",
        description="Markdown study notes into Anki cloze decks and one-page cheat-sheets.",
    )
    parser.add_argument("--version", action="version", version=f"clozepress {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = commands.add_parser("parse", help="write a notes file's intermediate form (JSON)")
    parse.add_argument("notes", type=Path, metavar="NOTES.md")
    parse.add_argument("-o", "--output", type=Path, metavar="OUT.json", help="default: stdout")

    check = commands.add_parser("check", help="print the notes' warnings and errors")
    check.add_argument("notes", type=Path, nargs="+", metavar="NOTES.md")
    check.add_argument("--strict", action="store_true", help="warnings count as errors")

    build = commands.add_parser("build", help="build decks and sheets (default: source/*.md)")
    build.add_argument("notes", type=Path, nargs="*", metavar="NOTES.md")
    build.add_argument("--out", type=Path, default=Path("dist"), metavar="DIR")
    build.add_argument(
        "--build-dir",
        type=Path,
        default=Path("build"),
        metavar="DIR",
        help="where the intermediate form goes (default: build)",
    )
    build.add_argument("-q", "--quiet", action="store_true", help="print errors only")

    deck = commands.add_parser("deck", help="write an Anki deck from an intermediate form")
    deck.add_argument("ir", type=Path, metavar="IR.json")
    deck.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.apkg")
    deck.add_argument(
        "--notes",
        type=Path,
        metavar="NOTES.md",
        help="where the notes are (their images, their identity file); default: the IR's path",
    )
    deck.add_argument("-q", "--quiet", action="store_true", help="print errors only")

    sheets = commands.add_parser(
        "sheets", help="write one-page PDF sheets from an intermediate form"
    )
    sheets.add_argument("ir", type=Path, metavar="IR.json")
    sheets.add_argument(
        "--out",
        type=Path,
        default=Path("dist"),
        metavar="DIR",
        help="writes DIR/sheets/ (default: dist)",
    )
    sheets.add_argument("-q", "--quiet", action="store_true", help="print errors only")

    report = commands.add_parser(
        "report", help="write DIR/index.html from the last build and print its summary"
    )
    report.add_argument("--out", type=Path, default=Path("dist"), metavar="DIR")
    report.add_argument("--build-dir", type=Path, default=Path("build"), metavar="DIR")
    report.add_argument("-q", "--quiet", action="store_true", help="print errors only")

    watch = commands.add_parser(
        "watch", help="build, then rebuild what changed on every save (Ctrl-C stops)"
    )
    watch.add_argument("notes", type=Path, nargs="*", metavar="NOTES.md")
    watch.add_argument("--out", type=Path, default=Path("dist"), metavar="DIR")
    watch.add_argument("--build-dir", type=Path, default=Path("build"), metavar="DIR")
    watch.add_argument("-q", "--quiet", action="store_true", help="print errors only")

    forget = commands.add_parser(
        "forget",
        help="drop the removed notes from the identity files (once cleared in Anki)",
    )
    forget.add_argument("notes", type=Path, nargs="*", metavar="NOTES.md")
    forget.add_argument(
        "--out", type=Path, default=Path("dist"), metavar="DIR", help="where the decks are"
    )
    forget.add_argument("-q", "--quiet", action="store_true", help="print errors only")

    sample = commands.add_parser("sample", help="print random cards as a learner sees them")
    sample.add_argument("notes", type=Path, metavar="NOTES.md")
    sample.add_argument("-n", type=_positive, default=60, metavar="N", help="cards (default: 60)")
    sample.add_argument("--seed", type=int, default=None, metavar="S", help="repeatable draw")
    sample.add_argument(
        "--skipped", action="store_true", help="list the highlights that are no card, with why"
    )
    sample.add_argument(
        "--highlights",
        action="store_true",
        help="N random highlights of all, each with the cards made from its line or why none",
    )
    sample.add_argument(
        "--rules", action="store_true", help="list the card rules and how often each decided"
    )

    init = commands.add_parser("init", help="write a new notes project that builds with make")
    init.add_argument("dir", type=Path, metavar="DIR")

    doctor = commands.add_parser(
        "doctor", help="check the system parts (fonts, libraries, programs) a build needs"
    )
    doctor.add_argument("--tests", action="store_true", help="what the tests need instead")
    doctor.add_argument("-q", "--quiet", action="store_true", help="print missing parts only")
    return parser


def _positive(text: str) -> int:
    """A count of at least 1 (argparse turns the ValueError into a usage error, exit 2)."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "parse":
            return _parse(args)
        if args.command == "check":
            return _check(args)
        if args.command == "build":
            return _build(args)
        if args.command == "deck":
            return _deck(args)
        if args.command == "report":
            return _report(args)
        if args.command == "sheets":
            return _sheets(args)
        if args.command == "sample":
            return _sample(args)
        if args.command == "init":
            return _init(args)
        if args.command == "doctor":
            from .doctor import BUILD, TESTS, doctor

            return doctor(TESTS if args.tests else BUILD, args.quiet)
        if args.command == "forget":
            return _forget(args)
        if args.command == "watch":
            return _watch(args)
    except BuildError as exc:
        print(_printable(str(exc)), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader left early (`clozepress sample ... | head`): no traceback, and stdout
        # pointed at /dev/null so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + signal.SIGPIPE
    except OSError as exc:
        # A filesystem fault no step turned into a BuildError: still one line, no traceback.
        where = exc.filename if exc.filename is not None else "clozepress"
        print(_printable(f"{where}: error: {exc.strerror or exc}"), file=sys.stderr)
        return 1
    raise AssertionError(f"unhandled command {args.command}")


def _printable(text: str) -> str:
    from .console import printable

    return printable(text)


def _parse(args: argparse.Namespace) -> int:
    from . import atomic
    from .form.model import dumps
    from .read.parse import parse_file

    document = parse_file(args.notes)
    for diagnostic in document.diagnostics:
        print(_printable(str(diagnostic)), file=sys.stderr)
    if args.output is None:
        sys.stdout.write(dumps(document))
    else:
        atomic.write_text(args.output, dumps(document))
    return 0


def _check(args: argparse.Namespace) -> int:
    from .form.model import Diagnostic
    from .read.cues import load_cues
    from .read.parse import parse_file

    diagnostics: list[Diagnostic] = []
    errors = 0
    folders: set[Path] = set()
    for notes in args.notes:
        try:
            diagnostics.extend(parse_file(notes).diagnostics)
            if notes.parent not in folders:
                folders.add(notes.parent)
                # The learner's cue words beside the notes: a key no rule reads is named.
                diagnostics.extend(load_cues(notes.parent).warnings)
        except BuildError as exc:
            diagnostics.append(Diagnostic(exc.path, exc.line, "error", exc.message))
    for diagnostic in sorted(diagnostics, key=lambda d: (d.path, d.line, d.message)):
        print(_printable(str(diagnostic)))
        # A note says what the parse decided (which headings are domains): never a failure.
        if diagnostic.severity == "error" or (args.strict and diagnostic.severity == "warning"):
            errors += 1
    return 1 if errors else 0


def _build(args: argparse.Namespace) -> int:
    from .config import load_config
    from .console import Console
    from .pipeline import build_notes
    from .project import Project

    console = Console(args.quiet)
    root = Path.cwd()
    notes = list(args.notes) or sorted((root / "source").glob("*.md"))
    if not notes:
        raise BuildError("source", 1, "no notes: put a Markdown file in source/")
    project = Project(root, args.out, args.build_dir, load_config(root))
    for folder in (project.out_dir, project.build_dir):
        if folder.exists() and not folder.is_dir():
            # Said once, before any notes file fails on it.
            raise BuildError(str(folder), 0, "cannot write into it: it is a file, not a folder")
    failed = 0
    for path in notes:
        console.progress(f"{project.shown(path)}: building")
        try:
            result = build_notes(path, project, progress=console.progress)
        except BuildError as exc:
            # One broken notes file must not keep the others from building.
            print(_printable(str(exc)), file=sys.stderr)
            failed += 1
            continue
        for diagnostic in result.diagnostics:
            console.diagnostic(diagnostic)
        if result.deck is not None:
            _removed_lines(result.deck, console)
    _finish(project.out_dir, project.build_dir, console)
    return 1 if failed else 0


def _finish(out_dir: Path, build_dir: Path, console: Console) -> int:
    from .project import find_style
    from .report.report import closing_line, gather, write_report

    reports = gather(build_dir)
    css = find_style(Path.cwd(), "report.css")
    index = write_report(out_dir, build_dir, css.parent, reports)
    for report in reports:
        console.done(closing_line(report))
    console.progress(f"open {index}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from .console import Console

    return _finish(args.out, args.build_dir, Console(args.quiet))


#: An intermediate form is about ten times its notes (8 MB at most).
MAX_IR_BYTES = 512 * 2**20


def _load_ir(path: Path) -> Document:
    from .errors import file_fault
    from .form.model import FormatError, loads
    from .inputs import Refused, read_regular

    try:
        return loads(read_regular(path, MAX_IR_BYTES).decode("utf-8"))
    except OSError as exc:
        raise file_fault(path, exc, "read") from None
    except Refused as exc:
        raise BuildError(str(path), 0, f"cannot read: {exc.reason}") from None
    except UnicodeDecodeError as exc:
        raise BuildError(str(path), 1, f"cannot read: {exc}") from None
    except RecursionError:
        raise BuildError(str(path), 1, "nested too deeply: not an intermediate form") from None
    except FormatError as exc:
        raise BuildError(str(path), 1, str(exc)) from None


def _deck(args: argparse.Namespace) -> int:
    from .config import load_config
    from .console import Console
    from .pipeline import check_notes, run_deck
    from .project import Project

    console = Console(args.quiet)
    document = _load_ir(args.ir)
    root = Path.cwd()
    project = Project(root, args.output.parent, args.ir.parent, load_config(root))
    if args.notes is not None:
        check_notes(args.notes, project.said(args.notes))
    result = run_deck(document, project, args.notes, args.output)
    for diagnostic in result.diagnostics:
        console.diagnostic(diagnostic)
    _removed_lines(result, console)
    console.progress(_deck_summary(result, project.shown(args.output)))
    return 0


def _removed_lines(result: DeckResult, console: Console) -> None:
    """One line per note this build removed; the ones carried since are only counted."""
    from .deck.identity import REMOVED_TAG

    for note in result.removed:
        if note.new:
            console.progress(
                f"{note.source}: removed from the notes, tagged {REMOVED_TAG}: {note.text[:80]}"
            )


def _sheets(args: argparse.Namespace) -> int:
    from .config import load_config
    from .console import Console
    from .pipeline import run_sheets
    from .project import Project

    console = Console(args.quiet)
    document = _load_ir(args.ir)
    root = Path.cwd()
    project = Project(root, args.out, args.ir.parent, load_config(root))
    result = run_sheets(document, project, progress=console.progress)
    for diagnostic in result.diagnostics:
        console.diagnostic(diagnostic)
    console.progress(
        f"{project.shown(result.combined)}: {len(result.sheets)} sheets, "
        f"{result.renders} renders, {result.seconds:.1f} s"
    )
    return 0


def _watch(args: argparse.Namespace) -> int:
    from . import watch
    from .config import load_config
    from .console import Console
    from .project import Project

    root = Path.cwd()

    def find_notes() -> list[Path]:
        return list(args.notes) or sorted((root / "source").glob("*.md"))

    notes = find_notes()
    if not notes:
        raise BuildError("source", 1, "no notes: put a Markdown file in source/")
    project = Project(root, args.out, args.build_dir, load_config(root))
    return watch.run(
        notes, project, Console(args.quiet), find_notes=None if args.notes else find_notes
    )


def _forget(args: argparse.Namespace) -> int:
    """The learner has deleted or suspended the removed notes: packages stop carrying them."""
    from .config import load_config
    from .console import Console
    from .deck import identity
    from .project import Project

    console = Console(args.quiet)
    root = Path.cwd()
    project = Project(root, args.out, Path("build"), load_config(root))
    notes = list(args.notes) or sorted((root / "source").glob("*.md"))
    for path in notes:
        ids_path = project.ids_path(path)
        shown = project.shown(ids_path)
        known = identity.read(ids_path, shown)
        if known is None or not known.removed:
            console.progress(f"{shown}: no removed notes")
            continue
        identity.write(ids_path, identity.forget(known))
        # The deck built before still carries them, and importing it would bring back a note
        # deleted in Anki: it goes, so that the next build (`make`) writes one without them.
        (project.out_dir / f"{path.stem}.apkg").unlink(missing_ok=True)
        console.progress(
            f"{shown}: forgot {len(known.removed)} removed notes; build again before importing"
        )
    return 0


def _sample(args: argparse.Namespace) -> int:
    from .cards import plan
    from .cards.sample import all_cards, pick, show, show_highlights, show_rules
    from .config import load_config
    from .read.cues import load_cues
    from .read.parse import decode, parse_file

    document = parse_file(args.notes)
    planned = plan(document, load_config(Path.cwd()), load_cues(args.notes.parent))
    if args.rules:
        print(show_rules(planned))
        return 0
    if args.highlights:
        source = decode(args.notes.read_bytes(), str(args.notes))
        print(show_highlights(document, planned, source, args.n, args.seed))
        return 0
    if args.skipped:
        for diagnostic in (*planned.diagnostics, *planned.skipped):
            print(_printable(str(diagnostic)))
        return 0
    decks = [f"{document.title}::{domain.title}" for domain in document.domains]
    cards = all_cards(planned, decks)
    chosen = pick(cards, args.n, args.seed)
    print(_printable(f"{document.path}: {len(chosen)} of {len(cards)} cards (seed {args.seed})\n"))
    for index, card in enumerate(chosen, 1):
        print(_printable(show(card, index, len(chosen)) + "\n"))
    return 0


def _init(args: argparse.Namespace) -> int:
    from .scaffold import init_project

    written = init_project(args.dir)
    for path in written:
        print(f"wrote {path}")
    print(f"next: cd {args.dir} && make   (then add your notes to source/)")
    return 0


def _deck_summary(result: DeckResult, shown: str) -> str:
    from .deck.identity import REMOVED_TAG

    removed = (
        f", {len(result.removed)} removed notes (in Anki: tag:{REMOVED_TAG})"
        if result.removed
        else ""
    )
    return (
        f"{shown}: {result.notes} notes, {result.cards} cards, "
        f"{result.subdecks} subdecks, {result.media} media files{removed}"
    )
