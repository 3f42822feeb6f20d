"""Series: highlights in a row on one line are decided together (``cards/series.py``): items
offered as examples are no card unless the line names their class (``cards/members.py``: the
card asks the class), bare symbols side by side are no card, and a long series is learned item
by item, each card showing only the items before its own (``cards/overlap.py``)."""

from __future__ import annotations

import pytest

from clozepress.config import Config
from clozepress.read.cues import Cues
from clozepress.read.parse import parse_text

from .card_decisions import plan_of
from .test_card_rules import fate, fronts, run


@pytest.mark.parametrize(
    "line",
    [
        "antacids. Es: `algedrato`, `magaldrato`",
        # A clause before the marker, not a short phrase: no class to ask.
        "we track container objects (e.g. `tuple`, `list`, `set`) only",
        "this command holds further subcommands such as `list`, `select`, `new` and `show`",
        "derived from it: `caffeina`, `teina`, `teobromina`...",
        "tolerance is a risk (`bdz`, `oppioidi`, `nitrati`,...) for some",
    ],
)
def test_items_offered_as_examples_are_no_card(line: str) -> None:
    planned = run(f"# D\n- {line}\n")
    assert planned.notes == ()
    assert {f.rule for f in planned.fates} == {"offered-items"}


@pytest.mark.parametrize(
    ("line", "front", "answer"),
    [
        (
            "Anestetici (es: `lidocaina`, `mepivacaina`, `bupivacaina`)",
            "D || [...] (es: lidocaina, mepivacaina, bupivacaina)",
            "Anestetici",
        ),
        (
            "container objects (e.g. `tuple`, `list`, `set`) hold references",
            "D || [...] (e.g. tuple, list, set) hold references",
            "container objects",
        ),
        (
            "chelators, Es: chelanti del Fe: `deferoxamina`, `deferiprone`",
            "D || chelators, Es: [...]: deferoxamina, deferiprone",
            "chelanti del Fe",
        ),
        (
            "*Antidoti fisici* — drugs that adsorb the poison. Es: `carbone`, `resine`",
            "D || [...] — drugs that adsorb the poison. Es: carbone, resine",
            "Antidoti fisici",
        ),
    ],
)
def test_members_offered_for_a_class_the_line_names_ask_for_the_class(
    line: str, front: str, answer: str
) -> None:
    planned = run(f"# D\n- {line}\n")
    assert fronts(f"# D\n- {line}\n") == [front]
    # One card, and it tests every member: each records it, as `sample --highlights` shows.
    (note,) = planned.notes
    assert note.cards == 1
    assert {h for _, _, h in note.tests} == {f.highlight for f in planned.fates}
    assert {(f.rule, f.answer) for f in planned.fates} == {("member-class", answer)}


def test_members_without_their_class_rule_are_no_card() -> None:
    markdown = "# D\n- Anestetici (es: `lidocaina`, `mepivacaina`)\n"
    planned = run(markdown, Config(disable_rules=("member-class",)))
    assert planned.notes == ()
    assert {f.rule for f in planned.fates} == {"offered-items"}


def test_one_item_after_an_example_marker_is_a_card_named_by_the_line() -> None:
    # "Es: X (what X does)" asks for the name from its description: a fact, not a set.
    markdown = "# D\n- Es: `lidocaina` (anaesthetic, blocks Na channels)\n"
    assert fronts(markdown) == ["D || Es: [...] (anaesthetic, blocks Na channels)"]
    # A bracket the lead opens and closes ("ex. f(a) = 3a") leaves the marker's reach open.
    assert fate("# D\n- ex. `f(a) = 3a`, `f'(a) = 3`\n", "f'(a) = 3").rule == "offered-items"


def test_a_series_after_a_closed_aside_is_no_example() -> None:
    # "(e.g., corporate)" offers its own word; the series after it is what the line states.
    markdown = "# D\n- no overlap with other networks (e.g., corporate), `Shield`, `WAF`\n"
    shown = "D || no overlap with other networks (e.g., corporate), [...], [...]"
    assert fronts(markdown) == [shown]


def test_the_learners_own_example_words_offer_a_series() -> None:
    markdown = "# D\n- antacids, zum Beispiel `algedrato`, `magaldrato`\n"
    document = parse_text(markdown, "n.md")
    assert len(plan_of(document).notes) == 1
    own = Cues(examples=("zum beispiel",))
    assert plan_of(document, None, own).notes == ()


@pytest.mark.parametrize(
    ("line", "answers"),
    [
        ("In binary classification Y is between `0` and `1`.", ("0", "1")),
        ("We want to predict `w` and `b` that minimize the cost.", ("w", "b")),
        ("a sample with two features `x1` and `x2`.", ("x1", "x2")),
    ],
)
def test_bare_symbols_side_by_side_are_no_card(line: str, answers: tuple[str, str]) -> None:
    markdown = f"# D\n- {line}\n"
    # A single letter is left out by one-letter first (it runs before the series rules).
    assert {fate(markdown, a).rule for a in answers} <= {"symbol-pair", "one-letter"}
    # A pair of words is a fact to recall whole (pair), and a lone symbol is left to the others.
    assert len(fronts("# D\n- you can choose to `stop` or `terminate` it\n")) == 1
    assert fate("# D\n- the bias `b` is a real number\n", "b").rule != "symbol-pair"
    off = Config(disable_rules=("symbol-pair", "one-letter"))
    assert len(run(markdown, off).notes) == 1


def test_a_long_series_is_learned_item_by_item_each_card_its_own_note() -> None:
    items = ", ".join(f"`item{n}`" for n in range(12))
    markdown = f"# D\n- `TF_LOG` takes the levels {items} in order\n"
    planned = run(markdown)
    # One note per item, each hiding its item; the last is the line as written and also asks
    # the line's other highlight.
    assert [n.highlights for n in planned.notes] == [
        *((f"item{n}",) for n in range(11)),
        ("TF_LOG", "item11"),
    ]
    assert len({n.key for n in planned.notes}) == 12
    assert fronts(markdown)[2] == "D || TF_LOG takes the levels item0, item1, [...] … in order"
    # A series of three is asked whole, as before (series): within one card's reach.
    (three,) = run("# D\n- levels: `TRACE`, `DEBUG` or `INFO`\n").notes
    assert three.cards == 1 and len(three.highlights) == 3
    # Offered as examples, it is no card at all (offered-items), however long.
    assert run(f"# D\n- levels, e.g. {items}\n").notes == ()


def test_the_type_in_setting_keeps_a_long_series_whole() -> None:
    # cloze = "unit" asks every blank of a line on one card: nothing to split there.
    markdown = "# D\n- set the level to `TRACE`, `DEBUG`, `INFO` or `ERROR`\n"
    (note,) = run(markdown, Config(cloze="unit")).notes
    assert len(note.highlights) == 4


@pytest.mark.parametrize(
    ("line", "front", "answer"),
    [
        (
            "Antipsychotics (`clozapine`, `haloperidol`, `olanzapine`, `quetiapine`)",
            "D || [...] (clozapine, haloperidol, olanzapine, quetiapine)",
            "Antipsychotics",
        ),
        (
            "Anticonvulsants (e: `carbamazepine`, `phenytoin`, `valproate`, `topiramate`)",
            "D || [...] (e: carbamazepine, phenytoin, valproate, topiramate)",
            "Anticonvulsants",
        ),
        (
            "sources: `Alpha`, `Beta`, `Gamma`, and `Delta`",
            "D || [...]: Alpha, Beta, Gamma, and Delta",
            "sources",
        ),
    ],
)
def test_a_long_series_set_off_from_a_short_name_asks_for_the_name(
    line: str, front: str, answer: str
) -> None:
    markdown = f"# D\n- {line}\n"
    planned = run(markdown)
    # One card showing every member, asking the class; every member records it.
    assert fronts(markdown) == [front]
    (note,) = planned.notes
    assert note.cards == 1
    assert {(f.rule, f.answer) for f in planned.fates} == {("member-class", answer)}
    # Without member-class the series is learned item by item again (overlap).
    assert len(run(markdown, Config(disable_rules=("member-class",))).notes) == 4


@pytest.mark.parametrize(
    "line",
    [
        # In the flow of a sentence: no bracket or colon sets the items off from a name.
        "Dimension of `Zeta`, `Alpha`, `dZeta`, `dAlpha` is (n, m)",
        # The phrase before the colon opens after a full stop or an abbreviation: no clause.
        "low index (a small window, approx. narrow: `warfarin`, `digoxin`, `lithium`, `phenytoin`)",
        # A long clause before the colon names no class: the ordered levels stay item by item.
        "set it to one of the log levels: `TRACE`, `DEBUG`, `INFO`, `ERROR`",
    ],
)
def test_a_long_series_without_a_short_name_is_still_learned_item_by_item(line: str) -> None:
    planned = run(f"# D\n- {line}\n")
    assert len(planned.notes) == 4
    assert "member-class" not in {f.rule for f in planned.fates}
