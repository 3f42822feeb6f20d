"""Which headings are domains (issue 14, point 1): the top level a notes file uses, a single
title heading over the whole file, setext headings, and front matter's ``domain_level``."""

from __future__ import annotations

from pathlib import Path

import pytest

from clozepress.cli import main
from clozepress.form.model import Document, all_highlights
from clozepress.read.parse import parse_text, slugify

from .conftest import NOTES

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def parse(text: str) -> Document:
    return parse_text(text, "source/notes.md")


def notes_of(document: Document) -> list[str]:
    return [str(d) for d in document.diagnostics if d.severity == "note"]


def test_hash_headings_are_domains_without_a_note() -> None:
    document = parse("# One\n- `a`\n## Part\n- b\n# Two\n- c\n")
    assert [d.title for d in document.domains] == ["One", "Two"]
    assert document.title == "notes"
    assert notes_of(document) == []


def test_notes_starting_at_h2_have_h2_domains() -> None:
    document = parse("## One\n- `a`\n### Part\n- b\n## Two\n- c\n")
    assert [d.title for d in document.domains] == ["One", "Two"]
    assert [type(c).__name__ for c in document.domains[0].children] == ["Bullet", "Section"]
    assert notes_of(document) == [
        "source/notes.md:1: note: domains are the '##' headings "
        "(the notes have no heading above '##')"
    ]


def test_a_single_top_heading_is_the_title_and_its_intro_a_domain_of_its_name() -> None:
    document = parse("# My course\nAn intro `x`.\n## One\n- `a`\n## Two\n- `b`\n### Deep\n- c\n")
    assert document.title == "My course"
    assert [d.title for d in document.domains] == ["My course", "One", "Two"]
    assert [h.text for h in all_highlights(document)] == ["x", "a", "b"]
    assert "the only '#' heading is the title" in notes_of(document)[0]
    assert not [d for d in document.diagnostics if d.severity == "warning"]


def test_front_matter_title_wins_over_the_title_heading() -> None:
    document = parse("---\ntitle: Deck\n---\n# My course\n## One\n- a\n## Two\n- b\n")
    assert document.title == "Deck"
    assert [d.title for d in document.domains] == ["One", "Two"]


def test_a_title_heading_with_a_highlight_stays_a_domain() -> None:
    document = parse("# The `key` idea\n## One\n- a\n## Two\n- b\n")
    assert [d.title for d in document.domains] == ["The key idea"]


def test_a_single_heading_over_one_section_stays_a_domain() -> None:
    document = parse("# Only\n## Part\n- a\n")
    assert [d.title for d in document.domains] == ["Only"]


def test_setext_headings_count() -> None:
    text = "Intro title\n-----------\n\ntext `a`\n\n#### Detail\n- b\n\nNext one\n--------\n- c\n"
    document = parse(text)
    assert [d.title for d in document.domains] == ["Intro title", "Next one"]
    assert [d.line for d in document.domains] == [1, 9]
    assert "'##' headings" in notes_of(document)[0]


@pytest.mark.parametrize("level", [1, 2, 3])
def test_front_matter_domain_level_overrides(level: int) -> None:
    text = f"---\ndomain_level: {level}\n---\n# Top\n## Mid\n### Low\n- `a`\n## Mid two\n- b\n"
    document = parse(text)
    expected = {1: ["Top"], 2: ["Mid", "Mid two"], 3: ["Low"]}[level]
    titles = [d.title for d in document.domains]
    # Text under a heading above the domain level is a domain named after that heading.
    assert titles == (expected if level != 3 else ["Low", "Mid two"])
    assert [h.text for h in all_highlights(document)] == ["a"]
    assert bool(notes_of(document)) == (level != 1)


def test_a_bad_domain_level_is_a_warning_with_its_line() -> None:
    document = parse("---\ndomain_level: seven\n---\n# A\n- b\n")
    assert [str(d) for d in document.diagnostics] == [
        "source/notes.md:2: warning: domain_level must be 1 to 6, not 'seven'; ignored"
    ]


def test_heading_attributes_are_not_part_of_the_title() -> None:
    document = parse("# Uno {#uno}\n- a\n# Due {#due .x}\n- b\n")
    assert [(d.title, d.id) for d in document.domains] == [("Uno", "uno"), ("Due", "due")]


def test_the_users_notes_keep_their_26_domains_and_ids() -> None:
    text = NOTES.read_text(encoding="utf-8")
    document = parse_text(text, "source/aws-saa.md")
    headings = [line[2:].strip() for line in text.split("\n") if line.startswith("# ")]
    assert len(document.domains) == len(headings) == 26
    assert [d.title for d in document.domains] == headings
    assert [d.id for d in document.domains] == [slugify(h) for h in headings]
    assert not [d for d in document.diagnostics if d.severity == "note"]


@pytest.mark.parametrize(
    ("name", "title", "first", "count"),
    [
        ("dl-coursera-nn-basics", "Neural Networks and Deep Learning", "Table of contents", 8),
        ("med-pharmacology-it", "med-pharmacology-it", "Definizioni essenziali", 10),
        ("python-interview-ko", "Part 2-3 Python", "Generator", 10),
        ("terraform-notes", "terraform-notes", "What is IAC?", 10),
    ],
)
def test_corpus_domains(name: str, title: str, first: str, count: int) -> None:
    path = CORPUS / f"{name}.md"
    document = parse_text(path.read_text(encoding="utf-8"), f"{name}.md")
    assert document.title == title
    assert len(document.domains) == count
    assert first in [d.title for d in document.domains[:2]]


def test_check_prints_the_note_and_strict_does_not_fail_on_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "n.md"
    notes.write_text("## One\n- a\n## Two\n- b\n", encoding="utf-8")
    assert main(["check", "--strict", str(notes)]) == 0
    assert "n.md:1: note: domains are the '##' headings" in capsys.readouterr().out
