"""Cards asking several answers at once, and one answer asked twice: ``cards/oneanswer.py``
(a card asks at most two different answers) and ``cards/twice.py`` (two cards of one line never
ask the same answer)."""

from __future__ import annotations

import re

from clozepress.cards import plan
from clozepress.cards.html import CLOZE
from clozepress.config import Config
from clozepress.read.parse import parse_text

_PAD = "with many more words in it to make the whole paragraph long enough to be cut"
#: One paragraph, cut into its sentences: each a note of its own, on one line of the notes.
TWICE = (
    f"# D\nThe `gc` module of the runtime lets a program control the collector by hand, {_PAD}."
    f" `gc` also finds the reference cycles that counting alone never frees, {_PAD}.\n\n"
    f"The log level is one of `TRACE`, `DEBUG`, `INFO` or `ERROR` for the tool, {_PAD}."
    f" `TRACE` is the most verbose of them and the default when it is not a level name, {_PAD}.\n"
)


def _asked(markdown: str, config: Config | None = None) -> list[tuple[int, set[str]]]:
    """Per card: the line of its note and the answers it asks (not echoes, not withheld)."""
    out = []
    for note in plan(parse_text(markdown, "n.md"), config or Config()).notes:
        cards: dict[int, set[str]] = {}
        for found in CLOZE.finditer(note.text):
            if not found.group(3):
                cards.setdefault(int(found.group(1)), set()).add(found.group(2))
        out += [(note.line, answers) for _, answers in sorted(cards.items())]
    return out


def test_two_cards_of_one_line_never_ask_the_same_answer():
    asked = _asked(TWICE)
    assert [a for _, a in asked] == [{"gc"}, {"DEBUG"}, {"INFO"}, {"ERROR"}, {"TRACE"}]
    fates = plan(parse_text(TWICE, "n.md"), Config()).fates
    # The second `gc` sentence is the duplicate; the `TRACE` of the series is (any item fits
    # a series' blank), and the sentence saying something of it alone keeps its card.
    assert [(f.highlight, f.rule) for f in fates if f.answer is None] == [
        ("gc", "asked-twice"),
        ("TRACE", "asked-twice"),
    ]
    assert [f.rule for f in fates if f.highlight == "TRACE" and f.answer] == ["name"]
    # Each highlight text of the line still has a card that asks it.
    assert {"gc", "TRACE"} <= {a for _, answers in asked for a in answers}
    off = _asked(TWICE, Config(disable_rules=("asked-twice",)))
    assert [a for _, a in off].count({"gc"}) == 2
    assert [a for _, a in off].count({"TRACE"}) == 2


def test_cards_of_different_lines_asking_one_answer_stay():
    markdown = "# D\n## E\n- `collect()` runs the detection\n- `collect()` also merges the young\n"
    assert [a for _, a in _asked(markdown)] == [{"collect()"}, {"collect()"}]


def test_a_split_card_keeps_one_card_for_each_answer_it_asked():
    # Three levels joined by "or" with a fourth read off one of them: every different answer is
    # asked by some card, none by more than one, and no card asks more than two.
    markdown = "# D\n- levels: `TRACE`, `DEBUG` or `INFO`; by default `TRACE level`\n"
    asked = [a for _, a in _asked(markdown)]
    assert all(len(a) <= 2 for a in asked)
    every = [x for a in asked for x in a]
    assert sorted(every) == sorted(set(every)) == ["DEBUG", "INFO", "TRACE", "TRACE level"]


def test_with_one_card_a_line_nothing_is_split():
    markdown = "# D\n- levels: `TRACE`, `DEBUG` or `INFO`; by default `TRACE level`\n"
    (note,) = plan(parse_text(markdown, "n.md"), Config(cloze="unit")).notes
    assert set(re.findall(r"\{\{c(\d+)::", note.text)) == {"1"}
