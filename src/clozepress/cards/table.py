"""Table: a row's cells read against the header, one ``column head: cell`` per line, so the row
head and the column head cue each cell.

A table's first column is one of two things. Either it holds the rows' heads: what each row is
about ("level", "rule types" down the side of a comparison of two products; a drug class over
the rows of its drugs), a label the other cells are read against, which opens the row's front as
its title ("level:"), without the header's word for such labels ("spec"). Or it is one more
column of values like the others, its header one of the things compared ("Redis | Memcached"):
then its cells need their header as much as the others' do, or the front shows one side of the
comparison without saying which it is."""

from __future__ import annotations

import dataclasses

from .env import Env
from .model import Mark, Unit
from .rules import Rule
from .text import words

#: A row head is a label: at most this many words ("rule target", "Variable values").
HEAD_WORDS = 3
#: A row head ending in one of these already leads into what follows it (full-width too).
_LEADS = ":.?!;：。？！；"


def first_column_heads(header: str, column: list[tuple[str, tuple[Mark, ...]]]) -> bool:
    """Whether a table's first column holds its rows' heads, from its header cell and its cells
    below it. It does when the header leaves it unnamed (the corner of a grid), or when no cell
    of it is marked (a learner marks values, not the labels of rows) and either some cell is
    empty (a head spanning the rows below it) or each is as short as a label."""
    if not header.strip():
        return True
    if any(marks for _, marks in column):
        return False
    if any(not text.strip() for text, _ in column):
        return True
    return all(len(words(text)) <= HEAD_WORDS for text, _ in column)


def head_length(unit: Unit, line: str) -> int:
    """How much of a line of a row read under its header is the cell's column head
    (``Action: ``): what the cell says starts after it."""
    for head in unit.header:
        if head and line.startswith(f"{head}: "):
            return len(head) + 2
    return 0


def head_each_cell(found: list[Unit], env: Env) -> tuple[list[Unit], int]:
    out: list[Unit] = []
    hits = 0
    for unit in found:
        if unit.kind != "row" or not unit.header:
            out.append(unit)
            continue
        parts: list[str] = []
        marks: list[Mark] = []
        size = 0
        for index, (text, cell_marks) in enumerate(unit.cells):
            if not text.strip():
                continue
            head = unit.header[index] if index < len(unit.header) else ""
            line = text.replace("\n", " ")  # the same length: the marks keep their offsets
            prefix = f"{head}: " if head else ""
            if index == 0 and unit.row_heads:
                prefix = ""
                rest = any(other.strip() for other, _ in unit.cells[1:])
                if line.rstrip()[-1] not in _LEADS and rest:
                    line = line.rstrip() + ":"  # the row's title, which its cells complete
            if parts:
                size += 1
            marks.extend(
                Mark(m.start + size + len(prefix), m.end + size + len(prefix), m.highlight)
                for m in cell_marks
            )
            line = prefix + line
            parts.append(line)
            size += len(line)
        out.append(dataclasses.replace(unit, text="\n".join(parts), marks=tuple(marks)))
        hits += 1
    return out, hits


RULES = (
    Rule(
        "table",
        "a row's cells are read under their column heads; a first column of row heads titles "
        "the row, one of values is headed like the others",
        head_each_cell,
    ),
)
