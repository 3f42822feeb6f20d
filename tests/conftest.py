"""Shared fixtures: the project's paths and throwaway copies of the user's notes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NOTES = REPO / "source" / "aws-saa.md"


@pytest.fixture
def notes_copy(tmp_path: Path) -> Path:
    """A copy of the user's notes in a temporary project; tests never touch source/."""
    project = tmp_path / "project"
    (project / "source").mkdir(parents=True)
    shutil.copy(REPO / "pyproject.toml", project / "pyproject.toml")
    target = project / "source" / NOTES.name
    shutil.copy(NOTES, target)
    return target
