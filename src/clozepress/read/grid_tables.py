"""Pandoc grid tables (``+---+---+`` borders, ``|`` rows, a ``+===+`` line under the header) as a
markdown-it block rule.

CommonMark has no such table: it reads one as a paragraph of ``|`` and ``+`` lines, so a
converted document's tables reached cards and sheets as raw text. Pandoc writes a table this way
whenever a cell holds more than one line (a list, a wrapped sentence), which notes exported from
Word, Obsidian or pandoc itself often do. mdit-py-plugins has no rule for them.

The rule emits one ``grid_table`` token whose ``meta["rows"]`` holds each row as its first line
(relative to the token's first line) and its cells' source text, line by line; ``meta["header"]``
says how many rows stand above the ``+===+`` line. The parse reads each cell's text as inline
Markdown, so the highlights in a cell keep their own lines.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

#: A border: ``+`` then runs of ``-`` (``=`` under the header), with optional ``:`` for
#: alignment, each closed by ``+``.
_BORDER = re.compile(r"^\+(?:[-=:]+\+)+\s*$")


@dataclass(frozen=True)
class GridRow:
    """One row of a grid table: where it starts and its cells' text, one string a cell."""

    offset: int
    """Its first line, counted from the table's top border."""
    cells: tuple[str, ...]
    """Each cell's lines as written (padding trimmed), joined by ``"\\n"``."""


def grid_table_plugin(md: MarkdownIt) -> None:
    md.block.ruler.before("table", "grid_table", grid_table)


def _line(state: StateBlock, number: int) -> str:
    return state.src[state.bMarks[number] + state.tShift[number] : state.eMarks[number]].rstrip()


def grid_table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A grid table from ``start``: its top border, rows and borders, up to its last border."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    top = _line(state, start)
    if not top.startswith("+") or not _BORDER.match(top) or "=" in top:
        return False
    # Column edges: where the top border has a '+'.
    edges = [i for i, ch in enumerate(top) if ch == "+"]
    if len(edges) < 2:
        return False
    last_border = start
    number = start + 1
    while number < end:
        if state.sCount[number] < state.blkIndent:
            break
        text = _line(state, number)
        if _BORDER.match(text):
            last_border = number
        elif not text.startswith("|"):
            break
        number += 1
    if last_border == start:
        return False
    if silent:
        return True
    rows, header = _rows(state, start, last_border, edges)
    token = state.push("grid_table", "table", 0)
    token.map = [start, last_border + 1]
    token.meta = {"rows": rows, "header": header}
    state.line = last_border + 1
    return True


def _rows(state: StateBlock, start: int, last: int, edges: list[int]) -> tuple[list[GridRow], int]:
    rows: list[GridRow] = []
    header = 0
    pending: list[list[str]] = []
    first = start + 1
    for number in range(start + 1, last + 1):
        text = _line(state, number)
        if _BORDER.match(text):
            if pending:
                cells = tuple("\n".join(_trim(lines)) for lines in pending)
                rows.append(GridRow(first - start, cells))
            if "=" in text:
                header = len(rows)
            pending = []
            first = number + 1
            continue
        pieces = _cells(text, edges)
        if not pending:
            pending = [[] for _ in pieces]
        for column, piece in enumerate(pieces[: len(pending)]):
            pending[column].append(piece)
        for extra in pieces[len(pending) :]:
            pending.append([""] * (number - first) + [extra])
    return rows, header


def _cells(text: str, edges: list[int]) -> list[str]:
    """A row line's cells: cut at the border's column edges where the line has a '|' there
    (cells may hold '|' themselves), else at every '|' (a line not aligned, as wide characters
    written by display width leave it)."""
    if len(text) >= edges[-1] and all(text[i] == "|" for i in edges):
        return [text[a + 1 : b] for a, b in itertools.pairwise(edges)]
    parts = text.strip().strip("|").split("|")
    return parts


def _trim(lines: list[str]) -> list[str]:
    """A cell's lines without the padding common to all of them.

    A cell's lines are kept one per source line (blank ones too), so the line of any highlight
    in a cell is its row's first line plus the number of line breaks before it.
    """
    stripped = [ln.rstrip() for ln in lines]
    indent = min((len(ln) - len(ln.lstrip()) for ln in stripped if ln.strip()), default=0)
    return [ln[indent:] for ln in stripped]
