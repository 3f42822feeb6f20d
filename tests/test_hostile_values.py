"""Hostile values in the user's files (issue 16.6, 16.7, 16.10): an identity file, the settings
and the corrections that hold what no build wrote. Each is refused with the file and the line
at fault and exit 1; none reaches Anki, a traceback or a hang."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .hostile_support import cli, project, refused, sub

FACT = "- Glacier retrieval takes `3 to 5 hours` in standard mode\n"
NOTES = "# D\n" + FACT + "- An EBS volume lives in one `Availability Zone` only\n"
DECK = ("deck", "build/notes.json", "-o", "dist/notes.apkg", "--notes", "source/notes.md")


def parse_notes(root: Path) -> None:
    """The parse and deck steps, as ``make`` runs them (no sheets: they read no identity)."""
    assert cli(root, "parse", "source/notes.md", "-o", "build/notes.json").code == 0


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """A project whose deck was built once: its identity file is real."""
    root = project(tmp_path, NOTES)
    parse_notes(root)
    first = cli(root, *DECK)
    assert first.code == 0, first.said
    return root


def edit_identity(root: Path, row: int, key: str, raw: str) -> int:
    """Set ``key`` of note ``row`` to the JSON text ``raw``; the line it is on."""
    path = root / "source" / "notes.ids.json"
    lines = path.read_text().split("\n")
    line = row + 2  # the head is line 1, one note per line after it
    data = json.loads(lines[line - 1].rstrip(","))
    data[key] = "@@"
    text = json.dumps(data).replace('"@@"', raw)
    lines[line - 1] = " " + text + ("," if lines[line - 1].endswith(",") else "")
    path.write_text("\n".join(lines))
    return line


IDENTITY_VALUES = [
    ("mod", "1e999", "mod"),
    ("mod", str(2**64), "mod"),
    ("mod", "-5", "mod"),
    ("mod", "true", "mod"),
    ("guid", '"\\ud800"', "lone surrogate"),
    ("key", '"\\udfff half"', "lone surrogate"),
    ("guid", '""', "GUID .* empty"),
    ("guid", '"ab\\u001fcd"', "control character"),
    ("highlights", '"not a list"', "highlights"),
]


@pytest.mark.parametrize(("key", "raw", "message"), IDENTITY_VALUES)
def test_an_identity_value_no_build_wrote_is_refused_at_its_line(
    built: Path, key: str, raw: str, message: str
) -> None:
    line = edit_identity(built, 1, key, raw)
    before = (built / "dist" / "notes.apkg").read_bytes()
    run = cli(built, *DECK)
    refused(run, "source/notes.ids.json", message, line)
    assert (built / "dist" / "notes.apkg").read_bytes() == before


def test_an_identity_version_that_is_a_list_is_refused(built: Path) -> None:
    path = built / "source" / "notes.ids.json"
    path.write_text(path.read_text().replace('"version": 2', '"version": [2]', 1))
    refused(cli(built, *DECK), "source/notes.ids.json", "version", 1)


def test_an_identity_file_of_100000_open_brackets_is_refused(built: Path) -> None:
    (built / "source" / "notes.ids.json").write_text("[" * 100_000)
    run = sub(built, *DECK)
    refused(run, "source/notes.ids.json", "nested too deeply|not JSON", 1)


# ---------------------------------------------------------------------------------------------
# Settings: each error at its own line of pyproject.toml

HEAD = '[project]\nname = "mine"\n\n[tool.ruff]\nline-length = 99\n\n'

SETTINGS = [
    ('[tool]\nclozepress = "x"\n', 2, r"\[tool.clozepress\] must be a table"),
    ('[tool.clozepress]\npaper = "A4"\nfont_cap = inf\n', 3, "font_cap must be from 4 to 24"),
    ("[tool.clozepress]\nfont_cap = nan\n", 2, "font_cap must be from 4 to 24"),
    ("[tool.clozepress]\nfont_floor = 0.00001\n", 2, "font_floor must be from 4 to 24"),
    ("[tool.clozepress]\nfont_cap = 100000\n", 2, "font_cap must be from 4 to 24"),
    ("[tool.clozepress]\n\nfont_cap = true\n", 3, "font_cap must be a number"),
    ("[tool.clozepress]\nsheet_images = 1\n", 2, "sheet_images must be true or false"),
    ("[tool.clozepress]\ncloze = 5\n", 2, "cloze must be 'each' or 'unit'"),
    ('[tool.clozepress]\ncloze = ["each"]\n', 2, "cloze must be"),
    ("[tool.clozepress]\n# a comment\nspeed = 3\n", 3, "unknown setting"),
    ("[tool.clozepress]\nfont_floor = 9\nfont_cap = 7\n", 2, "font_floor <= font_cap"),
    ("[tool.clozepress]\nfont_cap = = 7\n", 2, "cannot read settings"),
    ('[tool]\nclozepress.font_cap = "big"\n', 2, "font_cap must be a number"),
    ("[tool.clozepress.paper]\nsize = 1\n", 1, "paper must be"),
]


def test_a_tool_key_that_is_not_a_table_is_refused_at_its_line(tmp_path: Path) -> None:
    root = project(tmp_path, NOTES)
    (root / "pyproject.toml").write_text('# settings\ntool = 5\n[project]\nname = "mine"\n')
    refused(sub(root, "build", timeout=60), "pyproject.toml", r"\[tool\] must be a table", 2)


@pytest.mark.parametrize(("settings", "line", "message"), SETTINGS)
def test_every_settings_error_points_at_its_own_line(
    tmp_path: Path, settings: str, line: int, message: str
) -> None:
    root = project(tmp_path, NOTES)
    (root / "pyproject.toml").write_text(HEAD + settings)
    run = sub(root, "build", timeout=60)
    refused(run, "pyproject.toml", message, line + HEAD.count("\n"))


def test_the_settings_ranges_are_the_ones_the_readme_documents() -> None:
    from clozepress.config import FONT_RANGE

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    low, high = FONT_RANGE
    assert f"{low:g} to {high:g}" in readme


# ---------------------------------------------------------------------------------------------
# Corrections


def test_a_correction_error_points_at_its_line_when_a_key_is_a_prefix_of_another(
    tmp_path: Path,
) -> None:
    root = project(tmp_path, NOTES)
    (root / "source" / "corrections.toml").write_text('[corrections]\nvolumn = "volume"\nvol = 5\n')
    refused(cli(root, "build"), "source/corrections.toml", "must map", 3)


def test_a_long_replacement_is_refused_at_its_line(tmp_path: Path) -> None:
    root = project(tmp_path, NOTES)
    (root / "source" / "corrections.toml").write_text(
        f'[corrections]\nok = "fine"\nwen = "{"x" * 60_000}"\n'
    )
    refused(cli(root, "build"), "source/corrections.toml", "60,000 characters", 3)


def test_corrections_cannot_make_the_notes_larger_than_their_cap(tmp_path: Path) -> None:
    # 9,000 uses of a 1,000-character replacement: 9 MB more than the notes, past the 8 MB cap.
    notes = "# D\n" + "- the wen word here\n" * 9_000
    root = project(tmp_path, notes)
    (root / "source" / "corrections.toml").write_text(
        f'[corrections]\nteh = "the"\nwen = "{"w" * 1_000}"\n'
    )
    run = sub(root, "parse", "source/notes.md", "-o", "build/notes.json", timeout=60)
    refused(run, "source/corrections.toml", "more than 8 MB longer", 3)
    assert not (root / "build" / "notes.json").exists()
