"""The deck, read back through the real Anki: escaping, safety, media, tree, tags, updates."""

from __future__ import annotations

import json
import socket
import sqlite3
import zipfile
from pathlib import Path

import pytest

from clozepress.cli import main
from clozepress.config import Config
from clozepress.deck.deck import FIELDS, MODEL_ID, _image
from clozepress.form.model import Image

from .deck_support import Anki, build, cloze_spans, live_markup, project_with, visible

#: These tests pin the emitter (escaping, media, identity), not the study policy's choices
#: (tests/test_card_policy.py): their one-word notes make every highlight a card.
EVERY = Config(cloze_policy="all")


def rendered_by_line(tmp_path: Path, notes: str, config: Config = EVERY):  # type: ignore[no-untyped-def]
    """Build ``notes``, import into a fresh Anki; {source line: [cards of that note]}."""
    project, path = project_with(tmp_path, notes, config)
    result = build(project, path)
    anki = Anki(tmp_path / "anki")
    try:
        anki.import_(result.path)
        cards: dict[int, list] = {}  # type: ignore[type-arg]
        for card in anki.cards():
            cards.setdefault(int(card.source.rsplit(":", 1)[1]), []).append(card)
        return cards, result
    finally:
        anki.close()


# ---------------------------------------------------------------------------------------------
# Clozes that Anki's syntax cannot break

ESCAPES = {
    "double colon": ("- `AWS::S3` is a bucket type", "AWS::S3"),
    "closing braces": ("- `a}}b` closes nothing", "a}}b"),
    "opening braces": ("- `{{` opens nothing", "{{"),
    "a whole cloze": ("- `{{c1::x}}` is text", "{{c1::x}}"),
}


@pytest.mark.parametrize("case", ESCAPES, ids=list(ESCAPES))
def test_a_highlight_renders_as_written_and_stays_one_cloze(tmp_path: Path, case: str):
    line, hidden = ESCAPES[case]
    cards, _ = rendered_by_line(tmp_path, f"# D\n{line}\n")
    (card,) = cards[2]
    assert cloze_spans(card.question) == ["[...]"]
    assert cloze_spans(card.answer) == [hidden]
    assert hidden in visible(card.answer)


# ---------------------------------------------------------------------------------------------
# Raw HTML never live

UNSAFE = {
    "script": "- `x` <script>alert(1)</script>",
    "onerror": '- `x` <img src=nope onerror="alert(1)">',
    "javascript link": "- `x` [click](javascript:alert(1)) <a href='javascript:alert(1)'>a</a>",
    "iframe": '- `x` <iframe src="https://evil.example"></iframe>',
    "inside the highlight": "- `<script>alert(1)</script>` in a cloze",
}


@pytest.mark.parametrize("case", UNSAFE, ids=list(UNSAFE))
def test_raw_html_in_the_notes_never_reaches_a_card_as_markup(tmp_path: Path, case: str):
    notes = f"# D <b onmouseover=x>\n## S\n{UNSAFE[case]}\n    - child <script>1</script> `c`\n"
    cards, _ = rendered_by_line(tmp_path, notes)
    for card in cards[3]:
        assert live_markup(card.question) == []
        assert live_markup(card.answer) == []
    answer = visible(cards[3][0].answer)
    if case == "inside the highlight":
        # ...inside a highlight it is the author's text, there to read as written;
        assert "<script>alert(1)</script>" in answer
    else:
        # ...outside one the tags go, and what they held stays as text.
        assert "<" not in answer
        assert "child 1" in visible(cards[3][-1].answer)


# ---------------------------------------------------------------------------------------------
# Cards


def test_every_card_has_a_blank_on_the_front_and_the_answer_on_the_back(tmp_path: Path):
    cards, result = rendered_by_line(tmp_path, "# D\n- `S3` stores `objects`\n")
    assert (result.notes, result.cards) == (1, 2)
    assert sorted(cloze_spans(c.answer)[0] for c in cards[2]) == ["S3", "objects"]
    for card in cards[2]:
        assert cloze_spans(card.question).count("[...]") == 1


def test_cloze_unit_setting_makes_one_card_showing_every_blank(tmp_path: Path):
    cards, result = rendered_by_line(
        tmp_path, "# D\n- `S3` stores `objects`\n", Config(cloze="unit", cloze_policy="all")
    )
    (card,) = cards[2]
    assert cloze_spans(card.question) == ["[...]", "[...]"]
    assert result.cards == 1


def test_a_table_row_card_shows_the_header_row(tmp_path: Path):
    notes = "# D\n| engine | threads |\n|---|---|\n| Redis | `single` |\n"
    cards, _ = rendered_by_line(tmp_path, notes)
    (card,) = cards[4]
    assert "engine | threads<br>Redis | " in card.question
    (card,) = rendered_by_line(tmp_path / "study", notes, Config())[0][4]
    assert "Redis:<br>threads: <span" in card.question


def test_an_empty_highlight_makes_no_card_and_a_warning(tmp_path: Path):
    cards, result = rendered_by_line(tmp_path, "# D\n- `a` and ` `\n- only ` `\n")
    assert result.cards == 1 and 3 not in cards
    assert [(d.line, d.message) for d in result.diagnostics] == [
        (2, "highlight skipped: an empty highlight has nothing to hide"),
        (3, "highlight skipped: an empty highlight has nothing to hide"),
    ]


def test_deck_tree_is_title_then_domains_tagged_with_slugs(tmp_path: Path):
    notes = "---\ntitle: AWS SAA\n---\n# Zeta Stuff\n## Sub Part\n- `z`\n# Alpha\n- `a`\n"
    project, path = project_with(tmp_path, notes, EVERY)
    result = build(project, path)
    assert result.subdecks == 2
    anki = Anki(tmp_path / "anki")
    try:
        anki.import_(result.path)
        names = {d.name for d in anki.col.decks.all_names_and_ids()}
        assert {"AWS SAA", "AWS SAA::Zeta Stuff", "AWS SAA::Alpha"} <= names
        tags = sorted(anki.col.tags.all())
        assert tags == ["aws-saa::alpha", "aws-saa::zeta-stuff::sub-part"]
        note_type = anki.col.models.get(MODEL_ID)  # type: ignore[arg-type]
        assert note_type is not None
        assert [f["name"] for f in note_type["flds"]] == list(FIELDS)
        assert ".nightMode" in note_type["css"]
    finally:
        anki.close()
    # In the package, the subdecks come in source order.
    with zipfile.ZipFile(result.path) as archive:
        database = tmp_path / "c.anki2"
        database.write_bytes(archive.read("collection.anki2"))
    decks = json.loads(sqlite3.connect(database).execute("SELECT decks FROM col").fetchone()[0])
    ours = [d["name"] for d in decks.values() if d["name"].startswith("AWS SAA::")]
    assert ours == ["AWS SAA::Zeta Stuff", "AWS SAA::Alpha"]


# ---------------------------------------------------------------------------------------------
# Media


def test_a_local_image_is_packaged_under_a_safe_unique_name_and_shown_on_the_back(tmp_path: Path):
    notes = "# D\n- `a` see\n    ![arch](<img/a b:c.png>)\n- `b`\n    ![other](<other/a b:c.png>)\n"
    project, path = project_with(tmp_path, notes, EVERY)
    for folder, data in (("img", b"\x89PNG one"), ("other", b"\x89PNG two")):
        (path.parent / folder).mkdir()
        (path.parent / folder / "a b:c.png").write_bytes(data)
    result = build(project, path)
    assert result.media == 2 and result.diagnostics == ()
    with zipfile.ZipFile(result.path) as archive:
        names = json.loads(archive.read("media"))
        assert sorted(archive.read(k) for k in names) == [b"\x89PNG one", b"\x89PNG two"]
    assert len(set(names.values())) == 2
    for name in names.values():
        assert all(ch not in name for ch in ' []<>:"/?*^\\|')
    anki = Anki(tmp_path / "anki")
    try:
        anki.import_(result.path)
        backs = [c.answer for c in anki.cards()]
        media_dir = Path(anki.col.media.dir())
        for name in names.values():
            assert (media_dir / name).exists()
            assert sum(f'src="{name}"' in back for back in backs) == 1
    finally:
        anki.close()


def test_a_missing_image_is_a_warning_with_its_line(tmp_path: Path):
    project, path = project_with(tmp_path, "# D\n- `a`\n\n![gone](nope.png)\n", EVERY)
    result = build(project, path)
    assert [(d.line, d.message) for d in result.diagnostics] == [(4, "image 'nope.png' not found")]


@pytest.mark.parametrize(
    "src", ["../../etc/passwd.png", "/etc/passwd.png", "..%2F..%2Fx.png", "../x.png", "C:/x.png"]
)
def test_an_image_outside_the_notes_folder_is_refused(tmp_path: Path, src: str):
    (tmp_path / "x.png").write_bytes(b"secret")
    project, path = project_with(tmp_path, f"# D\n- `a`\n    ![x]({src})\n", EVERY)
    result = build(project, path)
    assert result.media == 0
    (warning,) = result.diagnostics
    assert warning.line == 3 and "refused" in warning.message
    with zipfile.ZipFile(result.path) as archive:
        assert json.loads(archive.read("media")) == {}


def test_a_file_url_image_is_refused(tmp_path: Path):
    # The parse already keeps `![x](file:///…)` as text (markdown-it refuses file: links);
    # the deck refuses one on its own too, should an intermediate form ever carry it.
    warning = _image(Image(9, "file:///etc/passwd", "x"), tmp_path)
    assert warning == (
        None,
        "image 'file:///etc/passwd' refused: only files beside the notes or web links",
    )
    cards, result = rendered_by_line(tmp_path, "# D\n- `a`\n    ![x](file:///etc/passwd)\n")
    assert result.media == 0
    assert live_markup(cards[2][0].answer) == [] and "<img" not in cards[2][0].answer


def test_a_remote_image_stays_a_link_and_is_never_downloaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    def no_network(*args: object) -> None:
        raise AssertionError("the build tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    cards, result = rendered_by_line(tmp_path, "# D\n- `a`\n\n![](https://imgur.com/x.jpg)\n")
    assert result.media == 0
    assert '<a class="cp-remote" href="https://imgur.com/x.jpg">' in cards[2][0].answer


# ---------------------------------------------------------------------------------------------
# Builds that repeat, updates that land


def test_the_same_notes_and_identity_file_give_a_byte_identical_package(tmp_path: Path):
    project, path = project_with(tmp_path, "# D\n- `a` one\n- `b` two\n", EVERY)
    first = build(project, path, now=1_700_000_000).path.read_bytes()
    ids = path.with_name("notes.ids.json").read_bytes()
    second = build(project, path, now=1_800_000_000).path.read_bytes()
    assert first == second
    assert path.with_name("notes.ids.json").read_bytes() == ids


def test_an_edit_updates_the_note_in_place_and_keeps_its_card(tmp_path: Path):
    project, path = project_with(
        tmp_path, "# D\n- a long line about `S3` buckets\n- `other`\n", EVERY
    )
    anki = Anki(tmp_path / "anki")
    try:
        anki.import_(build(project, path, now=1_700_000_000).path)
        (before, _) = sorted(anki.cards(), key=lambda c: c.source)
        path.write_text("# D\n- a long line about `S3` buckets, reworded\n- `other`\n")
        assert anki.import_(build(project, path, now=1_700_000_000).path) == (0, 1, 1)
        (after, _) = sorted(anki.cards(), key=lambda c: c.source)
        assert (after.card_id, after.guid) == (before.card_id, before.guid)
        assert "reworded" in after.question
    finally:
        anki.close()


def test_an_edit_made_inside_anki_survives_a_rebuild_of_unchanged_notes(tmp_path: Path):
    project, path = project_with(tmp_path, "# D\n- `a` one\n", EVERY)
    anki = Anki(tmp_path / "anki")
    try:
        anki.import_(build(project, path, now=1_700_000_000).path)
        note = anki.col.get_note(anki.col.find_notes("")[0])
        note["Extra"] = "my own remark"
        anki.col.update_note(note)
        assert anki.import_(build(project, path, now=1_900_000_000).path) == (0, 0, 1)
        assert anki.col.get_note(note.id)["Extra"] == "my own remark"
    finally:
        anki.close()


def test_cli_deck_rebuilds_the_package_from_the_intermediate_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    project, _ = project_with(tmp_path, "# D\n- `a` one\n", EVERY)
    monkeypatch.chdir(project.root)
    assert main(["parse", "source/notes.md", "-o", "build/notes.json"]) == 0
    assert main(["deck", "build/notes.json", "-o", "dist/notes.apkg", "-q"]) == 0
    assert (project.root / "dist" / "notes.apkg").exists()
    assert (project.root / "source" / "notes.ids.json").exists()


def test_cli_build_writes_the_deck_into_the_out_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    # The CLI reads the project's own settings: the study policy, one card per highlight.
    project, _ = project_with(
        tmp_path, "# Storage\n- `S3` moves old objects to `Glacier` after 90 days\n"
    )
    monkeypatch.chdir(project.root)
    assert main(["build", "source/notes.md", "--out", "out"]) == 0
    assert (project.root / "out" / "notes.apkg").exists()
    assert "1 domains, 1 notes, 2 cards" in capsys.readouterr().out


def test_a_code_block_the_line_points_at_is_shown_on_the_question_in_anki(tmp_path: Path):
    notes = (
        "# D\n## Limits\n```\n>>> limits()\n(700, 10)\n```\n\n"
        "Each of these is `limit 0` and `limit 1` in turn.\n"
    )
    project, path = project_with(tmp_path, notes)
    anki = Anki(tmp_path / "anki")
    try:
        anki.import_(build(project, path).path)
        cards = list(anki.cards())
        assert cards
        for card in cards:
            # The block stands above the line, in <pre>, on the question as on the answer.
            assert '<pre class="cp-code">' in card.question
            seen = visible(card.question)
            assert seen.index(">>> limits() (700, 10)") < seen.index("Each of these is")
    finally:
        anki.close()
