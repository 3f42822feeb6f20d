"""Table: a row's cells read against the header, one ``column head: cell`` per line under the
row's head, so the row head and the column head cue each cell."""

from __future__ import annotations

import dataclasses

from .env import Env
from .model import Mark, Unit
from .rules import Rule


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
            prefix = f"{head}: " if head and index else ""
            if parts:
                size += 1
            marks.extend(
                Mark(m.start + size + len(prefix), m.end + size + len(prefix), m.highlight)
                for m in cell_marks
            )
            line = prefix + text.replace("\n", " ")
            parts.append(line)
            size += len(line)
        out.append(dataclasses.replace(unit, text="\n".join(parts), marks=tuple(marks)))
        hits += 1
    return out, hits


RULES = (
    Rule(
        "table",
        "a row's cells are read under their column heads, after the row head",
        head_each_cell,
    ),
)
