"""The card policy: units in, notes out, each highlight's fate recorded with the rule that
decided it. The stages run in order (shape, skip, blank, repair); see ``rules`` for what each
stage decides and ``RULERS`` for every rule in the order it runs."""

from __future__ import annotations

import dataclasses
from typing import Any

from ..config import Config
from ..form.model import Diagnostic, Document
from ..read.cues import Cues
from . import (
    anchors,
    asides,
    bare,
    brackets,
    children,
    clauses,
    code,
    codepointer,
    connectives,
    continued,
    debris,
    deixis,
    echo,
    enumeration,
    examplelists,
    fact,
    forms,
    frontline,
    indexed,
    leaks,
    letters,
    listing,
    members,
    name,
    notation,
    numbers,
    oneanswer,
    overlap,
    parallel,
    placing,
    repairs,
    restated,
    rowcue,
    samples,
    sentences,
    series,
    skips,
    subdeck,
    table,
    twice,
    usage,
    vocabulary,
    wordcut,
)
from .draft import Draft
from .env import Env, commands, highlights_prose, indexed_letters, varied_names
from .examples import own_names
from .model import Blank, Fate, Mark, Note, Plan, Unit
from .render import note_from
from .repairs import cut
from .rules import Rule, Ruler, optional_rules
from .text import fold
from .units import units


def _skips() -> tuple[Rule[Any], ...]:
    """The skip rules in order: ``deixis`` and ``code-pointer`` after the learner's ``pointer``;
    ``one-letter`` just before ``bare-name``, which it narrows; ``bare-item`` after the
    duplicates, so a repeated line is reported as one; ``usage-repeat`` last, so it sees only
    highlights that get a card."""
    rules = list(skips.RULES)
    at = next(i for i, rule in enumerate(rules) if rule.name == "pointer") + 1
    rules[at:at] = (*deixis.RULES, *codepointer.RULES)
    at = next(i for i, rule in enumerate(rules) if rule.name == "example-name") + 1
    rules[at:at] = samples.SKIP_RULES
    at = next(i for i, rule in enumerate(rules) if rule.name == "bare-name")
    return (
        *rules[:at],
        *letters.RULES,
        *rules[at:],
        *series.RULES,
        *examplelists.RULES,
        *indexed.RULES,
        *enumeration.SKIP,
        *bare.RULES,
        *restated.RULES,
        *usage.RULES,
    )


def _after(
    name: str, rules: tuple[Rule[Any], ...], more: tuple[Rule[Any], ...]
) -> tuple[Rule[Any], ...]:
    """``rules`` with ``more`` right after the rule ``name``."""
    at = next(i for i, rule in enumerate(rules) if rule.name == name) + 1
    return (*rules[:at], *more, *rules[at:])


RULERS: dict[str, Ruler[Any]] = {
    "shape": Ruler(
        "shape",
        (
            *debris.RULES,
            *anchors.RULES,
            *asides.RULES,
            *listing.RULES,
            *sentences.RULES,
            *table.RULES,
            *continued.RULES,
            *children.RULES,
            *connectives.RULES,
            *enumeration.SHAPE,
            *overlap.RULES,
            *codepointer.SHAPE,
        ),
    ),
    "skip": Ruler("skip", _skips()),
    "blank": Ruler(
        "blank",
        (
            *members.RULES,
            *enumeration.BLANK,
            *rowcue.RULES,
            *brackets.RULES,
            *wordcut.RULES,
            *samples.BLANK_RULES,
            *code.RULES,
            *numbers.RULES,
            *name.RULES,
            *clauses.RULES,
            *fact.RULES,
        ),
    ),
    "repair": Ruler(
        "repair",
        (
            *_after(
                "item-cards",
                _after("contained", repairs.RULES, parallel.RULES),
                oneanswer.RULES,
            ),
            *notation.RULES,
            *leaks.RULES,
            *forms.RULES,
            *subdeck.RULES,
            *echo.RULES[:1],
            *placing.HEADING_RULES,
            *echo.RULES[1:],
            *placing.ORDER_RULES,
            *frontline.RULES[:1],
            *vocabulary.RULES,
            *frontline.RULES[1:],
        ),
    ),
    "settle": Ruler("settle", twice.RULES),
}

#: Blank rules whose card asks what several highlights are members of: each records that card.
SHARED_CARDS = frozenset(
    {"member-class", "row-class", "series-fact", "listed-under", "series-described", "open-class"}
)

#: Skips that are the notes' fault, reported as warnings; every other skip is an ``info``.
WARNING_RULES = frozenset({"empty", "too-many"})


def disabled_rules(config: Config) -> frozenset[str]:
    off = frozenset(config.disable_rules)
    return off | optional_rules() if config.cloze_policy == "all" else off


def plan(document: Document, config: Config, cues: Cues | None = None) -> Plan:
    """The notes for every unit of ``document``, and what became of every highlight; ``cues``:
    the learner's own cue words (``read.cues.load_cues`` beside the notes)."""
    disabled = disabled_rules(config)
    found = units(document)
    env = Env(
        document,
        config,
        disabled,
        cues=cues or Cues(),
        programs=commands(found),
        prose=highlights_prose(found),
        indexed=indexed_letters(found),
        varied=varied_names(found),
        examples=own_names(document),
        topics=leaks.topic_stems(found),
    )
    for rule in RULERS["shape"].active(disabled):
        found, hits = rule.apply(found, env)
        env.hits[rule.name] += hits
    fates: list[Fate] = []
    fate_of: dict[int, int] = {}
    drafts = [d for d in (_draft(unit, env, fates, fate_of) for unit in found) if d is not None]
    for rule in RULERS["settle"].active(disabled):
        drafts, hits = rule.apply(drafts, env)
        env.hits[rule.name] += hits
    notes: list[Note] = []
    for draft in drafts:
        if draft.dropped:
            _dropped(draft, fates, fate_of)
        if draft.blanks:
            notes.append(note_from(draft, document.path))
    fates.sort(key=lambda f: f.line)
    warnings: list[Diagnostic] = []
    skipped: list[Diagnostic] = []
    for f in fates:
        if f.answer is not None:
            continue
        if f.rule in WARNING_RULES:
            warnings.append(
                Diagnostic(
                    document.path, f.line, "warning", f"highlight skipped: {_PRINCIPLES[f.rule]}"
                )
            )
        else:
            skipped.append(
                Diagnostic(
                    document.path,
                    f.line,
                    "info",
                    f"no card [{f.rule}]: {_quoted(f.highlight)} ({_PRINCIPLES[f.rule]})",
                )
            )
    return Plan(tuple(notes), tuple(warnings), tuple(fates), tuple(skipped), dict(env.hits))


def _every_rule() -> list[tuple[str, Rule[Any]]]:
    return [(stage, rule) for stage, ruler in RULERS.items() for rule in ruler.rules]


#: Every rule's principle by its name (names are unique across the stages).
_PRINCIPLES = {rule.name: rule.principle for _, rule in _every_rule()}


def _draft(unit: Unit, env: Env, fates: list[Fate], fate_of: dict[int, int]) -> Draft | None:
    """The unit's note as drafted by the repairs; ``fate_of``: per highlight (its mark's id)
    with a card, the index of its fate, for the rules that settle the drafts together."""
    disabled = env.disabled
    env.unit_clozes = 0
    env.unit_key = fold(unit.plain_key)
    env.unit_place = " › ".join(unit.crumbs)
    blanks: list[tuple[int, Blank, Mark]] = []
    riders: list[tuple[Mark, Mark]] = []
    shown: list[Mark] = []
    one_card = env.config.cloze == "unit"
    for mark in unit.marks:
        decided = _skip(unit, mark, env)
        if decided is not None:
            shown.append(mark)
            fates.append(
                Fate(
                    mark.highlight.line, mark.highlight.text, None, decided.principle, decided.name
                )
            )
            continue
        blank = _blank(unit, mark, env, [b for _, b, _ in blanks])
        # A card for the highlight, its own or one it rides on: the fate names what it asks.
        fate_of[id(mark)] = len(fates)
        answer = " ".join(unit.text[blank.start : blank.end].split())
        fates.append(
            Fate(mark.highlight.line, mark.highlight.text, answer, None, blank.rule, blank.kind)
        )
        host = _same_card(blank, blanks)
        if host is not None:
            # Another member of the class this card asks: the card tests it too.
            riders.append((mark, host))
            continue
        number = 1 if one_card else len(blanks) + 1
        blanks.append((number, blank, mark))
        env.unit_clozes += 1
    if not blanks:
        return None
    draft = Draft(
        unit, tuple(blanks), tuple(shown), tuple(cut(c) for c in unit.crumbs), riders=tuple(riders)
    )
    for rule in RULERS["repair"].active(disabled):
        repaired = rule.apply(draft, env)
        if repaired is not None:
            draft = repaired
            env.hits[rule.name] += 1
    if draft.dropped:
        _dropped(draft, fates, fate_of)
        if not draft.blanks:
            return None
    frontline.record(draft, env)
    return dataclasses.replace(draft, dropped=())


def _dropped(draft: Draft, fates: list[Fate], fate_of: dict[int, int]) -> None:
    """The fates of the highlights a rule took off ``draft`` (a repair of its note, or a rule
    settling the drafts together), and of those riding on their cards: no card, and the rule
    that decided. ``fate_of`` finds each by its mark, so two highlights of one text stay apart."""
    off = {id(mark): rule for mark, rule in draft.dropped}
    riding = [(rider, off[id(host)]) for rider, host in draft.riders if id(host) in off]
    for mark, rule in (*draft.dropped, *riding):
        at = fate_of.get(id(mark))
        if at is not None:
            fate = fates[at]
            fates[at] = Fate(fate.line, fate.highlight, None, _PRINCIPLES[rule], rule)


def _skip(unit: Unit, mark: Mark, env: Env) -> Rule[Any] | None:
    for rule in RULERS["skip"].active(env.disabled):
        verdict = rule.apply(unit, mark, env)
        if verdict is None:
            continue
        env.hits[rule.name] += 1
        return rule if verdict == "skip" else None
    return None


def _same_card(blank: Blank, blanks: list[tuple[int, Blank, Mark]]) -> Mark | None:
    """The highlight whose card already hides what ``blank`` hides, when ``blank`` asks for a
    class its highlight is offered for (``members``): one card tests all of its members."""
    if blank.rule not in SHARED_CARDS:
        return None
    return next((m for _, b, m in blanks if b == blank), None)


def _blank(unit: Unit, mark: Mark, env: Env, taken: list[Blank]) -> Blank:
    for rule in RULERS["blank"].active(env.disabled):
        blank: Blank | None = rule.apply(unit, mark, env)
        if blank is None or blank.end <= blank.start:
            continue
        if blank.rule in SHARED_CARDS and blank in taken:
            return blank  # the card asking the class this member is offered for
        # Blanks come in text order and stay near their highlight: the last few are the only
        # ones one could run into.
        if any(blank.start < b.end and b.start < blank.end for b in taken[-4:]):
            continue  # would cut into another card's blank: a later rule decides
        env.hits[rule.name] += 1
        return blank
    # Only when the mark itself overlaps a blank already made (two highlights in one number).
    return Blank(mark.start, mark.end, "fact", fact.KIND_OF_UNIT.get(unit.kind, "fact"))


def _quoted(text: str, limit: int = 40) -> str:
    """A highlight as a message names it: in backticks, long ones shortened."""
    return f"`{text if len(text) <= limit else text[: limit - 1] + '…'}`"
