"""dist/index.html: the page a user opens after a build, checked in a real headless browser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from clozepress.cli import main

from .conftest import require_system
from .project_support import SMALL_NOTES, scratch_project


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = scratch_project(tmp_path_factory.mktemp("report"))
    (project / "source" / "second.md").write_text(
        "# Gamma\n- stray ` backtick `here`\n- ![pic](missing.png) `x`\n", encoding="utf-8"
    )
    done = subprocess.run(
        [str(project / ".venv" / "bin" / "clozepress"), "build"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode == 0, done.stderr
    return project


def test_the_page_shows_each_deck_sheet_and_warning(built: Path) -> None:
    page = (built / "dist" / "index.html").read_text(encoding="utf-8")
    assert "notes.apkg" in page and "second.apkg" in page
    assert re.search(r"\d+ notes, \d+ cards, 2 subdecks", page)
    for sheet in ("01-alpha", "02-beta", "01-gamma"):
        assert f"{sheet}.pdf" in page
        assert f"{sheet}.png" in page
    assert "source/second.md:2</code> warning: unmatched backtick" in page
    assert "source/second.md:3</code> warning:" in page  # the missing image
    assert "http://" not in page and "https://" not in page  # nothing to fetch


def test_every_thumbnail_is_a_png_of_its_sheet(built: Path) -> None:
    thumbs = sorted((built / "dist" / "thumbs").rglob("*.png"))
    assert [t.stem for t in thumbs] == ["01-alpha", "02-beta", "01-gamma"]
    for thumb in thumbs:
        assert thumb.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_page_loads_in_a_browser_with_no_error_and_every_image(built: Path) -> None:
    require_system("chromium")  # Debian's, installed by .ci/run
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_page()
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
        page.goto((built / "dist" / "index.html").as_uri(), wait_until="load")
        images = page.eval_on_selector_all(
            "img", "els => els.map(e => [e.getAttribute('src'), e.complete, e.naturalWidth])"
        )
        browser.close()
    assert problems == []
    assert len(images) == 3
    assert all(complete and width > 0 for _, complete, width in images), images


def test_quiet_build_prints_nothing_and_no_colour_without_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = scratch_project(tmp_path, SMALL_NOTES.replace("`first`", "` `"))
    monkeypatch.chdir(project)
    assert main(["build", "-q"]) == 0
    quiet = capsys.readouterr()
    assert quiet.out == ""
    assert main(["build"]) == 0
    loud = capsys.readouterr()
    assert "source/notes.md: 2 domains" in loud.out
    assert "\033[" not in loud.out + loud.err
    assert "sheet 01 Alpha" in loud.out


class FakeTerminal:
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_and_never_with_no_color(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from clozepress.console import wants_colour

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert wants_colour(FakeTerminal())  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_colour(FakeTerminal())  # type: ignore[arg-type]
