"""Any input parses to a document or fails with a clear ``path:line: error``; never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clozepress.errors import BuildError
from clozepress.form.model import Bullet, Document, Text, all_highlights, iter_nodes
from clozepress.read.parse import parse_file, parse_text


def parse_bytes(tmp_path: Path, data: bytes) -> Document:
    path = tmp_path / "notes.md"
    path.write_bytes(data)
    return parse_file(path, "notes.md")


def test_invalid_utf8_is_an_error_naming_line_and_byte(tmp_path: Path) -> None:
    with pytest.raises(BuildError) as caught:
        parse_bytes(tmp_path, b"# Title\n- fine\n- caf\xe9 au lait\n")
    assert str(caught.value) == "notes.md:3: error: not valid UTF-8 (byte 0xe9)"


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    document = parse_bytes(tmp_path, "\ufeff# Title\n- `x`\n".encode())
    assert [d.title for d in document.domains] == ["Title"]
    assert [h.line for h in all_highlights(document)] == [2]


@pytest.mark.parametrize("data", [b"# T\n- a\x00b\n", b"\x7fELF\x02\x01\x01\x00\x00\x00\n\n\x00"])
def test_nul_bytes_and_binaries_are_errors_with_a_line(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(BuildError, match=r"^notes\.md:\d+: error: ") as caught:
        parse_bytes(tmp_path, data)
    assert caught.value.line == data.count(b"\n", 0, data.index(b"\x00")) + 1


@pytest.mark.parametrize("text", ["", "   \n\n\t\n"])
def test_an_empty_file_has_no_domains_and_a_warning(text: str) -> None:
    document = parse_text(text, "empty.md")
    assert document.domains == ()
    assert [d.message for d in document.diagnostics] == ["the file is empty: no domains"]


def test_bullets_before_the_first_heading_go_into_a_domain_named_after_the_file() -> None:
    document = parse_text("- `early`\n\n# Real\n- later\n", "notes/my-file.md")
    assert [d.title for d in document.domains] == ["my-file", "Real"]
    assert document.diagnostics[0].line == 1
    assert "my-file" in document.diagnostics[0].message


def test_two_domains_with_one_title_get_distinct_ids_and_a_warning() -> None:
    document = parse_text("# Same\n- a\n# Same\n- b\n# Same\n- c\n", "n.md")
    assert [d.id for d in document.domains] == ["same", "same-2", "same-3"]
    assert [d.line for d in document.diagnostics] == [3, 5]


def test_forty_levels_of_nesting_parse() -> None:
    text = "# Deep\n" + "".join("    " * i + f"- level {i} `h{i}`\n" for i in range(40))
    document = parse_text(text, "deep.md")
    depth, node = 0, document.domains[0].children[0]
    while isinstance(node, Bullet):
        depth += 1
        node = node.children[0] if node.children else None  # type: ignore[assignment]
    assert len(all_highlights(document)) == 40
    # CommonMark turns a line indented 4+ columns past its parent's content into code;
    # every highlight still survives, whatever the depth.
    assert depth >= 2


# --- property-based --------------------------------------------------------------------------

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
ITEM = st.tuples(st.lists(WORD, min_size=1, max_size=4), st.booleans())


@st.composite
def outlines(draw: st.DrawFn) -> list[tuple[int, str]]:
    """A bullet outline: (depth, text) pairs, each depth at most one deeper than the previous."""
    items = draw(st.lists(ITEM, min_size=1, max_size=12))
    depth, out = 0, []
    for words, highlighted in items:
        depth = draw(st.integers(min_value=0, max_value=depth + 1)) if out else 0
        text = " ".join(words)
        out.append((depth, f"see `{text}` here" if highlighted else text))
    return out


def render(outline: list[tuple[int, str]], marker: str, indent: str, newline: str) -> str:
    lines = ["# Domain", "## Section"]
    width = {"-": 2, "*": 2, "+": 2}[marker]
    for depth, text in outline:
        if indent == "\t":
            prefix = "\t" * depth
        elif indent == "compact":
            prefix = " " * (width * depth)  # each level indented to its parent's text
        else:
            prefix = indent * depth
        lines.append(f"{prefix}{marker} {text}")
    return newline.join(lines) + newline


@settings(max_examples=150, deadline=None)
@given(
    outline=outlines(),
    marker=st.sampled_from(["*", "+"]),
    indent=st.sampled_from(["\t", "compact", "   "]),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_other_bullet_styles_give_the_same_tree(
    outline: list[tuple[int, str]], marker: str, indent: str, newline: str
) -> None:
    canonical = parse_text(render(outline, "-", "    ", "\n"), "n.md")
    variant = parse_text(render(outline, marker, indent, newline), "n.md")
    assert variant.domains == canonical.domains


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\0"), max_size=400))
def test_arbitrary_text_parses_or_fails_cleanly(text: str) -> None:
    try:
        document = parse_text(text, "fuzz.md")
    except BuildError:
        return
    assert isinstance(document, Document)
    for node in iter_nodes(document):
        if isinstance(node, Text):
            assert isinstance(node.text, str)


MARKDOWNISH = st.text(alphabet="# -*+>|`![]()\n\t 1.abc中", max_size=300)


@settings(max_examples=300, deadline=None)
@given(MARKDOWNISH)
def test_markdown_shaped_noise_keeps_every_backtick_span(text: str) -> None:
    document = parse_text(text, "fuzz.md")
    for highlight in all_highlights(document):
        assert 1 <= highlight.line <= text.count("\n") + 1
