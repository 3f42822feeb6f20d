"""The study policy: one unit in, the notes worth studying out, and the fate of each highlight.

Wires the rules together: clean-up (``cards_cleanup``), context (``cards_context``), what to
blank (``cards_choice``) and size (``cards_size``). Every highlight of the unit gets a ``Fate``:
the answer a card hides for it, or the reason it has no cloze of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .cards_choice import (
    GENERIC,
    REASON_ACRONYM,
    REASON_WHOLE,
    content_words,
    judge,
    normalize,
    swap_acronyms,
)
from .cards_cleanup import clean_answer, clean_line, clean_spans
from .cards_context import Context, context_for, shorten
from .cards_html import cloze, emphasise, escape, plain, render
from .cards_model import Fate, Note, Unit
from .cards_narrow import narrow_spans
from .cards_size import parts
from .config import Config
from .model import (
    Block,
    Bullet,
    Code,
    Emphasis,
    Highlight,
    Inline,
    Link,
    Paragraph,
    Strong,
    Text,
    iter_highlights,
)

REASON_HEADING = "in a heading: a title is the context of cards, not a fact"
REASON_HEADER = "in a table's header row: a column title, not a fact"
REASON_EMPTY = "empty highlight: no card"
#: A header cell like these names the row-label column ("|difference|Data Streams|Firehose|").
LABEL_HEADERS = frozenset({"", "difference", "spec", "feature", "features", "aspect", "item"})
#: The back lists at most this many child lines, each at most ``EXTRA_CHARS`` long.
EXTRA_ITEMS = 8
EXTRA_CHARS = 160
#: A row longer than this shows only its blanked cells on the front (the rest on the back).
ROW_CHARS = 220
#: Non-blanked items of an enumeration are shortened to this on its card.
ITEM_CHARS = 70
#: A front with fewer content words than this (outside the blank) is led by its subject...
MIN_FRONT_WORDS = 4
#: ... and with fewer than this even then, it makes no card.
MIN_LIFTED_WORDS = 3
#: A crumb of at most this many words may lead the front as its subject.
SUBJECT_WORDS = 8
#: An enumeration shares a card only when every item is at most this long: a list of short,
#: parallel things ("single AZ", "cross AZ"); in a list of sentences a lone blank has no cue.
ITEM_WORDS = 6
REASON_SENTENCES = "one item of a list of sentences: the other items do not cue it"
REASON_CUE = "too few words on the front to cue the blank, even with its subject"


@dataclass
class _Card:
    """A note being put together: cloze numbers and each highlight's fate."""

    one_card: bool
    answers: list[str] = field(default_factory=list)
    fates: dict[int, Fate] = field(default_factory=dict)
    """By ``id`` of the highlight object in the unit's spans."""

    def number(self, answer: str) -> int:
        self.answers.append(answer)
        return 1 if self.one_card else len(self.answers)


def study_notes(
    unit: Unit, path: str, config: Config, *, names_only: bool = False
) -> tuple[list[Note], list[Fate]]:
    """The notes for one unit under the study policy, and a fate for each of its highlights.

    ``names_only``: the notes mark their facts as names and numbers (``names_style``), so a
    blank must be one."""
    if unit.kind == "heading":
        return [], [_fate(h, None, REASON_HEADING) for h in iter_highlights(unit.spans)]
    if unit.kind == "row":
        return _row_notes(unit, path, config, names_only)
    if unit.kind == "items":
        return _items_notes(unit, path, config, names_only)
    return _line_notes(unit, path, config, names_only)


def _starts(spans: tuple[Inline, ...], highlight: Highlight) -> bool:
    """Whether ``highlight`` is the first thing its line shows."""
    for span in spans:
        if span is highlight:
            return True
        if plain((span,)).strip():
            return False
    return False


def _fate(highlight: Highlight, answer: str | None, reason: str | None = None) -> Fate:
    return Fate(highlight.line, highlight.text, answer, reason)


# ---------------------------------------------------------------------------------------------
# A line: bullet, paragraph, quote


def _line_notes(
    unit: Unit, path: str, config: Config, names_only: bool
) -> tuple[list[Note], list[Fate]]:
    originals = list(iter_highlights(unit.spans))
    spans, swaps = swap_acronyms(clean_spans(unit.spans))
    swapped: dict[int, Highlight] = {id(s.expansion): s.acronym for s in swaps}
    spans, narrowed = narrow_spans(spans)
    context = context_for(unit)
    pieces = parts(spans)
    cut = len(pieces) > 1
    fates: dict[int, Fate] = {}
    notes: list[Note] = []
    for index, piece in enumerate(pieces):
        card = _Card(config.cloze == "unit")
        chosen: dict[int, str] = {}
        lift = False
        for highlight in iter_highlights(piece):
            cut_from = narrowed.get(id(highlight), highlight)
            origin = swapped.get(id(cut_from), cut_from)
            answer = clean_answer(highlight.text)
            if not answer:
                fates[id(origin)] = _fate(origin, None, REASON_EMPTY)
                continue
            rest = _plain_without(piece, highlight)
            cue, needs_subject = front_cue(rest, context)
            reason = (
                judge(
                    answer,
                    rest,
                    context.plain,
                    cue_elsewhere=True,
                    names_only=names_only,
                    at_start=_starts(piece, highlight),
                )
                or cue
            )
            if reason is not None:
                fates[id(origin)] = _fate(origin, None, reason)
                continue
            lift = lift or needs_subject
            chosen[id(highlight)] = answer
            note_reason = REASON_ACRONYM if cut_from is not origin else None
            fates[id(origin)] = _fate(origin, answer, note_reason)
        if not chosen:
            continue
        # A soft break inside a line is the notes' wrapping, not structure: a space.
        text = render(piece, _cloze_or_text(chosen, card))
        shown = context
        if lift:
            shown, _, subject = context.lift()
            text = f'<span class="cp-subject">{subject}</span>: {text}'
        # The back shows the rest of a cut line, not the clause the front already shows.
        others = [render(p, emphasise_clean) for i, p in enumerate(pieces) if i != index]
        whole = " … ".join(others) if cut else ""
        children = extra_html(unit.children, clean_line(plain(piece)))
        extra = (f'<div class="cp-line">{whole}</div>' if whole else "") + children
        notes.append(
            _note(
                unit,
                path,
                text=text,
                context=shown,
                extra=extra,
                key=plain(piece) if cut else plain(unit.spans),
                card=card,
            )
        )
    for highlight in originals:
        fates.setdefault(id(highlight), _fate(highlight, None, REASON_EMPTY))
    return notes, [fates[id(h)] for h in originals]


def front_cue(rest: str, context: Context) -> tuple[str | None, bool]:
    """Whether the front has words enough to cue its blank: (why not, or None; whether the
    context's last crumb must lead the front to give it enough). A front of a few words
    around a blank ("[...] (Big Data)") reads as a riddle even under the right heading."""
    own = content_words(rest)
    if own >= MIN_FRONT_WORDS:
        return None, False
    subject = context.crumbs[-1][0] if context.crumbs else ""
    # A long crumb would bury the line under it: it stays above, as context.
    liftable = bool(subject) and len(subject.split()) <= SUBJECT_WORDS and "…" not in subject
    if liftable and own + content_words(subject) >= MIN_LIFTED_WORDS:
        return None, True
    if own >= MIN_LIFTED_WORDS:
        return None, False
    return (REASON_WHOLE if own == 0 else REASON_CUE), False


def _cloze_or_text(chosen: dict[int, str], card: _Card) -> Callable[[Highlight], str]:
    """Chosen highlights become clozes; the others plain text (not emphasised: an emphasised
    word on the front reads as a hint)."""

    def show(highlight: Highlight) -> str:
        answer = chosen.get(id(highlight))
        if answer is None:
            return escape(clean_answer(highlight.text))
        return cloze(card.number(answer), answer)

    return show


def emphasise_clean(highlight: Highlight) -> str:
    return emphasise(Highlight(clean_answer(highlight.text), highlight.line))


def _plain_without(spans: tuple[Inline, ...], hidden: Highlight) -> str:
    """The text a card shows around ``hidden``."""
    out: list[str] = []

    def walk(items: tuple[Inline, ...]) -> None:
        for span in items:
            if isinstance(span, Text):
                out.append(span.text)
            elif isinstance(span, Highlight):
                out.append(" " if span is hidden else clean_answer(span.text))
            elif isinstance(span, Strong | Emphasis | Link):
                walk(span.children)

    walk(spans)
    return " ".join("".join(out).split())


# ---------------------------------------------------------------------------------------------
# An enumeration: items of one list under one parent, sharing a card


def _items_notes(
    unit: Unit, path: str, config: Config, names_only: bool
) -> tuple[list[Note], list[Fate]]:
    context = context_for(unit)
    card = _Card(config.cloze == "unit")
    lines: list[tuple[tuple[Inline, ...], bool]] = []
    for sibling in unit.siblings:
        lines.append((clean_spans(sibling.spans), sibling.line in unit.members))
    everything = " ".join(clean_line(plain(spans)) for spans, _ in lines)
    fates: list[Fate] = []
    chosen: dict[int, str] = {}
    if any(len(clean_line(plain(spans)).split()) > ITEM_WORDS for spans, _ in lines):
        blanks = [spans for spans, member in lines if member]
        return [], [_fate(h, None, REASON_SENTENCES) for b in blanks for h in iter_highlights(b)]
    for spans, member in lines:
        if not member:
            continue
        for highlight in iter_highlights(spans):
            answer = clean_answer(highlight.text)
            if not answer:
                fates.append(_fate(highlight, None, REASON_EMPTY))
                continue
            rest = everything.replace(clean_line(plain(spans)), _plain_without(spans, highlight))
            reason = judge(
                answer,
                rest,
                context.plain,
                cue_elsewhere=True,
                names_only=names_only,
                at_start=_starts(spans, highlight),
            )
            fates.append(_fate(highlight, None if reason else answer, reason))
            if reason is None:
                chosen[id(highlight)] = answer
    if not chosen:
        return [], fates
    show = _cloze_or_text(chosen, card)
    rows = []
    for spans, member in lines:
        if member:
            rows.append("• " + render(spans, show))
        else:
            rows.append("• " + escape(shorten(clean_line(plain(spans)), ITEM_CHARS)))
    members = [s for s in unit.siblings if s.line in unit.members]
    children = tuple(child for member in members for child in member.children)
    note = _note(
        unit,
        path,
        text="<br>".join(rows),
        context=context,
        extra=extra_html(children),
        key=" · ".join(plain(s.spans) for s in unit.siblings),
        card=card,
    )
    return [note], fates


# ---------------------------------------------------------------------------------------------
# A table row: "row label — column header: value"


def _row_notes(
    unit: Unit, path: str, config: Config, names_only: bool
) -> tuple[list[Note], list[Fate]]:
    highlights = [h for cell in unit.cells for h in iter_highlights(cell.spans)]
    if not unit.header:
        return [], [_fate(h, None, REASON_HEADER) for h in highlights]
    heads = [clean_line(plain(cell.spans)) for cell in unit.header]
    heads += [""] * (len(unit.cells) - len(heads))
    heads = [head or f"column {i + 1}" for i, head in enumerate(heads)]
    first = unit.header[0] if unit.header else None
    labelled = len(unit.cells) > 1 and (
        (first is not None and clean_line(plain(first.spans)).casefold() in LABEL_HEADERS)
        or (len(unit.cells) >= 3 and not any(iter_highlights(unit.cells[0].spans)))
    )
    label = clean_line(plain(unit.cells[0].spans)) if labelled else ""
    cells = [(heads[i], clean_spans(c.spans)) for i, c in enumerate(unit.cells)]
    if labelled:
        cells = cells[1:]
    lead = f"{label} — " if label else ""
    everything = " ".join(f"{lead}{head}: {plain(spans)}" for head, spans in cells)
    context = context_for(unit, key_suffix=" | ".join(heads))
    fates: list[Fate] = []
    chosen: dict[int, str] = {}
    for head, spans in cells:
        for highlight in iter_highlights(spans):
            answer = clean_answer(highlight.text)
            if not answer:
                fates.append(_fate(highlight, None, REASON_EMPTY))
                continue
            line = f"{lead}{head}: {plain(spans)}"
            rest = everything.replace(line, f"{lead}{head}: {_plain_without(spans, highlight)}")
            reason = judge(
                answer,
                rest,
                context.plain,
                cue_elsewhere=True,
                names_only=names_only,
                at_start=_starts(spans, highlight),
            )
            fates.append(_fate(highlight, None if reason else answer, reason))
            if reason is None:
                chosen[id(highlight)] = answer
    if not chosen:
        return [], fates
    card = _Card(config.cloze == "unit")
    show = _cloze_or_text(chosen, card)
    front: list[str] = []
    back: list[str] = []
    long_row = len(everything) > ROW_CHARS
    for head, spans in cells:
        blanked = any(id(h) in chosen for h in iter_highlights(spans))
        html = f"{escape(lead + head)}: "
        if blanked:
            front.append(html + render(spans, show))
        elif long_row:
            back.append(html + escape(shorten(clean_line(plain(spans)), EXTRA_CHARS)))
        else:
            front.append(html + escape(clean_line(plain(spans))))
    extra = f'<div class="cp-line">{"<br>".join(back)}</div>' if back else ""
    note = _note(
        unit,
        path,
        text="<br>".join(front),
        context=context,
        extra=extra,
        key=" | ".join(plain(cell.spans) for cell in unit.cells),
        card=card,
    )
    return [note], fates


# ---------------------------------------------------------------------------------------------
# The note and its back


def _says_something(child: Bullet | Paragraph, back: str) -> bool:
    folded = normalize(clean_line(plain(child.spans)))
    # "inputs" over a list of its own: a title for lines the back does not show.
    title = isinstance(child, Bullet) and bool(child.children) and len(folded.split()) <= 1
    return bool(folded) and folded not in GENERIC and folded != back and not title


def _note(
    unit: Unit, path: str, *, text: str, context: Context, extra: str, key: str, card: _Card
) -> Note:
    return Note(
        text=text,
        context=context.html,
        extra=extra,
        source=f"{path}:{unit.line}",
        key=key,
        context_key=context.key,
        highlights=tuple(card.answers),
        cards=1 if card.one_card else len(card.answers),
        line=unit.line,
        domain=unit.domain,
        sections=unit.sections,
        images=unit.images,
    )


def extra_html(children: tuple[Block, ...], back: str = "") -> str:
    """The back's list of child lines: one level, at most ``EXTRA_ITEMS``, each shortened.
    The back explains the line; it never pastes the whole section under it. A child that
    says nothing alone ("features", a heading for its own children) or repeats ``back`` is
    left out."""
    items: list[str] = []
    folded = normalize(back)
    shown = [c for c in children if isinstance(c, Bullet | Paragraph | Code)]
    shown = [c for c in shown if isinstance(c, Code) or _says_something(c, folded)]
    for child in shown[:EXTRA_ITEMS]:
        if isinstance(child, Code):
            code = "\n".join(child.text.rstrip().split("\n")[:8])
            items.append(f"<li><pre>{escape(code)}</pre></li>")
            continue
        text = clean_line(plain(child.spans))
        if not text:
            continue
        if len(text) > EXTRA_CHARS:
            items.append(f"<li>{escape(shorten(text, EXTRA_CHARS))}</li>")
        else:
            items.append(f"<li>{render(clean_spans(child.spans), emphasise_clean)}</li>")
    if len(shown) > EXTRA_ITEMS:
        items.append(f"<li>… {len(shown) - EXTRA_ITEMS} more</li>")
    return f'<ul class="cp-children">{"".join(items)}</ul>' if items else ""
