"""Where a project keeps its things: the notes, the styles, the generated folders."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .names import stem_of

DEFAULT_STYLES = Path(__file__).resolve().parent / "styles"
"""The styles clozepress ships (package data): any notes folder builds without styles of its own."""


def find_style(root: Path, name: str) -> Path:
    """``root/styles/<name>`` when the project has it, else the default of that name: a project
    overrides one file (say its sheet.css) and keeps the defaults for the others."""
    own = root / "styles" / name
    return own if own.is_file() else DEFAULT_STYLES / name


@dataclass(frozen=True)
class Project:
    """Where things are: the notes, the styles, the generated folders."""

    root: Path
    out_dir: Path
    build_dir: Path
    config: Config

    @property
    def styles_dir(self) -> Path:
        return self.root / "styles"

    def style(self, name: str) -> Path:
        """The stylesheet ``name`` this project builds with (its own, or the default)."""
        return find_style(self.root, name)

    def shown(self, path: Path) -> str:
        """``path`` as messages, cards and sheets show it: relative to the project when it lies
        inside, else its name alone (an absolute path would put the user's folders into every
        card's Source and every sheet's footer). The file's own name is kept, also when it is
        a symlink to a file under another name: its outputs are named after it."""
        try:
            where = path.parent.resolve() / path.name
            root = self.root.resolve()
        except (OSError, RuntimeError, ValueError):
            return path.name
        if where.is_relative_to(root):
            return os.path.relpath(where, root)
        return path.name

    def said(self, path: Path) -> str:
        """``path`` as an error about the file itself names it: as ``shown`` inside the project,
        as given outside it (the user must find the file)."""
        try:
            inside = path.parent.resolve().is_relative_to(self.root.resolve())
        except (OSError, RuntimeError, ValueError):
            inside = False
        return self.shown(path) if inside else str(path)

    def ir_path(self, notes: Path) -> Path:
        return self.build_dir / f"{stem_of(notes)}.json"

    def ids_path(self, notes: Path) -> Path:
        """The identity file kept beside the notes: user data, committed with them."""
        return notes.with_name(f"{stem_of(notes)}.ids.json")
