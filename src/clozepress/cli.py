"""The command line: ``clozepress parse | check | build | deck | sheets``; ``main(argv) -> int``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import BuildError

if TYPE_CHECKING:
    from .deck import DeckResult


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
    return parser


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
        if args.command == "sheets":
            return _sheets(args)
    except BuildError as exc:
        print(exc, file=sys.stderr)
        return 1
    raise AssertionError(f"unhandled command {args.command}")


def _parse(args: argparse.Namespace) -> int:
    from . import atomic
    from .model import dumps
    from .parse import parse_file

    document = parse_file(args.notes)
    for diagnostic in document.diagnostics:
        print(diagnostic, file=sys.stderr)
    if args.output is None:
        sys.stdout.write(dumps(document))
    else:
        atomic.write_text(args.output, dumps(document))
    return 0


def _check(args: argparse.Namespace) -> int:
    from .model import Diagnostic
    from .parse import parse_file

    diagnostics: list[Diagnostic] = []
    errors = 0
    for notes in args.notes:
        try:
            diagnostics.extend(parse_file(notes).diagnostics)
        except BuildError as exc:
            diagnostics.append(Diagnostic(exc.path, exc.line, "error", exc.message))
    for diagnostic in sorted(diagnostics, key=lambda d: (d.path, d.line, d.message)):
        print(diagnostic)
        if diagnostic.severity == "error" or args.strict:
            errors += 1
    return 1 if errors else 0


def _build(args: argparse.Namespace) -> int:
    from .config import load_config
    from .pipeline import Project, build_notes

    root = Path.cwd()
    notes = list(args.notes) or sorted((root / "source").glob("*.md"))
    if not notes:
        raise BuildError("source", 1, "no notes: put a Markdown file in source/")
    project = Project(root, args.out, args.build_dir, load_config(root))
    for path in notes:
        result = build_notes(path, project, progress=None if args.quiet else print)
        for diagnostic in result.diagnostics:
            print(diagnostic, file=sys.stderr)
        if not args.quiet:
            print(f"{project.shown(path)}: {len(result.document.domains)} domains")
            if result.deck is not None:
                print(_deck_summary(result.deck, project.shown(result.deck.path)))
    return 0


def _deck(args: argparse.Namespace) -> int:
    from .config import load_config
    from .deck import write_deck
    from .model import FormatError, loads
    from .pipeline import Project

    try:
        document = loads(args.ir.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise BuildError(str(args.ir), 1, f"cannot read: {exc}") from None
    except FormatError as exc:
        raise BuildError(str(args.ir), 1, str(exc)) from None
    root = Path.cwd()
    project = Project(root, args.output.parent, args.ir.parent, load_config(root))
    result = write_deck(document, args.output, project=project, notes_path=args.notes)
    for diagnostic in result.diagnostics:
        print(diagnostic, file=sys.stderr)
    if not args.quiet:
        print(_deck_summary(result, project.shown(args.output)))
    return 0


def _sheets(args: argparse.Namespace) -> int:
    from .config import load_config
    from .model import FormatError, loads
    from .pipeline import Project
    from .sheets import write_sheets

    try:
        document = loads(args.ir.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise BuildError(str(args.ir), 1, f"cannot read: {exc}") from None
    except FormatError as exc:
        raise BuildError(str(args.ir), 1, str(exc)) from None
    root = Path.cwd()
    project = Project(root, args.out, args.ir.parent, load_config(root))
    result = write_sheets(
        document, args.out, project=project, progress=None if args.quiet else print
    )
    for diagnostic in result.diagnostics:
        print(diagnostic, file=sys.stderr)
    if not args.quiet:
        print(
            f"{project.shown(result.combined)}: {len(result.sheets)} sheets, "
            f"{result.renders} renders, {result.seconds:.1f} s"
        )
    return 0


def _deck_summary(result: DeckResult, shown: str) -> str:
    return (
        f"{shown}: {result.notes} notes, {result.cards} cards, "
        f"{result.subdecks} subdecks, {result.media} media files"
    )
