"""The Markdown that other authors' notes use reads right (issue 14, point 5): definition lists,
footnotes, callouts and <details> blocks, in the form and on the sheet."""

from __future__ import annotations

from pathlib import Path

from clozepress.form.model import Bullet, Paragraph, Strong, all_highlights, plain_text
from clozepress.read.parse import parse_text
from clozepress.sheets.sheet_html import ImagePolicy, domain_html

NOTES = """# Extras
**Term**
:   its `definition`

Other term
:   first
:   second, with a note[^n]

> [!NOTE]
> a callout with `mark`

<details>
<summary>Click here</summary>
hidden `answer`
</details>

# Next
- b

[^n]: the footnote `text`
"""


def test_a_definition_list_is_a_bold_term_with_its_definitions_under_it() -> None:
    domain = parse_text(NOTES, "n.md").domains[0]
    terms = [c for c in domain.children if isinstance(c, Bullet)]
    assert [plain_text(t.spans) for t in terms] == ["Term", "Other term"]
    assert all(isinstance(t.spans[0], Strong) for t in terms)
    assert [plain_text(d.spans) for d in terms[1].children if isinstance(d, Paragraph)] == [
        "first",
        "second, with a note[n]",
    ]
    assert [(h.text, h.line) for h in all_highlights(terms[0])] == [("definition", 3)]


def test_a_footnote_goes_to_the_domain_it_is_written_in_with_its_label() -> None:
    document = parse_text(NOTES, "n.md")
    last = document.domains[1].children[-1]
    assert isinstance(last, Paragraph)
    assert plain_text(last.spans) == "[n] the footnote text"
    assert [(h.text, h.line) for h in all_highlights(last)] == [("text", 20)]
    # Footnotes written at the end of the file but referenced earlier stay where written.
    text = NOTES.replace("[^n]: the footnote `text`\n", "") + "\n"
    text = text.replace("# Next", "[^n]: the footnote `text`\n\n# Next")
    document = parse_text(text, "n.md")
    assert plain_text(document.domains[0].children[-1].spans) == "[n] the footnote text"  # type: ignore[union-attr]


def test_a_callout_marker_becomes_its_word() -> None:
    domain = parse_text(NOTES, "n.md").domains[0]
    quote = next(c for c in domain.children if type(c).__name__ == "Quote")
    first = quote.children[0]  # type: ignore[union-attr]
    assert plain_text(first.spans) == "Note: a callout with mark"
    assert isinstance(first.spans[0], Strong)


def test_details_blocks_read_as_plain_text_on_the_sheet() -> None:
    document = parse_text(NOTES, "n.md")
    html = domain_html(document, document.domains[0], ImagePolicy(Path("."), False)).html
    assert "details" not in html and "summary" not in html
    assert "Click here" in html and '<strong class="hl">answer</strong>' in html
    assert "&lt;" not in html  # no tag is left, escaped or not
