"""Front lines: a line of the notes above the card's line that holds its answer opens the front,
the headings stay the context line; a child card asking only its parent's answer is none."""

from __future__ import annotations

from clozepress.config import Config

from .test_card_rules import fronts, run

LONG = (
    "a managed store kept in two zones and patched for you by the provider, so a team never"
    " touches its operating system or its backups by hand"
)


def test_a_parent_line_holding_the_answer_opens_the_front_whole_under_the_headings() -> None:
    notes = f"# D\n## Store\n- {LONG}\n  - `managed` means no patching\n"
    (child,) = fronts(notes)
    # The child's card: headings as its context, then the parent line whole, then its line.
    assert child == (
        "D › Store || a [...] store kept in two zones and patched for you by the provider, so a"
        " team never touches its operating system or its backups by hand / [〃] means no patching"
    )
    (glued,) = fronts(notes, Config(disable_rules=("parent-front",)))
    assert glued.startswith("D › Store › a [...] store kept in two zones")
    assert glued.endswith("… / [〃] means no patching")


def test_a_parent_line_that_repeats_the_answer_past_the_cut_stays_cut() -> None:
    again = LONG.replace("by hand", "by hand, as managed means")
    notes = f"# D\n## Store\n- {again}\n  - `managed` means no patching\n"
    (child,) = fronts(notes)
    assert "… / [〃] means no patching" in child and "as managed" not in child


def test_a_child_asking_only_its_parents_answer_is_no_second_card() -> None:
    notes = "# D\n- the `fmt` command rewrites files\n  - after an upgrade run fmt again\n"
    notes = notes.replace("run fmt", "run `fmt`")
    assert fronts(notes) == ["D || the [...] command rewrites files"]
    assert [(f.line, f.rule) for f in run(notes).fates if f.answer is None] == [(3, "asked-above")]
    both = fronts(notes, Config(disable_rules=("asked-above",)))
    assert both[1] == "D || the [...] command rewrites files / after an upgrade run [〃] again"
