"""Shared fixtures: the project's paths and throwaway copies of the user's notes."""

from __future__ import annotations

import os
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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/cards/ from the card policy as it is (review the diff)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def require_system(name: str) -> None:
    """Skip the calling test when the system part ``name`` (one of ``clozepress.doctor.PARTS``)
    is missing on a developer's machine, saying what to install; in CI (``CI=true``), where
    .ci/run installs every part, a missing part fails the test instead of hiding it."""
    from clozepress.doctor import install_command, part

    needed = part(name)
    if needed.present():
        return
    reason = f"{needed.name} is not installed ({needed.why}): {install_command([needed])}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true: {reason}")
    pytest.skip(reason)
