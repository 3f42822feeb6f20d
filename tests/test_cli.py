"""The command line, called as ``main([...])``: what it writes, prints and returns."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clozepress.cli import main
from clozepress.form.model import loads

from .conftest import NOTES
from .project_support import SMALL_NOTES


def test_parse_writes_the_intermediate_form(tmp_path: Path) -> None:
    out = tmp_path / "out" / "aws.json"
    assert main(["parse", str(NOTES), "-o", str(out)]) == 0
    document = loads(out.read_text(encoding="utf-8"))
    assert len(document.domains) == 26


def test_parse_without_output_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(NOTES)]) == 0
    assert json.loads(capsys.readouterr().out)["format"] == "clozepress"


def test_check_prints_sorted_warnings_and_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(NOTES)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 6
    numbers = [int(line.split(":")[1]) for line in lines]
    assert numbers == sorted(numbers)
    assert all(f"{NOTES}:" in line and ": warning: " in line for line in lines)


def test_check_strict_fails_on_warnings() -> None:
    assert main(["check", "--strict", str(NOTES)]) == 1


def test_check_fails_on_an_error_and_names_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"# T\n- caf\xe9\n")
    good = tmp_path / "good.md"
    good.write_text("# T\n- `ok`\n", encoding="utf-8")
    assert main(["check", str(good), str(bad)]) == 1
    assert f"{bad}:2: error: not valid UTF-8 (byte 0xe9)" in capsys.readouterr().out


def test_build_writes_the_intermediate_form_of_every_source_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two small notes files: the user's whole notes are built by the slow tests (test_kill,
    # test_sheets_corpus) and by `make`; here it is the command that is checked, not the notes.
    project = tmp_path / "project"
    (project / "source").mkdir(parents=True)
    (project / "source" / "first.md").write_text(SMALL_NOTES, encoding="utf-8")
    (project / "source" / "second.md").write_text(
        "# Gamma\n- the third letter is `gamma`, after beta\n", encoding="utf-8"
    )
    monkeypatch.chdir(project)
    assert main(["build", "--out", "dist", "-q"]) == 0
    assert len(loads((project / "build" / "first.json").read_text()).domains) == 2
    assert len(loads((project / "build" / "second.json").read_text()).domains) == 1
    for stem in ("first", "second"):
        assert (project / "dist" / f"{stem}.apkg").is_file()
        assert (project / "dist" / "sheets" / f"{stem}.pdf").is_file()


def test_build_with_no_notes_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 1
    assert "no notes" in capsys.readouterr().err


def test_python_dash_m_and_check_stays_light() -> None:
    # `check` must not import the heavy emitters: it is run on every keystroke by some users.
    code = (
        "import sys; from clozepress.cli import main; rc = main(['check', sys.argv[1]]);"
        "heavy = [m for m in ('weasyprint', 'genanki', 'anki') if m in sys.modules];"
        "print(heavy); sys.exit(rc)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(NOTES)], capture_output=True, text=True, env=os.environ
    )
    assert done.returncode == 0
    assert done.stdout.splitlines()[-1] == "[]"
    version = subprocess.run(
        [sys.executable, "-m", "clozepress", "--version"], capture_output=True, text=True
    )
    assert version.stdout.startswith("clozepress ")


def test_one_broken_notes_file_does_not_stop_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from .project_support import scratch_project

    project = scratch_project(tmp_path)
    (project / "source" / "broken.md").write_bytes(b"# Broken\n- caf\xe9\n")
    monkeypatch.chdir(project)
    assert main(["build", "-q"]) == 1
    assert "source/broken.md:2: error: not valid UTF-8 (byte 0xe9)" in capsys.readouterr().err
    assert (project / "dist" / "notes.apkg").is_file()
    assert not (project / "dist" / "broken.apkg").exists()


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    # Every highlight of the user's notes with its cards (about 1 MB) overfills the pipe: the
    # command is still writing when the reader goes, as with `clozepress sample ... | head`.
    command = [
        sys.executable,
        "-m",
        "clozepress",
        "sample",
        str(NOTES),
        "--highlights",
        "-n",
        "5000",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    assert b"aws-saa.md:" in process.stdout.readline()
    process.stdout.close()
    error = process.stderr.read()
    assert process.wait(timeout=60) == 141  # 128 + SIGPIPE, as a shell reports it
    assert b"Traceback" not in error
