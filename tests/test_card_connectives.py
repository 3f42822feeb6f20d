"""A sentence opening on a connective ("In fact", "Or", "또한") continues the sentence before it:
its card shows that sentence (on its front when short), and a line that is only "Or" shows the
line it offers an alternative to. No card is lost: every highlight keeps its card."""

from __future__ import annotations

from clozepress.config import Config

from .test_card_rules import fronts, run

FILLER = "This paragraph goes on long enough that the policy cuts it into its sentences here"
OFF = Config(disable_rules=("connective",))


def _paragraph(claim: str, going_on: str) -> str:
    return f"# D\n\n{FILLER}, `alpha` says. {claim} {going_on} {FILLER}, and more words.\n"


def test_a_cut_sentence_opening_on_a_connective_shows_the_short_sentence_it_continues() -> None:
    markdown = _paragraph("The cache is not a queue.", "In fact `pop` fails on it with an error.")
    assert any(
        f.endswith("The cache is not a queue. In fact [...] fails on it with an error.")
        for f in fronts(markdown)
    )
    # Switched off, the sentence dangles: the claim it continues is context at most.
    assert not any("queue. In fact" in f for f in fronts(markdown, OFF))
    assert len(run(markdown).notes) == len(run(markdown, OFF).notes) == 2


def test_the_shown_sentence_that_leans_back_brings_the_one_before_it_while_short() -> None:
    markdown = (
        "# D\n\nA new object calls `alloc()` first. This method counts the object. "
        "Then it checks `enabled` before collecting, as the long paragraph goes on to say "
        "in many more words than a card should hold, many more than that.\n"
    )
    front = [f for f in fronts(markdown) if "enabled" not in f and "[...] before" in f]
    assert front == [
        "D || A new object calls alloc() first. This method counts the object. "
        "Then it checks [...] before collecting, as the long paragraph goes on to say in many "
        "more words than a card should hold, many more than that."
    ]


def test_a_line_that_is_only_or_shows_the_line_it_is_an_alternative_to() -> None:
    markdown = "# D\n- one way:\n  `a = slow(z)`\n\n  Or\n  `a = fast(z)`\n"
    assert "a = slow(z) / Or / a = [...]" in fronts(markdown)[-1]


def test_a_connective_with_nothing_before_it_is_left_off_the_front() -> None:
    markdown = "# D\n\n```\ncode\n```\n\nAlso `lazy` reading saves memory.\n"
    assert fronts(markdown) == ["D || [...] reading saves memory."]
    assert fronts(markdown, OFF) == ["D || Also [...] reading saves memory."]


def test_a_cut_sentence_opening_on_a_back_reference_shows_the_short_sentence_it_names() -> None:
    markdown = _paragraph(
        "Stores the state in a bucket.", "This backend also locks via `lock_table`."
    )
    assert any(
        f.endswith("Stores the state in a bucket. This backend also locks via [...].")
        for f in fronts(markdown)
    )
    assert any(
        f.endswith("in a bucket. || This backend also locks via [...].")
        for f in fronts(markdown, OFF)
    )
