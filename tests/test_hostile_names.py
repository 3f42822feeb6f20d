"""Names of any length and any characters (issue 16.4, 16.5, 16.12): files named after them are
capped in bytes and unique, deck levels come only from the notes' structure, the build's own
files never clash with a domain's, and the report finds every notes file however it is named.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from clozepress import summary
from clozepress.summary import SheetsSummary

from .deck_support import Anki, package_notes
from .hardening import pdf_text
from .hostile_support import cli, project

CJK_TITLE = "数" * 90  # 270 bytes of UTF-8: more than a file name may hold
#: Lines the card policy makes a card of, one each.
FACT = "- Glacier retrieval takes `3 to 5 hours` in standard mode\n"
FACT2 = "- An EBS volume lives in one `Availability Zone` only\n"
FACT3 = "- SQS keeps a message for `14 days` at most\n"


def names_fit(folder: Path) -> None:
    for path in folder.rglob("*"):
        assert len(path.name.encode("utf-8")) <= 255, path


def test_a_domain_title_of_90_cjk_characters_builds(tmp_path: Path) -> None:
    root = project(tmp_path, f"# {CJK_TITLE}\n- a `fact` here\n")
    run = cli(root, "build")
    assert run.code == 0, run.said
    sheets = list((root / "dist" / "sheets" / "notes").glob("*.pdf"))
    assert len(sheets) == 1
    assert CJK_TITLE[:20] in sheets[0].name
    names_fit(root / "dist")
    names_fit(root / "build")


def test_long_titles_that_share_their_start_stay_two_sheets(tmp_path: Path) -> None:
    start = "A very long domain title " * 12
    root = project(tmp_path, f"# {start}one\n- `a` fact\n\n# {start}two\n- `b` fact\n")
    run = cli(root, "build")
    assert run.code == 0, run.said
    sheets = sorted((root / "dist" / "sheets" / "notes").glob("*.pdf"))
    assert len(sheets) == 2 and sheets[0].name != sheets[1].name
    names_fit(root / "dist")


def test_a_notes_file_with_a_name_of_240_characters_builds(tmp_path: Path) -> None:
    name = "n" * 240 + ".md"
    root = project(tmp_path, "# Domain\n" + FACT, name=name)
    run = cli(root, "build")
    assert run.code == 0, run.said
    assert len(list((root / "dist").glob("*.apkg"))) == 1
    assert len(list((root / "source").glob("*.ids.json"))) == 1
    names_fit(root)
    assert "0 notes" not in run.out  # the report found its summaries


def test_colons_in_titles_make_no_deck_levels(tmp_path: Path) -> None:
    notes = f"---\ntitle: Deck:::Name:\n---\n# A:::B\n{FACT}\n# ::C::D\n{FACT2}"
    root = project(tmp_path, notes)
    run = cli(root, "build")
    assert run.code == 0, run.said
    anki = Anki(tmp_path / "anki")
    try:
        anki.import_(root / "dist" / "notes.apkg")
        names = {d.name for d in anki.col.decks.all_names_and_ids()} - {"Default"}
    finally:
        anki.close()
    assert names == {"Deck:Name", "Deck:Name::A:B", "Deck:Name::C:D"}, names


def test_a_domain_titled_combined_is_not_rendered_again(tmp_path: Path) -> None:
    root = project(tmp_path, "# Combined\n- a `fact` here\n\n# Other\n- `b` fact\n")
    assert cli(root, "build").code == 0
    again = cli(root, "build")
    assert again.code == 0, again.said
    sheets = summary.read(root / "build", "notes", SheetsSummary)
    assert sheets is not None and sheets.renders == 0, again.out


def test_sheets_numbered_100_and_up_are_removed_when_their_domain_goes(tmp_path: Path) -> None:
    root = project(tmp_path, "# Only\n- a `fact` here\n")
    assert cli(root, "build").code == 0
    folder = root / "dist" / "sheets" / "notes"
    made = next(folder.glob("01-*.pdf"))
    # What a build of 100+ domains left behind, and the user's own files beside it.
    for name in ("100-gone.pdf", "117-also-gone.pdf"):
        shutil.copy(made, folder / name)
    for name in ("my-notes.pdf", "1-draft.pdf", "100-draft.txt"):
        (folder / name).write_text("the user's own\n")
    run = cli(root, "build")
    assert run.code == 0, run.said
    assert sorted(p.name for p in folder.iterdir()) == [
        "01-only.pdf",
        "1-draft.pdf",
        "100-draft.txt",
        "my-notes.pdf",
    ]


def report_lists(root: Path, run_out: str, source: str, notes: int) -> None:
    page = (root / "dist" / "index.html").read_text()
    assert "No notes built yet" not in page
    assert f"<code>{source}</code>" in page
    line = next(
        line
        for line in run_out.splitlines()
        if line.startswith(f"{source}: ") and "domains" in line
    )
    assert f" {notes} notes" in line and " 0 sheets" not in line, line


def test_the_report_lists_a_notes_file_with_dots_in_its_name(tmp_path: Path) -> None:
    root = project(tmp_path, "# D\n" + FACT, name="notes.v2.md")
    run = cli(root, "build")
    assert run.code == 0, run.said
    report_lists(root, run.out, "source/notes.v2.md", 1)


def test_x_and_x_deck_build_side_by_side(tmp_path: Path) -> None:
    root = project(tmp_path, "# D\n" + FACT, name="x.md")
    (root / "source" / "x.deck.md").write_text("# E\n" + FACT2 + FACT3)
    run = cli(root, "build")
    assert run.code == 0, run.said
    report_lists(root, run.out, "source/x.md", 1)
    report_lists(root, run.out, "source/x.deck.md", 2)


def test_a_notes_symlink_under_another_name_is_reported_under_its_own(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "elsewhere").mkdir()
    (root / "elsewhere" / "real.md").write_text("# D\n" + FACT)
    (root / "source" / "alias.md").symlink_to(root / "elsewhere" / "real.md")
    run = cli(root, "build")
    assert run.code == 0, run.said
    report_lists(root, run.out, "source/alias.md", 1)
    assert (root / "source" / "alias.ids.json").exists()


def test_notes_outside_the_project_put_no_absolute_path_in_cards_or_sheets(
    tmp_path: Path,
) -> None:
    root = project(tmp_path / "project")
    outside = tmp_path / "private" / "folder"
    outside.mkdir(parents=True)
    (outside / "mine.md").write_text("# D\n" + FACT)
    run = cli(root, "build", str(outside / "mine.md"))
    assert run.code == 0, run.said
    fields = package_notes(root / "dist" / "mine.apkg", tmp_path)
    sources = [note[3] for note in fields.values()]
    assert sources and all(source.startswith("mine.md:") for source in sources), sources
    for sheet in (root / "dist" / "sheets").rglob("*.pdf"):
        assert "private" not in pdf_text(sheet)
    assert str(tmp_path) not in (root / "build" / "mine.json").read_text()
