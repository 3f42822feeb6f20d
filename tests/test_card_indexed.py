"""Indexed lists (``cards/indexed.py``): one highlight writing out one symbol with several
indexes ("(X1, X2, X3)") lists an example's instances, and makes no card; a series of
different names, or one indexed symbol, is not such a list."""

from __future__ import annotations

import pytest

from clozepress.cards.indexed import is_indexed_list
from clozepress.config import Config

from .test_card_rules import fate, fronts


@pytest.mark.parametrize(
    "text",
    [
        "(X1, X2, X3)",
        "x_1, ..., x_n",
        "[BP7, BP6]",
        "a1, a2",
        "{W1, W2, W3}",
        "x_{i}, x_{j}",
        "(Xa, Xb)",
    ],
)
def test_one_symbol_with_several_indexes_is_an_indexed_list(text: str) -> None:
    assert is_indexed_list(text)


@pytest.mark.parametrize(
    "text",
    [
        "(S3, EC2)",  # different names: a series of things
        "x1",  # one indexed symbol
        "(X1, X1)",  # no second index
        "(X1, X2, X3",  # a bracket left open
        "(1x1)",
        "IPv4, IPv6 and more",
        "L1, L2 regularisation",
        # Words, not a symbol and its indexes: no name of one case, no index told apart.
        "IPv4, IPv6",
        "(kg, km)",
        "on, or",
    ],
)
def test_what_is_not_one_symbol_with_several_indexes_is_no_indexed_list(text: str) -> None:
    assert not is_indexed_list(text)


def test_the_indexes_of_an_example_make_no_card_the_line_still_does() -> None:
    line = "# D\n- `X` is the input vector `(X1, X2, X3)`, and the output is a `scalar`\n"
    found = fate(line, "(X1, X2, X3)")
    assert found.answer is None and found.rule == "indexed-list"
    assert "D || X is the input vector (X1, X2, X3), and the output is a [...]" in fronts(line)


def test_switched_off_the_indexes_are_asked_again() -> None:
    line = "# D\n- the input vector `(X1, X2, X3)` feeds the hidden layer\n"
    off = Config(disable_rules=("indexed-list",))
    assert fronts(line) == []
    assert fronts(line, off) == ["D || the input vector [...] feeds the hidden layer"]
