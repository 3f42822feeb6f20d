"""Hostile files (issue 16.1-16.3, 16.12): the build reads only regular files, within caps, and
removes only the temporary files it made.

A named pipe, a device behind a symlink, a folder or a sparse file of gigabytes, wherever the
notes name or imply a file: each ends in a warning on its line or one ``path: error:`` line with
exit 1, in a few seconds (every build runs in a subprocess with a time limit: a hang fails the
test, never the suite).
"""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

from .hostile_support import cli, project, refused, sub, warned

ONE_DOMAIN = "# Files\n- a `first` fact\n- a `second` fact\n"


def with_image(ref: str) -> str:
    return f"# Files\n- a `first` fact\n\n![a picture]({ref})\n\n- a `second` fact\n"


def media_entries(apkg: Path) -> list[str]:
    with zipfile.ZipFile(apkg) as archive:
        return [name for name in archive.namelist() if name not in ("collection.anki2", "media")]


def test_notes_that_are_a_named_pipe_are_refused_not_waited_for(tmp_path: Path) -> None:
    root = project(tmp_path)
    os.mkfifo(root / "source" / "notes.md")
    refused(sub(root, "build"), "source/notes.md", "named pipe")
    refused(sub(root, "parse", "source/notes.md"), "source/notes.md", "named pipe")
    checked = sub(root, "check", "source/notes.md")
    assert checked.code == 1 and checked.out.startswith("source/notes.md: error: "), checked.said


def test_an_image_that_is_a_named_pipe_is_a_warning_on_its_line(tmp_path: Path) -> None:
    root = project(tmp_path, with_image("pipe.png"), settings="sheet_images = true")
    os.mkfifo(root / "source" / "pipe.png")
    run = sub(root, "build")
    assert run.code == 0, run.said
    warned(run, "source/notes.md", 4, "named pipe")
    assert media_entries(root / "dist" / "notes.apkg") == []


def test_an_identity_file_that_is_a_named_pipe_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path, ONE_DOMAIN)
    os.mkfifo(root / "source" / "notes.ids.json")
    refused(sub(root, "build"), "source/notes.ids.json", "named pipe")


def test_an_identity_file_linked_to_dev_zero_is_refused_not_read(tmp_path: Path) -> None:
    root = project(tmp_path, ONE_DOMAIN)
    (root / "source" / "notes.ids.json").symlink_to("/dev/zero")
    refused(sub(root, "build", timeout=30), "source/notes.ids.json", "a device")


def test_a_sparse_image_of_two_gigabytes_is_left_out_with_a_warning(tmp_path: Path) -> None:
    root = project(tmp_path, with_image("huge.png"), settings="sheet_images = true")
    with (root / "source" / "huge.png").open("wb") as fh:
        fh.truncate(2 * 2**30)  # sparse: no disk used, 2 GB to whoever reads it
    run = sub(root, "build", timeout=60)
    assert run.code == 0, run.said
    warned(run, "source/notes.md", 4, r"larger than 16 MB \(2048 MB\)")
    assert media_entries(root / "dist" / "notes.apkg") == []
    assert (root / "dist" / "notes.apkg").stat().st_size < 1_000_000


def test_an_image_name_with_a_nul_byte_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    root = project(tmp_path, with_image("a%00b.png"), settings="sheet_images = true")
    run = cli(root, "build")
    assert run.code == 0, run.said
    warned(run, "source/notes.md", 4, "NUL")


def test_an_image_symlink_that_loops_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    root = project(tmp_path, with_image("loop.png"), settings="sheet_images = true")
    (root / "source" / "loop.png").symlink_to("loop.png")
    run = cli(root, "build")
    assert run.code == 0, run.said
    warned(run, "source/notes.md", 4, "symlink loop")


def test_a_folder_named_like_an_image_is_called_a_folder(tmp_path: Path) -> None:
    root = project(tmp_path, with_image("x.png"), settings="sheet_images = true")
    (root / "source" / "x.png").mkdir()
    run = cli(root, "build")
    assert run.code == 0, run.said
    warned(run, "source/notes.md", 4, "a folder")
    assert "not found" not in run.err


def test_dev_null_is_not_built_as_notes(tmp_path: Path) -> None:
    root = project(tmp_path)
    beside = Path("/dev/null.ids.json")
    before = beside.stat().st_mtime_ns if beside.exists() else None
    run = sub(root, "build", "/dev/null")
    refused(run, "/dev/null", "not a regular file")
    assert (beside.stat().st_mtime_ns if beside.exists() else None) == before
    assert not list((root / "dist").glob("*.apkg"))


def test_a_file_that_is_not_markdown_is_not_built(tmp_path: Path) -> None:
    root = project(tmp_path, ONE_DOMAIN, name="notes.txt")
    refused(cli(root, "build", "source/notes.txt"), "source/notes.txt", r"must end in \.md")


def dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_the_build_removes_only_temporary_files_it_named(tmp_path: Path) -> None:
    root = project(tmp_path, ONE_DOMAIN)
    pid = dead_pid()
    folders = [root / "source", root / "dist", root / "build", root / "dist" / "sheets"]
    users = [".draft.2024.v1.tmp", f".notes.md.{pid}.abcdefgh.tmp", f".x.{pid}.y.tmp"]
    ours = f".clozepress-{pid}-abcd1234.tmp"
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
        for name in users:
            (folder / name).write_text("the user's own file\n")
        (folder / ours).write_text("left by a killed build\n")
    run = cli(root, "build")
    assert run.code == 0, run.said
    for folder in folders[1:]:
        for name in users:
            assert (folder / name).read_text() == "the user's own file\n", folder / name
        assert not (folder / ours).exists(), folder / ours
    # Beside the notes the build writes the identity file: the same rule holds there.
    for name in users:
        assert (root / "source" / name).exists()
    assert not (root / "source" / ours).exists()
