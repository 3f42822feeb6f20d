"""Where a project keeps its things: the notes, the styles, the generated folders."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .config import Config

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
        """``path`` as messages show it: relative to the project when it lies inside."""
        try:
            return (
                os.path.relpath(path.resolve(), self.root.resolve())
                if _inside(path, self.root)
                else str(path)
            )
        except ValueError:
            return str(path)

    def ir_path(self, notes: Path) -> Path:
        return self.build_dir / f"{notes.stem}.json"

    def ids_path(self, notes: Path) -> Path:
        """The identity file kept beside the notes: user data, committed with them."""
        return notes.with_name(f"{notes.stem}.ids.json")


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True
