"""Series: highlights in a row on one line are decided together (``cards/series.py``): items
offered as examples are no card unless the line names their class (``cards/members.py``: the
card asks the class), bare symbols side by side are no card, and a long series gets the card
its place on the line calls for (``cards/enumeration.py``): the fact it is the subject of, its
description, none for an open list, every other item shown for a closed set; what is left is
learned item by item, each card showing only the items before its own (``cards/overlap.py``)."""

from __future__ import annotations

import dataclasses

import pytest

from clozepress.cards.enumeration import readings
from clozepress.cards.env import Env
from clozepress.cards.series import runs_of
from clozepress.cards.units import units
from clozepress.config import Config
from clozepress.read.cues import Cues
from clozepress.read.parse import parse_text

from .card_decisions import plan_of
from .test_card_rules import STUDY, fate, fronts, run


@pytest.mark.parametrize(
    "line",
    [
        "antacids. Es: `algedrato`, `magaldrato`",
        # A clause before the marker, not a short phrase: no class to ask.
        "we track container objects (e.g. `tuple`, `list`, `set`) only",
        # Closed by "and" but short: still examples (a long one is the set, see below).
        "this command holds further subcommands such as `list`, `new` and `show`",
        "derived from it: `caffeina`, `teina`, `teobromina`...",
        "tolerance is a risk (`bdz`, `oppioidi`, `nitrati`,...) for some",
    ],
)
def test_items_offered_as_examples_are_no_card(line: str) -> None:
    planned = run(f"# D\n- {line}\n")
    assert planned.notes == ()
    assert {f.rule for f in planned.fates} == {"offered-items"}


def test_a_long_series_written_out_to_its_last_item_after_such_as_is_the_set() -> None:
    # A marker does not open a series the line closes with a conjunction: it names every
    # member, so each card shows all the others and has one answer (closed-series).
    said = "this command is a container for further subcommands such as"
    line = f"# D\n- {said} `list`, `select`, `new`, `delete` and `show`\n"
    planned = run(line)
    assert {f.rule for f in planned.fates} == {"fact"}
    assert f"D || {said} list, select, new, [...] and show" in fronts(line)
    # Left open by an ellipsis, or with closed-series off, it is offered as examples again.
    assert run(line.replace(" and `show`", ", `show`...")).notes == ()
    off = run(line, Config(disable_rules=("closed-series",)))
    assert off.notes == () and {f.rule for f in off.fates} == {"offered-items"}


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
    # A series of three is a card per item too (one-answer): a card asking three different
    # answers at once asks a list; without that rule it is asked whole (series).
    (three,) = run("# D\n- levels: `TRACE`, `DEBUG` or `INFO`\n").notes
    assert three.cards == 3 and len(three.highlights) == 3
    whole = Config(disable_rules=("one-answer",))
    (three,) = run("# D\n- levels: `TRACE`, `DEBUG` or `INFO`\n", whole).notes
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
            "used (against allergies): `clorf`, `lorat`, `cetir`, `promet`",
            "D || used ([...]): clorf, lorat, cetir, promet",
            "against allergies",
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
    # Without member-class the set-off members are an open list (open-series: no card), or,
    # closed by a conjunction, a closed set (closed-series: a card per item, the others shown).
    without = run(markdown, Config(disable_rules=("member-class",)))
    closed = " and " in line
    assert sum(n.cards for n in without.notes) == (4 if closed else 0)
    assert {f.rule for f in without.fates} == ({"fact"} if closed else {"open-series"})


def test_a_long_series_in_a_sentence_and_not_closed_is_learned_item_by_item() -> None:
    # In the flow of a sentence, no conjunction closing it, no fact highlighted after it: each
    # card shows the items before its own (overlap), the order written being the cue.
    markdown = "# D\n- Dimension of `Zeta`, `Alpha`, `dZeta`, `dAlpha` is (n, m)\n"
    planned = run(markdown)
    assert len(planned.notes) == 4
    assert fronts(markdown)[1] == "D || Dimension of Zeta, [...] … is (n, m)"
    assert {f.rule for f in planned.fates} == {"fact"}


def test_a_series_whose_fact_the_line_highlights_is_tested_by_the_card_asking_that_fact() -> None:
    markdown = "# D\n- Dimension of `Zeta`, `Alpha`, `dZeta`, and `dAlpha` is `(n, m)`\n"
    planned = run(markdown)
    # One card: the fact asked, every item shown; it tests every item (series-fact).
    assert fronts(markdown) == ["D || Dimension of Zeta, Alpha, dZeta, and dAlpha is [...]"]
    assert {(f.highlight, f.rule, f.answer) for f in planned.fates} == {
        (h, "series-fact", "(n, m)") for h in ("Zeta", "Alpha", "dZeta", "dAlpha", "(n, m)")
    }
    # Off, the series is a closed set ("and"): each item asked with the others shown.
    off = Config(disable_rules=("series-fact",))
    assert {f.rule for f in run(markdown, off).fates} == {"fact"}
    assert "D || Dimension of Zeta, [...], dZeta, and [...] is (n, m)" in fronts(markdown, off)
    # A fact in another sentence is no fact of the series.
    later = "# D\n- levels `A1`, `B1`, `C1`, `D1` in order. `A1` is the default\n"
    assert "series-fact" not in {f.rule for f in run(later).fates}


@pytest.mark.parametrize(
    ("line", "front", "answer"),
    [
        (
            "`>`, `>=`, `<`, `<=`: version comparison, where greater means newer",
            "D || >, >=, <, <=: [...], where greater means newer",
            "version comparison",
        ),
        (
            "`imatib`, `erlob`, `gefib`, `bevab` (anti TK)",
            "D || imatib, erlob, gefib, bevab ([...])",
            "anti TK",
        ),
    ],
)
def test_a_series_heading_its_line_asks_for_its_short_description(
    line: str, front: str, answer: str
) -> None:
    markdown = f"# D\n- {line}\n"
    planned = run(markdown)
    assert fronts(markdown) == [front]
    assert {(f.rule, f.answer) for f in planned.fates} == {("series-described", answer)}
    # A description of a clause's length is no name to ask: left to the items again.
    long = "# D\n- `>`, `>=`, `<`, `<=`: compare two versions by their numbers in order\n"
    assert "series-described" not in {f.rule for f in run(long).fates}
    off = run(markdown, Config(disable_rules=("series-described",)))
    assert "series-described" not in {f.rule for f in off.fates}
    # A heading holding every word of it gives it away: an open list of that heading's class.
    shown = run(f"# {answer}\n- {line}\n")
    assert shown.notes == ()
    assert {f.rule for f in shown.fates} == {"open-series"}


def test_an_open_list_set_off_from_a_long_clause_with_nothing_short_to_ask_is_no_card() -> None:
    # Offered as members of what the clause says, no phrase of it short enough to ask: any
    # member answers a card asking one, whatever else it shows (open-series).
    line = "used against allergies in the clinic: `clorf`, `lorat`, `cetir`, `promet`."
    planned = run(f"# D\n- {line}\n")
    assert planned.notes == ()
    assert {f.rule for f in planned.fates} == {"open-series"}
    off = run(f"# D\n- {line}\n", Config(disable_rules=("open-series",)))
    assert len(off.notes) == 4  # item by item, the items before each shown (overlap)


@pytest.mark.parametrize(
    ("line", "front", "answer"),
    [
        (
            "used in the clinic (against allergic skin reactions): `clorf`, `lorat`, `cetir`, "
            "`promet`",
            "D || used in the clinic ([...]): clorf, lorat, cetir, promet",
            "against allergic skin reactions",
        ),
        (
            "**low index** (risky drugs with a narrow window, approx. small: `warfarin`, "
            "`digoxin`, `lithium`, `phenytoin`)",
            "D || [...] (risky drugs with a narrow window, approx. small: warfarin, digoxin, "
            "lithium, phenytoin)",
            "low index",
        ),
    ],
)
def test_an_open_list_asks_the_phrase_of_its_clause_that_names_its_members(
    line: str, front: str, answer: str
) -> None:
    markdown = f"# D\n- {line}\n"
    planned = run(markdown)
    # One card, every member shown, asking the phrase naming what they are; each records it.
    assert fronts(markdown) == [front]
    assert {(f.rule, f.answer) for f in planned.fates} == {("open-class", answer)}
    # Off, or with the heading showing the phrase already, no card (open-series).
    for off, notes in (
        (Config(disable_rules=("open-class",)), markdown),
        (STUDY, f"# {answer}\n- {line}\n"),
    ):
        again = run(notes, off)
        assert again.notes == ()
        assert {f.rule for f in again.fates} == {"open-series"}


def test_members_listed_under_a_short_parent_ask_for_the_parent() -> None:
    markdown = (
        "# D\n- Kinase blockers\n  - `trastu` (anti HER)\n"
        "  - `imatib`, `erlob`, `gefib`, `bevab` (anti TK)\n"
    )
    planned = run(markdown)
    # The members shown, the class they are listed under asked; their description stays.
    assert "D || [...] / • trastu (anti HER) / • imatib, erlob, gefib, bevab (anti TK)" in (
        fronts(markdown)
    )
    series = {"imatib", "erlob", "gefib", "bevab"}
    assert {(f.rule, f.answer) for f in planned.fates if f.highlight in series} == {
        ("listed-under", "Kinase blockers")
    }
    off = run(markdown, Config(disable_rules=("listed-under",)))
    assert {(f.rule, f.answer) for f in off.fates if f.highlight in series} == {
        ("series-described", "anti TK")
    }


def test_a_series_closed_by_a_conjunction_shows_every_other_item_on_each_card() -> None:
    markdown = "# D\n- supported inside `resource`, `data`, `provider`, and `provisioner` blocks\n"
    # The line names every member: with the others shown, one answer fits (closed-series,
    # item-cards); set off by a colon, too.
    assert (
        fronts(markdown)[1]
        == "D || supported inside resource, [...], provider, and provisioner blocks"
    )
    assert len(fronts(markdown)) == 4
    colon = "# D\n- set it to one of the log levels: `TRACE`, `DEBUG`, `INFO` or `ERROR`\n"
    assert fronts(colon)[2] == "D || set it to one of the log levels: TRACE, DEBUG, [...] or ERROR"
    # Off, each card shows only the items before its own (overlap).
    off = Config(disable_rules=("closed-series",))
    assert fronts(markdown, off)[1] == "D || supported inside resource, [...] … blocks"


def test_a_line_read_again_with_fewer_highlights_has_its_series_read_again() -> None:
    # Rules ask a unit's series once per unit, not once per highlight; a unit that shares its
    # line and text with the last one read but not its highlights (as a line split by
    # ``overlap`` can) is another unit, and must not be given the other's series.
    document = parse_text("# D\n- levels `TRACE`, `DEBUG`, `INFO`, `WARN` by verbosity\n", "n.md")
    (whole,) = [u for u in units(document) if u.marks]
    part = dataclasses.replace(whole, marks=whole.marks[:2])
    env = Env(document, Config(), frozenset())
    assert len(runs_of(whole, env)) == 4
    assert sorted(runs_of(part, env)) == [m.start for m in part.marks]


def test_a_line_read_again_with_fewer_highlights_has_its_enumeration_read_again() -> None:
    # As for the runs above: a long series' reading is kept per unit, and two of its members
    # alone are no long series.
    document = parse_text("# D\n- `TRACE`, `DEBUG`, `INFO`, `WARN`, `ERROR`: log levels\n", "n.md")
    (whole,) = [u for u in units(document) if u.marks]
    part = dataclasses.replace(whole, marks=whole.marks[:2])
    env = Env(document, Config(), frozenset())
    assert {rule for rule, _ in readings(whole, env).values()} == {"series-described"}
    assert readings(part, env) == {}
