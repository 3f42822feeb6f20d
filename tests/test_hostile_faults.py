"""Filesystem faults (issue 16.9): a file where a folder should be, a folder where a file should
be, a read-only folder, a full disk. Each is one line naming the path and the cause, exit 1, and
the outputs of the last good build stay whole (no half file, no temporary file left).

The read-only and full filesystems are real ones where the machine allows it (a tmpfs mounted
by root); a stand-in (``os.fsync`` failing with ENOSPC, as a full disk reports delayed writes)
covers the full disk everywhere.
"""

from __future__ import annotations

import errno
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from .hostile_support import cli, project, refused, remount_read_only, sub, tiny_filesystem

NOTES = (
    "# D\n- Glacier retrieval takes `3 to 5 hours` in standard mode\n"
    "- An EBS volume lives in one `Availability Zone` only\n"
)


def outputs(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for folder in ("dist", "build", "source")
        for p in sorted((root / folder).rglob("*"))
        if p.is_file() and (root / folder).exists()
    }


def no_temporary_files(root: Path) -> None:
    assert not [p for p in root.rglob("*.tmp*")], list(root.rglob("*.tmp*"))


def test_an_out_folder_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    root = project(tmp_path, NOTES)
    (root / "out").write_text("a file of the user's\n")
    refused(cli(root, "build", "--out", "out"), "out", "not a folder")
    assert (root / "out").read_text() == "a file of the user's\n"


def test_a_build_folder_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    root = project(tmp_path, NOTES)
    (root / "b").write_text("a file of the user's\n")
    refused(cli(root, "build", "--build-dir", "b"), "b", "not a folder")
    assert (root / "b").read_text() == "a file of the user's\n"


def test_an_output_file_that_is_a_folder_is_one_line(tmp_path: Path) -> None:
    root = project(tmp_path, NOTES)
    (root / "out.json").mkdir()
    refused(cli(root, "parse", "source/notes.md", "-o", "out.json"), "out.json", "folder")
    assert cli(root, "parse", "source/notes.md", "-o", "build/notes.json").code == 0
    (root / "deck.apkg").mkdir()
    run = cli(root, "deck", "build/notes.json", "-o", "deck.apkg", "--notes", "source/notes.md")
    refused(run, "deck.apkg", "folder")


def test_a_full_disk_is_one_line_and_the_last_outputs_stay_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, NOTES)
    assert cli(root, "build").code == 0
    before = outputs(root)
    (root / "source" / "notes.md").write_text(NOTES + "- SQS keeps a message for `14 days`\n")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    run = cli(root, "build")
    assert run.code == 1 and "Traceback" not in run.said, run.said
    assert "No space left on device" in run.err, run.err
    after = outputs(root)
    for name in ("dist/notes.apkg", "source/notes.ids.json"):
        assert after[name] == before[name], name
    zipfile.ZipFile(root / "dist" / "notes.apkg").testzip()
    no_temporary_files(root)


def test_a_real_full_disk_is_one_line_and_leaves_no_half_file(tmp_path: Path) -> None:
    root = project(tmp_path / "project", NOTES)
    with tiny_filesystem(tmp_path / "small", "20k") as small:
        run = sub(root, "build", "--out", str(small), timeout=120)
        assert run.code == 1 and "Traceback" not in run.said, run.said
        errors = [line for line in run.err.splitlines() if ": error: " in line]
        assert errors and all("No space left on device" in line for line in errors), run.err
        assert all(line.startswith(str(small)) for line in errors), run.err
        for made in small.rglob("*"):
            assert not made.name.endswith(".tmp"), made
            if made.suffix == ".apkg":
                zipfile.ZipFile(made).testzip()


def test_a_read_only_out_folder_is_one_line(tmp_path: Path) -> None:
    root = project(tmp_path / "project", NOTES)
    with tiny_filesystem(tmp_path / "ro", "1m") as out:
        remount_read_only(out)
        run = sub(root, "build", "--out", str(out), timeout=120)
        assert run.code == 1 and "Traceback" not in run.said, run.said
        errors = [line for line in run.err.splitlines() if ": error: " in line]
        assert errors and all("Read-only file system" in line for line in errors), run.err
        assert all(line.startswith(str(out)) for line in errors), run.err


def test_a_read_only_notes_folder_is_one_line_naming_it(tmp_path: Path) -> None:
    root = project(tmp_path / "project")
    with tiny_filesystem(tmp_path / "notes", "1m") as folder:
        (folder / "mine.md").write_text(NOTES)
        remount_read_only(folder)
        run = sub(root, "build", str(folder / "mine.md"), timeout=120)
        assert run.code == 1 and "Traceback" not in run.said, run.said
        errors = [line for line in run.err.splitlines() if ": error: " in line]
        assert len(errors) == 1 and errors[0].startswith(str(folder)), run.err
        assert "Read-only file system" in errors[0] or "not writable" in errors[0], run.err
        assert not (root / "dist" / "mine.apkg").exists()


def test_a_read_only_notes_folder_stands_in_where_no_tmpfs_can_be_mounted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, NOTES)
    real_access = os.access

    def no_writes(path: object, mode: int, **kwargs: object) -> bool:
        if mode & os.W_OK and Path(str(path)).resolve() == (root / "source").resolve():
            return False
        return real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", no_writes)
    refused(cli(root, "build"), "source/notes.md", "not writable")
    assert not shutil.os.path.exists(root / "dist" / "notes.apkg")
