"""What reaches the terminal and the report (issue 16.12): control characters escaped, usage
errors as usage errors, megabyte references shortened, a refusal inside an image at that image's
line."""

from __future__ import annotations

from pathlib import Path

import pytest

from .hostile_support import cli, project, sub, warned

FACT = "- Glacier retrieval takes `3 to 5 hours` in standard mode\n"


def test_control_characters_in_a_title_are_escaped_on_the_terminal(tmp_path: Path) -> None:
    root = project(tmp_path, f"# Clear\x1b[2J screen\x07\n{FACT}")
    run = sub(root, "build")
    assert run.code == 0, run.said
    assert "\x1b" not in run.said and "\x07" not in run.said
    assert "Clear\\x1b[2J screen\\x07" in run.out


def test_control_characters_in_an_error_are_escaped(tmp_path: Path) -> None:
    root = project(tmp_path, b"# T\n- fine\n- \x1b[2J caf\xe9\n", name="notes.md")
    (root / "source" / "evil\x1b[31m.md").write_bytes(b"\xff")
    run = sub(root, "build")
    assert run.code == 1
    assert "\x1b" not in run.said
    assert "evil\\x1b[31m.md" in run.err


@pytest.mark.parametrize("count", ["-3", "0", "many"])
def test_sample_with_a_count_below_one_is_a_usage_error(tmp_path: Path, count: str) -> None:
    root = project(tmp_path, "# D\n" + FACT)
    with pytest.raises(SystemExit) as stopped:
        cli(root, "sample", "source/notes.md", "-n", count)
    assert stopped.value.code == 2


def test_a_data_uri_of_two_megabytes_is_shortened_in_warnings_and_the_report(
    tmp_path: Path,
) -> None:
    uri = "data:image/png;base64," + "A" * 2_000_000
    root = project(tmp_path, f"# D\n{FACT}\n![big]({uri})\n", settings="sheet_images = true")
    run = sub(root, "build")
    assert run.code == 0, run.said
    warned(run, "source/notes.md", 4, "refused")
    assert max(len(line) for line in run.said.splitlines()) < 400
    assert (root / "dist" / "index.html").stat().st_size < 100_000


SVG = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     width="40" height="40"><rect width="40" height="40" fill="#888"/>
  <image xlink:href="../secret.png" width="10" height="10"/>
</svg>
"""


def test_a_reference_refused_inside_an_svg_is_reported_at_the_svg_line(tmp_path: Path) -> None:
    notes = f"# D\n{FACT}\n- more\n- and more\n\n![drawing](drawing.svg)\n"
    root = project(tmp_path, notes, settings="sheet_images = true")
    (root / "secret.png").write_bytes(b"\x89PNG secret")
    (root / "source" / "drawing.svg").write_text(SVG)
    run = cli(root, "build")
    assert run.code == 0, run.said
    warned(run, "source/notes.md", 7, "sheet renderer refused")
    assert "source/notes.md:1: warning: sheet renderer refused" not in run.err
