"""Markup that CommonMark leaves as text reads right in the form, on cards and on sheets (issues 13
and 14): raw HTML tags, pandoc's ^sup^, ~sub~, ^[inline notes] and grid tables, and Unicode in
its composed form."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from clozepress.form.model import (
    Emphasis,
    FootnoteRef,
    LineBreak,
    Note,
    Paragraph,
    Strike,
    Strong,
    Subscript,
    Superscript,
    Table,
    Text,
    all_highlights,
    dumps,
    loads,
    plain_text,
)
from clozepress.read.parse import parse_text
from clozepress.sheets.sheet_html import ImagePolicy, domain_html

from .deck_support import Anki, build, project_with, visible


def blocks(notes: str) -> list[object]:
    return list(parse_text(notes, "n.md").domains[0].children)


def paragraph(notes: str) -> Paragraph:
    (first, *_) = blocks(notes)
    assert isinstance(first, Paragraph)
    return first


# ---------------------------------------------------------------------------------------------
# Raw HTML


def test_known_tags_become_typed_formatting_with_their_lines() -> None:
    para = paragraph("# D\n\na <b>bold</b> <i>it</i>\nand <code>f()</code><br>next <sup>2</sup>\n")
    kinds = [type(span) for span in para.spans]
    assert Strong in kinds and Emphasis in kinds and LineBreak in kinds and Superscript in kinds
    # <code> is the author's backtick where backticks do not render: a highlight, on its line.
    assert [(h.text, h.line) for h in all_highlights(para)] == [("f()", 4)]
    assert "<" not in plain_text(para.spans)


def test_other_tags_go_and_leave_their_text() -> None:
    notes = (
        "# D\n\n<details>\n    <summary>\n        <code>Py_X()</code>와 <kbd>Ctrl</kbd>\n"
        "    </summary>\n<br>\n"
    )
    para = paragraph(notes)
    assert " ".join(plain_text(para.spans).split()) == "Py_X()와 Ctrl"
    assert [(h.text, h.line) for h in all_highlights(para)] == [("Py_X()", 5)]
    assert not isinstance(para.spans[-1], LineBreak)  # a break at the edge is dropped


def test_a_paragraph_of_tags_only_is_no_paragraph() -> None:
    assert blocks("# D\n\n</br>\n\n<hr>\n</details>\n\ntext\n") == [Paragraph(8, (Text("text"),))]


def test_escaped_tags_and_words_in_angle_brackets_stay_text() -> None:
    para = paragraph("# D\n\n\\<b>x &lt;i&gt; List<String> `<code>`\n")
    assert plain_text(para.spans) == "<b>x <i> List<String> <code>"
    assert [h.text for h in all_highlights(para)] == ["<code>"]


# ---------------------------------------------------------------------------------------------
# Pandoc inline markup


def test_superscript_subscript_and_strikethrough() -> None:
    para = paragraph("# D\n\nNa^+^ T~3~ D~**2**,3~ ~~old~~ a^b c^ x~y z~\n")
    spans = para.spans
    assert Superscript((Text("+"),)) in spans and Subscript((Text("3"),)) in spans
    assert Subscript((Strong((Text("2"),)), Text(",3"))) in spans
    assert Strike((Text("old"),)) in spans  # '~~' is never two subscript marks
    # With a space inside, pandoc reads no superscript or subscript: the text stays.
    assert plain_text(spans).endswith("a^b c^ x~y z~")


def test_an_inline_note_stays_in_place_with_its_highlights_lines() -> None:
    para = paragraph("# D\n\nfirst line\nsecond^[a note\nwith `hl`] end\n")
    note = next(span for span in para.spans if isinstance(span, Note))
    assert plain_text(note.children) == "a note with hl"
    assert [(h.text, h.line) for h in all_highlights(para)] == [("hl", 5)]
    assert plain_text(para.spans) == "first line second (a note with hl) end"
    # A note that held only an image leaves no empty "()" behind; the image is kept.
    found = blocks("# D\n\nsee^[![](x.png)] here\n")
    assert plain_text(found[0].spans) == "see here"  # type: ignore[attr-defined]
    assert type(found[1]).__name__ == "Image"


# ---------------------------------------------------------------------------------------------
# Grid tables

GRID = """# D

+-----------+------------------+
| Head      | Other            |
+===========+==================+
| `one`     | runs on over     |
|           | many lines `two` |
+-----------+------------------+
| plain     | * item           |
|           | * `listed`       |
+-----------+------------------+
"""


def test_a_grid_table_is_a_table_with_the_notes_lines() -> None:
    (table,) = blocks(GRID)
    assert isinstance(table, Table)
    assert [plain_text(c.spans) for c in table.header] == ["Head", "Other"]
    assert [row.line for row in table.rows] == [6, 9]
    assert [plain_text(c.spans) for c in table.rows[0].cells] == [
        "one",
        "runs on over many lines two",
    ]
    assert [(h.text, h.line) for h in all_highlights(table)] == [
        ("one", 6),
        ("two", 7),
        ("listed", 10),
    ]
    # A list in a cell: its items on lines of their own, behind a bullet.
    item_cell = table.rows[1].cells[1].spans
    assert LineBreak() in item_cell and plain_text(item_cell) == "• item • listed"


def test_a_grid_table_without_a_header_line_has_an_empty_header() -> None:
    (table,) = blocks("# D\n\n+---+---+\n| a | b |\n+---+---+\n")
    assert isinstance(table, Table)
    assert [c.spans for c in table.header] == [(), ()]
    assert [plain_text(c.spans) for c in table.rows[0].cells] == ["a", "b"]


def test_an_unclosed_grid_is_not_a_table() -> None:
    (para,) = blocks("# D\n\n+---+---+\n| a | b |\n")
    assert isinstance(para, Paragraph)


# ---------------------------------------------------------------------------------------------
# Unicode


def test_text_is_read_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "한국어 `가비지` café")
    para = paragraph(f"# D\n\n{decomposed}\n")
    assert plain_text(para.spans) == "한국어 가비지 café"
    assert all(not "\u1100" <= ch <= "\u11ff" for ch in plain_text(para.spans))


# ---------------------------------------------------------------------------------------------
# On the sheet and on cards

SHEET = f"""{GRID}
Na^+^ and <b>bold</b> with a note^[the `note`] and<br>a break.
"""


def test_the_sheet_html_sets_the_markup_and_no_source_markup() -> None:
    document = parse_text(SHEET, "n.md")
    html = domain_html(document, document.domains[0], ImagePolicy(Path("."), False)).html
    assert "<table>" in html and "<th>Head</th>" in html
    assert "<sup>+</sup>" in html and "<b>bold</b>" in html and "<br>" in html
    assert '<span class="note"> (the <strong class="hl">note</strong>)</span>' in html
    for markup in ("+---", "| ", "^", "&lt;b&gt;", "&lt;br&gt;"):
        assert markup not in html, markup


def test_cards_show_table_rows_and_no_source_markup(tmp_path: Path) -> None:
    project, path = project_with(tmp_path, SHEET + "\nCa^++^ and T~3~ hold `calcium`.\n")
    result = build(project, path)
    anki = Anki(tmp_path / "anki")
    try:
        anki.import_(result.path)
        cards = {c.source.rsplit(":", 1)[1]: c for c in anki.cards()}
    finally:
        anki.close()
    # A row of the grid is a table card: its cells, the header naming them.
    row = visible(cards["6"].question)
    assert "Other: runs on over many lines" in row
    for card in cards.values():
        text = visible(card.question) + visible(card.answer)
        for markup in ("+---", "|", "^", "~", "<b>", "<br>"):
            assert markup not in text, (markup, text)
    assert "Ca⁺⁺ and T₃ hold" in visible(cards["15"].answer)


# ---------------------------------------------------------------------------------------------
# Pandoc's divs and spans


def test_fenced_div_lines_and_span_attributes_are_not_text() -> None:
    notes = (
        "# D\n\n:::{.callout}\ninside `hl` and [under]{.underline} and [a link](http://x)\n:::\n\n"
        "before\n::::{layout-ncol=2 #fig}\nafter\n::::\n"
    )
    found = blocks(notes)
    assert [(b.line, plain_text(b.spans)) for b in found if isinstance(b, Paragraph)] == [
        (4, "inside hl and under and a link"),
        (7, "before"),
        (9, "after"),
    ]
    assert [(h.text, h.line) for b in found for h in all_highlights(b)] == [("hl", 4)]
    # An image's or link's attributes go too; braces that are no attribute block stay text.
    para = paragraph("# D\n\n![](x.png){.wide} [l](http://x){#a} {.b} [s]{y} []{#eq}\n")
    assert plain_text(para.spans) == "l {.b} [s]{y}"


def test_a_footnote_reference_in_a_table_cell_is_a_reference() -> None:
    notes = "# D\n\n+---+-------+\n| a | b[^n] |\n+---+-------+\n\n[^n]: the note\n"
    table = next(b for b in blocks(notes) if isinstance(b, Table))
    assert table.rows[0].cells[1].spans == (Text("b"), FootnoteRef("n"))
    assert plain_text(table.rows[0].cells[1].spans) == "b[n]"


FOOTNOTED = (
    "# D\n\nThe drug blocks `dopamine` receptors[^1] in the brain.\n\n[^1]: see the review\n"
)


def test_a_footnote_reference_is_a_node_that_survives_the_build_json() -> None:
    document = parse_text(FOOTNOTED, "n.md")
    para = document.domains[0].children[0]
    assert isinstance(para, Paragraph)
    assert FootnoteRef("1") in para.spans
    assert not any(isinstance(s, Text) and "[1]" in s.text for s in para.spans)
    assert loads(dumps(document)) == document


def test_a_card_leaves_out_a_footnote_marker_the_sheet_keeps(tmp_path: Path) -> None:
    # The card holds no footnotes, so its "[1]" would point at nothing; the sheet prints the
    # definition "[1] see the review" at the end of the domain, so there the marker is kept.
    document = parse_text(FOOTNOTED, "n.md")
    html = domain_html(document, document.domains[0], ImagePolicy(Path("."), False)).html
    assert "receptors[1] in the brain" in html and "[1] see the review" in html
    project, path = project_with(tmp_path, FOOTNOTED)
    anki = Anki(tmp_path / "anki")
    try:
        anki.import_(build(project, path).path)
        (card,) = list(anki.cards())
    finally:
        anki.close()
    assert "receptors in the brain" in visible(card.question)
    assert "[1]" not in visible(card.question) + visible(card.answer)


# ---------------------------------------------------------------------------------------------
# Sheet typography


def sheet_html(notes: str) -> str:
    document = parse_text(notes, "n.md")
    return domain_html(document, document.domains[0], ImagePolicy(Path("."), False)).html


def test_sheet_text_breaks_only_where_a_reader_expects() -> None:
    html = sheet_html(
        "# D\n\nsoft\nbreak, 4--5 and one---two -- three, a\u00a0`glued`\u00a0word, `a--b`\n\n"
        "가비지 `gc_refs`를 컬렉션\n"
    )
    assert "soft break, 4\u20135 and one\u2014two \u2013 three, a " in html  # soft break: space
    assert "\u00a0" not in html and ">a--b<" in html  # a highlight's dashes are code
    # Korean words hold together (word joiners), also across a highlight and its particle.
    assert "가\u2060비\u2060지 " in html and "</strong>\u2060를 컬\u2060렉\u2060션" in html


def test_long_code_lines_hang_with_a_continuation_mark() -> None:
    html = sheet_html("# D\n\n```\nshort\n    " + "x = 1; " * 8 + "\n```\n")
    assert '<span class="cl">short</span>' in html
    assert 'class="cl w" style="padding-left:6ch;text-indent:-6ch;--cl-mark:4.5ch">' in html


def test_heading_levels_are_ranked_within_the_domain() -> None:
    html = sheet_html("# D\n\n#### First\n\ntext\n\n###### Deeper\n\nmore\n\n#### Second\n\n# E\n")
    assert "<h2>First</h2>" in html and "<h3>Deeper</h3>" in html and "<h2>Second</h2>" in html


def test_a_korean_word_counts_whole_in_a_table_width() -> None:
    # The sheet never breaks inside a Korean word, so a table is at least that word wide.
    word = "가비지컬렉션레퍼런스카운팅" * 2
    html = sheet_html(f"# D\n\n| a | b |\n|---|---|\n| {word} | x |\n")
    width = int(html.split('class="table full w')[1].split('"')[0])
    assert width >= len(word)


def test_a_comment_is_nothing_but_a_learners_marker_is_read() -> None:
    found = blocks("# D\n\n- a <!-- hidden\nnote --> b `x` <!-- cloze:skip -->\n\n<!-- only -->\n")
    (bullet,) = found
    assert " ".join(plain_text(bullet.spans).split()) == "a b x"  # type: ignore[attr-defined]
    assert bullet.marks == ("skip",)  # type: ignore[attr-defined]
