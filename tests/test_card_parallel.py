"""Parallels: a blank its card lets the learner copy from a sibling of the same shape (one symbol
swapped throughout, one bracketed part left out) or read off the formula beside it (a value
bound to a symbol that the formula takes in its place) is no recall. A sibling that is another
card's blank is asked with it; one the card only shows makes the blank no card, reported."""

from __future__ import annotations

from clozepress.config import Config

from .test_card_rules import fate, fronts

PAIR = "# D\n- the notation:\n  - `P = [p(1) p(2).. p(K)]`\n  - `Q = (q(1) q(2).. q(K))`\n"
OFF = Config(disable_rules=("parallel-sibling", "bound-argument"))


def test_two_blanks_of_one_shape_but_their_symbol_are_one_card() -> None:
    assert fronts(PAIR) == ["D || the notation: / • P = [...] / • Q = [...]"]
    # Apart, each card shows the other: the learner copies its shape, the symbol swapped.
    assert fronts(PAIR, OFF) == [
        "D || the notation: / • P = [...] / • Q = (q(1) q(2).. q(K))",
        "D || the notation: / • P = [p(1) p(2).. p(K)] / • Q = [...]",
    ]


def test_a_sibling_differing_in_more_than_one_symbol_is_no_parallel() -> None:
    markdown = "# D\n- the notation:\n  - `P = [p(1) p(2).. p(K)]`\n  - `Q = (q(1) r(2).. q(K))`\n"
    assert len(fronts(markdown)) == 2


def test_a_form_shown_with_one_bracketed_part_more_makes_the_short_form_no_card() -> None:
    markdown = (
        "# D\n- Forms:\n  - Short one: `s = ab + c`\n"
        "  - When the inputs come as a list: `s = a(inverse)b + c`\n"
    )
    found = fate(markdown, "s = ab + c")
    assert found.answer is None and found.rule == "parallel-sibling"
    assert fate(markdown, "s = a(inverse)b + c").answer == "a(inverse)b + c"
    assert fate(markdown, "s = ab + c", OFF).answer == "ab + c"


def test_a_part_put_in_bare_is_the_fact_not_a_form() -> None:
    markdown = "# D\n- Unset it is `(k,)` and the swap fails: set it to `(k, 1)` first.\n"
    assert fate(markdown, "(k,)").answer == "(k,)"
    assert fate(markdown, "(k, 1)").answer == "(k, 1)"


def test_a_value_bound_to_a_symbol_the_formula_takes_in_its_place_is_no_card() -> None:
    # One case line alone: ``sample-value`` would read a symbol set to one number beside its
    # use as a symbol as a worked example's; the notes' case lines come in pairs.
    on = Config(disable_rules=("sample-value",))
    off = Config(disable_rules=("sample-value", *OFF.disable_rules))
    markdown = "# D\n- cases:\n  - if `k = 1` ==> `F(k',1) = -ln(k')` and it grows\n"
    found = fate(markdown, "k = 1", on)
    assert found.answer is None and found.rule == "bound-argument"
    assert fate(markdown, "F(k',1) = -ln(k')", on).answer is not None
    assert fate(markdown, "k = 1", off).answer == "k = 1"
    # A value the formula takes beside another symbol tells nothing of this one.
    other = "# D\n- cases:\n  - if `k = 1` ==> `F(j',1) = -ln(j')` and it grows\n"
    assert fate(other, "k = 1", on).answer == "k = 1"


def test_a_function_asked_beside_its_values_at_sample_points_withholds_them() -> None:
    markdown = (
        "# D\n- `g(t) = t^3`  ==> `h(t) = 3t^2`\n  - `t = 2` ==> `g(t) = 8`\n"
        "  - `t = 3` ==> `g(t) = 27`\n"
    )
    asking = [f for f in fronts(markdown) if "g(t) = [...]" in f]
    assert asking and all("g(t) = 8" not in f and "g(t) = 27" not in f for f in asking)
    assert all("g(t) = [–]" in f for f in asking)
    # The card asking what the line derives from it still shows the sample values.
    assert any("h(t) = [...]" in f and "g(t) = 8" in f for f in fronts(markdown))
    off = Config(disable_rules=("worked-instance",))
    assert any("g(t) = [...]" in f and "g(t) = 8" in f for f in fronts(markdown, off))


def test_a_symbol_asked_beside_its_indexed_members_is_no_card() -> None:
    markdown = "# D\n- `Q` is the state vector `(Q1, Q2, Q3)` of the model\n"
    found = fate(markdown, "Q")
    assert found.answer is None and found.rule == "indexed-family"
    # The members themselves are no fact either (``indexed-list``); this rule leaves them be.
    members = Config(disable_rules=("indexed-list",))
    assert fate(markdown, "(Q1, Q2, Q3)", members).answer is not None
    assert fate(markdown, "Q", members).rule == "indexed-family"
    off = Config(disable_rules=("indexed-family",))
    assert fate(markdown, "Q", off).answer == "Q"
    # One member alone is another symbol, not the family that shows the name.
    one = "# D\n- `Q` is the state vector, its first part `Q1` the position\n"
    assert fate(one, "Q").answer == "Q"
