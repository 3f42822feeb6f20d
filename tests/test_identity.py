"""Note identity across builds: GUIDs that survive edits, mod times that move only on change."""

from __future__ import annotations

import json
from pathlib import Path

import genanki
import pytest

from clozepress.deck import identity
from clozepress.deck.identity import Candidate, Identities, assign, guid_for, match, similarity
from clozepress.errors import BuildError

T0 = 1_700_000_000


def note(key: str, highlights: tuple[str, ...] = ("x",), context: str = "D › S", h: str = "h1"):
    return Candidate(key, context, highlights, h)


def first_build(*notes: Candidate) -> Identities:
    return assign(None, notes, deck="deck", model_hash="m", now=T0)


def test_guids_are_anki_style_and_made_from_namespace_deck_and_text():
    assert guid_for("clozepress", "deck", "a text") == genanki.guid_for(
        "clozepress", "deck", "a text"
    )
    ids = first_build(note("a text"))
    assert ids.records[0].guid == guid_for("clozepress", "deck", "a text")


def test_an_unchanged_rebuild_keeps_guids_and_mod_times():
    before = first_build(note("one"), note("two"))
    after = assign(before, [note("one"), note("two")], deck="deck", model_hash="m", now=T0 + 99)
    assert after == before


def test_changed_fields_get_a_strictly_newer_mod_time_even_within_the_same_second():
    before = first_build(note("one"))
    after = assign(before, [note("one", h="h2")], deck="deck", model_hash="m", now=T0)
    assert after.records[0].guid == before.records[0].guid
    assert after.records[0].mod == T0 + 1
    later = assign(after, [note("one", h="h3")], deck="deck", model_hash="m", now=T0 + 50)
    assert later.records[0].mod == T0 + 50


def test_reworded_unit_keeps_its_guid():
    before = first_build(
        note("Spot Fleets request Spot Instances in pools to meet capacity", ("pools",))
    )
    edited = note(
        "Spot Fleets automatically request Spot Instances in pools for capacity", ("pools",)
    )
    after = assign(before, [edited], deck="deck", model_hash="m", now=T0 + 5)
    assert after.records[0].guid == before.records[0].guid


def test_moved_unit_keeps_its_guid():
    before = first_build(note("Bound to an AZ", ("AZ",), context="EC2 › ENI"))
    moved = note("Bound to an AZ", ("AZ",), context="VPC › Subnets")
    after = assign(before, [moved], deck="deck", model_hash="m", now=T0)
    assert after.records[0].guid == before.records[0].guid


def test_a_different_fact_is_a_new_note():
    before = first_build(note("durability", ("durability",)))
    after = assign(
        before, [note("availability", ("availability",))], deck="d", model_hash="m", now=T0
    )
    assert after.records[0].guid != before.records[0].guid
    assert after.records[0].mod == T0


def test_the_same_text_twice_gets_two_guids_and_each_keeps_its_own():
    a, b = note("same", context="D › A"), note("same", context="D › B")
    before = first_build(a, b)
    assert before.records[0].guid != before.records[1].guid
    swapped = assign(before, [b, a], deck="deck", model_hash="m", now=T0)
    assert [r.guid for r in swapped.records] == [before.records[1].guid, before.records[0].guid]


def test_matching_is_one_to_one_best_first():
    old = first_build(note("alpha beta gamma delta", ("a",)), note("alpha beta gamma", ("a",)))
    new = [note("alpha beta gamma delta!", ("a",)), note("alpha beta gamma!", ("a",))]
    assert match(old.records, new) == [0, 1]


def test_similarity_needs_less_wording_in_common_when_the_highlights_are_the_same():
    old = first_build(note("cache in front of the database", ("cache",))).records[0]
    reworded = note("put a cache before your database", ("cache",))
    other = note("put a queue before your database", ("queue",))
    assert similarity(old, reworded) >= identity.SAME_UNIT
    assert similarity(old, other) < identity.SAME_UNIT


def test_a_note_type_change_gets_a_newer_model_mod_time():
    before = first_build(note("one"))
    same = assign(before, [note("one")], deck="deck", model_hash="m", now=T0 + 9)
    changed = assign(before, [note("one")], deck="deck", model_hash="m2", now=T0)
    assert same.model_mod == T0
    assert changed.model_mod == T0 + 1


def test_the_file_is_sorted_one_note_per_line_and_reads_back(tmp_path: Path):
    ids = first_build(note("b"), note("a"), note("c"))
    path = tmp_path / "n.ids.json"
    assert identity.write(path, ids)
    lines = path.read_text(encoding="utf-8").splitlines()
    guids = [json.loads(line.rstrip(","))["guid"] for line in lines[1:-1]]
    assert guids == sorted(guids) and len(guids) == 3
    back = identity.read(path, "n.ids.json")
    assert back is not None
    assert sorted(back.records, key=lambda r: r.guid) == sorted(ids.records, key=lambda r: r.guid)


def test_an_unchanged_file_is_not_rewritten(tmp_path: Path):
    ids = first_build(note("a"))
    path = tmp_path / "n.ids.json"
    identity.write(path, ids)
    assert identity.write(path, ids) is False


def test_a_damaged_file_is_a_user_error_with_its_line(tmp_path: Path):
    path = tmp_path / "n.ids.json"
    path.write_text('{"format": "clozepress-ids",\n "version": 1,\n oops}\n', encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        identity.read(path, "source/n.ids.json")
    assert str(caught.value).startswith("source/n.ids.json:3: error:")


def test_no_file_yet_means_a_first_build(tmp_path: Path):
    assert identity.read(tmp_path / "absent.ids.json", "absent") is None


# ---------------------------------------------------------------------------------------------
# Removed notes


def test_a_unit_that_leaves_is_kept_as_removed_with_a_newer_mod_time_once():
    before = first_build(note("one"), note("two"), note("three"))
    after = assign(before, [note("one"), note("three")], deck="deck", model_hash="m", now=T0 + 5)
    assert [r.key for r in after.records] == ["one", "three"]
    assert [(r.key, r.removed, r.mod) for r in after.removed] == [("two", True, T0 + 5)]
    assert after.removed[0].guid == before.records[1].guid
    again = assign(after, [note("one"), note("three")], deck="deck", model_hash="m", now=T0 + 9)
    assert again == after


def test_a_unit_that_comes_back_takes_its_guid_again_with_a_newer_mod_time():
    before = first_build(note("one"), note("two"))
    gone = assign(before, [note("one")], deck="deck", model_hash="m", now=T0 + 5)
    back = assign(gone, [note("one"), note("two")], deck="deck", model_hash="m", now=T0 + 5)
    assert back.removed == ()
    assert back.records[1].guid == before.records[1].guid
    assert back.records[1].mod == T0 + 6
    assert not back.records[1].removed


def test_a_new_unit_never_takes_a_removed_notes_guid():
    before = first_build(note("same", context="D › A"), note("same", context="D › B"))
    gone = assign(before, [], deck="deck", model_hash="m", now=T0)
    fresh = assign(gone, [note("other")], deck="deck", model_hash="m", now=T0)
    assert fresh.records[0].guid not in {r.guid for r in gone.removed}


def test_forget_drops_removed_notes_only():
    before = first_build(note("one"), note("two"))
    gone = assign(before, [note("one")], deck="deck", model_hash="m", now=T0 + 5)
    assert identity.forget(gone).records == gone.records
    assert identity.forget(gone).removed == ()


def test_removed_notes_and_their_fields_read_back_from_the_file(tmp_path: Path):
    full = Candidate(
        "two", "D › S", ("x",), "h", ("{{c1::two}}", "D", "", "n.md:2"), ("t",), "d::D"
    )
    before = first_build(note("one"), full)
    gone = assign(before, [note("one")], deck="deck", model_hash="m", now=T0 + 5)
    path = tmp_path / "n.ids.json"
    identity.write(path, gone)
    assert identity.read(path, "n.ids.json") == gone
    assert '"removed": true' in path.read_text(encoding="utf-8")


def test_a_version_1_file_still_reads(tmp_path: Path):
    path = tmp_path / "n.ids.json"
    path.write_text(
        '{"deck": "d", "format": "clozepress-ids", "model": {"hash": "m", "mod": 5}, '
        '"version": 1, "notes": [\n {"guid": "g", "key": "k", "context": "c", '
        '"highlights": ["k"], "hash": "h", "mod": 7}\n]}\n',
        encoding="utf-8",
    )
    read = identity.read(path, "n.ids.json")
    assert read is not None and read.records[0].fields == () and read.removed == ()
