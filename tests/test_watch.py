"""``clozepress watch``: a save rebuilds what it changed, one line per rebuild; Ctrl-C leaves
whole files.

The watcher runs as a subprocess in a throwaway project, the way a user runs it; the test
writes to a watched file as an editor would, reads the lines the watcher prints (each wait has
a timeout), then sends SIGINT and reads every output back.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from clozepress.project import DEFAULT_STYLES, Project
from clozepress.watch import Rebuild, plan

from .hardening import new_project
from .project_support import SMALL_NOTES

pytestmark = pytest.mark.slow

WAIT = 90.0
"""Seconds any one step may take on a loaded machine before the test gives up."""


class Watcher:
    """``clozepress watch`` in ``project``, its stdout read line by line on a thread."""

    def __init__(self, project: Path) -> None:
        env = {**os.environ, "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "clozepress", "watch"],
            cwd=project,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str) -> str:
        """The next line holding ``text``; fails after ``WAIT`` seconds."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
            self.seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"no line with {text!r} within {WAIT} s; saw {self.seen}")

    def interrupt(self) -> int:
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=WAIT)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def assert_whole(project: Path) -> None:
    """Every output parses, and no temporary file is left anywhere."""
    with zipfile.ZipFile(project / "dist" / "notes.apkg") as archive:
        assert archive.testzip() is None
    for pdf in (project / "dist" / "sheets").rglob("*.pdf"):
        assert len(PdfReader(pdf).pages) >= 1, pdf
    json.loads((project / "source" / "notes.ids.json").read_text(encoding="utf-8"))
    json.loads((project / "build" / "notes.json").read_text(encoding="utf-8"))
    assert (
        (project / "dist" / "index.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    )
    leftovers = [p for p in project.rglob("*.tmp")]
    assert leftovers == []


def test_a_save_rebuilds_that_file_and_only_the_changed_domains_sheet(tmp_path: Path):
    project = new_project(tmp_path / "project")
    notes = project / "source" / "notes.md"
    notes.write_text(SMALL_NOTES, encoding="utf-8")
    # The project's own card styles (a copy of the default), which the test then edits.
    (project / "styles").mkdir(exist_ok=True)
    shutil.copy(DEFAULT_STYLES / "card.css", project / "styles" / "card.css")
    watcher = Watcher(project)
    try:
        watcher.wait_for("watching")
        notes.write_text(SMALL_NOTES.replace("`fourth`", "`fourth` and `fifth`"), "utf-8")
        line = watcher.wait_for(" source/notes.md: ")
        assert "sheets 1 of 2 rendered (02 Beta)" in line, line
        assert "deck " in line

        css = project / "styles" / "card.css"
        css.write_text(css.read_text(encoding="utf-8") + "\n/* tweak */\n", encoding="utf-8")
        line = watcher.wait_for(" source/notes.md: ")
        assert "(card styles)" in line and "sheets" not in line, line

        # Ctrl-C in the middle of a rebuild: the files are the old build's or the new one's.
        notes.write_text(SMALL_NOTES.replace("`first`", "`primary`"), encoding="utf-8")
        time.sleep(0.8)
        assert watcher.interrupt() == 130
        assert_whole(project)
    finally:
        watcher.kill()


def test_what_each_change_rebuilds(tmp_path: Path):
    from clozepress.config import Config

    root = tmp_path
    project = Project(root, root / "dist", root / "build", Config())
    a, b = root / "source" / "a.md", root / "source" / "b.md"
    styles = root / "styles"
    assert plan([a], [a, b], project) == Rebuild(notes=(a,), report=True)
    assert plan([styles / "card.css"], [a, b], project) == Rebuild(decks=(a, b), report=True)
    assert plan([styles / "sheet.css", b], [a, b], project) == Rebuild(
        notes=(b,), sheets=(a,), report=True
    )
    assert plan([styles / "report.css"], [a, b], project) == Rebuild(report=True)
    assert plan([root / "source" / "corrections.toml"], [a, b], project).notes == (a, b)
    assert not plan([root / "README.md", root / "source" / "a.ids.json"], [a, b], project)
