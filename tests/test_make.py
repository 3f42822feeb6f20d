"""The Makefile is the front door: real dependencies, so the edit loop redoes only what changed."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from clozepress import summary
from clozepress.project import DEFAULT_STYLES
from clozepress.summary import SheetsSummary

from .project_support import scratch_project


def make(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )


def planned(project: Path) -> str:
    """The commands `make` would run now, without running them."""
    return make(project, "-n").stdout


def rendered(project: Path) -> dict[str, int]:
    sheets = summary.read(project / "build", "notes", SheetsSummary)
    assert sheets is not None
    return {d.id: d.renders for d in sheets.domains}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = scratch_project(tmp_path_factory.mktemp("make"))
    done = make(project)
    assert done.returncode == 0, done.stderr
    return project


def test_make_builds_deck_sheets_and_report(built: Path) -> None:
    for path in (
        "dist/notes.apkg",
        "dist/sheets/notes.pdf",
        "dist/index.html",
        "dist/sheets/notes/01-alpha.pdf",
        "dist/sheets/notes/02-beta.pdf",
        "source/notes.ids.json",
    ):
        assert (built / path).is_file(), path


def test_an_up_to_date_tree_rebuilds_nothing(built: Path) -> None:
    assert make(built, "-q").returncode == 0  # -q: exit 0 only when every target is up to date
    assert "Nothing to be done" in make(built).stdout


def test_one_bullet_changed_reparses_rebuilds_the_deck_and_renders_one_sheet(built: Path) -> None:
    notes = built / "source" / "notes.md"
    notes.write_text(notes.read_text().replace("plain bullet", "plain bullet, edited"))
    commands = planned(built)
    assert " parse " in commands and " deck " in commands and " sheets " in commands
    assert make(built).returncode == 0
    renders = rendered(built)
    assert renders["alpha"] >= 1
    assert renders["beta"] == 0


def own_style(project: Path, name: str, extra: str) -> None:
    """The project's own styles/<name>: the default with ``extra`` appended."""
    (project / "styles").mkdir(exist_ok=True)
    default = (DEFAULT_STYLES / name).read_text(encoding="utf-8")
    (project / "styles" / name).write_text(default + extra, encoding="utf-8")


def test_card_css_change_rebuilds_decks_and_renders_no_sheet(built: Path) -> None:
    own_style(built, "card.css", "\n/* tweak */\n")
    commands = planned(built)
    assert " deck " in commands
    assert " sheets " not in commands and " parse " not in commands


def test_sheet_css_change_renders_every_sheet_and_rebuilds_no_deck(built: Path) -> None:
    assert make(built).returncode == 0  # settle the card.css change of the test before
    own_style(built, "sheet.css", "\n.band { letter-spacing: 0.01em; }\n")
    commands = planned(built)
    assert " sheets " in commands and " deck " not in commands
    assert make(built).returncode == 0
    assert all(count >= 1 for count in rendered(built).values())


def test_a_failed_step_leaves_no_half_written_target(built: Path) -> None:
    bad = built / "source" / "broken.md"
    bad.write_bytes(b"# Broken\n- caf\xe9\n")
    try:
        done = make(built)
        assert done.returncode != 0
        assert "source/broken.md:2: error: not valid UTF-8 (byte 0xe9)" in done.stderr
        assert not (built / "build" / "broken.json").exists()
        assert not list((built / "build").glob(".*.tmp")) and not list(
            (built / "dist").glob(".*.tmp")
        )
    finally:
        bad.unlink()


def test_make_help_lists_every_target_with_a_line(built: Path) -> None:
    lines = make(built, "help").stdout.splitlines()
    names = {line.split()[0] for line in lines}
    assert {"all", "decks", "sheets", "check", "test", "bench", "clean", "report"} <= names
    assert all(len(line.split(None, 1)) == 2 for line in lines)


def test_make_j2_builds_from_clean(tmp_path: Path) -> None:
    project = scratch_project(tmp_path)
    done = make(project, "-j2")
    assert done.returncode == 0, done.stderr
    assert (project / "dist" / "index.html").is_file()
    assert (project / "dist" / "notes.apkg").is_file()
