"""The card policy's mechanics, notes in, notes out: numbering, escaping, context, skipped
highlights. Pinned under ``cloze_policy = "all"`` (every optional rule off: every highlight a
card, the unit as the notes have it); the rules are pinned in tests/test_card_rules.py."""

from __future__ import annotations

import re

from clozepress.cards import escape_cloze, plan, units
from clozepress.config import Config
from clozepress.read.parse import parse_text

EACH = Config(cloze_policy="all")
ONE_PER_UNIT = Config(cloze="unit", cloze_policy="all")


def notes(markdown: str, config: Config = EACH):  # type: ignore[no-untyped-def]
    return plan(parse_text(markdown, "n.md"), config)


def clozes(text: str) -> list[tuple[str, str]]:
    return re.findall(r"\{\{c(\d+)::(.*?)\}\}", text)


def test_each_highlight_gets_its_own_cloze_number():
    (note,) = notes("# D\n- `S3` stores `objects` in `buckets`\n").notes
    assert clozes(note.text) == [("1", "S3"), ("2", "objects"), ("3", "buckets")]
    assert note.cards == 3


def test_cloze_unit_setting_makes_one_card_per_unit():
    (note,) = notes("# D\n- `S3` stores `objects` in `buckets`\n", ONE_PER_UNIT).notes
    assert [n for n, _ in clozes(note.text)] == ["1", "1", "1"]
    assert note.cards == 1


def test_units_are_lines_headings_and_table_rows_with_highlights():
    document = parse_text(
        "# D `x`\n## S `y`\n- plain bullet\n- bullet `b`\n\npara `p`\n\n> quote `q`\n\n"
        "| h1 | h2 |\n|---|---|\n| `r` | 1 |\n| none | 2 |\n",
        "n.md",
    )
    assert [(u.kind, u.line) for u in units(document)] == [
        ("heading", 1),
        ("heading", 2),
        ("line", 4),
        ("line", 6),
        ("line", 8),
        ("row", 12),
    ]


def test_text_is_html_escaped_before_cloze_markup():
    # A tag the author wrote is read (its text stays, the tag goes); an escaped one, and one
    # inside a highlight, are text: escaped, never live.
    (note,) = notes("# D\n- <b>bold</b> & \\<b>x `<i>`\n").notes
    assert note.text == "bold &amp; &lt;b&gt;x {{c1::&lt;i&gt;}}"


def test_double_colon_in_a_highlight_cannot_start_a_hint():
    (note,) = notes("# D\n- `AWS::S3` bucket\n").notes
    assert note.text == "{{c1::AWS&#58;&#58;S3}} bucket"
    assert note.key == "AWS::S3 bucket"


def test_braces_in_a_highlight_cannot_close_or_open_a_cloze():
    (note,) = notes("# D\n- `a}}b` and `{{c1::x}}` and `{{y`\n").notes
    assert clozes(note.text) == [
        ("1", "a&#125;&#125;b"),
        ("2", "&#123;&#123;c1&#58;&#58;x&#125;&#125;"),
        ("3", "&#123;&#123;y"),
    ]


def test_braces_outside_highlights_cannot_make_a_cloze_either():
    (note,) = notes("# D\n- literal {{c9::oops}} then `real`\n").notes
    assert clozes(note.text) == [("1", "real")]


def test_highlight_edges_are_trimmed():
    (note,) = notes("# D\n- say `  hi  `\n").notes
    assert note.text == "say {{c1::hi}}"
    assert note.highlights == ("hi",)


def test_empty_highlight_is_skipped_with_a_warning_on_its_line():
    result = notes("# D\n\n\n\n\n\n- ` ` and `kept`\n")
    assert clozes(result.notes[0].text) == [("1", "kept")]
    assert [str(w) for w in result.diagnostics] == [
        "n.md:7: warning: highlight skipped: an empty highlight has nothing to hide"
    ]


def test_a_unit_whose_only_highlight_is_empty_makes_no_note():
    result = notes("# D\n- only ` `\n")
    assert result.notes == ()
    assert len(result.diagnostics) == 1


def test_context_is_domain_sections_and_parent_bullets():
    (note,) = notes("# EC2\n## Spot\n- options `two`\n    - lowest: `cheapest` pool\n").notes[1:]
    assert note.context_key == "EC2 › Spot › options two"
    assert "options two" in note.context
    assert note.source == "n.md:4"
    assert note.sections == ("Spot",)


def test_child_bullets_are_the_extra_one_level_deep():
    first = notes("# D\n- parent `p`\n    - child one\n        - grandchild\n    - child two\n")
    extra = first.notes[0].extra
    assert "child one" in extra and "child two" in extra
    assert "grandchild" not in extra


def test_a_table_row_reads_as_its_cells():
    (note,) = notes("# D\n| engine | threads |\n|---|---|\n| Redis | `single` |\n").notes
    assert note.text == "engine | threads<br>Redis | {{c1::single}}"
    assert note.key == "Redis | single"


def test_links_are_text_on_a_card():
    (note,) = notes("# D\n- [click](javascript:alert(1)) `x` [ok](https://a.example)\n").notes
    assert note.text == "click {{c1::x}} ok"


def test_an_image_belongs_to_the_unit_above_it():
    result = notes("# D\n- line `a`\n\n![diagram](d.png)\n")
    assert [image.src for image in result.notes[0].images] == ["d.png"]


def test_escape_cloze_leaves_nothing_anki_reads_as_syntax():
    for nasty in ("::", "}}", "{{", "{{c1::", "a::b}}c"):
        escaped = escape_cloze(nasty)
        assert ":" not in escaped.replace("&#58;", "")
        assert "{" not in escaped and "}" not in escaped


def test_a_header_row_with_highlights_is_a_unit_too():
    document = parse_text("# D\n| `key` | v |\n|---|---|\n| a | b |\n", "n.md")
    (unit,) = units(document)
    assert unit.kind == "row" and unit.header == () and unit.text == "key | v"
