"""Shapes that cost more than their size (issue 16.8, 16.11): nesting the parse accepts must not
crash the sheets, and long paragraphs or a line of one megabyte must end. Time limits here only
turn a hang into a failure; the growth itself is measured by ``make bench`` (bench/bench.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clozepress.form.model import all_highlights, loads
from clozepress.form.nesting import MAX_DEPTH

from .hardening import letters, pdf_text
from .hostile_support import project, sub, warned

BULLETS_95 = "# Deep\n" + "".join("  " * i + f"- level {i} `b{i}`\n" for i in range(95))
#: One quote inside the other, 150 deep. No blank line between the levels: a blank line closes
#: every open quote, and 150 separate nests (11,325 quotes) cost the sheets three times as much
#: for the same depth.
QUOTES_150 = "# Quotes\n" + "".join(">" * (i + 1) + f" level {i} `q{i}`\n" for i in range(150))


def every_sheet(root: Path) -> str:
    """The letters of the combined sheet, which holds every sheet of the notes: a domain too long
    for one page is split into numbered sheets, and a level may be on any of them."""
    return letters(pdf_text(root / "dist" / "sheets" / "notes.pdf"))


@pytest.mark.slow
def test_95_nested_bullets_build_a_sheet_flattened_past_the_cap(tmp_path: Path) -> None:
    root = project(tmp_path, BULLETS_95)
    run = sub(root, "build", timeout=120)
    assert run.code == 0, run.said
    warned(run, "source/notes.md", MAX_DEPTH + 2, f"nested deeper than {MAX_DEPTH} levels")
    text = every_sheet(root)
    for i in (0, MAX_DEPTH, 94):
        assert letters(f"level {i} b{i}") in text, i


@pytest.mark.slow
def test_150_nested_quotes_build_a_sheet_flattened_past_the_cap(tmp_path: Path) -> None:
    root = project(tmp_path, QUOTES_150)
    run = sub(root, "build", timeout=120)
    assert run.code == 0, run.said
    warned(run, "source/notes.md", MAX_DEPTH + 2, f"nested deeper than {MAX_DEPTH} levels")
    document = loads((root / "build" / "notes.json").read_text())
    assert len(list(all_highlights(document))) == 150
    text = every_sheet(root)
    for i in (0, MAX_DEPTH, 149):
        assert letters(f"level {i} q{i}") in text, i


def test_a_paragraph_of_40000_lines_parses(tmp_path: Path) -> None:
    # Measured before the fix: 15.9 s, growing with the square of the lines.
    notes = "# Long\n" + "".join(f"line {i} holds `h{i}`\n" for i in range(40_000))
    root = project(tmp_path, notes)
    run = sub(root, "parse", "source/notes.md", "-o", "build/notes.json", timeout=60)
    assert run.code == 0, run.said
    document = loads((root / "build" / "notes.json").read_text())
    lines = [h.line for h in all_highlights(document)]
    assert lines[:2] == [2, 3] and lines[-1] == 40_001 and len(lines) == 40_000


@pytest.mark.slow
def test_a_line_of_one_megabyte_with_many_highlights_parses(tmp_path: Path) -> None:
    notes = "# Long\n" + "word `h` " * 111_112 + "\n"
    root = project(tmp_path, notes)
    run = sub(root, "parse", "source/notes.md", "-o", "build/notes.json", timeout=120)
    assert run.code == 0, run.said
    document = loads((root / "build" / "notes.json").read_text())
    highlights = list(all_highlights(document))
    assert len(highlights) == 111_112 and {h.line for h in highlights} == {2}


@pytest.mark.slow
def test_a_line_of_one_megabyte_of_brackets_parses(tmp_path: Path) -> None:
    notes = "# Long\n- " + "[a " * 340_000 + "`end`\n"
    root = project(tmp_path, notes)
    run = sub(root, "parse", "source/notes.md", "-o", "build/notes.json", timeout=180)
    assert run.code == 0, run.said
