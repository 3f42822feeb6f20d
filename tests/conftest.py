"""Shared fixtures: the project's paths and throwaway copies of the user's notes."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NOTES = REPO / "source" / "aws-saa.md"
#: A RAM filesystem for the tests' scratch files, used when it has this much room.
RAM_SCRATCH = Path("/dev/shm")
RAM_ROOM = 2 * 1024**3
#: The scratch folder the machine gives (a disk, or TMPDIR), for a test that needs a write to
#: take the time it takes there.
DISK_SCRATCH = Path(tempfile.gettempdir())


def pytest_configure(config: pytest.Config) -> None:
    """Scratch files (``tmp_path``, ``tempfile``, and the builds the tests start, which inherit
    TMPDIR) go to a RAM filesystem when the machine has one with room, unless TMPDIR is set.

    Every build writes its outputs atomically and fsyncs them, and every Anki collection a test
    opens is an SQLite file that fsyncs on each commit: on a shared disk those waits, not the
    work, were most of the deck tests' time. No test can observe durability (that takes a power
    cut), so no check is lost: the code still calls fsync, and a kill, a rename or a full
    filesystem behave the same on tmpfs. ``make bench`` measures on the disk."""
    if os.environ.get("TMPDIR"):
        return
    try:
        room = os.statvfs(RAM_SCRATCH)
    except OSError:
        return
    if room.f_bavail * room.f_frsize >= RAM_ROOM and os.access(RAM_SCRATCH, os.W_OK | os.X_OK):
        os.environ["TMPDIR"] = str(RAM_SCRATCH)
        tempfile.tempdir = None  # computed again from TMPDIR at its next use


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
    parser.addoption(
        "--ablation-table",
        action="store_true",
        help="turn each card rule off on every notes file and print the changes per file (-s)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def ablation_table(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--ablation-table"))


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
