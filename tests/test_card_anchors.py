"""A note written inside a line is named on the back by the words it annotates."""

from __future__ import annotations

from clozepress.cards import plan
from clozepress.cards.anchors import anchor_of
from clozepress.cards.model import Plan
from clozepress.cards.sample import to_text
from clozepress.config import Config
from clozepress.read.parse import parse_text

#: Two items of one line, each with a note: a mechanism after the first, a remark after the last.
LINE = (
    "# D\n- e.g. `alpha` (pump blocker^[it raises the inner sodium]), `beta` (a diuretic), "
    "gamma^[they block the proton pump]\n"
)


def run(markdown: str, config: Config | None = None) -> Plan:
    return plan(parse_text(markdown, "n.md"), config or Config())


def test_each_note_on_the_back_is_named_by_the_words_it_follows() -> None:
    (note,) = run(LINE).notes
    back = to_text(note.extra)
    assert "alpha (pump blocker): it raises the inner sodium" in back
    assert "gamma: they block the proton pump" in back
    # The line's text is whole: both notes stay on the back, each once, in the line's order.
    assert back.index("alpha (pump blocker)") < back.index("gamma:")
    assert back.count("proton pump") == 1 and back.count("inner sodium") == 1


def test_without_the_rule_the_notes_stand_on_the_back_unnamed() -> None:
    (note,) = run(LINE, Config(disable_rules=("note-anchor",))).notes
    back = to_text(note.extra)
    assert "(it raises the inner sodium) (they block the proton pump)" in back


def test_a_note_on_the_whole_line_needs_no_name() -> None:
    (note,) = run("# D\n- `alpha` blocks the pump^[a remark on the line]\n").notes
    assert to_text(note.extra).strip(" -•") == "(a remark on the line)"


def test_an_anchor_stops_where_its_item_starts_and_closes_its_brackets() -> None:
    text = "Es: alpha (pump blocker (slow) one"
    assert anchor_of(text, len(text)) == "alpha (pump blocker (slow) one)"
    # Long, its own bracketed list gives way first; longer still, its last words stay.
    long = "x, inhibitors (a, b, c) of enzymes that break it down"
    assert anchor_of(long, len(long)) == "inhibitors (…) of enzymes that break it down"
    longer = "x: the many inhibitors (a, b) of the enzymes that break down the one transmitter"
    assert anchor_of(longer, len(longer)) == "… the enzymes that break down the one transmitter"


def test_an_anchor_in_an_unspaced_script_stops_at_its_full_width_separator() -> None:
    text = "薬物A（作用B）、薬物C（作用"
    # Its own item, its full-width bracket closed, and no ellipsis: nothing was cut.
    assert anchor_of(text, len(text)) == "薬物C（作用）"
    short = "薬物A（作用B）、薬物C"
    assert anchor_of(short, len(short)) == "薬物C"
