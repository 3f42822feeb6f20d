"""What the build prints: progress on stdout, diagnostics on stderr, colour only on a terminal."""

from __future__ import annotations

import os
import sys
from typing import TextIO

from .form.model import Diagnostic

_COLOURS = {"error": "\033[1;31m", "warning": "\033[33m", "note": "\033[36m", "done": "\033[32m"}
_RESET = "\033[0m"


def printable(text: str) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``), never sent as they are:
    a title holding ``ESC[2J`` would clear the user's terminal. Line breaks and tabs stay."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch in "\n\t" else ascii(ch)[1:-1] for ch in text)


def wants_colour(stream: TextIO) -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if "NO_COLOR" in os.environ:
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Console:
    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        self.out_colour = wants_colour(sys.stdout)
        self.err_colour = wants_colour(sys.stderr)

    def progress(self, line: str) -> None:
        """A line of progress; ``-q`` silences it."""
        if not self.quiet:
            print(printable(line), flush=True)

    def done(self, line: str) -> None:
        if not self.quiet:
            print(self._paint(printable(line), "done", self.out_colour), flush=True)

    def diagnostic(self, diagnostic: Diagnostic) -> None:
        """Warnings are progress (silenced by ``-q``); errors always show."""
        if self.quiet and diagnostic.severity != "error":
            return
        text = printable(str(diagnostic))
        if self.err_colour:
            label = f"{diagnostic.severity}:"
            text = text.replace(label, self._paint(label, diagnostic.severity, True), 1)
        print(text, file=sys.stderr, flush=True)

    @staticmethod
    def _paint(text: str, kind: str, colour: bool) -> str:
        return f"{_COLOURS[kind]}{text}{_RESET}" if colour else text
