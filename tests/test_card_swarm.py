"""Swarms: a line (or a paragraph) that is no series still makes one card per fact, not a card
per highlight each read off the others: a chain of twins is one card, a pair joined by a
conjunction of the line's language is one card, and a name a paragraph asked already is shown
in its later sentences (``cards/repairs.py`` twins, item-cards, pair; ``cards/skips.py``
repeated)."""

from __future__ import annotations

from clozepress.config import Config

from .test_card_rules import fronts, run


def test_a_chain_of_twins_is_one_card_not_one_per_item() -> None:
    # Cut apart, each card shows the pattern that gives its answer away.
    markdown = (
        "# D\n- on alloc `gen[0].count++`, on free `gen[0].count--`, then `gen[1].count++`"
        " and later `gen[2].count++` happens\n"
    )
    whole = Config(disable_rules=("one-answer",))
    (note,) = run(markdown, whole).notes
    assert note.cards == 1
    assert len(note.tests) == 4
    # One card asks the first of the chain, the twins read off it withheld (one-answer).
    (note,) = run(markdown).notes
    assert (note.cards, len(note.tests)) == (1, 1)
    assert fronts(markdown) == ["D || on alloc [...], on free [–], then [–] and later [–] happens"]


def test_a_long_series_of_distinct_items_is_still_split() -> None:
    markdown = "# D\n- levels are `TRACE`, `DEBUG`, `INFO`, `WARN` or `ERROR` here\n"
    assert len(fronts(markdown)) == 5


def test_a_pair_joined_by_a_korean_conjunction_is_one_card() -> None:
    markdown = "# D\n- 또는 `__iter__()` 와 `__getitem__()` 을 구현하여 iterable을 만든다.\n"
    assert fronts(markdown) == ["D || 또는 [...] 와 [...] 을 구현하여 iterable을 만든다."]


def test_a_name_asked_in_a_paragraph_is_shown_in_its_later_lines() -> None:
    # One paragraph written over two lines, cut into its sentences.
    markdown = (
        "# D\n\nDuck typing is used in many places by the language runtime and its library."
        " Implement `__len__()` to look sized, or `__iter__()` to look iterable.\n"
        "Without inheriting an interface, just implement `__iter__()` and it works in for.\n"
    )
    planned = run(markdown)
    fates = [(f.line, f.highlight, f.rule) for f in planned.fates if f.highlight == "__iter__()"]
    assert [rule for _, _, rule in sorted(fates)] == ["fact", "repeated"]
