"""How deep lists and quotes may nest in the intermediate form, and the flattening past it.

The parse accepts 200 open containers (markdown-it's limit), but the sheets' renderer runs out
of Python's stack near 70 nested lists (each is a list and an item). One cap, applied by the
parse (with a warning) and again by the sheets (for an intermediate form written by hand),
keeps every stage within what all of them can handle.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Block, Bullet, Quote, Section

#: Lists and quotes nested in one another: level 1 is a bullet at the top of a section.
MAX_DEPTH = 40


def cap_depth(
    nodes: tuple[Block | Section, ...], depth: int = 1
) -> tuple[tuple[Block | Section, ...], int]:
    """``nodes`` with every list or quote deeper than MAX_DEPTH moved up to that level, in
    order; and the line of the first one moved (0 when nothing was)."""
    out: list[Block | Section] = []
    first = 0
    changed = False
    for node in nodes:
        new: Block | Section = node
        if isinstance(node, Section):
            children, moved = cap_depth(node.children, depth)
            first = first or moved
            if children is not node.children:
                new = replace(node, children=children)
            out.append(new)
        elif isinstance(node, Bullet | Quote) and depth >= MAX_DEPTH:
            flat = _flatten(node)
            if len(flat) > 1 or flat[0] is not node:
                first = first or _first_moved(node)
                changed = True
            out.extend(flat)
            continue
        elif isinstance(node, Bullet | Quote):
            blocks, moved = cap_depth(node.children, depth + 1)
            first = first or moved
            if blocks is not node.children:
                new = replace(node, children=tuple(b for b in blocks if not isinstance(b, Section)))
            out.append(new)
        else:
            out.append(node)
        changed = changed or new is not node
    return (tuple(out) if changed else nodes), first


def _flatten(node: Bullet | Quote) -> list[Block]:
    """``node`` without the lists and quotes inside it, followed by them, each flattened."""
    kept = tuple(c for c in node.children if not isinstance(c, Bullet | Quote))
    if len(kept) == len(node.children):
        return [node]
    out: list[Block] = [replace(node, children=kept)]
    for child in node.children:
        if isinstance(child, Bullet | Quote):
            out.extend(_flatten(child))
    return out


def _first_moved(node: Bullet | Quote) -> int:
    return next(c.line for c in node.children if isinstance(c, Bullet | Quote))
