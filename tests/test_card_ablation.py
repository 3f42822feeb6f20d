"""Ablation: each rule of the card policy turned off in turn, on the user's notes and the corpus.

A rule that changes nothing anywhere is dead weight: every optional rule must change some
decision (a fate, a kind, a front, a back) on the notes or, for the rules the notes never call
on (the learner's markers), on a fixture of its own. A rule is shown alive by the first notes
file it changes, smallest file first, which keeps the test cheap; ``pytest --ablation-table -s``
turns each rule off on every file and prints how many decisions change per file: the measure of what
each rule is worth."""

from __future__ import annotations

from pathlib import Path

import pytest

from clozepress.cards.model import Plan
from clozepress.cards.rules import all_rules
from clozepress.config import Config
from clozepress.read.cues import Cues
from clozepress.read.parse import parse_text

from .card_decisions import NOTES_FILES, cues_of, decisions, parsed, plan_of

pytestmark = pytest.mark.slow

#: Rules the notes never call on, each with a fixture where it decides.
OWN_FIXTURES = {
    "marker-keep": (
        "# D\n- `Only` use is `disaster recovery` by `read replicas` <!-- cloze:keep -->\n"
    ),
    "marker-skip": "# D\n- a line `ex` here <!-- cloze:skip -->\n",
    "placeholder": "# D\n- run `deploy` with `<name>` here\n",
    "pointer": "# D\n- the source below is `collect()` simplified\n",
    # Shown alive on the notes by their closed series (``closed-series``); the twin chains
    # stay one card each: a series of three joined by a twin further on would hide four.
    "item-cards": "# D\n- uses `alpha1`, `beta`, `gamma` here and later `alpha2` too\n",
    # The notes' one derived name (`dw` beside `W`) is on a line that says something of it.
    # Every long series of the notes is read by ``enumeration``; overlap is what is left: a
    # comma series in a sentence, neither set off nor closed by a conjunction.
    "overlap": "# D\n- the levels `TRACE`, `DEBUG`, `INFO`, `WARN`, `ERROR` by verbosity\n",
    # The notes' open lists all name their members in a short phrase (``open-class``).
    "open-series": "# D\n- used against allergies in the clinic: `cl1`, `lo2`, `ce3`, `pr4`\n",
    "derived-name": "# D\n- update `W` and `b` with `dW` and `db` after each step\n",
    # The notes' one lower-case initialism is on a second card of its line, which the
    # decisions (the first front per highlight) do not show.
    "initialism": "# D\n- the `gc` module runs the cyclic garbage collection\n",
}


#: The learner's cue words a fixture above needs (their ``cues.toml``).
OWN_CUES = {"pointer": Cues(pointers=("the source below",))}


def _seen(planned: Plan) -> list[str]:
    """The decisions, then each note's back: a rule may decide only what the back says."""
    return [*decisions(planned), *(f"back\t{note.extra}" for note in planned.notes)]


def _changed(before: list[str], after: list[str]) -> int:
    """How many decisions or backs differ (a note more or fewer counts as a change)."""
    return sum(1 for a, b in zip(before, after, strict=False) if a != b) + abs(
        len(before) - len(after)
    )


def test_every_rule_changes_something_when_turned_off(tmp_path: Path, ablation_table: bool) -> None:
    files = sorted(NOTES_FILES, key=lambda notes: notes.stat().st_size)
    documents = [parsed(notes, tmp_path / notes.stem) for notes in files]
    cues = [cues_of(notes) for notes in files]
    baseline = [_seen(plan_of(d, None, c)) for d, c in zip(documents, cues, strict=True)]
    report: list[str] = []
    idle: list[str] = []
    for stage, rule in all_rules():
        if rule.essential:
            continue
        off = Config(disable_rules=(rule.name,))
        changed = []
        for notes, document, cue, before in zip(files, documents, cues, baseline, strict=True):
            diff = _changed(before, _seen(plan_of(document, off, cue)))
            if diff:
                changed.append(f"{notes.stem} {diff}")
                if not ablation_table:
                    break
        if not changed and rule.name in OWN_FIXTURES:
            fixture = parse_text(OWN_FIXTURES[rule.name], "n.md")
            own = OWN_CUES.get(rule.name)
            if _seen(plan_of(fixture, None, own)) != _seen(plan_of(fixture, off, own)):
                changed.append("own fixture")
        report.append(f"{stage:<7} {rule.name:<17} {', '.join(changed) or 'no change'}")
        if not changed:
            idle.append(rule.name)
    print("\nrule turned off: decisions changed per notes file\n" + "\n".join(report))
    assert idle == []
