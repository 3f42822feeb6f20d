"""The user's notes end to end: the whole deck through the real Anki, then edits that keep history.

Works on a copy of ``source/aws-saa.md`` in a temporary project; ``source/`` is never touched.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

import pytest

from clozepress.cards import plan, units
from clozepress.cards.forms import same_word
from clozepress.cards.leaks import parts, same_stem
from clozepress.cards.policy import WARNING_RULES
from clozepress.cards.repairs import script
from clozepress.form.model import all_highlights
from clozepress.read.parse import parse_file

from .deck_support import (
    REPO,
    Anki,
    build,
    cloze_spans,
    live_markup,
    package_notes,
    project_with,
)

pytestmark = pytest.mark.slow

NOTES = REPO / "source" / "aws-saa.md"
T0 = 1_700_000_000


def corpus(tmp_path: Path):  # type: ignore[no-untyped-def]
    return project_with(tmp_path, NOTES.read_text(encoding="utf-8"), name=NOTES.name)


def test_the_notes_make_26_subdecks_and_every_highlight_is_a_cloze_or_reported(tmp_path: Path):
    project, path = corpus(tmp_path)
    document = parse_file(path, project.shown(path))
    result = build(project, path)
    planned = plan(document, project.config)
    highlights = all_highlights(document)
    assert len(document.domains) == 26
    # A domain whose every highlight the policy leaves out has no cards, so no subdeck.
    assert result.subdecks == len({note.domain for note in planned.notes}) >= 24
    assert len(highlights) == 1675
    # Every highlight has exactly one fate...
    assert sorted((f.line, f.highlight) for f in planned.fates) == sorted(
        (h.line, h.text) for h in highlights
    )
    # ...and is either hidden by a card, or reported with its line and the rule.
    answers = [f.answer for f in planned.fates if f.answer is not None]
    reported = [f for f in planned.fates if f.reason is not None]
    assert all(f.answer is not None or f.reason for f in planned.fates)
    assert result.cards == sum(note.cards for note in planned.notes) <= len(answers)
    shown = sorted((d.line, d.severity) for d in (*result.skipped, *planned.diagnostics))
    assert shown == sorted(
        (f.line, "warning" if f.rule in WARNING_RULES else "info") for f in reported
    )
    assert len(reported) == len(result.skipped) + len(planned.diagnostics)
    # The build sums the skipped ones up in one line instead of hundreds.
    (summary,) = [d for d in result.diagnostics if d.severity == "info"]
    assert summary.message.startswith(f"{len(result.skipped)} highlights are not a cloze")
    # What each highlight became is pinned by the golden snapshot (tests/golden/cards/).
    assert len(answers) > 0.8 * len(highlights)

    anki = Anki(tmp_path / "anki")
    try:
        assert anki.import_(result.path) == (result.notes, 0, 0)
        decks = {d.name for d in anki.col.decks.all_names_and_ids()}
        carded = {note.domain for note in planned.notes}
        titles = {f"aws-saa::{d.title}" for i, d in enumerate(document.domains) if i in carded}
        assert titles <= decks
        hidden: set[str] = set()
        cards = 0
        wanted = {a.casefold() for a in answers}
        levels = {  # a lone backtick of a heading is markup, on no card (render)
            " ".join(level.replace("`", "").split()).casefold()
            for note in planned.notes
            for level in note.context_key.split(" › ")
        }
        answer_words: dict[str, set[str]] = {}
        for a in answers:
            for w, _, _ in parts(a):
                answer_words.setdefault(w.casefold()[:2], set()).add(w)
        for card in anki.cards():
            cards += 1
            blanks = cloze_spans(card.question)
            # One blank asks; where the answer stands again Anki shows its echo (rule echo), and
            # a word that would tell it without being it is withheld ("[–]").
            marks = {"[...]", "[〃]", "[–]"}
            assert blanks and "[...]" in blanks and set(blanks) <= marks, card.source
            # What a card reveals is its answer (a series: each of its items), also where it
            # stood elsewhere on the card, the acronym of its initials beside it, and an
            # acronym's spelled-out form beside it (acronym-gloss), a translation of it in
            # another script (gloss).
            spans = cloze_spans(card.answer)
            # A heading withheld whole on the card it would tell (withhold-heading) is the
            # place, not an answer: it shows on the back as the notes have it.
            spans = [
                a
                for a, b in zip(spans, blanks, strict=True)
                if b != "[–]" or a.casefold() not in levels
            ]
            answered = [script(a) for a in spans if a.casefold() in wanted]
            spans = [
                a
                for a in spans
                if a.casefold() in wanted
                or not script(a)
                or any(script(a) & own for own in answered if own)
            ]
            acronyms = {a.upper() for a in spans if re.fullmatch(r"[A-Z][A-Za-z0-9]{1,7}", a)}
            revealed = {
                a.casefold()
                for a in spans
                if not re.fullmatch(r"[A-Z][A-Za-z0-9]{1,7}", a)
                and "".join(w[0] for w in a.split()).upper() not in acronyms
            }
            revealed |= {a.casefold() for a in spans if a.casefold() in wanted}
            # An answer in its other number where it stood again (plain-repeat).
            revealed = {
                a for a in revealed if a in wanted or not {a + "s", a[:-1], a[:-2]} & wanted
            }
            # A word of an answer in another form, or a hump of a name (the leak rules, forms).
            revealed = {
                a
                for a in revealed
                if a in wanted
                or " " in a
                or not any(same_stem(a, w) or same_word(a, w) for w in answer_words.get(a[:2], ()))
            }
            assert revealed <= wanted, (card.source, revealed - wanted)
            hidden |= revealed
            assert live_markup(card.question) == live_markup(card.answer) == []
        assert cards == result.cards
        assert hidden == wanted
        # The same package again: nothing new, nothing changed.
        assert anki.import_(result.path) == (0, 0, result.notes)
    finally:
        anki.close()


def test_a_rebuild_of_the_same_notes_is_byte_identical(tmp_path: Path):
    project, path = corpus(tmp_path)
    first = build(project, path, now=T0).path.read_bytes()
    second = build(project, path, now=T0 + 3600).path.read_bytes()
    assert first == second


EDITS = (
    lambda line: line + ", always",
    lambda line: re.sub(r"^(\s*[-*+] )", r"\1In short, ", line),
    lambda line: line + " (exam tip)",
    lambda line: re.sub(r"^(\s*[-*+] )", r"\1Remember: ", line),
    lambda line: line.rstrip(". ") + ", as the docs say",
)


def content(anki: Anki) -> dict[str, tuple[str, str, str]]:
    """Each note's Text, Context and Extra by GUID, as the collection holds them."""
    notes = (anki.col.get_note(nid) for nid in anki.col.find_notes(""))
    return {n.guid: (n["Text"], n["Context"], n["Extra"]) for n in notes}


def test_reworded_and_moved_bullets_update_in_place_and_keep_their_cards(tmp_path: Path):
    project, path = corpus(tmp_path)
    document = parse_file(path, project.shown(path))
    anki = Anki(tmp_path / "anki")
    try:
        anki.import_(build(project, path, now=T0).path)
        anki.col.sched.set_due_date(list(anki.col.find_cards("")), "7")
        before = {c.card_id: (c.guid, c.due) for c in anki.cards()}
        shown_before = content(anki)
        guid_of = {c.source: c.guid for c in anki.cards()}

        lines = path.read_text(encoding="utf-8").split("\n")
        # Bullets that are one note of their own (the study policy leaves some out).
        own_note = Counter(n.line for n in plan(document, project.config).notes)
        bullets = [
            u
            for u in units(document)
            if u.kind == "line"
            and lines[u.line - 1].lstrip().startswith(("- ", "* "))
            and len(lines[u.line - 1].strip()) > 50
            and not u.children
            and own_note[u.line] == 1
        ]
        step = max(1, (len(bullets) - 10) // len(EDITS))
        edited = bullets[10::step][: len(EDITS)]
        for unit, edit in zip(edited, EDITS, strict=True):
            lines[unit.line - 1] = edit(lines[unit.line - 1])
        # Move one top-level bullet from an early domain (the first that has one making a note
        # of its own) into a section of the last one.
        moved = next(
            u
            for u in units(document)
            if u.kind == "line"
            and len(u.crumbs) == u.heading_count
            and not u.children
            and own_note[u.line] == 1
            and lines[u.line - 1].startswith("- ")
            and u.domain < len(document.domains) - 1
        )
        target = max(u.line for u in units(document) if u.kind == "heading")
        text = lines[moved.line - 1]
        lines.insert(target, text)
        del lines[moved.line - 1]
        path.write_text("\n".join(lines), encoding="utf-8")
        changed = {guid_of[f"{project.shown(path)}:{u.line}"] for u in [*edited, moved]}
        assert len(changed) == 6

        package = build(project, path, now=T0).path
        new, updated, _ = anki.import_(package)
        assert new == 0
        after = {c.card_id: (c.guid, c.due) for c in anki.cards()}
        assert after == before  # every card: same id, same note, same due date
        assert changed <= anki.updated_guids
        # Exactly the notes that show an edited line were updated (their parent's back, say),
        # not every note whose line number moved.
        shown_after = content(anki)
        assert anki.updated_guids == {g for g in shown_after if shown_after[g] != shown_before[g]}
        assert updated == len(anki.updated_guids) < 20
        # ...and every change the notes made reached the collection.
        wanted = package_notes(package, tmp_path)
        assert shown_after == {g: fields[:3] for g, fields in wanted.items()}
        texts = {
            note.guid: note["Text"] + note["Extra"]
            for note in (anki.col.get_note(n) for n in anki.col.find_notes(""))
        }
        for unit, marker in zip(
            edited, ("always", "In short", "exam tip", "Remember", "docs say"), strict=True
        ):
            assert marker in html.unescape(texts[guid_of[f"{project.shown(path)}:{unit.line}"]])
    finally:
        anki.close()
