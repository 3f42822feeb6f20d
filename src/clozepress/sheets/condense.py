"""Shorter forms of a domain for its sheet, for when it does not fit one page at the floor size.

What the learner marked stays whole: lines with highlights, their headings and parent lines, and
tables. The rest is shortened in a stated order, each step keeping the ones before it:

1. images are left out;
2. code blocks keep their first lines;
3. prose without highlights keeps its first sentence;
4. link targets written out in the text (``https://host/long/path``) keep only their host;
5. prose without highlights is left out (only in a domain that has highlights: a domain with
   none would keep nothing but its headings), in shares: the longest first, a quarter of it
   at a time (``DROP_SHARES``), since leaving it all out at once can halve a sheet that needed
   only a few lines less, and the text would then be set far larger than it had to be.

When even the last form does not fit, the domain is split at its sections (``split``).
The notes and their cards are never touched: these forms exist only on the sheet.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..form.model import (
    Block,
    Bullet,
    Code,
    Domain,
    Emphasis,
    Image,
    Inline,
    Link,
    Paragraph,
    Quote,
    Section,
    Strong,
    Table,
    Text,
    all_highlights,
    has_highlight,
    plain_text,
)

#: Lines a code block keeps once code is condensed.
CODE_LINES = 3
#: Longest first sentence kept of unmarked prose, in characters.
SENTENCE_CHARS = 90

STEPS = ("images", "code", "prose", "links", "unmarked prose")
"""What each step shortens, in the order applied; the build names them for each domain."""

_URL = re.compile(r"\b(https?://)([^/\s]+)(/\S*)?")
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s")


#: The shares of the unmarked prose (by weight, longest first) that the last step leaves
#: out, one form each.
DROP_SHARES = (0.25, 0.5, 0.75, 1.0)
FORMS = len(STEPS) - 1 + len(DROP_SHARES)
"""How many condensed forms a domain has: the first steps one each, the last one per share."""


def form(domain: Domain, index: int) -> Domain:
    """The ``index``-th condensed form of ``domain`` (0: the whole; FORMS: the shortest)."""
    if index < len(STEPS):
        return condensed(domain, index)
    return condensed(domain, len(STEPS), DROP_SHARES[index - len(STEPS)])


def form_steps(index: int) -> tuple[str, ...]:
    """What the ``index``-th form shortened, for the build line and the report."""
    if index < len(STEPS):
        return STEPS[:index]
    share = DROP_SHARES[index - len(STEPS)]
    last = STEPS[-1] if share >= 1 else f"{STEPS[-1]} ({share:.0%}, longest first)"
    return (*STEPS[:-1], last)


def condensed(domain: Domain, steps: int, share: float = 1.0) -> Domain:
    """``domain`` with the first ``steps`` of STEPS applied; of the last, only the longest
    unmarked prose that makes up ``share`` of it by weight."""
    if steps < len(STEPS) or not all_highlights(domain):
        return replace(domain, children=_children(domain.children, steps, None))
    shorter = _children(domain.children, steps - 1, None)
    droppable: list[Any] = []
    _droppable(shorter, droppable)
    weights = [weight(node) for node in droppable]
    total = sum(weights)
    chosen: set[int] = set()
    gone = 0
    # Of blocks alike, the later ones go first: a domain's opening lines often frame the rest.
    for at in sorted(range(len(droppable)), key=lambda at: (weights[at], at), reverse=True):
        if gone >= share * total - 1e-9:
            break
        chosen.add(id(droppable[at]))
        gone += weights[at]
    # The first steps are applied already: the second pass only leaves the chosen blocks out.
    return replace(domain, children=_children(shorter, 0, chosen))


def _droppable(nodes: tuple[Any, ...], out: list[Any]) -> None:
    """The outermost blocks the last step may leave out: prose (and quotes) with no highlight
    in or under it."""
    for node in nodes:
        if isinstance(node, Quote | Bullet | Paragraph) and not _marked(node):
            out.append(node)
        else:
            _droppable(getattr(node, "children", ()), out)


def _marked(node: Any) -> bool:
    """Whether the node or anything under it holds a highlight (tables count as marked)."""
    if isinstance(node, Table):
        return True
    if has_highlight(getattr(node, "spans", ())):
        return True
    return any(_marked(child) for child in getattr(node, "children", ()))


def _children(
    nodes: tuple[Block | Section, ...], steps: int, drop: set[int] | None
) -> tuple[Block | Section, ...]:
    out: list[Block | Section] = []
    for node in nodes:
        kept = _node(node, steps, drop)
        if kept is not None:
            out.append(kept)
    return tuple(out)


def _node(node: Block | Section, steps: int, drop: set[int] | None) -> Block | Section | None:
    """The node as ``steps`` leave it; ``drop``: the ids of the blocks to leave out."""
    if drop and id(node) in drop:
        return None
    if isinstance(node, Image):
        return None if steps >= 1 else node
    if isinstance(node, Code):
        return _code(node) if steps >= 2 else node
    if isinstance(node, Section):
        return replace(node, children=_children(node.children, steps, drop))
    if isinstance(node, Table):
        return node
    if isinstance(node, Quote):
        return replace(node, children=_blocks(node.children, steps, drop))
    if isinstance(node, Bullet | Paragraph):
        children = _blocks(node.children, steps, drop) if isinstance(node, Bullet) else ()
        marked = has_highlight(node.spans)
        spans = node.spans
        if not marked and steps >= 3:
            spans = _first_sentence(spans)
        if steps >= 4:
            spans = _short_links(spans)
        if isinstance(node, Bullet):
            return replace(node, spans=spans, children=children)
        return replace(node, spans=spans)
    return node


def _blocks(nodes: tuple[Block, ...], steps: int, drop: set[int] | None) -> tuple[Block, ...]:
    out: list[Block] = []
    for node in nodes:
        kept = _node(node, steps, drop)
        if kept is not None and not isinstance(kept, Section):
            out.append(kept)
    return tuple(out)


def _code(code: Code) -> Code:
    lines = code.text.rstrip("\n").split("\n")
    if len(lines) <= CODE_LINES + 1:
        return code
    more = len(lines) - CODE_LINES
    return replace(code, text="\n".join([*lines[:CODE_LINES], f"⋯ {more} more lines"]))


def _first_sentence(spans: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Unmarked prose cut to its first sentence, at most SENTENCE_CHARS characters."""
    text = plain_text(spans)
    if len(text) <= SENTENCE_CHARS:
        return spans
    match = _SENTENCE_END.search(text, 0, SENTENCE_CHARS + 1)
    cut = match.start() if match else text.rfind(" ", 0, SENTENCE_CHARS)
    if cut <= 0:
        cut = SENTENCE_CHARS
    return (*_truncate(spans, cut), Text(" …"))


def _truncate(spans: tuple[Inline, ...], limit: int) -> tuple[Inline, ...]:
    """The spans up to ``limit`` characters of their plain text, markup kept."""
    out: list[Inline] = []
    left = limit
    for span in spans:
        if left <= 0:
            break
        if isinstance(span, Text):
            text = span.text.replace("\n", " ")
            out.append(Text(text[:left]))
            left -= len(text)
        elif isinstance(span, Strong | Emphasis | Link):
            size = len(plain_text(span.children))
            out.append(replace(span, children=_truncate(span.children, left)))
            left -= size
        else:
            out.append(span)
            left -= len(plain_text((span,)))
    return tuple(out)


def _host(match: re.Match[str]) -> str:
    return match.group(2) + ("/…" if match.group(3) else "")


def _short_links(spans: tuple[Inline, ...]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for span in spans:
        if isinstance(span, Text):
            out.append(Text(_URL.sub(_host, span.text)))
        elif isinstance(span, Strong | Emphasis | Link):
            out.append(replace(span, children=_short_links(span.children)))
        else:
            out.append(span)
    return tuple(out)


def weight(node: Any) -> int:
    """The amount of text a sheet shows for ``node``, in characters (a line counts 40)."""
    total = 0
    stack = [node]
    while stack:
        item = stack.pop()
        total += 40
        if isinstance(item, Code):
            total += len(item.text) + 40 * item.text.count("\n")
        if isinstance(item, Table):
            for row in (item.header, *(r.cells for r in item.rows)):
                total += 40 + sum(len(plain_text(cell.spans)) for cell in row)
        total += len(plain_text(getattr(item, "spans", ())))
        stack.extend(getattr(item, "children", ()))
    return total


def split(domain: Domain, parts: int) -> tuple[Domain, ...]:
    """``domain`` cut at its sections (or between its blocks) into ``parts`` numbered domains of
    about equal weight, each titled ``Title n/N``. A section too large to share is opened: its
    heading goes with its first blocks, and its subsections become pieces of their own."""
    pieces: list[Block | Section] = list(domain.children)
    weights: dict[int, tuple[Block | Section, int]] = {}

    def weighed(node: Block | Section) -> int:
        # Each piece is weighed once (kept here, so that its id stays its own): weighing them
        # all again at every opening made the split of a domain of thousands of lines slow.
        if id(node) not in weights:
            weights[id(node)] = (node, weight(node))
        return weights[id(node)][1]

    while len(pieces) < parts * 2:
        sections = [p for p in pieces if isinstance(p, Section) and p.children]
        if not sections:
            break
        largest = max(sections, key=weighed)
        at = pieces.index(largest)
        lead = [c for c in largest.children if not isinstance(c, Section)]
        subs = [c for c in largest.children if isinstance(c, Section)]
        if not subs and len(lead) < 2:
            break
        head: list[Block | Section] = [replace(largest, children=tuple(lead[:1]))]
        rest = lead[1:] if not subs else lead[1:] + subs
        pieces[at : at + 1] = [*head, *rest]
    total = sum(weighed(p) for p in pieces) or 1
    groups: list[list[Block | Section]] = [[]]
    done = 0
    for piece in pieces:
        share = total * len(groups) / parts
        if groups[-1] and done + weighed(piece) / 2 > share and len(groups) < parts:
            groups.append([])
        groups[-1].append(piece)
        done += weighed(piece)
    count = len(groups)
    out = []
    for number, group in enumerate(groups, 1):
        suffix = f" {number}/{count}"
        out.append(
            replace(
                domain,
                # '.' is never in a slug: no part can take another domain's id.
                id=f"{domain.id}.{number}",
                title=domain.title + suffix,
                spans=(*domain.spans, Text(suffix)),
                children=tuple(group),
            )
        )
    return tuple(out)
