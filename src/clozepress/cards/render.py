"""A draft into a note: cloze markup over the unit's text, the breadcrumb, the back. Every
string from the notes goes through ``html.escape`` here and nowhere else in the policy."""

from __future__ import annotations

from ..form.model import Block, Bullet, Code, Paragraph
from .codepointer import code_first
from .draft import Draft, Hidden
from .html import ECHO, SEPARATOR, WITHHELD, cloze, escape
from .model import Note
from .units import one_line

#: The back lists at most this many of the lines nested under the unit.
BACK_ITEMS = 8


def note_from(draft: Draft, path: str) -> Note:
    unit = draft.unit
    text_ranges = [(b.start, b.end, n) for n, b, _ in draft.blanks]
    text_ranges += [(h.start, h.end, h.number) for h in draft.hidden if h.crumb is None]
    echoes = {start for crumb, start in draft.echoes if crumb is None}
    withheld = {start for crumb, start in draft.withheld if crumb is None}
    body = _clozed(
        unit.text, text_ranges, "<br>", echoes=echoes, withheld=withheld, cut=draft.moved
    )
    if unit.shows_code:
        # The block the line points at: before the line when it points back, after it else.
        code = f'<pre class="cp-code">{escape(unit.shows_code)}</pre>'
        body = code + body if code_first(unit) else body + code
    crumb_hidden = [h for h in draft.hidden if h.crumb is not None]
    crumbs = [
        _clozed(
            _unmarked(crumb),
            [(h.start, h.end, h.number) for h in crumb_hidden if h.crumb == index],
            echoes={start for at, start in draft.echoes if at == index},
            withheld={start for at, start in draft.withheld if at == index},
        )
        for index, crumb in enumerate(draft.crumbs)
    ]
    places = len(crumbs) if draft.fronted is None else draft.fronted
    lines = [c for c in crumbs[places:] if c]
    if lines:
        # Lines of the notes above the unit that hold an answer open the front, one a line.
        body = "<br>".join((*lines, body))
    context = SEPARATOR.join(c for c in crumbs[:places] if c)
    if any(h.crumb < places for h in crumb_hidden if h.crumb is not None):
        # Anki reads clozes in the Text field only: a breadcrumb hiding an answer goes there.
        body = f'<div class="cp-context">{context}</div>{body}'
        context = ""
    answers = [unit.text[b.start : b.end] for _, b, _ in draft.blanks]
    return Note(
        text=body,
        context=context,
        extra=_back(
            tuple(c for c in unit.children if not _shown_code(c, unit.shows_code)),
            " ".join((*draft.moved_back, unit.back)).strip(),
        ),
        source=f"{path}:{unit.line}",
        key=unit.plain_key,
        context_key=" › ".join(" ".join(c.split()) for c in unit.crumbs),
        highlights=tuple(" ".join(a.split()) for a in answers),
        cards=len({n for n, _, _ in draft.blanks}),
        line=unit.line,
        domain=unit.domain,
        sections=unit.sections,
        images=unit.images,
        lines=tuple(
            sorted({*(unit.lines or (unit.line,)), *(m.highlight.line for _, _, m in draft.blanks)})
        ),
        kind=unit.kind,
        tests=_tests(draft),
    )


def _tests(draft: Draft) -> tuple[tuple[int, int, str], ...]:
    """``(cloze number, line, highlight)`` per blank, then per highlight riding on a blank."""
    tests = [(n, m.highlight.line, m.highlight.text) for n, _, m in draft.blanks]
    number = {id(m): n for n, _, m in draft.blanks}
    for rider, host in draft.riders:
        if id(host) in number:
            tests.append((number[id(host)], rider.highlight.line, rider.highlight.text))
    return tuple(tests)


def _clozed(
    text: str,
    ranges: list[tuple[int, int, int]],
    breaks: str = " ",
    echoes: set[int] | frozenset[int] = frozenset(),
    withheld: set[int] | frozenset[int] = frozenset(),
    cut: tuple[tuple[int, int], ...] = (),
) -> str:
    """``text`` with each range a cloze; a range starting in ``echoes`` shows ``[〃]``, in
    ``withheld`` ``[–]``; the
    ``cut`` ranges are left out (the back shows them)."""
    if cut:
        # A cut range keeps its length (NUL, which no notes text holds, dropped at the end):
        # the ranges after it keep their places. What it hid is on the back.
        for start, end in cut:
            text = text[:start] + "\0" * (end - start) + text[end:]
        ranges = [r for r in ranges if not any(a <= r[0] and r[1] <= b for a, b in cut)]
    out: list[str] = []
    at = 0
    # A lone backtick is half of a code span the notes never closed: Markdown prints it, but it
    # is markup, not a word of the line (a closed span is a highlight, or text without them).
    stray = text.count("`") == 1
    for start, end, number in sorted(ranges):
        if start < at or end <= start:
            continue  # overlaps a range already hidden
        out.append(_shown(text[at:start], breaks, stray))
        hint = ECHO if start in echoes else WITHHELD if start in withheld else ""
        out.append(cloze(number, " ".join(text[start:end].split()), hint))
        at = end
    out.append(_shown(text[at:], breaks, stray))
    return "".join(out).replace("\0", "").strip()


def _unmarked(crumb: str) -> str:
    """A breadcrumb level without the lone backtick of a code span its heading never closed,
    even where a cloze withholds the level whole; NUL keeps the offsets and is dropped."""
    return crumb.replace("`", "\0") if crumb.count("`") == 1 else crumb


def _shown(text: str, breaks: str, stray: bool) -> str:
    """Text outside the clozes as HTML; ``stray``: its lone backtick left out."""
    return escape(text.replace("`", "") if stray else text).replace("\n", breaks)


def _shown_code(block: Block, shown: str) -> bool:
    """Whether ``block`` is the code block the front shows already."""
    return bool(shown) and isinstance(block, Code) and block.text.strip("\n") == shown


def _back(children: tuple[Block, ...], back: str) -> str:
    items: list[str] = []
    if back:
        items.append(f"<li>{escape(back)}</li>")
    for child in children[:BACK_ITEMS]:
        if isinstance(child, Bullet | Paragraph) and child.spans:
            items.append(f"<li>{escape(one_line(child.spans))}</li>")
        elif isinstance(child, Code):
            items.append(f"<li><pre>{escape(child.text.rstrip())}</pre></li>")
    return f'<ul class="cp-children">{"".join(items)}</ul>' if items else ""


__all__ = ["Hidden", "note_from"]
