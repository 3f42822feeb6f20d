"""Helpers for the hostile-input tests: a project, the CLI in a subprocess with a time limit,
and the one shape every refusal must have (``path[:line]: error: ...``, exit 1, no traceback)."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .hardening import Run, new_project, run_cli

#: Seconds a small hostile case may take in a subprocess before it counts as a hang. A build of
#: one small domain takes 2-5 s here; WeasyPrint's import alone is about 1 s.
HANG = 90.0
ERROR_LINE = re.compile(r"^(?P<path>[^\n]+?)(?::(?P<line>\d+))?: error: (?P<message>[^\n]+)$")


def project(
    root: Path, notes: str | bytes = "", name: str = "notes.md", settings: str = ""
) -> Path:
    """A throwaway project with ``source/<name>`` holding ``notes`` (nothing if empty)."""
    new_project(root, settings)
    if notes:
        data = notes.encode("utf-8") if isinstance(notes, str) else notes
        (root / "source" / name).write_bytes(data)
    return root


def cli(root: Path, *argv: str) -> Run:
    """``clozepress ARGV`` in-process (an escaping exception fails the test)."""
    return run_cli(root, *argv)


def sub(root: Path, *argv: str, timeout: float = HANG) -> Run:
    """``clozepress ARGV`` in a subprocess: a hang is a failure after ``timeout`` seconds, never
    a hang of the suite."""
    env = {**os.environ, "NO_COLOR": "1"}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "clozepress", *argv],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"clozepress {' '.join(argv)[:200]} hung (no end in {timeout:.0f} s)")
    return Run(done.returncode, done.stdout, done.stderr)


def refused(run: Run, path: str, message: str, line: int | None = None) -> None:
    """Exit 1 with one error line naming ``path`` (and ``line``) whose message matches."""
    assert "Traceback" not in run.said, run.said
    assert run.code == 1, run.said
    errors = [ERROR_LINE.match(text) for text in run.err.splitlines() if ": error: " in text]
    assert len(errors) == 1 and errors[0] is not None, run.err
    found = errors[0]
    assert found.group("path") == path, run.err
    if line is not None:
        assert found.group("line") == str(line), run.err
    assert re.search(message, found.group("message")), run.err


def warned(run: Run, path: str, line: int, message: str) -> None:
    """A warning on ``path:line`` whose message matches, and no traceback."""
    assert "Traceback" not in run.said, run.said
    pattern = re.compile(rf"^{re.escape(path)}:{line}: warning: .*{message}", re.MULTILINE)
    assert pattern.search(run.err), run.err


@contextlib.contextmanager
def tiny_filesystem(where: Path, size: str = "256k") -> Iterator[Path]:
    """A real tmpfs of ``size`` mounted at ``where`` (root only: skipped elsewhere), so a full
    disk or a read-only folder is the kernel's, not a stand-in."""
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def remount_read_only(where: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True, capture_output=True)
