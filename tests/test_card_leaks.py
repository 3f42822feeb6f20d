"""Leaks: a card's answer read off the rest of the card (``clozepress.cards.leaks``), each rule
pinned on a small fixture through the public entry point, and switched off."""

from __future__ import annotations

from clozepress.config import Config

from .test_card_rules import fate, fronts, run


def test_an_answer_its_line_spells_close_together_makes_no_card():
    notes = "# D\n- `Request Counter`: a counter of requests per minute\n"
    assert fronts(notes) == []
    found = fate(notes, "Request Counter")
    assert (found.answer, found.rule) == (None, "spelled-on-card")
    assert any("spelled-on-card" in d.message for d in run(notes).skipped)
    off = Config(disable_rules=("spelled-on-card",))
    assert fronts(notes, off) == ["D || [...]: a counter of requests per minute"]


def test_an_identifier_is_not_spelled_by_its_words_as_prose():
    # The field's name is the fact: its joiner and case are what the learner recalls.
    for name in ("cache_path", "cachePath", "cache-path", "cache.path"):
        notes = f"# D\n- enabled by setting the `{name}` field to an existing cache path\n"
        assert fronts(notes) == [
            "D || enabled by setting the [...] field to an existing cache path"
        ], name
    # A command of words is still read off the prose that spells it.
    notes = "# D\n- `branch new` is used to create a new branch\n"
    assert fate(notes, "branch new").rule == "spelled-on-card"


def test_words_of_the_answer_spread_over_the_line_are_its_subject_not_a_spelling():
    notes = (
        "# D\n- `Request Counter`: counts each call made to the service, and the limit "
        "applies to all requests\n"
    )
    assert len(fronts(notes)) == 1


def test_an_acronym_made_of_the_answers_words_is_hidden_with_it():
    notes = "# D\n- the `Remote Sync Gateway` (RGW) copies files at night\n"
    # Hidden, and another word for the answer, not the answer: it goes to the back with it.
    assert fronts(notes) == ["D || the [...] copies files at night"]
    assert fronts(notes, Config(disable_rules=("aside-gloss",))) == [
        "D || the [...] ([–]) copies files at night"
    ]
    off = Config(disable_rules=("initials",))
    assert fronts(notes, off) == ["D || the [...] (RGW) copies files at night"]


def test_two_letters_skipping_words_of_the_answer_spell_nothing():
    # "NN" fits `Noise Handling Node` only by skipping a word: it stays shown, no "[–]".
    notes = "# D\n- NN parts: the `Noise Handling Node` cleans input\n"
    assert fronts(notes) == ["D || NN parts: the [...] cleans input"]
    two = "# D\n- AD parts: the `Active Directory` holds users\n"
    assert fronts(two) == ["D || [–] parts: the [...] holds users"]


def test_an_acronym_the_words_before_it_spell_is_another_terms():
    notes = "# D\n- `Cross Zone Replication` is not Cross-Region Replication (CRR)\n"
    assert fronts(notes) == ["D || [...] is not Cross-Region Replication (CRR)"]


def test_a_one_word_answer_inside_a_longer_token_or_a_two_letter_answer_again_is_hidden():
    assert fronts("# D\n- call `flush` as store.flush() to write\n") == [
        "D || call [...] as store.[〃]() to write"
    ]
    assert fronts("# D\n- `dx` is the step: x = x - rate * dx\n") == [
        "D || [...] is the step: x = x - rate * [〃]"
    ]
    off = Config(disable_rules=("word-inside",))
    assert fronts("# D\n- `dx` is the step: x = x - rate * dx\n", off) == [
        "D || [...] is the step: x = x - rate * dx"
    ]


def test_a_one_word_answer_inside_another_cards_answer_is_asked_with_it_or_by_it_alone():
    joined = "# D\n- the `io` module: `io.open()` reads a file\n"
    assert fronts(joined) == ["D || the [...] module: [...] reads a file"]
    full = (
        "# D\n- the `io` module: `io.open()` reads, `io.close()` ends, `open()` and `close()` too\n"
    )
    found = fate(full, "io")
    assert (found.answer, found.rule) == (None, "word-inside")


def test_the_answers_own_words_in_the_breadcrumb_are_hidden_there():
    notes = (
        "# D\n## Vault Archiving of cold data\n- stores old backups in the `Vault Archive` tier\n"
    )
    # Hidden there, the heading gives way to its parent (``placing``); kept, its words show
    # withheld: "Archiving" is not the answer's text, so no echo (``echo-same``).
    assert fronts(notes) == ["D || stores old backups in the [...] tier"]
    kept = Config(disable_rules=("heading-answer", "withhold-heading", "first-asks"))
    assert fronts(notes, kept) == [
        "D › [–] [–] of cold data / stores old backups in the [...] tier"
    ]
    off = Config(disable_rules=("stem-crumb",))
    assert fronts(notes, off) == [
        "D › Vault Archiving of cold data || stores old backups in the [...] tier"
    ]
    # Hidden, a heading that was only the answer's words gives way to its parent.
    bare = "# D\n## Vault Archiving\n- stores old backups in the `Vault Archive` tier\n"
    assert fronts(bare) == ["D || stores old backups in the [...] tier"]


def test_a_heading_word_its_sections_answers_share_is_its_topic_and_stays():
    notes = (
        "# D\n## Scaling Policies\n- `Step Scaling`: adds capacity in steps\n"
        "- `Simple Scaling`: adds one unit at a time\n"
    )
    # The heading stays; the line's "steps", which with it spells `Step Scaling`, is withheld
    # (``across``).
    assert fronts(notes) == [
        "D › Scaling Policies || [...]: adds capacity in [–]",
        "D › Scaling Policies || [...]: adds one unit at a time",
    ]
    assert fronts(notes, Config(disable_rules=("across",)))[0] == (
        "D › Scaling Policies || [...]: adds capacity in steps"
    )


def test_a_heading_of_one_word_names_its_section_and_stays():
    notes = "# D\n## Vault\n- stores old backups in the `Vault Archive` tier\n"
    assert fronts(notes) == ["D › Vault || stores old backups in the [...] tier"]


def test_the_same_answer_highlighted_on_the_parent_line_is_no_topic():
    notes = (
        "# D\n## Storage of cold data\n"
        "- use a `Vault Archive`: keeps backups, built from the Vault…\n"
        "  - the `Vault Archive` is a tier for old backups\n"
    )
    # The parent line, read first, asks; the line echoes it (``placing.first_asks``): the
    # parent's own card asks that already, so the child's is no second card (``asked-above``).
    parent = "D › Storage of cold data || use a [...]: keeps backups, built from the Vault…"
    assert fronts(notes) == [parent]
    child = [f for f in run(notes).fates if f.line == 4]
    assert [(f.answer, f.rule) for f in child] == [(None, "asked-above")]
    both = fronts(notes, Config(disable_rules=("asked-above",)))
    assert both[-1].startswith("D › Storage of cold data || use a [...]: keeps backups")
    assert "built from the [–]" in both[-1]  # a word of the answer: withheld
    assert both[-1].endswith("the [〃] is a tier for old backups")
