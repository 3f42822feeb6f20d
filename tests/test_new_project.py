"""A user's own folder: clozepress builds notes anywhere, ``init`` starts a project whose ``make``
works at once, and ``doctor`` names the system parts that are missing (issue 15)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from clozepress.cli import main
from clozepress.project import DEFAULT_STYLES

from .conftest import REPO, require_system
from .deck_support import Anki

NOTES = """\
# Alpha
## Basics
- The first letter of the alphabet is `alpha`, before beta
- A domain becomes one `subdeck` and one sheet page
"""


def clozepress(*args: str, cwd: Path, path: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m clozepress ARGS`` in ``cwd`` as a separate process (``path``: its PATH)."""
    env = {**os.environ, "NO_COLOR": "1"}
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        [sys.executable, "-m", "clozepress", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
    )


def outside_the_repo(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    assert REPO not in folder.resolve().parents
    return folder


def card_css(apkg: Path, folder: Path) -> str:
    anki = Anki(folder)
    try:
        anki.import_(apkg)
        return "\n".join(model["css"] for model in anki.col.models.all())
    finally:
        anki.close()


def test_build_works_in_a_folder_with_no_styles_and_no_settings(tmp_path: Path) -> None:
    folder = outside_the_repo(tmp_path)
    (folder / "notes.md").write_text(NOTES, encoding="utf-8")
    done = clozepress("build", "notes.md", cwd=folder)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert len(PdfReader(folder / "dist" / "sheets" / "notes.pdf").pages) == 1
    assert (folder / "dist" / "index.html").is_file()
    default = (DEFAULT_STYLES / "card.css").read_text(encoding="utf-8").strip()
    assert default in card_css(folder / "dist" / "notes.apkg", tmp_path / "anki")


def sheet_fonts(pdf: Path) -> set[str]:
    return {
        str(font["/BaseFont"])
        for page in PdfReader(pdf).pages
        for font in page["/Resources"]["/Font"].values()
    }


def test_a_projects_own_stylesheet_replaces_that_default_only(tmp_path: Path) -> None:
    folder = outside_the_repo(tmp_path)
    (folder / "notes.md").write_text(NOTES, encoding="utf-8")
    (folder / "styles").mkdir()
    own = (DEFAULT_STYLES / "sheet.css").read_text(encoding="utf-8")
    own += '\n* { font-family: "DejaVu Serif" !important; }\n'
    (folder / "styles" / "sheet.css").write_text(own, encoding="utf-8")
    done = clozepress("build", "notes.md", cwd=folder)
    assert done.returncode == 0, done.stderr
    fonts = sheet_fonts(folder / "dist" / "sheets" / "notes.pdf")
    assert any("DejaVu-Serif" in font for font in fonts), fonts
    default = (DEFAULT_STYLES / "card.css").read_text(encoding="utf-8").strip()
    assert default in card_css(folder / "dist" / "notes.apkg", tmp_path / "anki")


def test_init_writes_a_project_whose_make_builds_at_once_without_this_repo(
    tmp_path: Path,
) -> None:
    folder = outside_the_repo(tmp_path)
    done = clozepress("init", "notes-project", cwd=folder)
    assert done.returncode == 0, done.stderr
    project = folder / "notes-project"
    assert (project / "styles").is_dir()
    assert "[tool.clozepress]" in (project / "pyproject.toml").read_text(encoding="utf-8")
    assert "/build/" in (project / ".gitignore").read_text(encoding="utf-8")
    # No clozepress on PATH, no virtualenv: the Makefile names the interpreter that wrote it.
    built = subprocess.run(
        ["make", "--no-print-directory"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )
    assert built.returncode == 0, built.stderr
    anki = Anki(tmp_path / "anki")
    try:
        new, _, _ = anki.import_(project / "dist" / "notes.apkg")
        cards = list(anki.cards())
    finally:
        anki.close()
    assert new >= 5 and len(cards) >= 5
    assert all('class="cloze"' in card.question for card in cards)
    sheets = PdfReader(project / "dist" / "sheets" / "notes.pdf")
    assert len(sheets.pages) == 2  # two domains in the example, one page each
    assert (project / "source" / "notes.ids.json").is_file()
    again = subprocess.run(["make", "-q"], cwd=project, env={**os.environ, "PATH": "/usr/bin:/bin"})
    assert again.returncode == 0  # up to date: nothing to redo


def test_init_never_overwrites_a_file_and_says_which(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "mine"
    (project / "source").mkdir(parents=True)
    (project / "source" / "notes.md").write_text("# Mine\n", encoding="utf-8")
    assert main(["init", str(project)]) == 1
    assert capsys.readouterr().err == (
        f"{project / 'source' / 'notes.md'}:1: error: already exists; init writes only new files\n"
    )
    assert (project / "source" / "notes.md").read_text(encoding="utf-8") == "# Mine\n"
    assert sorted(p.name for p in project.rglob("*")) == ["notes.md", "source"]


def test_doctor_names_each_missing_part_with_the_apt_get_line_that_installs_it(
    tmp_path: Path,
) -> None:
    nothing = tmp_path / "empty-path"
    nothing.mkdir()
    done = clozepress("doctor", cwd=tmp_path, path=str(nothing))
    assert done.returncode == 1
    assert "missing (required): fontconfig (fc-list)" in done.stderr
    assert "missing (optional): pdftoppm" in done.stderr
    assert "install with: sudo apt-get install -y fontconfig fonts-dejavu-core" in done.stderr
    assert "cannot build without fontconfig (fc-list), DejaVu fonts" in done.stderr


def test_doctor_passes_when_the_system_has_every_part_a_build_needs(tmp_path: Path) -> None:
    done = clozepress("doctor", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "ok: Pango" in done.stdout


def test_make_in_a_new_project_stops_before_any_step_when_a_required_part_is_missing(
    tmp_path: Path,
) -> None:
    project = tmp_path / "new"
    assert main(["init", str(project)]) == 0
    nothing = tmp_path / "empty-path"
    nothing.mkdir()
    built = subprocess.run(
        ["/usr/bin/make", "--no-print-directory"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": str(nothing)},
    )
    assert built.returncode != 0
    assert "sudo apt-get install -y fontconfig" in built.stderr
    assert not (project / "build" / "notes.json").exists()
    assert not (project / "dist").exists()


def test_a_test_needing_a_missing_optional_part_is_skipped_here_and_fails_in_ci(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no chromium on an empty PATH
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install -y chromium"):
        require_system("chromium")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true: chromium is not installed"):
        require_system("chromium")


def test_make_names_python3_venv_when_python_cannot_make_a_virtualenv(tmp_path: Path) -> None:
    for name in ("Makefile", "pyproject.toml"):
        (tmp_path / name).write_bytes((REPO / name).read_bytes())
    fake = tmp_path / "python-without-venv"
    fake.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    done = subprocess.run(
        # The virtualenv is the first thing a fresh `make` makes (its target, without source/).
        ["make", "--no-print-directory", ".venv/.installed", f"PYTHON={fake}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0
    assert "install it with: sudo apt-get install -y python3-venv" in done.stderr
    assert not (tmp_path / ".venv").exists()
