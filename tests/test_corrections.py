"""The user's corrections: ``corrections.toml`` beside the notes fixes their misspellings on
every card, context line and sheet, while the notes stay as written; no correction is the
tool's own."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from clozepress.cards import plan
from clozepress.config import Config
from clozepress.errors import BuildError
from clozepress.form.model import Code, Document, all_highlights, iter_nodes, plain_text
from clozepress.read.corrections import FILE_NAME, Corrections, load_corrections
from clozepress.read.parse import parse_file
from clozepress.sheets.sheet_html import ImagePolicy, domain_html

from .hardening import new_project, run_cli

REPO = Path(__file__).resolve().parent.parent

NOTES = (
    "# Lambda\n"
    "## Kinesis Data Analytics for SQL applicaitions\n"
    "- Lambda REM: 128MB up to `10GB` per function\n"
    "- access to the `DDoS response team (DRP)` needs Shield Advanced\n"
    "```\nREM stays as the code says\n```\n"
)
CORRECTIONS = (
    "[corrections]\n"
    'applicaitions = "applications"\n'
    'REM = "RAM"\n'
    '"DDoS response team (DRP)" = "DDoS response team (DRT)"\n'
)


def notes_in(folder: Path, notes: str = NOTES, corrections: str | None = CORRECTIONS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "notes.md"
    path.write_text(notes, encoding="utf-8")
    if corrections is not None:
        (folder / FILE_NAME).write_text(corrections, encoding="utf-8")
    return path


def card_texts(document: Document) -> list[str]:
    # The back (extra) too: an acronym beside its answer is shown there (aside-gloss).
    return [
        f"{note.context} | {note.text} | {note.extra}" for note in plan(document, Config()).notes
    ]


def test_a_correction_shows_on_cards_their_context_and_the_sheet(tmp_path: Path):
    path = notes_in(tmp_path)
    document = parse_file(path)
    texts = card_texts(document)
    assert any("Lambda RAM: 128MB" in text for text in texts)
    assert all("applications" in text and "applicaitions" not in text for text in texts)
    assert any("DDoS response team" in text and "DRT" in text for text in texts)
    assert all("DRP" not in text for text in texts)
    sheet = domain_html(document, document.domains[0], ImagePolicy(tmp_path, False)).html
    assert "SQL applications" in sheet and "Lambda RAM" in sheet
    assert "applicaitions" not in sheet


def test_the_notes_stay_as_written_and_code_is_not_corrected(tmp_path: Path):
    path = notes_in(tmp_path)
    document = parse_file(path)
    assert path.read_text(encoding="utf-8") == NOTES
    (code,) = [node for node in iter_nodes(document) if isinstance(node, Code)]
    assert code.text.startswith("REM stays")


def test_without_a_corrections_file_no_word_is_changed(tmp_path: Path):
    # "REM" is a misspelling of RAM in one user's notes, and a sleep phase in another's.
    notes = "# Sleep\n- `REM` sleep comes in cycles of about `90 minutes`\n"
    document = parse_file(notes_in(tmp_path, notes, corrections=None))
    assert [h.text for h in all_highlights(document)] == ["REM", "90 minutes"]


def test_only_whole_words_in_the_case_written_are_corrected():
    corrections = Corrections.of({"wen": "web", "REM": "RAM", "fix IP": "fixed IP"})
    assert corrections.fix("wen server, went home") == "web server, went home"
    assert corrections.fix("REM, rem, REMOVE") == "RAM, rem, REMOVE"
    assert corrections.fix("a fix IP, a fix IPv6") == "a fixed IP, a fix IPv6"


def test_a_domain_keeps_its_id_when_its_title_is_corrected(tmp_path: Path):
    notes = "# Archetectures\n- a `fact` worth recalling about archetectures\n"
    corrections = '[corrections]\nArchetectures = "Architectures"\n'
    (domain,) = parse_file(notes_in(tmp_path, notes, corrections)).domains
    assert domain.title == "Architectures"
    assert plain_text(domain.spans) == "Architectures"
    assert domain.id == "archetectures"  # its sheet and subdeck do not move


@pytest.mark.parametrize(
    ("corrections", "line", "message"),
    [
        ('[corrections]\nvolumn = "volume"\nrepliacation = \n', 3, "Invalid value"),
        ('[corrections]\nvolumn = "volume"\nsafty = 1\n', 3, "must map to a string"),
        ('[corrections]\nvolumn = "volume"\n\n[typos]\nsafty = "safety"\n', 4, "unknown table"),
        ('[corrections]\n" volumn" = "volume"\n', 2, "no spaces around"),
    ],
)
def test_a_bad_corrections_file_is_refused_with_its_line(
    tmp_path: Path, corrections: str, line: int, message: str
):
    notes_in(tmp_path, corrections=corrections)
    with pytest.raises(BuildError) as caught:
        load_corrections(tmp_path)
    assert caught.value.line == line
    assert message in caught.value.message
    assert caught.value.path.endswith(FILE_NAME)


def test_the_build_reports_a_bad_corrections_file_and_writes_nothing(tmp_path: Path):
    root = new_project(tmp_path / "project")
    notes_in(root / "source", corrections="[corrections]\nsafty = 1\n")
    run = run_cli(root, "build", "source/notes.md")
    assert run.code == 1
    assert "source/corrections.toml:2: error:" in run.err
    assert "Traceback" not in run.err
    assert not (root / "dist").exists() or not any((root / "dist").rglob("*.apkg"))


def test_every_correction_of_the_default_corpus_is_a_word_its_notes_use():
    listed = tomllib.loads((REPO / "source" / FILE_NAME).read_text(encoding="utf-8"))
    notes = "\n".join(path.read_text(encoding="utf-8") for path in (REPO / "source").glob("*.md"))
    unused = [
        written
        for written in listed["corrections"]
        if Corrections.of({written: "\0"}).fix(notes) == notes
    ]
    assert unused == []
