"""What the parse must give on the user's own notes (issue: foundation, point 5)."""

from __future__ import annotations

from functools import cache

from clozepress.form.model import (
    Bullet,
    Document,
    Image,
    Section,
    Table,
    all_highlights,
    iter_nodes,
    plain_text,
)
from clozepress.read.parse import parse_text

from .conftest import NOTES

SOURCE_LINES = NOTES.read_text(encoding="utf-8").split("\n")


@cache
def notes() -> Document:
    # The Markdown parse alone: parse_file would also apply source/corrections.toml, and what
    # is checked here is that the parse keeps the notes' words as written.
    return parse_text(NOTES.read_text(encoding="utf-8"), "source/aws-saa.md")


def section(title: str) -> Section:
    found = [n for n in iter_nodes(notes()) if isinstance(n, Section) and n.title == title]
    assert len(found) == 1, f"{title!r} found {len(found)} times"
    return found[0]


def warnings_on(line: int) -> list[str]:
    return [d.message for d in notes().diagnostics if d.line == line and d.severity == "warning"]


def test_26_domains_in_source_order() -> None:
    titles = [d.title for d in notes().domains]
    assert len(titles) == 26
    assert titles[0] == "EC2"
    assert titles[-1] == "Misc services"
    heading_lines = [i + 1 for i, ln in enumerate(SOURCE_LINES) if ln.startswith("# ")]
    assert [d.line for d in notes().domains] == heading_lines
    assert titles == [SOURCE_LINES[n - 1][2:].strip() for n in heading_lines]


def test_every_highlight_once_none_invented() -> None:
    highlights = all_highlights(notes())
    assert len(highlights) == 1675
    # Each one stands on its own source line, opening backtick first.
    for h in highlights:
        first_word = h.text.split(" ")[0]
        assert "`" in SOURCE_LINES[h.line - 1], h
        assert first_word in SOURCE_LINES[h.line - 1], h


def test_highlight_wrapping_onto_next_line_is_one_highlight() -> None:
    by_line = {h.line: h.text for h in all_highlights(notes()) if h.line in (2957, 2977)}
    assert by_line[2957] == "thousands of VPC/ on-premises"
    assert by_line[2977] == "replicate and inspect network traffic"
    assert not any(h.line in (2958, 2978) for h in all_highlights(notes()))


def test_stray_backticks_stay_literal_with_a_warning() -> None:
    assert section("Pattern: SQS as a buffer to database writes`").line == 1696
    bastion = section("Bastion Hosts proxy traffic/ ssh into private subnet`")
    assert all_highlights(bastion)[0].text == "Bastion Hosts"
    for line in (1696, 2780):
        assert any("unmatched backtick" in m for m in warnings_on(line))


def test_indented_bullets_under_vpn_cloudhub_are_recovered_as_bullets() -> None:
    cloudhub = section("AWS VPN CloudHub")
    bullets = [n for n in iter_nodes(cloudhub) if isinstance(n, Bullet)]
    assert [b.line for b in bullets] == [2910, 2911, 2912, 2913]
    assert [h.text for h in all_highlights(cloudhub)] == [
        "multiple Customer Networks",
        "Virtual Private Gateway (VGW)",
        "connect multiple VPN connections on the same VGW",
    ]
    assert any("read as bullets" in m for m in warnings_on(2910))


def test_table_with_short_delimiter_row_is_kept_as_table() -> None:
    tables = [n for n in iter_nodes(section("Locks")) if isinstance(n, Table)]
    assert len(tables) == 1
    table = tables[0]
    assert [plain_text(c.spans) for c in table.header] == ["Compliance", "Governance", "Legal Hold"]
    assert len(table.rows) == 4
    assert plain_text(table.rows[0].cells[0].spans) == "Strict"
    assert warnings_on(1100) or warnings_on(1101)


def test_table_cell_breaking_over_lines_is_one_cell() -> None:
    tables = [n for n in iter_nodes(section("Lambda at CloudFront Edge")) if isinstance(n, Table)]
    table = tables[0]
    last = table.rows[-1]
    assert last.line == 2046
    assert len(table.rows) == 7
    assert plain_text(last.cells[2].spans) == (
        "code depends on a 3rd libraries; Memory/Computation requirement; require Network "
        "access to use external services;  Require access to the body of HTTP requests"
    )
    assert any("breaks over 4 lines" in m for m in warnings_on(2046))


def test_chinese_ampersand_less_than_and_lazy_lines_are_kept() -> None:
    texts = [plain_text(n.spans) for n in iter_nodes(notes()) if isinstance(n, Bullet)]
    assert any("自动用Spot Instances" in t for t in texts)
    assert any("balance performance & safty" in t for t in texts)
    assert any("Hibernate RAM Size < 150 GB" in t for t in texts)
    # "Kafka" (line 52) continues the last Placement Group bullet lazily.
    assert any(t.endswith("Cassandra Kafka") for t in texts)


def test_images_are_references_with_their_urls() -> None:
    images = [n for n in iter_nodes(notes()) if isinstance(n, Image)]
    assert len(images) == sum(ln.count("![") for ln in SOURCE_LINES)
    for image in images:
        assert image.src.startswith("https://imgur.com/")
        assert image.src in SOURCE_LINES[image.line - 1]


def test_only_the_known_problems_are_reported() -> None:
    assert sorted({d.line for d in notes().diagnostics}) == [1100, 1101, 1696, 2046, 2780, 2910]
    assert all(d.severity == "warning" for d in notes().diagnostics)
