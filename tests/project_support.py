"""A scratch copy of the project (Makefile, code, settings) around notes of a test's own."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .conftest import REPO

SMALL_NOTES = """\
# Alpha
## Basics
- `first` fact about alpha
    - detail with `second`
- plain bullet

# Beta
### Things
- beta has `third` and `fourth`
- 自动 `中文` line
"""


def scratch_project(where: Path, notes: str = SMALL_NOTES, name: str = "notes.md") -> Path:
    """The project as a user has it, sharing this checkout's virtualenv (mtimes kept, so make
    sees the virtualenv as up to date)."""
    project = where / "project"
    (project / "source").mkdir(parents=True)
    for item in ("Makefile", "pyproject.toml"):
        shutil.copy2(REPO / item, project / item)
    shutil.copytree(REPO / "src", project / "src", copy_function=shutil.copy2)
    (project / ".venv").symlink_to(REPO / ".venv")
    # Settings older than the shared virtualenv's install stamp: make must not reinstall it.
    os.utime(project / "pyproject.toml", (0, 0))
    (project / "source" / name).write_text(notes, encoding="utf-8")
    return project
