"""Nothing half-written: a build killed at any moment leaves whole files (issue 7.4).

A temporary project holds a copy of the user's notes, built once (the previous build); then the
notes change and ``clozepress build`` runs again as a subprocess, and is sent SIGKILL at several
moments of that build, and once the instant the identity file's temporary copy appears. After
every kill, ``dist/`` holds only whole files of the previous or the new build (each deck imports
into the real Anki, each PDF parses), the identity file beside the notes parses and is the old or
the new one, and leftover temporary files are hidden ``.*.tmp`` names that no step takes for an
output. Finally a build after a kill completes, and leaves no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from clozepress.atomic import TMP_PREFIX
from clozepress.deck.identity import loads as load_ids

from .conftest import DISK_SCRATCH, NOTES
from .deck_support import Anki, package_notes
from .hardening import REPO, new_project

pytestmark = pytest.mark.slow

STEM = NOTES.stem
#: The first domains of the user's notes: enough that a build spends seconds in each step (so
#: every moment below falls inside a step), few enough that the module's many whole builds
#: stay affordable in `make test` (all 26 domains made this module about half of it).
DOMAINS = 8
#: Seconds after the start of the new build at which it is killed: start-up, parse, deck
#: (the identity file is written at its end), sheets.
MOMENTS = (0.3, 0.8, 1.5, 2.5, 4.0)


#: Every build of this module runs one snapshot of the code, taken when the module starts:
#: "the previous or the new build" must mean the same thing in every one of them, even while
#: someone edits the sources next to a running test.
SNAPSHOT: dict[str, str] = {}


def build(root: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "clozepress", "build"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, **SNAPSHOT},
    )


def build_to_the_end(root: Path) -> None:
    process = build(root)
    _, err = process.communicate(timeout=600)
    assert process.returncode == 0, err.decode()


@dataclass(frozen=True)
class State:
    """What identifies one build's outputs: the deck's notes and the identity file's records."""

    deck: frozenset[tuple[str, tuple[str, ...]]]
    """(GUID, fields) of every note in the package."""
    ids: frozenset[tuple[str, str]]
    """(GUID, fields hash) of every record (a mod time is the moment of a build)."""


def state_of(root: Path, scratch: Path) -> State:
    ids = load_ids((root / "source" / f"{STEM}.ids.json").read_text(encoding="utf-8"), "ids")
    deck = package_notes(root / "dist" / f"{STEM}.apkg", scratch)
    return State(frozenset(deck.items()), frozenset((r.guid, r.fields_hash) for r in ids.records))


def first_domains(text: str, count: int) -> str:
    """``text`` up to its ``count + 1``-th top heading."""
    lines = text.split("\n")
    tops = [index for index, line in enumerate(lines) if line.startswith("# ")]
    return "\n".join(lines[: tops[count]] if len(tops) > count else lines) + "\n"


@dataclass(frozen=True)
class Builds:
    before: Path
    """A project as the previous build left it, notes already changed for the next one."""
    old: State
    new: State


@contextlib.contextmanager
def on_disk() -> Iterator[Path]:
    """A folder on the disk, not in the RAM filesystem the other tests use (conftest.py): the
    write test catches a temporary file between its write and its rename, a window that the
    fsync holds open for milliseconds on a disk and that tmpfs all but closes."""
    folder = Path(tempfile.mkdtemp(prefix="clozepress-kill-", dir=DISK_SCRATCH))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def disk() -> Iterator[Path]:
    with on_disk() as folder:
        yield folder


@pytest.fixture(scope="module")
def builds() -> Iterator[Builds]:
    with on_disk() as base:
        shutil.copytree(REPO / "src" / "clozepress", base / "code" / "clozepress")
        SNAPSHOT["PYTHONPATH"] = str(base / "code")
        before = new_project(base / "before")
        notes = before / "source" / NOTES.name
        first = first_domains(NOTES.read_text(encoding="utf-8"), DOMAINS)
        notes.write_text(first, encoding="utf-8")
        build_to_the_end(before)
        old = state_of(before, base)
        text = notes.read_text(encoding="utf-8")
        # A change that reaches many notes, whichever highlights the card policy makes cards of.
        notes.write_text(text.replace("instance", "server"), encoding="utf-8")
        after = base / "after"
        shutil.copytree(before, after, symlinks=True)
        build_to_the_end(after)
        new = state_of(after, base)
        assert old.deck != new.deck and old.ids != new.ids
        yield Builds(before, old, new)


def temporary_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.tmp") if p.is_file())


def check_whole(root: Path, builds: Builds, scratch: Path) -> None:
    """Every output is whole and belongs to the previous or the new build."""
    for leftover in temporary_files(root):
        # A killed writer leaves its temporary file; it must not look like an output.
        assert leftover.name.startswith("."), leftover
    ids_path = root / "source" / f"{STEM}.ids.json"
    ids = load_ids(ids_path.read_text(encoding="utf-8"), str(ids_path))
    records = frozenset((r.guid, r.fields_hash) for r in ids.records)
    assert records in (builds.old.ids, builds.new.ids)
    outputs = [p for p in (root / "dist").rglob("*") if p.is_file() and not p.name.startswith(".")]
    decks = [p for p in outputs if p.suffix == ".apkg"]
    pdfs = [p for p in outputs if p.suffix == ".pdf"]
    assert [p.name for p in decks] == [f"{STEM}.apkg"]
    assert len(pdfs) > 1
    assert frozenset(package_notes(decks[0], scratch).items()) in (builds.old.deck, builds.new.deck)
    anki = Anki(Path(tempfile.mkdtemp(prefix="anki-", dir=scratch)))
    try:
        new, _, _ = anki.import_(decks[0])
        assert new in (len(builds.old.deck), len(builds.new.deck))
    finally:
        anki.close()
    for pdf in pdfs:
        assert len(PdfReader(pdf, strict=True).pages) >= 1, pdf


def survivors(root: Path, wait: float = 3.0) -> list[int]:
    """Processes still working in ``root`` (sheet workers of a killed build), after ``wait`` s."""
    deadline = time.monotonic() + wait
    while True:
        found = []
        for proc in Path("/proc").iterdir():
            try:
                if proc.name.isdigit() and Path(os.readlink(proc / "cwd")) == root:
                    found.append(int(proc.name))
            except OSError:
                continue
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def killed_at(builds: Builds, folder: Path, moment: float) -> Path:
    root = folder / "project"
    shutil.copytree(builds.before, root, symlinks=True)
    process = build(root)
    time.sleep(moment)
    process.send_signal(signal.SIGKILL)
    process.wait()
    return root


@pytest.mark.parametrize("moment", MOMENTS)
def test_a_build_killed_at_any_moment_leaves_whole_files(
    builds: Builds, disk: Path, tmp_path: Path, moment: float
) -> None:
    root = killed_at(builds, disk, moment)
    print(f"killed at {moment} s; left: {temporary_files(root)}")
    assert survivors(root) == [], "a killed build's workers go on writing into dist/"
    check_whole(root, builds, tmp_path)


def kill_when_written(process: subprocess.Popen[bytes], folder: Path, prefix: str) -> bool:
    """SIGKILL ``process`` the moment a file named ``prefix...`` appears in ``folder``."""
    deadline = time.monotonic() + 300
    while process.poll() is None and time.monotonic() < deadline:
        if any(name.startswith(prefix) for name in os.listdir(folder)):
            process.send_signal(signal.SIGKILL)
            process.wait()
            return True
    process.wait()
    return False


#: Where each write's temporary copy appears: the only file the build writes into that folder,
#: so the first temporary name there (``TMP_PREFIX``, the name the build owns) is that write.
WRITES = {
    # The identity file: a torn one would lose the user's review history.
    "identity-file": "source",
    # The combined sheet, the last file a build writes.
    "combined-sheet": "dist/sheets",
}


#: Builds tried before a write is taken to leave no temporary copy at all.
ATTEMPTS = 12


@pytest.mark.parametrize("write", WRITES)
def test_a_build_killed_in_the_middle_of_a_write_loses_nothing(
    builds: Builds, disk: Path, tmp_path: Path, write: str
) -> None:
    """Each file is written to a temporary copy, then renamed: kill the build in between; the
    next build completes and removes the copy left behind."""
    folder = WRITES[write]
    root = disk / "project"
    # Polling may miss a write of a few milliseconds, the more so on a loaded machine (a run of
    # the whole suite on two busy cores missed four in a row): try again, a build is short.
    for _ in range(ATTEMPTS):
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(builds.before, root, symlinks=True)
        caught = kill_when_written(build(root), root / folder, TMP_PREFIX)
        if caught:
            break
    left = temporary_files(root / folder)
    print(f"killed during the {write} write: {caught}; left: {left}")
    assert caught, f"no temporary {TMP_PREFIX}* file appeared in {folder} in {ATTEMPTS} builds"
    assert survivors(root) == []
    check_whole(root, builds, tmp_path)
    if write == "identity-file":
        # The kill lands a moment after the temporary copy is seen: if the copy is still there
        # the rename had not happened (the old file stands), if it is gone it had (the new one).
        expected = builds.old.ids if left else builds.new.ids
        assert state_of(root, tmp_path).ids == expected
    build_to_the_end(root)
    check_whole(root, builds, tmp_path)
    assert state_of(root, tmp_path) == builds.new
    assert temporary_files(root) == []
