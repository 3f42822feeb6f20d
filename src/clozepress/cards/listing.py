"""List: items of one list that are nothing but their highlight make one note with the list's
parent as the question; each card hides one item while the others show (overlapping clozes).
Alone, each item would be a blank with no cue; together, the list and its parent are the cue."""

from __future__ import annotations

import dataclasses
import re

from ..form.model import Bullet, Paragraph
from .env import Env
from .model import Mark, Unit
from .rules import Rule
from .text import indexed_form, words
from .units import one_line

#: More items than this make a card no one can recall at once: the list is split into notes.
MAX_ITEMS = 10
#: An item with fewer words than this besides its highlights is asked with its list around it.
SHORT = 4


def _nested(unit: Unit) -> bool:
    """Whether lines of text are nested under the item (an image alone is no line): they
    describe it, and are its cue (``children-cue``)."""
    return any(
        isinstance(child, Bullet | Paragraph) and one_line(child.spans) for child in unit.children
    )


def _bare(unit: Unit) -> bool:
    """An item whose words are its one highlight, give or take two words."""
    if unit.kind != "line" or len(unit.marks) != 1 or unit.group == (0, 0) or unit.children:
        return False
    mark = unit.marks[0]
    rest = unit.text[: mark.start] + " " + unit.text[mark.end :]
    return len(words(rest)) <= 2 and bool(words(mark.highlight.text))


def group_items(found: list[Unit], env: Env) -> tuple[list[Unit], int]:
    groups: dict[tuple[int, int], list[int]] = {}
    for index, unit in enumerate(found):
        if _bare(unit):
            groups.setdefault(unit.group, []).append(index)
    leaders: dict[int, Unit] = {}
    absorbed: set[int] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        for chunk_start in range(0, len(members), MAX_ITEMS):
            chunk = members[chunk_start : chunk_start + MAX_ITEMS]
            if len(chunk) < 2:
                continue
            leaders[chunk[0]] = _list_unit([found[i] for i in chunk])
            absorbed.update(chunk[1:])
    # An item left alone with few words of its own is asked with its list around it; one with
    # lines of its own nested under it is asked from them (children-cue), which describe it.
    for index, unit in enumerate(found):
        if index in leaders or index in absorbed or unit.kind != "line" or _nested(unit):
            continue
        if unit.group != (0, 0) and len(unit.siblings) > 1 and len(words(unit.unmarked)) < SHORT:
            leaders[index] = _among_siblings(unit)
    out = [leaders.get(i, unit) for i, unit in enumerate(found) if i not in absorbed]
    return out, len(leaders)


#: Another item is shown whole up to this many characters (two lines of a card).
WHOLE = 140
#: Longer, it is cut at a clause's end this far in at least, else after a word.
_CLAUSE_END = re.compile(r"[,;:.!?)](?=\s)")


def _short(line: str, limit: int = WHOLE) -> str:
    """Another item as a cue: whole if it fits two lines of a card; longer, its opening, cut
    where a clause ends when one does past half of it, never between two words of one phrase
    ("… using HTTPS instead of…" leaves the learner to guess what the cut took)."""
    if len(line) <= limit:
        return line
    ends = [m.end() for m in _CLAUSE_END.finditer(line, 0, limit - 1)]
    if ends and ends[-1] >= limit // 2:
        return line[: ends[-1]].rstrip(",;: ") + " …"
    return line[: limit - 1].rsplit(" ", 1)[0] + "…"


def _among_siblings(item: Unit) -> Unit:
    """An item shown in its list: the other items (at most ``MAX_ITEMS``, around it) are its
    cue, as the parent is."""
    at = next(i for i, (line, _) in enumerate(item.siblings) if line == item.line)
    low = max(0, min(at - MAX_ITEMS // 2, len(item.siblings) - MAX_ITEMS))
    window = item.siblings[low : low + MAX_ITEMS]
    first = item
    parented = len(first.crumbs) > first.heading_count
    question = first.crumbs[-1] if parented else first.lead
    parts: list[str] = [question] if question else []
    size = len(question) + 1 if question else 0
    marks: list[Mark] = []
    for line, text in window:
        if line == item.line:
            marks.extend(
                Mark(m.start + size + 2, m.end + size + 2, m.highlight) for m in item.marks
            )
            text = item.text.replace("\n", " ")
        else:
            text = _short(text)
        parts.append("• " + text)
        size += len(parts[-1]) + 1
    return dataclasses.replace(
        item,
        kind="list",
        text="\n".join(parts),
        marks=tuple(marks),
        crumbs=first.crumbs[:-1] if parented else first.crumbs,
        key=item.plain_key,
    )


def _list_unit(items: list[Unit]) -> Unit:
    first = items[0]
    parented = len(first.crumbs) > first.heading_count
    question = first.crumbs[-1] if parented else first.lead
    parts: list[str] = [question] if question else []
    size = len(question) + 1 if question else 0
    marks: list[Mark] = []
    for item in items:
        line = "• " + item.text.replace("\n", " ")
        marks.extend(Mark(m.start + size + 2, m.end + size + 2, m.highlight) for m in item.marks)
        parts.append(line)
        size += len(line) + 1
    return dataclasses.replace(
        first,
        kind="list",
        text="\n".join(parts),
        marks=tuple(marks),
        crumbs=first.crumbs[:-1] if parented else first.crumbs,
        key=" ".join(" ".join(item.text.split()) for item in items),
        lines=tuple(item.line for item in items),
        marks_by_learner=tuple(m for item in items for m in item.marks_by_learner),
        images=tuple(image for item in items for image in item.images),
        before=first.before,
        reference=all(item.reference for item in items),
        titles=tuple(h for item in items for h in item.titles),
    )


def drop_mirrors(found: list[Unit], env: Env) -> tuple[list[Unit], int]:
    """A list's item asked among its siblings loses the siblings that are its twins ("W1 shape
    is (n[1],n[0])" beside "W2 shape is [...]"): a twin shows the answer's form, indexes
    changed, and the card would ask the learner to copy it."""
    out: list[Unit] = []
    hits = 0
    for unit in found:
        lines = unit.text.split("\n")
        if unit.kind != "list" or not unit.marks or len(lines) < 3:
            out.append(unit)
            continue
        starts = [0]
        for line in lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        owners = {
            next(i for i in range(len(lines) - 1, -1, -1) if starts[i] <= m.start)
            for m in unit.marks
        }
        if len(owners) != 1:
            out.append(unit)  # a list of bare items: each item is some card's blank
            continue
        (own,) = owners
        form = indexed_form(lines[own])
        dropped = {
            i
            for i, line in enumerate(lines)
            if i != own
            and line.startswith("• ")
            and indexed_form(line) == form
            and " ".join(line.split()) != " ".join(lines[own].split())
        }
        if not dropped:
            out.append(unit)
            continue
        shift = sum(len(lines[i]) + 1 for i in dropped if i < own)
        kept = "\n".join(line for i, line in enumerate(lines) if i not in dropped)
        marks = tuple(Mark(m.start - shift, m.end - shift, m.highlight) for m in unit.marks)
        out.append(dataclasses.replace(unit, text=kept, marks=marks))
        hits += 1
    return out, hits


RULES = (
    Rule("list", "bare items of one list are one note, each card hiding one item", group_items),
    Rule(
        "mirror-sibling",
        "an item asked among its siblings does not show the sibling that is its twin (W1/W2)",
        drop_mirrors,
    ),
)
