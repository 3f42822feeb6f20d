"""The card policy: which parts of the notes become Anki notes, and what each note shows.

Pure functions over the intermediate form, no genanki: a *unit* (a bullet's own line, a heading,
a paragraph, a quote, or a table row holding at least one highlight) goes in, the notes to make
come out (``notes_for``); ``plan`` does it for a whole document. The deck emitter only calls
``plan``.

``[tool.clozepress] cloze_policy`` picks the policy:

- ``study`` (default, ``cards_study``): cards shaped for study — context that makes the blank
  answerable, long lines cut to the clause holding the blank, noise cleaned up, and highlights
  that would make a bad blank left out, each one reported with its reason.
- ``all``: every non-empty highlight is a cloze of its unit, shown as the notes have it.

Escaping lives in ``cards_html``; the rules in ``cards_cleanup``, ``cards_context``,
``cards_choice`` and ``cards_size``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from .cards_choice import cue_words, names_style
from .cards_cleanup import clean_spans
from .cards_context import peer_runs
from .cards_dedupe import Seen, drop_same_fronts
from .cards_html import (
    SAFE_LINK_SCHEMES,
    SEPARATOR,
    emphasise,
    escape,
    escape_cloze,
    plain,
    render,
    safe_link,
)
from .cards_model import Fate, Note, Plan, Unit
from .cards_study import REASON_EMPTY, study_notes
from .config import Config
from .form.model import (
    Block,
    Bullet,
    Cell,
    Code,
    Diagnostic,
    Document,
    Highlight,
    Image,
    Inline,
    Paragraph,
    Quote,
    Section,
    Table,
    Text,
    all_highlights,
    has_highlight,
    iter_highlights,
)

__all__ = [
    "MAX_CLOZES",
    "SAFE_LINK_SCHEMES",
    "Fate",
    "Note",
    "Plan",
    "Unit",
    "emphasise",
    "escape",
    "escape_cloze",
    "notes_for",
    "plan",
    "render",
    "safe_link",
    "units",
]

#: Anki makes no card above c500 (cardgen.rs); more highlights than this in one unit are skipped.
MAX_CLOZES = 500

#: Reasons that are the notes' fault (warnings); every other reason is the policy's choice.
_WARNING_REASONS = (REASON_EMPTY, f"more than {MAX_CLOZES} clozes in one unit")


# ---------------------------------------------------------------------------------------------
# Finding units


def units(document: Document) -> list[Unit]:
    """Every unit of the document in source order."""
    out: list[Unit] = []
    for index, domain in enumerate(document.domains):
        owner = None
        if has_highlight(domain.spans):
            out.append(Unit("heading", domain.line, domain.spans, index, (), ()))
            owner = len(out) - 1
        _walk(domain.children, _Where(index, (domain.spans,), ()), owner, out)
    return out


@dataclass(frozen=True)
class _Where:
    domain: int
    headings: tuple[tuple[Inline, ...], ...]
    sections: tuple[str, ...]
    parents: tuple[tuple[Inline, ...], ...] = ()
    in_quote: bool = False


def _walk(
    blocks: tuple[Block | Section, ...], where: _Where, owner: int | None, out: list[Unit]
) -> None:
    """Collect units from ``blocks``; ``owner`` indexes the unit that images here belong to
    when no unit precedes them among their siblings."""
    previous: int | None = None
    siblings = tuple(block for block in blocks if isinstance(block, Bullet))
    levels: set[int] = set()
    for block in blocks:
        if isinstance(block, Section):
            sections = (*where.sections, block.title)
            own = None
            if has_highlight(block.spans):
                out.append(
                    Unit("heading", block.line, block.spans, where.domain, where.headings, sections)
                )
                own = len(out) - 1
            inner = _Where(where.domain, (*where.headings, block.spans), sections)
            # Sections the author meant as this one's peers sit at the level of its earlier
            # siblings: they keep the context this section has, not this section's title.
            for run, peers in peer_runs(block, levels):
                _walk(run, where if peers else inner, own, out)
            levels.add(block.level)
            previous = None
        elif isinstance(block, Bullet):
            own = None
            if has_highlight(block.spans):
                out.append(
                    Unit(
                        "bullet",
                        block.line,
                        block.spans,
                        where.domain,
                        where.headings,
                        where.sections,
                        where.parents,
                        children=block.children,
                        siblings=siblings,
                    )
                )
                own = previous = len(out) - 1
            inner = dataclasses.replace(where, parents=(*where.parents, block.spans))
            _walk(block.children, inner, own if own is not None else owner, out)
        elif isinstance(block, Paragraph):
            if has_highlight(block.spans):
                kind = "quote" if where.in_quote else "paragraph"
                out.append(
                    Unit(
                        kind,
                        block.line,
                        block.spans,
                        where.domain,
                        where.headings,
                        where.sections,
                        where.parents,
                    )
                )
                previous = len(out) - 1
        elif isinstance(block, Table):
            no_header: tuple[Cell, ...] = ()
            rows = [(block.line, block.header, no_header)]
            rows += [(row.line, row.cells, block.header) for row in block.rows]
            for line, cells, header in rows:
                if any(has_highlight(cell.spans) for cell in cells):
                    out.append(
                        Unit(
                            "row",
                            line,
                            (),
                            where.domain,
                            where.headings,
                            where.sections,
                            where.parents,
                            cells=cells,
                            header=header,
                        )
                    )
                    previous = len(out) - 1
        elif isinstance(block, Quote):
            inner = dataclasses.replace(where, in_quote=True)
            _walk(block.children, inner, previous if previous is not None else owner, out)
        elif isinstance(block, Image):
            # An image illustrates the line just above it; failing that, what it is nested under.
            target = previous if previous is not None else owner
            if target is not None:
                unit = out[target]
                out[target] = dataclasses.replace(unit, images=(*unit.images, block))
        # Code blocks hold no highlights and make no card.


def enumerations(found: list[Unit]) -> list[Unit]:
    """Items of one list under one parent bullet whose lines are nothing but their highlight
    ("Deploy options:" › `single AZ` › `Cross AZ`) share one card, an ``items`` unit: alone,
    each would be a blank with no cue; together, the list is the cue."""
    groups: dict[tuple[int, int], list[Unit]] = {}
    for unit in found:
        if _is_item(unit):
            groups.setdefault((unit.domain, unit.siblings[0].line), []).append(unit)
    out: list[Unit] = []
    for unit in found:
        if not _is_item(unit):
            out.append(unit)
            continue
        members = groups[(unit.domain, unit.siblings[0].line)]
        if unit is members[0]:
            out.append(
                dataclasses.replace(
                    unit,
                    kind="items",
                    members=tuple(m.line for m in members),
                    children=(),
                    images=tuple(image for m in members for image in m.images),
                )
            )
    return out


def _is_item(unit: Unit) -> bool:
    if unit.kind != "bullet" or not unit.parents or len(unit.siblings) < 2:
        return False
    # One highlight and nothing else: with two ("`X`: `Y`"), each is the other's cue.
    spans = clean_spans(unit.spans)
    rest = "".join(span.text for span in spans if isinstance(span, Text))
    return cue_words(rest) == 0 and len(list(iter_highlights(spans))) == 1


# ---------------------------------------------------------------------------------------------
# Units into notes


def plan(document: Document, config: Config) -> Plan:
    """The notes for every unit of ``document``, and what became of every highlight."""
    found = units(document)
    if config.cloze_policy == "study":
        found = enumerations(found)
    names_only = names_style([h.text.strip() for h in all_highlights(document)])
    notes: list[Note] = []
    fates: list[Fate] = []
    seen = Seen()
    for unit in found:
        made, fated = shape(unit, document.path, config, names_only=names_only)
        if config.cloze_policy == "study":
            made, fated = seen.dedupe(made, fated)
        notes.extend(made)
        fates.extend(fated)
    if config.cloze_policy == "study":
        notes, fates = drop_same_fronts(notes, fates)
    fates.sort(key=lambda f: f.line)
    warnings = [_diagnostic(document.path, f) for f in fates if f.reason in _WARNING_REASONS]
    skipped = [
        _diagnostic(document.path, f)
        for f in fates
        if f.reason is not None and f.reason not in _WARNING_REASONS
    ]
    return Plan(tuple(notes), tuple(warnings), tuple(fates), tuple(skipped))


def notes_for(unit: Unit, path: str, config: Config) -> tuple[list[Note], list[Diagnostic]]:
    """The notes one unit makes, and a diagnostic for each of its highlights that is not a
    cloze of its own: a ``warning`` when the notes are at fault (an empty highlight), an
    ``info`` when the policy chose so (with the reason)."""
    notes, fates = shape(unit, path, config)
    return notes, [_diagnostic(path, f) for f in fates if f.reason is not None]


def shape(
    unit: Unit, path: str, config: Config, *, names_only: bool = False
) -> tuple[list[Note], list[Fate]]:
    """The notes one unit makes and the fate of each of its highlights (``names_only``: the
    document marks its facts as names and numbers, see ``cards_choice.names_style``)."""
    if config.cloze_policy == "study":
        return study_notes(unit, path, config, names_only=names_only)
    return _every_highlight(unit, path, config)


def _quoted(text: str, limit: int = 40) -> str:
    """A highlight as a message names it: in backticks, long ones shortened."""
    return f"`{text if len(text) <= limit else text[: limit - 1] + '…'}`"


def _diagnostic(path: str, fate: Fate) -> Diagnostic:
    if fate.reason in _WARNING_REASONS:
        return Diagnostic(path, fate.line, "warning", f"highlight skipped: {fate.reason}")
    if fate.answer is not None:
        message = f"highlight not blanked: {fate.reason} ({fate.answer!r})"
    else:
        message = f"highlight not a card ({_quoted(fate.highlight)}): {fate.reason}"
    return Diagnostic(path, fate.line, "info", message)


# ---------------------------------------------------------------------------------------------
# cloze_policy = "all": every highlight a cloze, the unit as the notes have it


def _every_highlight(unit: Unit, path: str, config: Config) -> tuple[list[Note], list[Fate]]:
    numbers = _Numbering(config.cloze == "unit")
    fates: list[Fate] = []

    def cloze(highlight: Highlight) -> str:
        answer = highlight.text.strip()
        if not answer:
            fates.append(Fate(highlight.line, highlight.text, None, REASON_EMPTY))
            return ""
        number = numbers.next(answer)
        if number > MAX_CLOZES:
            numbers.undo()
            fates.append(Fate(highlight.line, highlight.text, None, _WARNING_REASONS[1]))
            return escape(answer)
        fates.append(Fate(highlight.line, highlight.text, answer))
        return f"{{{{c{number}::{escape_cloze(answer)}}}}}"

    if unit.kind == "row":
        text = _row_html(unit, cloze)
        key = " | ".join(plain(cell.spans) for cell in unit.cells)
    else:
        text = render(unit.spans, cloze, breaks="<br>")
        key = plain(unit.spans)
    if not numbers.answers:
        return [], fates  # never a note with zero cards
    crumbs = [*unit.headings, *unit.parents]
    context = SEPARATOR.join(render(c, emphasise) for c in crumbs if plain(c))
    context_key = " › ".join(plain(c) for c in crumbs if plain(c))
    if unit.header:
        context_key += " › " + " | ".join(plain(cell.spans) for cell in unit.header)
    note = Note(
        text=text,
        context=context,
        extra=_extra_html(unit.children),
        source=f"{path}:{unit.line}",
        key=key,
        context_key=context_key,
        highlights=tuple(numbers.answers),
        cards=len(set(numbers.numbers)),
        line=unit.line,
        domain=unit.domain,
        sections=unit.sections,
        images=unit.images,
    )
    return [note], fates


@dataclass
class _Numbering:
    one_card: bool
    answers: list[str] = dataclasses.field(default_factory=list)
    numbers: list[int] = dataclasses.field(default_factory=list)

    def next(self, answer: str) -> int:
        number = 1 if self.one_card else len(self.answers) + 1
        self.answers.append(answer)
        self.numbers.append(number)
        return number

    def undo(self) -> None:
        self.answers.pop()
        self.numbers.pop()


def _row_html(unit: Unit, cloze: Callable[[Highlight], str]) -> str:
    # The header row sits above the row, so every value is read against its column.
    parts = ['<table class="cp-row">']
    if unit.header:
        heads = "".join(f"<th>{render(c.spans, emphasise)}</th>" for c in unit.header)
        parts.append(f"<tr>{heads}</tr>")
    cells = "".join(f"<td>{render(c.spans, cloze)}</td>" for c in unit.cells)
    parts.append(f"<tr>{cells}</tr></table>")
    return "".join(parts)


def _extra_html(children: tuple[Block, ...]) -> str:
    # One level only: the back explains the line, it does not paste the whole subtree.
    items: list[str] = []
    for child in children:
        if isinstance(child, Bullet | Paragraph) and child.spans:
            items.append(f"<li>{render(child.spans, emphasise)}</li>")
        elif isinstance(child, Code):
            items.append(f"<li><pre>{escape(child.text.rstrip())}</pre></li>")
    return f'<ul class="cp-children">{"".join(items)}</ul>' if items else ""
