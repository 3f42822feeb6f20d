"""dist/index.html: the page a user opens after a build, checked in a real headless browser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from clozepress.cli import main

from .conftest import require_system
from .deck_support import Anki, visible
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
    assert re.search(r"<b>\d+</b> notes</span><span class=\"count\"><b>\d+</b> cards", page)
    assert "<b>2</b> subdecks" in page
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


def _browser(playwright: Any) -> Any:
    return playwright.chromium.launch(
        executable_path=shutil.which("chromium"),
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    )


def test_the_page_loads_in_a_browser_with_no_error_and_every_image(built: Path) -> None:
    require_system("chromium")  # Debian's, installed by .ci/run
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = _browser(playwright)
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


# ---------------------------------------------------------------------------------------------
# The page as a learner reads it, in the browser

#: Read in the page: each notes section's parts in document order, and each card preview as the
#: browser draws it (the text of each side's shadow root, the colour of its blanks).
_READ = """
() => [...document.querySelectorAll('section.notes')].map(section => ({
  order: [...section.querySelectorAll('.deck, .sheets, .previews, details.removed,'
    + ' details.no-card, details.diagnostics')].map(e => e.classList[0]),
  previews: [...section.querySelectorAll('figure.preview')].map(figure => {
    const sides = [...figure.querySelectorAll('.shown')].map(s => s.shadowRoot);
    const cloze = sides[0] && sides[0].querySelector('.cloze');
    return {
      front: sides[0] ? sides[0].querySelector('.card').textContent : null,
      back: sides[1] ? sides[1].querySelector('.card').textContent : null,
      clozeColour: cloze ? getComputedStyle(cloze).color : null,
      source: figure.querySelector('figcaption code').textContent,
    };
  }),
  noCardOpen: section.querySelector('details.no-card') ?
    section.querySelector('details.no-card').open : null,
  reasons: [...section.querySelectorAll('details.no-card details.reason')].map(d => ({
    summary: d.querySelector('summary').textContent,
    items: [...d.querySelectorAll('li')].map(li => li.textContent),
  })),
  removed: [...section.querySelectorAll('details.removed li')].map(li => li.textContent),
}))
"""


def read_page(index: Path) -> list[dict[str, Any]]:
    require_system("chromium")  # Debian's, installed by .ci/run
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = _browser(playwright)
        page = browser.new_page()
        page.goto(index.as_uri(), wait_until="load")
        sections: list[dict[str, Any]] = page.evaluate(_READ)
        browser.close()
    return sections


def test_sheets_and_counts_come_first_then_cards_then_the_folded_lists(built: Path) -> None:
    first = read_page(built / "dist" / "index.html")[0]
    assert first["order"][:3] == ["deck", "sheets", "previews"]
    assert first["order"][-1] == "diagnostics"
    assert first["noCardOpen"] in (False, None)


def test_cards_show_as_anki_renders_them_in_the_decks_own_styles(built: Path, tmp_path: Path):
    sections = read_page(built / "dist" / "index.html")
    previews = [p for section in sections for p in section["previews"]]
    assert previews, "a deck with cards shows some"
    # .cloze { color: #0a58ca } in styles/card.css, inside the shadow root; not the report's.
    assert {p["clozeColour"] for p in previews} == {"rgb(10, 88, 202)"}
    anki = Anki(tmp_path / "anki")
    try:
        for apkg in sorted((built / "dist").glob("*.apkg")):
            anki.import_(apkg)
        shown = {(c.source, visible(c.question), visible(c.answer)) for c in anki.cards()}
    finally:
        anki.close()
    for preview in previews:
        front, back = " ".join(preview["front"].split()), " ".join(preview["back"].split())
        assert (preview["source"], front, back) in shown, preview


def test_what_made_no_card_is_grouped_by_reason_with_file_and_line(tmp_path: Path) -> None:
    project = scratch_project(tmp_path, SMALL_NOTES + "# Delta\n- `` `` empty and `ok` here\n")
    done = subprocess.run(
        [str(project / ".venv" / "bin" / "clozepress"), "build", "-q"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    [section] = read_page(project / "dist" / "index.html")
    from clozepress import summary
    from clozepress.summary import DeckSummary

    deck = summary.read(project / "build", "notes", DeckSummary)
    assert deck is not None and deck.no_card
    reasons = {item.reason for item in deck.no_card}
    assert len(section["reasons"]) == len(reasons)
    listed = [item for group in section["reasons"] for item in group["items"]]
    assert len(listed) == len(deck.no_card)
    assert all(re.match(r"source/notes\.md:\d+ ", item) for item in listed)
    for group in section["reasons"]:
        count = int(group["summary"].split(" · ")[0])
        assert count == len(group["items"])


def test_removed_notes_are_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notes = "# Alpha\n## One\n- Retries use `exponential backoff` to spread load.\n" + (
        "## Two\n- A `load balancer` spreads requests across servers.\n"
    )
    project = scratch_project(tmp_path, notes)
    monkeypatch.chdir(project)
    assert main(["build", "-q"]) == 0
    (project / "source" / "notes.md").write_text(notes.split("## Two")[0], encoding="utf-8")
    assert main(["build", "-q"]) == 0
    [section] = read_page(project / "dist" / "index.html")
    assert len(section["removed"]) == 1
    assert section["removed"][0].startswith("source/notes.md:5 A load balancer spreads")
    assert "removed" in section["order"]
