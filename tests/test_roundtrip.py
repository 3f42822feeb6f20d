"""The round trip through a real Anki: removed notes tagged, learner's tags and due dates kept.

Each test builds with the public deck entry point, imports into a real collection, acts as the
learner would (due dates stand in for review history; tags added in Anki), edits the notes and
imports again. The notes are whatever cards the card policy makes of them: the tests find the
lines that made notes from Anki itself, so they hold for any policy.
"""

from __future__ import annotations

import time
from pathlib import Path

from clozepress.deck import identity

from .deck_support import Anki, build, project_with

T0 = 1_700_000_000

#: One fact per section, so deleting one line changes no other note's context.
NOTES = """\
# Networking
## Retries
- Clients retry with `exponential backoff` so that a failing service is not flooded.
## Caching
- A `content delivery network` serves static files from locations near the reader.
## Naming
- The `domain name system` turns host names into addresses.
## Sessions
- A `load balancer` spreads incoming requests across several servers.

# Storage
## Durability
- A `write-ahead log` lets a database recover the changes it had accepted before a crash.
## Copies
- `Replication` keeps copies of the data on several machines.
## Archives
- `Cold storage` holds rarely read data at a low price.
"""


def _lines_of_notes(anki: Anki) -> dict[int, str]:
    """Source line -> GUID of each note in the collection (one note per line here)."""
    found: dict[int, str] = {}
    for note_id in anki.col.find_notes(""):
        note = anki.col.get_note(note_id)
        found[int(note["Source"].rsplit(":", 1)[1])] = note.guid
    return found


def _state(anki: Anki) -> dict[str, tuple[tuple[str, ...], tuple[str, ...], int]]:
    """GUID -> (fields, tags, mod) of every note."""
    out = {}
    for note_id in anki.col.find_notes(""):
        note = anki.col.get_note(note_id)
        out[note.guid] = (tuple(note.fields), tuple(sorted(note.tags)), note.mod)
    return out


def _dues(anki: Anki) -> dict[int, int]:
    return {card.card_id: card.due for card in anki.cards()}


def _without_lines(text: str, numbers: set[int]) -> str:
    return "".join(
        line for n, line in enumerate(text.splitlines(keepends=True), 1) if n not in numbers
    )


def test_deleted_lines_are_tagged_removed_and_nothing_else_changes(tmp_path: Path):
    project, path = project_with(tmp_path, NOTES)
    build(project, path, now=T0)
    anki = Anki(tmp_path / "anki")
    try:
        anki.import_(project.out_dir / "notes.apkg")
        lines = _lines_of_notes(anki)
        assert len(lines) >= 5, "the notes should make a note per fact"
        anki.col.sched.set_due_date(list(anki.col.find_cards("")), "7")
        dues = _dues(anki)
        before = _state(anki)

        gone = set(sorted(lines)[::2][:3])
        path.write_text(_without_lines(NOTES, gone), encoding="utf-8")
        result = build(project, path, now=T0 + 100)
        assert {r.source for r in result.removed} == {f"source/notes.md:{n}" for n in gone}
        assert all(r.new for r in result.removed)
        new, updated, _ = anki.import_(project.out_dir / "notes.apkg")

        removed_guids = {lines[n] for n in gone}
        tagged = {
            anki.col.get_note(n).guid for n in anki.col.find_notes(f"tag:{identity.REMOVED_TAG}")
        }
        assert tagged == removed_guids
        assert (new, updated) == (0, 3)
        assert anki.updated_guids == removed_guids
        after = _state(anki)
        for guid, (fields, tags, mod) in before.items():
            if guid in removed_guids:
                # The same fields, its own tags kept, the removed tag added.
                assert after[guid][0] == fields
                assert after[guid][1] == tuple(sorted((*tags, identity.REMOVED_TAG)))
            else:
                assert after[guid] == (fields, tags, mod)
        assert _dues(anki) == dues

        # Rebuilt again (nothing changed), the removed notes are carried but not updated.
        build(project, path, now=T0 + 200)
        assert anki.import_(project.out_dir / "notes.apkg")[:2] == (0, 0)

        # One line comes back: its note loses the tag and keeps its card and due date.
        back = min(gone)
        restored = _without_lines(NOTES, gone - {back})
        path.write_text(restored, encoding="utf-8")
        result = build(project, path, now=T0 + 300)
        assert len(result.removed) == 2
        new, updated, _ = anki.import_(project.out_dir / "notes.apkg")
        assert (new, updated) == (0, 1)
        assert anki.updated_guids == {lines[back]}
        tagged = {
            anki.col.get_note(n).guid for n in anki.col.find_notes(f"tag:{identity.REMOVED_TAG}")
        }
        assert tagged == removed_guids - {lines[back]}
        assert _dues(anki) == dues
    finally:
        anki.close()


def test_forget_stops_carrying_removed_notes(tmp_path: Path, monkeypatch):
    from clozepress.cli import main

    project, path = project_with(tmp_path, NOTES)
    build(project, path, now=T0)
    path.write_text(_without_lines(NOTES, {3}), encoding="utf-8")
    assert len(build(project, path, now=T0 + 10).removed) == 1
    monkeypatch.chdir(project.root)
    assert main(["forget", "source/notes.md", "-q"]) == 0
    assert not (project.out_dir / "notes.apkg").exists(), "the stale deck still carries them"
    assert build(project, path, now=T0 + 20).removed == ()
    assert main(["forget", "-q"]) == 0


def _tag_every_note(anki: Anki, tag: str) -> None:
    anki.col.tags.bulk_add(list(anki.col.find_notes("")), tag)


def test_a_tag_added_in_anki_survives_a_rebuild_that_changed_nothing(tmp_path: Path):
    project, path = project_with(tmp_path, NOTES)
    build(project, path, now=T0)
    anki = Anki(tmp_path / "anki")
    try:
        anki.import_(project.out_dir / "notes.apkg")
        _tag_every_note(anki, "mine::hard")
        anki.col.tags.bulk_add(list(anki.col.find_notes(""))[:1], "marked")
        before = _state(anki)
        build(project, path, now=int(time.time()) + 10)
        assert anki.import_(project.out_dir / "notes.apkg")[:2] == (0, 0)
        assert _state(anki) == before
        assert len(anki.col.find_notes("tag:mine::hard")) == len(before)
        assert len(anki.col.find_notes("tag:marked")) == 1
    finally:
        anki.close()


def test_a_tag_added_in_anki_survives_an_edit_elsewhere_in_the_same_domain(tmp_path: Path):
    project, path = project_with(tmp_path, NOTES)
    build(project, path, now=T0)
    anki = Anki(tmp_path / "anki")
    try:
        anki.import_(project.out_dir / "notes.apkg")
        lines = _lines_of_notes(anki)
        edited, kept = sorted(lines)[:2]  # two lines of the first domain
        assert kept < NOTES.splitlines().index("# Storage") + 1
        _tag_every_note(anki, "mine")
        text = NOTES.splitlines(keepends=True)
        text[edited - 1] = text[edited - 1].replace("failing", "struggling")
        path.write_text("".join(text), encoding="utf-8")
        # Tagging in Anki stamped the notes with the clock: the rebuild comes later still.
        build(project, path, now=int(time.time()) + 10)
        new, updated, _ = anki.import_(project.out_dir / "notes.apkg")
        assert (new, updated) == (0, 1)
        assert anki.updated_guids == {lines[edited]}
        tagged = {anki.col.get_note(n).guid for n in anki.col.find_notes("tag:mine")}
        # The edited note takes the deck's tags (Anki's rule); every other note keeps its own.
        assert tagged == set(lines.values()) - {lines[edited]}
        assert lines[kept] in tagged
    finally:
        anki.close()


def test_summaries_read_back_typed_and_refuse_what_they_do_not_know(tmp_path: Path):
    from clozepress import summary
    from clozepress.form.model import Diagnostic
    from clozepress.summary import CardPreview, DeckSummary, NoCard, RemovedNote, SheetsSummary

    deck = DeckSummary(
        apkg="dist/n.apkg",
        notes=2,
        cards=3,
        subdecks=("n::A",),
        media=0,
        seconds=0.5,
        diagnostics=(Diagnostic("n.md", 4, "warning", "w"),),
        no_card=(NoCard("n.md", 5, "x", "why"),),
        removed=(RemovedNote("n.md:6", "text", "A", True),),
        previews=(CardPreview("n::A", "n.md:3", "<b>f</b>", "b"),),
        css=".card {}",
    )
    summary.write(tmp_path, "n", deck)
    assert summary.read(tmp_path, "n", DeckSummary) == deck
    assert summary.read(tmp_path, "n", SheetsSummary) is None  # not written
    path = summary.path_for(tmp_path, "n", DeckSummary)
    path.write_text(path.read_text().replace('"notes": 2', '"notes": "2"'), encoding="utf-8")
    assert summary.read(tmp_path, "n", DeckSummary) is None  # a string where a count goes


def test_a_note_removed_while_the_identity_file_is_still_version_1_is_tagged(tmp_path: Path):
    """Version 1 kept no fields: the note is carried with its text, each highlight blanked."""
    import json

    project, path = project_with(tmp_path, NOTES)
    build(project, path, now=T0)
    ids_path = path.with_name("notes.ids.json")
    data = json.loads(ids_path.read_text(encoding="utf-8"))
    data["version"] = 1
    for row in data["notes"]:
        for key in ("fields", "tags", "deck", "note_type", "removed"):
            row.pop(key, None)
    ids_path.write_text(json.dumps(data), encoding="utf-8")
    anki = Anki(tmp_path / "anki")
    try:
        anki.import_(project.out_dir / "notes.apkg")
        lines = _lines_of_notes(anki)
        gone = min(lines)
        path.write_text(_without_lines(NOTES, {gone}), encoding="utf-8")
        result = build(project, path, now=T0 + 100)
        assert len(result.removed) == 1
        new, updated, _ = anki.import_(project.out_dir / "notes.apkg")
        assert (new, updated) == (0, 1)
        [note_id] = anki.col.find_notes(f"tag:{identity.REMOVED_TAG}")
        note = anki.col.get_note(note_id)
        assert note.guid == lines[gone]
        assert "{{c1::" in note["Text"]
        assert len(anki.col.get_note(note_id).cards()) == 1
    finally:
        anki.close()
