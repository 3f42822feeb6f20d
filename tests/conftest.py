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
    shutil.copytree(REPO / "styles", project / "styles")
    shutil.copy(REPO / "pyproject.toml", project / "pyproject.toml")
    target = project / "source" / NOTES.name
    shutil.copy(NOTES, target)
    return target


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/cards/ from the card policy as it is (review the diff)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
