"""Children as cue: a line too bare to cue its blank ("`On-Demand` Mode") shows the lines nested
under it on its front, so the card asks for the name from what the notes say of it; so does a
highlighted heading, with the first lines of its section."""

from __future__ import annotations

import dataclasses

from ..form.model import Bullet, Paragraph
from .env import Env
from .model import Unit
from .rules import Rule
from .text import words
from .units import one_line

#: A front with fewer words than this besides its blanks cannot cue them.
BARE_WORDS = 3
#: At most this many nested lines move to the front.
SHOWN = 4
#: A heading is asked from its section's first lines when they say at least this many words
#: ("a record includes" only leads into a list).
DESCRIBED = 6


def show_children(found: list[Unit], env: Env) -> tuple[list[Unit], int]:
    out: list[Unit] = []
    hits = 0
    for unit in found:
        lines = nested_lines(unit)
        described = sum(len(words(line)) for line in lines[:SHOWN]) >= DESCRIBED
        if unit.kind == "heading" and lines and described:
            # A highlighted heading names what its first lines describe.
            shown = "".join(f"\n– {line}" for line in lines[:SHOWN])
            out.append(dataclasses.replace(unit, kind="line", text=unit.text + shown, children=()))
            hits += 1
            continue
        if unit.kind != "line" or not lines or not _bare(unit):
            out.append(unit)
            continue
        out.append(with_nested(unit, lines))
        hits += 1
    return out, hits


def nested_lines(unit: Unit) -> list[str]:
    """The lines nested under the unit (bullets, paragraphs), each as one line of text."""
    shown = (
        one_line(child.spans) for child in unit.children if isinstance(child, Bullet | Paragraph)
    )
    return [line for line in shown if line]


def with_nested(unit: Unit, lines: list[str]) -> Unit:
    """The unit with its first nested ``lines`` on its front (an ellipsis for the rest), which
    then leave its back."""
    shown = "".join(f"\n– {line}" for line in lines[:SHOWN])
    more = "\n– …" if len(lines) > SHOWN else ""
    return dataclasses.replace(unit, text=unit.text + shown + more, children=())


def _bare(unit: Unit) -> bool:
    """A line too bare to cue its blank: few words besides its highlights, or only words its
    breadcrumb says already ("Stream Analytics `for SQL`" under "Stream Analytics")."""
    own = words(unit.unmarked)
    if len(own) < BARE_WORDS:
        return True
    said = {w.casefold() for crumb in unit.crumbs for w in words(crumb)}
    return all(w.casefold() in said for w in own)


RULES = (
    Rule(
        "children-cue",
        "a line too bare to cue its blank shows the lines nested under it",
        show_children,
    ),
)
