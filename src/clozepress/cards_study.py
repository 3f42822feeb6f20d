"""The study policy: one unit in, the notes worth studying out, and the fate of each highlight.

Wires the rules together: clean-up (``cards_cleanup``), context (``cards_context``), what to
blank (``cards_choice``) and size (``cards_size``). Every highlight of the unit gets a ``Fate``:
the answer a card hides for it, or the reason it has no cloze of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .cards_choice import (
    GENERIC,
    REASON_ACRONYM,
    REASON_ASIDE,
    REASON_WHOLE,
    STOP,
    content_words,
    judge,
    normalize,
    swap_acronyms,
    word_set,
)
from .cards_cleanup import clean_answer, clean_line, clean_spans, clean_text, drop_dangling
from .cards_context import PREPOSITIONS, VERBS, Context, context_for, shorten
from .cards_cues import bare_number, cue_gives_away, dangling_front, magnitude, weak_or_label
from .cards_filler import other_half, single_answer
from .cards_front import (
    drop_intro_tail,
    drop_lead_in,
    drop_lead_items,
    function_verbs,
    has_relation,
    has_verb,
    inside_brackets,
    join_restating,
    new_words,
    split_gloss,
    subject_ok,
)
from .cards_generic import category_answer, contrast_side, joins_facts, label_blank
from .cards_giveaway import (
    drop_restating,
    fold_acronyms,
    front_gives_away,
    restates,
    spells_loosely,
)
from .cards_html import cloze, emphasise, escape, plain, render
from .cards_model import Fate, Note, Unit
from .cards_narrow import LEAD_WORDS, narrow_spans
from .cards_open import label_term, names_tool, review_in_unit
from .cards_qualify import absorb_qualifiers
from .cards_rank import REASON_JOINED, REASON_ONE_LINE, REASON_VAGUE, is_vague, join_pairs, rank
from .cards_size import parts
from .config import Config
from .form.model import (
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
    has_highlight,
    iter_highlights,
)

REASON_HEADING = "in a heading: a title is the context of cards, not a fact"
REASON_HEADER = "in a table's header row: a column title, not a fact"
REASON_EMPTY = "empty highlight: no card"
#: A header cell like these names the row-label column ("|difference|Data Streams|Firehose|").
LABEL_HEADERS = frozenset({"", "difference", "spec", "feature", "features", "aspect", "item"})
#: The back lists at most this many lines (the rest of a cut line counts as one), each at
#: most ``EXTRA_CHARS`` long: it explains the blank, it does not paste the section.
EXTRA_ITEMS = 3
EXTRA_CHARS = 160
#: A row longer than this shows only its blanked cells on the front (the rest on the back).
ROW_CHARS = 220
#: A front with fewer content words than this (outside the blank) is led by its subject...
MIN_FRONT_WORDS = 4
#: ... and with fewer than this even then (its own and the subject's), it makes no card.
MIN_LIFTED_WORDS = 2
#: A front keeps at least this many words its nearest crumb does not already say.
MIN_FRESH_WORDS = 2
REASON_BARE = "a bare list item (no words of its own to cue it): any item of the list fits"
REASON_CUE = "too few words on the front to cue the blank, even with its subject"
REASON_NO_LINK = "no verb links the front's subject to the blank, and no parent to lead it"


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


def _fate_of(fate: Fate, reason: str) -> Fate:
    return Fate(fate.line, fate.highlight, None, reason)


def _fate(highlight: Highlight, answer: str | None, reason: str | None = None) -> Fate:
    return Fate(highlight.line, highlight.text, answer, reason)


# ---------------------------------------------------------------------------------------------
# A line: bullet, paragraph, quote


def _line_notes(
    unit: Unit, path: str, config: Config, names_only: bool
) -> tuple[list[Note], list[Fate]]:
    originals = list(iter_highlights(unit.spans))
    context = context_for(unit)
    spans = clean_spans(unit.spans)
    spans = drop_lead_in(drop_intro_tail(spans, plain(unit.spans), bool(unit.children)))
    line = _weigh(spans, context, names_only, join=True)
    if line.joined_rejected:
        # "A or B" as one blank failed (too long, a list): each half competes alone.
        line = _weigh(spans, context, names_only, join=False)
    fates = line.fates
    for candidate in list(line.candidates):
        before, after = _sides(candidate.shown, candidate.highlight)
        reason = review_in_unit(unit, candidate.origin, candidate.answer, before, after)
        if reason is not None:
            line.candidates.remove(candidate)
            fates[id(candidate.origin)] = _fate(candidate.origin, None, reason)
            if candidate.partner is not None:
                fates[id(candidate.partner)] = _fate(candidate.partner, None, reason)
    notes: list[Note] = []
    if line.candidates:
        # One card per line: sibling cards of one line answer each other.
        # Ties go to a blank inside the line: its subject comes before it.
        best = max(line.candidates, key=lambda c: (c.rank, not c.at_start, -c.order))
        for other in line.candidates:
            if other is not best:
                fates[id(other.origin)] = _fate(other.origin, None, REASON_ONE_LINE)
                if other.partner is not None:
                    fates[id(other.partner)] = _fate(other.partner, None, REASON_ONE_LINE)
        if best.partner is not None:
            fates[id(best.partner)] = _fate(best.partner, None, REASON_JOINED)
        notes.append(_line_note(unit, path, config, line, best))
    for highlight in originals:
        fates.setdefault(id(highlight), _fate(highlight, None, REASON_EMPTY))
    return notes, [fates[id(h)] for h in originals]


@dataclass
class _Candidate:
    """A highlight of a line that would make a good blank."""

    piece: int
    highlight: Highlight
    answer: str
    origin: Highlight
    partner: Highlight | None
    """The second highlight of an "A or B" pair joined into this blank."""
    rank: int
    order: int
    lift: bool
    at_start: bool
    shown: tuple[Inline, ...]
    """The clause as the front shows it (list items before it and a gloss after the blank cut)."""
    gloss: str


@dataclass
class _Line:
    pieces: list[tuple[Inline, ...]]
    candidates: list[_Candidate]
    fates: dict[int, Fate]
    joined_rejected: bool
    #: the source line (counted in hard breaks) each piece starts on
    rows: list[int]


def _weigh(spans: tuple[Inline, ...], context: Context, names_only: bool, *, join: bool) -> _Line:
    """Every highlight of a line reviewed as a blank: the good ones as candidates, a fate
    for each of the others."""
    spans, swaps = swap_acronyms(spans)
    swapped: dict[int, Highlight] = {id(s.expansion): s.acronym for s in swaps}
    spans, narrowed = narrow_spans(spans)
    spans, folded = fold_acronyms(spans)
    narrowed.update({k: narrowed.get(id(v), v) for k, v in folded.items()})
    spans, qualified = absorb_qualifiers(spans)
    narrowed.update({k: narrowed.get(id(v), v) for k, v in qualified.items()})
    pairs: dict[int, tuple[Highlight, Highlight]] = {}
    if join:
        spans, pairs = join_pairs(spans)

    def origin_of(highlight: Highlight) -> tuple[Highlight, bool]:
        cut_from = narrowed.get(id(highlight), highlight)
        return swapped.get(id(cut_from), cut_from), cut_from is not swapped.get(
            id(cut_from), cut_from
        )

    raw = parts(spans)
    pieces = [_trim_end(piece) for piece in raw]
    out = _Line(pieces, [], {}, False, _rows(raw))
    order = 0
    for index, piece in enumerate(pieces):
        for highlight in iter_highlights(piece):
            pair = pairs.get(id(highlight))
            origin, expands = origin_of(pair[0] if pair else highlight)
            partner = origin_of(pair[1])[0] if pair else None
            answer = clean_answer(highlight.text)
            order += 1
            shown, gloss = split_gloss(drop_lead_items(piece, highlight), highlight)
            others = [_sides(piece, h)[1] for h in iter_highlights(piece) if h is not highlight]
            # Two highlights joined ("S3/Athena", "SaaS applications and AWS") are two facts
            # too, unless a fixed pair: rejected, each half competes alone.
            reason = _reason(answer, shown, highlight, context, names_only, expands) or (
                joins_facts(answer)
            )
            reason = reason or contrast_side(_sides(piece, highlight)[1], others)
            if reason is not None:
                out.fates[id(origin)] = _fate(origin, None, reason)
                if partner is not None:
                    out.fates[id(partner)] = _fate(partner, None, reason)
                    out.joined_rejected = True
                continue
            ends = _ends_at_blank(shown, highlight)
            lift = front_cue(_plain_without(shown, highlight), context, ends=ends)[1] or (
                headless(shown, highlight) and can_lift(context)
            )
            at_start = _starts(shown, highlight)
            out.candidates.append(
                _Candidate(
                    index,
                    highlight,
                    answer,
                    origin,
                    partner,
                    rank(answer, at_start=at_start),
                    order,
                    lift,
                    at_start,
                    shown,
                    gloss,
                )
            )
            note_reason = REASON_ACRONYM if expands else None
            out.fates[id(origin)] = _fate(origin, answer, note_reason)
    return out


def _rows(raw: list[tuple[Inline, ...]]) -> list[int]:
    """The source line each part starts on: a part after one ending in a hard break is on
    the next line."""
    rows: list[int] = []
    row = 0
    for piece in raw:
        rows.append(row)
        end = piece[-1] if piece else None
        row += isinstance(end, Text) and end.text.endswith("\n")
    return rows


def _reason(
    answer: str,
    piece: tuple[Inline, ...],
    highlight: Highlight,
    context: Context,
    names_only: bool,
    expands: bool,
) -> str | None:
    """Why a highlight of a line makes no good blank; None when it does."""
    if not answer:
        return REASON_EMPTY
    if _EDGE_MARK.search(answer):
        return REASON_EDGE
    rest = _plain_without(piece, highlight)
    before, after = _sides(piece, highlight)
    crumb = context.crumbs[-1][0] if context.crumbs else ""
    return (
        (REASON_ASIDE if inside_brackets(before) else None)
        or review(answer, piece, highlight, context.plain, names_only=names_only, expands=expands)
        or (REASON_VAGUE if is_vague(answer, names_only=names_only) else None)
        or category_answer(answer, crumb)
        or label_blank(answer, before, after)
        or restates(answer, before, after)
        or front_cue(rest, context, ends=_ends_at_blank(piece, highlight))[0]
        or dangling_front(clean_text(f"{before}{answer}{after}"))
        or cue_gives_away(answer, f"{rest} {context.plain}")
        or weak_or_label(answer, before, after)
        or bare_number(answer, before, after)
        or magnitude(answer)
        or label_term(answer, before, after)
        or names_tool(answer)
    )


def _ends_at_blank(piece: tuple[Inline, ...], highlight: Highlight) -> bool:
    """Whether nothing but punctuation follows the blank: no predicate after it."""
    return not _sides(piece, highlight)[1].strip(" .!?,;:)")


def _line_note(unit: Unit, path: str, config: Config, line: _Line, best: _Candidate) -> Note:
    """The card of a line: its best blank, in the clause that holds it."""
    card = _Card(config.cloze == "unit")
    piece, restated = join_restating(drop_restating(best.shown, best.highlight), best.highlight)
    chosen = {id(best.highlight): f"{best.answer}, {restated}" if restated else best.answer}
    context = context_for(unit)
    # A soft break inside a line is the notes' wrapping, not structure: a space.
    text = render(drop_articles(piece, chosen), _cloze_or_text(chosen, card))
    shown = context
    if best.lift:
        shown, _, subject = context.lift()
        if subject:
            text = f'<span class="cp-subject">{subject}</span>: {text}'
    cut = len(line.pieces) > 1
    # The back shows the rest of a cut line, not the clause the front already shows, and
    # only the rest of the same source line: a line the notes run on after a soft break
    # ("-` vs Athena`", no space after the dash) is a sibling, not part of this one.
    others = [
        render(p, emphasise_clean)
        for i, p in enumerate(line.pieces)
        if i != best.piece and line.rows[i] == line.rows[best.piece]
    ]
    whole = " … ".join(others) if cut else ""
    gloss = f'<div class="cp-gloss">({escape(best.gloss)})</div>' if best.gloss else ""
    limit = EXTRA_ITEMS - bool(whole) - bool(gloss)
    children = extra_html(unit.children, clean_line(plain(piece)), limit=limit)
    extra = gloss + (f'<div class="cp-line">{whole}</div>' if whole else "") + children
    return _note(
        unit,
        path,
        text=text,
        context=shown,
        extra=extra,
        key=plain(piece) if cut else plain(unit.spans),
        card=card,
    )


#: An answer that starts or ends with an arrow or punctuation is a cut-off clause.
_EDGE_MARK = re.compile(r"^(?:[-=]>|[-–—,;:>]|<-)|(?:[-=]>|[-–—,;:/<(])$")
REASON_EDGE = "the blank starts or ends with an arrow or punctuation: a cut-off clause"


_ARTICLE = re.compile(r"\b[Aa]n?\s+$")


_DANGLING_END = re.compile(r"\s*(?:=>|->|[:,;：，；–—]|\s-|\s(?:to|for|with|and|or))\s*$")


def _trim_end(piece: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """A clause of a cut line without the "=>" or ":" that led into the next clause."""
    # A highlight the clean-up emptied ("`(BP7, BP6)`") shows nothing: it is not the end.
    piece = tuple(s for s in piece if not (isinstance(s, Highlight) and not clean_answer(s.text)))
    if piece and isinstance(piece[-1], Text):
        text = _DANGLING_END.sub("", piece[-1].text)
        piece = (*piece[:-1], Text(text)) if text else piece[:-1]
    # A clause in parentheses keeps them: cut from the clause it comments on ("... detected
    # by ELB. (By default ASG uses its own [...].)"), it is an aside, not a card.
    return drop_dangling(piece)


def drop_articles(spans: tuple[Inline, ...], chosen: dict[int, str]) -> tuple[Inline, ...]:
    """ "a"/"an" right before a blank is dropped: the article must not hint at the answer's
    first sound ("an [...] function" gives a vowel away), and "a(n)" reads as an artefact."""
    out = list(spans)
    for index in range(1, len(out)):
        span, before = out[index], out[index - 1]
        if isinstance(span, Highlight) and id(span) in chosen and isinstance(before, Text):
            out[index - 1] = Text(_ARTICLE.sub("", before.text))
    return tuple(out)


#: A front opening with one of these leans on a subject it does not name.
HEADLESS_STARTS = VERBS | PREPOSITIONS | word_set("when connect integrate integrates must")
_FIRST = re.compile(r"[A-Za-z][A-Za-z'-]*")
_NAMED = re.compile(r"[A-Z]|\d")


def headless(piece: tuple[Inline, ...], highlight: Highlight) -> bool:
    """Whether the front names nothing outside its blank and opens with a verb, a preposition
    or "When"/"Connect"/"must": it needs its subject heading to lead it."""
    before, after = _sides(piece, highlight)
    first = _FIRST.match(before.lstrip())
    if first is None or first.group(0).lower() not in HEADLESS_STARTS:
        return False
    words = f"{before[first.end() :]} {after}".split()
    return not any(_NAMED.search(word) for word in words)


def front_cue(rest: str, context: Context, *, ends: bool = False) -> tuple[str | None, bool]:
    """Whether the front has words enough to cue its blank: (why not, or None; whether the
    context's last crumb must lead the front to give it enough). A front of a few words
    around a blank ("[...] (Big Data)") reads as a riddle even under the right heading.
    ``ends``: the front ends at the blank, so only a verb or mark before it links the two."""
    own = content_words(rest)
    # Words the nearest crumb does not say: "to use [...] Access Points" under "S3 – Access
    # Points" has one. (A heading further up naming the subject is no fault of the line.)
    fresh = new_words(rest, context.crumbs[-1][0] if context.crumbs else "")
    # What follows the blank is its predicate ("the [...] modifies, sorts and packages ...").
    related = has_relation(rest) or (not ends and fresh >= MIN_FRONT_WORDS)
    if fresh >= MIN_FRONT_WORDS and related:
        return None, False
    # A parent leads the front only as a short noun phrase naming the subject; a list of
    # traits, a slash pair or a one-word label stays above, as context. A heading always
    # stays above: headings are the context line of every card.
    subject = context.lift()[1] if context.parents else ""
    if subject_ok(subject) and own and own + content_words(subject) >= MIN_LIFTED_WORDS:
        return None, True
    if own == 0:
        return REASON_WHOLE, False
    if fresh < MIN_FRESH_WORDS:
        return REASON_CUE, False  # "to use [...] Access Points" under "S3 – Access Points"
    if not related:
        return REASON_NO_LINK, False  # "Instances in Private Subnet [...]"
    # Under a heading, as anywhere, a front of two words ("fully managed and [...]") is a
    # fragment: the heading stays above it, it does not lead it.
    if own >= MIN_LIFTED_WORDS:
        return None, False
    # Two words make a sentence when one is the subject and one its verb ("Lysosomes
    # contain [...]", "dict keys must be [...]").
    if own + function_verbs(rest) >= MIN_LIFTED_WORDS and has_verb(rest):
        return None, False
    return REASON_CUE, False


def can_lift(context: Context) -> bool:
    """Whether the context's last crumb is a parent line that may lead the front."""
    return bool(context.parents) and subject_ok(context.lift()[1])


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
    before, after = _sides(spans, hidden)
    return " ".join(f"{before} {after}".split())


_HOLE = "\x00"


def _sides(spans: tuple[Inline, ...], hidden: Highlight) -> tuple[str, str]:
    """The text a card shows before and after ``hidden``."""
    out: list[str] = []

    def walk(items: tuple[Inline, ...]) -> None:
        for span in items:
            if isinstance(span, Text):
                out.append(span.text)
            elif isinstance(span, Highlight):
                out.append(_HOLE if span is hidden else clean_answer(span.text))
            elif isinstance(span, Strong | Emphasis | Link):
                walk(span.children)

    walk(spans)
    before, _, after = "".join(out).partition(_HOLE)
    return before, after


#: A term defined by the rest of its line ("`Application`: collection of components"): the
#: term is the fact to recall, even in notes that mark facts as names.
#: "[Reserved] (min 1 year): cost savings": a property in parentheses may come first.
_DEFINES = re.compile(r"^\s*(?:[(（][^()（）]*[)）]\s*)?(?:[:：=]|\s[-–—]\s)")
#: The definition must say this much for the term to be recalled from it.
DEFINITION_WORDS = 4
TERM_WORDS = 3


#: An acronym and the opening parenthesis of its gloss, right before a blank.
_GLOSSED = re.compile(r"\b([A-Z][A-Za-z0-9&]{1,7})\s*[(（]\s*$")
#: "Storage Options: [...]": a label and its blank, nothing to say what is asked.
_LABEL_ONLY = re.compile(r"^\s*[^:：]{1,40}[:：]\s*$")
REASON_LABEL = "a label and a blank: nothing on the front says what is asked"


#: Words that make a lowercase phrase a clause or a fragment, not a term ("provision a
#: throughput", "reducing the stress", "the optimal capacity").
_NOT_TERM = (
    STOP
    | LEAD_WORDS
    | GENERIC
    | word_set(
        """
    more most less least all any some many few each every other own new old same multiple
    additional higher lower typical default different differnt heavy manual single
    needs need create detect replicate update improves improve minimize restore alert make
    makes cross ms application applications system
    """
    )
)
_TERM_WORD = re.compile(r"[a-z][a-z0-9-]*")
_VERB_FORM = re.compile(r"(?:ing|ed|ly)$")


def is_compound_term(answer: str) -> bool:
    """A lowercase compound noun of two words ("task definition", "bastion host",
    "security group"): a term worth recalling even in notes that mark facts as names."""
    words = answer.split()
    return len(words) == 2 and all(
        _TERM_WORD.fullmatch(w) and w not in _NOT_TERM and not _VERB_FORM.search(w) for w in words
    )


def defines_term(answer: str, before: str, after: str) -> bool:
    """Whether the blank is a term that the rest of its line defines."""
    return (
        not before.strip()
        and bool(_DEFINES.match(after))
        and len(answer.split()) <= TERM_WORDS
        and content_words(after) >= DEFINITION_WORDS
    )


def review(
    answer: str,
    spans: tuple[Inline, ...],
    highlight: Highlight,
    context: str,
    *,
    names_only: bool,
    rest: str | None = None,
    expands: bool = False,
) -> str | None:
    """Why ``highlight`` (shown as ``answer``) in ``spans`` should not be a blank; None when
    it makes a good one. ``rest``: the front around it, when more than ``spans`` shows;
    ``expands``: the blank spells out an acronym the line defines ("FTP: [...]"), so the
    acronym on the front is the question, not a give-away."""
    before, after = _sides(spans, highlight)
    around = " ".join(f"{before} {after}".split()) if rest is None else rest
    glossed = _GLOSSED.search(before)
    if glossed and after.lstrip().startswith((")", "）")) and spells_loosely(glossed[1], answer):
        # "the GIL ([...])": the meaning of the acronym before it, not an aside.
        around = around.replace(f"{glossed[0]} ", f"{glossed[1]} ", 1)
        expands = True
    term = defines_term(answer, before, after) or is_compound_term(answer)
    reason = judge(
        answer,
        around,
        context,
        cue_elsewhere=True,
        names_only=names_only and not term,
        at_start=_starts(spans, highlight),
    )
    if reason is not None:
        return reason
    # A number under its label is a fact ("Concurrency executions: [1000]"); a name is not.
    numeric = any(c.isdigit() for c in answer)
    labelled = _LABEL_ONLY.match(before) and not after.strip(" .,;:!?)")
    if labelled and not numeric and content_words(before) <= 3:
        return REASON_LABEL
    return single_answer(answer, before, after) or front_gives_away(
        answer, around, acronyms=not expands
    )


# ---------------------------------------------------------------------------------------------
# An enumeration: items of one list under one parent, sharing a card


def _items_notes(
    unit: Unit, path: str, config: Config, names_only: bool
) -> tuple[list[Note], list[Fate]]:
    # A list item that is only its highlight has no descriptor: the blank is "name one of
    # these", and blind reviews fixed or dropped most such cards. No card.
    members = [s for s in unit.siblings if s.line in unit.members]
    return [], [_fate(h, None, REASON_BARE) for m in members for h in iter_highlights(m.spans)]


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
    named: dict[int, Highlight] = {}
    if labelled:
        cells = cells[1:]
    else:
        cells, named = _describe_names(cells, unit.line)
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
            reason = review(
                answer, spans, highlight, context.plain, names_only=names_only, rest=rest
            ) or other_half(answer, rest)
            # A description blanked in its name's place: the fate is the name's.
            origin = named.get(id(highlight), highlight)
            why = REASON_NAME_CUE if origin is not highlight and reason is None else reason
            fates.append(_fate(origin, None if reason else answer, why))
            if reason is None:
                chosen[id(highlight)] = answer
    if not chosen:
        return [], fates
    # One card per row, as per line: the strongest blank (first of equals).
    keep = max(chosen.values(), key=lambda a: (rank(a), -list(chosen.values()).index(a)))
    for fate in fates:
        if fate.answer is not None and fate.answer != keep:
            fates[fates.index(fate)] = _fate_of(fate, REASON_ONE_LINE)
    chosen = {k: v for k, v in chosen.items() if v == keep}
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


REASON_NAME_CUE = (
    "a name in a name → description table: the name is the cue, its description the blank"
)


def _describe_names(
    cells: list[tuple[str, tuple[Inline, ...]]], line: int
) -> tuple[list[tuple[str, tuple[Inline, ...]]], dict[int, Highlight]]:
    """In a two-column "name | description" row whose name is the highlight ("`pip` | install
    packages"), the description is blanked and the name shown: "tool: [...] / purpose:
    install packages" has many right answers, "tool: pip / purpose: [...]" has one."""
    if len(cells) != 2:
        return cells, {}
    (name_head, name), (text_head, text) = cells
    if len(name) != 1 or not isinstance(name[0], Highlight) or has_highlight(text):
        return cells, {}
    description = clean_line(plain(text))
    if len(description.split()) < 2:
        return cells, {}
    shown = (Text(clean_answer(name[0].text)),)
    blank = Highlight(description, line)
    return [(name_head, shown), (text_head, (blank,))], {id(blank): name[0]}


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


def extra_html(children: tuple[Block, ...], back: str = "", limit: int = EXTRA_ITEMS) -> str:
    """The back's list of child lines: one level, at most ``EXTRA_ITEMS``, each shortened.
    The back explains the line; it never pastes the whole section under it. A child that
    says nothing alone ("features", a heading for its own children) or repeats ``back`` is
    left out."""
    items: list[str] = []
    folded = normalize(back)
    listed = [c for c in children if isinstance(c, Bullet | Paragraph | Code)]
    shown = [c for c in listed if isinstance(c, Code) or _says_something(c, folded)]
    # A child with a highlight of its own is a card of its own: not this card's back.
    shown = [c for c in shown if isinstance(c, Code) or not has_highlight(c.spans)]
    # What is left of a list some of whose items were taken out ("- FSx for OpenZFS" after
    # three FSx items with cards of their own) reads as a stray line in blind review: the
    # back shows a line's children whole or not at all.
    if len(shown) < len(listed):
        return ""
    for child in shown[:limit]:
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
    if len(shown) > limit:
        items.append(f"<li>… {len(shown) - limit} more</li>")
    return f'<ul class="cp-children">{"".join(items)}</ul>' if items else ""
