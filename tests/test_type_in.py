"""Type-in answers: ``type_answers: true`` in a notes file's front matter gives its cards a box to
type the hidden text into, through a second note type of clozepress's own."""

from __future__ import annotations

import html
from pathlib import Path

from clozepress.config import Config
from clozepress.deck.deck import MODEL_ID, MODEL_NAME, TYPE_MODEL_ID, TYPE_MODEL_NAME
from clozepress.read.parse import parse_text

from .deck_support import Anki, build, project_with

BODY = """# Shell
## Files
- `ls -la` lists every file with its details
- `grep -rn` searches a tree and prints line numbers
- a path like `a::b` is typed as written
"""

#: Where Anki's reviewer puts the answer box (``card.question()`` renders it as this marker).
TYPE_BOX = "[[type:cloze:Text]]"


def _import(tmp_path: Path, notes: str) -> list[tuple[str, str, str, str]]:
    """(note type, question, answer, expected typed answer) per card, every highlight a cloze."""
    project, path = project_with(tmp_path, notes, Config(cloze_policy="all"))
    build(project, path)
    anki = Anki(tmp_path / "anki")
    try:
        anki.import_(project.out_dir / "notes.apkg")
        out = []
        for rendered in anki.cards():
            card = anki.col.get_card(rendered.card_id)
            expected = anki.col.extract_cloze_for_typing(card.note()["Text"], card.ord + 1)
            out.append((card.note_type()["name"], rendered.question, rendered.answer, expected))
        return out
    finally:
        anki.close()


def test_type_answers_gives_every_card_a_type_in_box(tmp_path: Path):
    cards = _import(tmp_path, "---\ntitle: Shell\ntype_answers: true\n---\n" + BODY)
    assert len(cards) == 3
    for note_type, question, answer, _ in cards:
        assert note_type == TYPE_MODEL_NAME
        assert TYPE_BOX in question and TYPE_BOX in answer
        assert question.index('class="cloze"') < question.index(TYPE_BOX)


def test_what_the_learner_types_is_compared_with_the_hidden_text_as_written(tmp_path: Path):
    cards = _import(tmp_path, "---\ntype_answers: yes\n---\n" + BODY)
    expected = {html.unescape(e): e for *_, e in cards}
    assert set(expected) == {"ls -la", "grep -rn", "a::b"}
    anki = Anki(tmp_path / "compare")
    try:
        for typed, stored in expected.items():
            # The stored text escapes ':' (so '::' starts no hint); Anki compares it decoded.
            shown = anki.col.compare_answer(stored, typed)
            assert "typeGood" in shown, (typed, shown)
            assert "typeBad" not in shown and "typeMissed" not in shown, (typed, shown)
    finally:
        anki.close()


def test_without_it_cards_have_no_box_and_the_first_note_type(tmp_path: Path):
    cards = _import(tmp_path, BODY)
    assert {note_type for note_type, *_ in cards} == {MODEL_NAME}
    assert all(TYPE_BOX not in question for _, question, _, _ in cards)
    assert MODEL_ID != TYPE_MODEL_ID


def test_a_bad_value_is_a_warning_with_its_line():
    document = parse_text("---\ntitle: x\ntype_answers: maybe\n---\n# A\n- `b` c\n", "n.md")
    assert not document.type_answers
    assert [str(d) for d in document.diagnostics] == [
        "n.md:3: warning: type_answers must be true, false or code, not 'maybe'"
    ]


MIXED = """---
type_answers: code
---
# Shell
## Files
- `ls -la` lists every file with its details
- Run `git status --short` to see the changed files of a repository
- The kernel schedules `processes` onto the cores of the machine
"""


def test_type_answers_code_gives_the_box_to_command_and_code_cards_only(tmp_path: Path):
    from clozepress.cards import plan

    document = parse_text(MIXED, "source/notes.md")
    assert document.type_answers == "code"
    fates = plan(document, Config()).fates
    code_lines = {f.line for f in fates if f.kind == "code" and f.answer is not None}
    prose_lines = {f.line for f in fates if f.kind != "code" and f.answer is not None}
    assert code_lines and prose_lines, "the policy reads commands as code, prose as facts"
    project, path = project_with(tmp_path, MIXED)
    build(project, path)
    anki = Anki(tmp_path / "anki")
    try:
        anki.import_(project.out_dir / "notes.apkg")
        by_line = {
            int(card.source.rsplit(":", 1)[1]): anki.col.get_card(card.card_id).note_type()["name"]
            for card in anki.cards()
        }
    finally:
        anki.close()
    assert {line for line, name in by_line.items() if name == TYPE_MODEL_NAME} == code_lines
    assert {line for line, name in by_line.items() if name == MODEL_NAME} == prose_lines
