"""Example lists (``cards/examplelists.py``): a highlight after the first item of a list the line
offers as examples is answered by any member the list left out, so it makes no card; the first
item, a closed set, an item described on its own and a list that is no list of names keep
their cards."""

from __future__ import annotations

import pytest

from clozepress.config import Config
from clozepress.read.cues import Cues
from clozepress.read.parse import parse_text

from .card_decisions import plan_of
from .test_card_rules import fate, fronts


@pytest.mark.parametrize(
    "line",
    [
        "purine receptors bind derivatives (es: `adenosine`, ATP, ADP, `xanthine`). Two kinds",
        "containers, e.g. lists, tuples or `sets`, hold references",
        "subcommands such as list, `select` and show",
        # Left open by an ellipsis, a long list is examples still.
        "subcommands such as list, select, `new`, delete, show...",
    ],
)
def test_a_later_item_of_a_list_offered_as_examples_is_no_card(line: str) -> None:
    last = line.split("`")[-2]
    found = fate(f"# D\n- {line}\n", last)
    assert found.answer is None and found.rule == "later-example"


def test_the_list_is_read_where_the_marker_stands_after_letters_that_fold_longer() -> None:
    # "ß" folds to "ss": the lead is read from the marker, not six letters past it.
    line = "# D\n- Maßß ßßßß e.g. (sic) tuples, `sets` hold references\n"
    assert fate(line, "sets").rule != "later-example"
    assert fate(line.replace("(sic) ", ""), "sets").rule == "later-example"


def test_the_first_item_keeps_its_card_the_later_one_does_not() -> None:
    line = "# D\n- receptors bind derivatives (es: `adenosine`, ATP, ADP, `xanthine`)\n"
    assert fronts(line) == ["D || receptors bind derivatives (es: [...], ATP, ADP, xanthine)"]
    assert fate(line, "adenosine").rule == "fact"


def test_switched_off_the_later_item_is_asked_again() -> None:
    line = "# D\n- receptors bind derivatives (es: `adenosine`, ATP, ADP, `xanthine`)\n"
    off = Config(disable_rules=("later-example",))
    assert fate(line, "xanthine", off).rule == "fact"
    assert "D || receptors bind derivatives (es: adenosine, ATP, ADP, [...])" in fronts(line, off)


def test_a_long_list_closed_by_a_conjunction_is_the_set_each_item_asked() -> None:
    # Written out to its last item with "and", longer than one card may hide: every member.
    line = "# D\n- subcommands such as list, select, new, `delete` and show\n"
    assert fronts(line) == ["D || subcommands such as list, select, new, [...] and show"]
    # With closed-series off the list is read as examples, as offered-items reads it.
    assert fate(line, "delete", Config(disable_rules=("closed-series",))).rule == "later-example"


def test_a_closed_list_ending_its_line_is_closed_though_more_lines_follow() -> None:
    # The last item ends the first line of a paragraph the notes wrap: the set is still closed.
    wrapped = "# D\nsubcommands such as list, select, new, `delete` and show\nfor each table\n"
    assert fate(wrapped, "delete").rule == "fact"
    assert fate(wrapped, "delete", Config(disable_rules=("closed-series",))).rule == (
        "later-example"
    )


@pytest.mark.parametrize(
    "line",
    [
        # Each item described on its own: named by what the line says of it.
        "Es: ramipril, statins, `warfarin` (an anticoagulant blocking vitamin K)",
        # No plain list between the marker and the highlight: a sentence goes on.
        "For example, if you remove it from the state, it runs on, but `plan` no longer sees it",
        "blocks like setting using a special block type, supported inside resource, `data` blocks",
        # A clause ended between the marker and the highlight.
        "e.g. lists. Then `sets` hold references",
    ],
)
def test_what_is_no_later_item_of_a_plain_list_of_names_keeps_its_card(line: str) -> None:
    last = line.split("`")[-2]
    assert fate(f"# D\n- {line}\n", last).rule != "later-example"


def test_the_learners_own_example_word_opens_a_list() -> None:
    document = parse_text("# D\n- Behälter, zum Beispiel Listen, Tupel, `Mengen`\n", "n.md")
    assert {f.rule for f in plan_of(document).fates} != {"later-example"}
    planned = plan_of(document, None, Cues(examples=("zum beispiel",)))
    assert {f.rule for f in planned.fates} == {"later-example"}
