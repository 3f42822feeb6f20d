"""Tables are never clipped (issue 14, point 2): the widths of the produced PDF are measured.

Each word's box is read back from the PDF with pdftotext -bbox: every cell's text is there, once,
and inside the page's printable width.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from clozepress.sheets.sheet_html import ImagePolicy, domain_html
from clozepress.sheets.sheets import Layout, layout_css, table_limits

from .test_sheets import build, make_project

#: The sheet's right margin (styles/sheet.css: 6 mm), in pt.
RIGHT_MARGIN_PT = 6 * 72 / 25.4

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils' pdftotext is not installed"
)


def table(columns: int, rows: int, cell: str = "r{r}c{c} value") -> str:
    head = "|" + "|".join(f"head{c}" for c in range(1, columns + 1)) + "|"
    rule = "|" + "|".join("-" for _ in range(columns)) + "|"
    body = [
        "|" + "|".join(cell.format(r=r, c=c) for c in range(1, columns + 1)) + "|"
        for r in range(1, rows + 1)
    ]
    return "\n".join([head, rule, *body]) + "\n"


def words(pdf: Path) -> tuple[float, list[tuple[str, float, float]]]:
    """The page width and every word (text, xMin, xMax) of every page."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    width = float(re.search(r'<page width="([\d.]+)"', out).group(1))  # type: ignore[union-attr]
    found = [
        (text, float(x0), float(x1))
        for x0, x1, text in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"'
                                       r' yMax="[\d.]+">([^<]*)</word>', out)
    ]  # fmt: skip
    return width, found


def assert_all_inside(pdf: Path, expected: set[str]) -> None:
    width, found = words(pdf)
    seen = {text for text, _, _ in found}
    assert expected <= seen, sorted(expected - seen)[:10]
    outside = [(t, x1) for t, x0, x1 in found if x0 < 0 or x1 > width - RIGHT_MARGIN_PT + 0.5]
    assert outside == []


def test_a_14_column_table_is_whole_and_inside_the_page(tmp_path: Path) -> None:
    notes = "# Wide\n- before `it`\n\n" + table(14, 5) + "\n- after\n"
    project, document = make_project(tmp_path, notes)
    result = build(project, document)
    sheet = result.sheets[0]
    assert sheet.pages == 1
    cells = {f"r{r}c{c}" for r in range(1, 6) for c in range(1, 15)}
    assert_all_inside(sheet.path, cells | {f"head{c}" for c in range(1, 15)})


def test_a_14_column_table_of_long_words_shrinks_or_becomes_row_blocks(tmp_path: Path) -> None:
    # Each cell's word alone is ~17 em: 14 of them side by side exceed the page at any size.
    notes = "# Wider\n" + table(14, 3, cell="r{r}c{c}-characteristically") + "\n"
    project, document = make_project(tmp_path, notes)
    result = build(project, document)
    sheet = result.sheets[0]
    assert sheet.pages == 1
    expected = {f"r{r}c{c}-characteristically" for r in range(1, 4) for c in range(2, 15)}
    assert_all_inside(sheet.path, expected)


def test_a_200_column_table_loses_no_column(tmp_path: Path) -> None:
    notes = "# Huge\n- before\n\n" + table(200, 3, cell="r{r}c{c}") + "\n"
    project, document = make_project(tmp_path, notes)
    result = build(project, document)
    sheet = result.sheets[0]
    _, found = words(sheet.path)
    texts = [text for text, _, _ in found]
    for r in range(1, 4):
        for c in range(1, 201):
            assert texts.count(f"r{r}c{c}") == 1, f"r{r}c{c}"
    assert_all_inside(sheet.path, {"r3c200"})
    assert sheet.renders <= 4


def rule_for(css: str, selector: str) -> str:
    """The declarations of the first rule whose selector list holds ``selector``."""
    for line in css.split("\n"):
        head, _, body = line.partition("{")
        if selector in [part.strip() for part in head.split(",")]:
            return body
    return ""


def test_the_layout_shrinks_a_table_a_little_too_wide_and_hides_a_far_too_wide_one() -> None:
    limits = table_limits("A4", 10.0, 6.0)
    near = f"div.full.w{int(limits.page_em) + 3}"
    far = f"div.full.w{int(limits.page_em * limits.shrink) + 5}"
    at_cap = layout_css(Layout(10.0, 4), "A4", 6.0)
    at_floor = layout_css(Layout(6.0, 5), "A4", 6.0)
    assert "font-size" in rule_for(at_cap, near + " table")
    assert "display: none" in rule_for(at_cap, far)
    assert "display: block" in rule_for(at_cap, far.replace("full.w", "split.sw"))
    # At the floor the page holds more em: the near one is whole, at full size, spanning.
    assert rule_for(at_floor, near.replace("full.", "")) == " column-span: all; }"
    assert rule_for(at_floor, near + " table") == rule_for(at_floor, near) == ""


def test_a_nested_wide_table_gets_row_blocks_in_its_column(tmp_path: Path) -> None:
    notes = "# Nested\n- a list item\n\n  " + table(12, 2).replace("\n", "\n  ") + "\n"
    project, document = make_project(tmp_path, notes)
    html = domain_html(
        document, document.domains[0], ImagePolicy(project.root, False), table_limits("A4", 10, 6)
    ).html
    assert 'class="split sv' in html or 'class="split always' in html
    result = build(project, document)
    cells = {f"r{r}c{c}" for r in range(1, 3) for c in range(1, 13)}
    assert_all_inside(result.sheets[0].path, cells)
