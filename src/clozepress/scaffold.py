"""``clozepress init DIR``: a new notes project that builds at once with this clozepress."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from . import atomic
from .errors import BuildError
from .project import DEFAULT_STYLES

TEMPLATE = Path(__file__).resolve().parent / "template"
"""The new project's files (package data); ``gitignore`` is written as ``.gitignore``."""

FILES = {
    "Makefile": "Makefile",
    "pyproject.toml": "pyproject.toml",
    "gitignore": ".gitignore",
    "source/notes.md": "source/notes.md",
    "styles/README.txt": "styles/README.txt",
}


def clozepress_command() -> str:
    """How the new Makefile calls clozepress: this interpreter by its absolute path, so the
    project builds with the clozepress that wrote it, whatever is (or is not) on PATH."""
    command = f"{shlex.quote(sys.executable)} -m clozepress"
    return command.replace("$", "$$")  # make reads a lone $ as a variable


def init_project(target: Path) -> list[Path]:
    """Write the new project into ``target`` (created if absent); returns the files written.

    Refuses, before writing anything, when one of them already exists: init never overwrites a
    user's file."""
    if target.exists() and not target.is_dir():
        raise BuildError(str(target), 1, "exists and is not a folder")
    written = [target / name for name in FILES.values()]
    for path in written:
        if path.exists() or path.is_symlink():
            raise BuildError(str(path), 1, "already exists; init writes only new files")
    values = {"@CLOZEPRESS@": clozepress_command(), "@STYLES@": str(DEFAULT_STYLES)}
    for source, path in zip(FILES, written, strict=True):
        text = (TEMPLATE / source).read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace(key, value)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_text(path, text)
    return written
