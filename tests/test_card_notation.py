"""Notation read off its card (``cards/notation.py``): a one-letter symbol asked beside the
word its letter opens, or a prefixed symbol asked beside the symbol it is put on, is answered
by reading the card, and makes no card; a symbol the card does not spell is still asked."""

from __future__ import annotations

from clozepress.config import Config

from .test_card_rules import fate, fronts, run

OFF = Config(disable_rules=("initial-symbol", "prefixed-symbol", "paired-letter", "shown-symbol"))


def test_a_symbol_beside_the_word_its_letter_opens_is_no_card() -> None:
    markdown = "# D\n- `w[l]` weights is used for `z[l]`\n"
    found = fate(markdown, "w[l]")
    assert found.answer is None and found.rule == "initial-symbol"
    # The line's other symbol is no initial of a word beside it: still asked.
    assert fate(markdown, "z[l]").answer == "z[l]"
    assert fate(markdown, "w[l]", OFF).answer == "w[l]"


def test_a_word_before_the_symbol_spells_it_too() -> None:
    markdown = "# D\n- the learning rate `r` is tuned on a held-out set of `examples`\n"
    found = fate(markdown, "r")
    assert found.answer is None and found.rule == "initial-symbol"
    assert fate(markdown, "r", OFF).answer == "r"


def test_a_symbol_whose_letter_no_word_beside_it_opens_is_asked() -> None:
    markdown = "# D\n- `W1` is the matrix of the first hidden layer and feeds `z1`\n"
    assert fate(markdown, "W1").answer == "W1"


def test_a_prefixed_symbol_beside_the_symbol_it_is_put_on_is_no_card() -> None:
    markdown = "# D\n- `dw` has the same shape as `W`, while `db` is the same shape as `b`\n"
    for symbol in ("dw", "db"):
        found = fate(markdown, symbol)
        assert found.answer is None and found.rule == "prefixed-symbol"
    assert fate(markdown, "dw", OFF).answer == "dw"


def test_a_prefixed_symbol_whose_symbol_the_card_does_not_show_is_asked() -> None:
    markdown = "# D\n- `dw` has the same shape as the weights, while `db` matches the `bias`\n"
    assert fate(markdown, "dw").answer == "dw"


def test_a_prefixed_symbol_its_line_defines_is_asked() -> None:
    markdown = (
        "# D\n- The update repeats: `w = w - alpha * dw`\n"
        "  where alpha is the rate and `dw` is the derivative of `w`\n"
    )
    assert fate(markdown, "dw").answer == "dw"
    assert any("w = [...]" in front for front in fronts(markdown))
    assert fate("# D\n- `dw` is the derivative of the loss by `W`\n", "dw").answer == "dw"


def test_a_number_after_a_letter_is_an_index_only_in_a_family_of_them() -> None:
    # ``S3`` alone is a name, not the letter S indexed: "stores" does not spell it.
    assert fate("# D\n- `S3` stores `objects`\n", "S3").answer == "S3"
    family = "# D\n- the shapes `W1` and `W2`\n- `W1` weights are the first layer's parameters\n"
    found = next(f for f in run(family).fates if f.line == 3)
    assert found.answer is None and found.rule == "initial-symbol"
    assert next(f for f in run(family, OFF).fates if f.line == 3).answer == "W1"


def test_the_other_letter_of_a_pair_in_a_clause_of_the_same_words_is_no_card() -> None:
    markdown = "# D\n- `u` is the input signal, and `v` is the output signal of the `filter`\n"
    found = fate(markdown, "v")
    assert found.answer is None and found.rule == "paired-letter"
    assert fate(markdown, "v", OFF).answer == "v"


def test_a_neighbour_letter_in_other_words_is_no_pair() -> None:
    # "of w" beside "x0 = 1": the index is the fact, and no clause says the same of both.
    markdown = "# D\n- While b is `w0` of w, `x0` is one more input of the layer\n"
    assert fate(markdown, "w0").answer == "w0"


SHAPES = (
    "# D\n- Dimensions:\n  - Dimension of `W` is `(n[l],n[l-1])`\n"
    "  - Dimension of `b` is `(n[l],1)`\n"
    "  - `dw` has the same shape as `W`, while `db` is the same shape as `b`\n"
)


def test_a_letter_its_card_shows_again_as_a_highlight_is_no_card_its_line_keeps_one() -> None:
    asked = [f for f in run(SHAPES).fates if f.line == 4]
    by_text = {f.highlight: f for f in asked}
    assert by_text["b"].answer is None and by_text["b"].rule == "shown-symbol"
    # The line's fact, the shape, is still asked.
    assert by_text["(n[l],1)"].answer == "(n[l],1)"
    off = {f.highlight: f for f in run(SHAPES, OFF).fates if f.line == 4}
    assert off["b"].answer == "b"


def test_a_letter_shown_as_a_word_not_a_highlight_is_asked() -> None:
    plain = SHAPES.replace("`db` is the same shape as `b`", "`db` is the same shape as b")
    found = {f.highlight: f for f in run(plain).fates if f.line == 4}
    assert found["b"].answer == "b"
