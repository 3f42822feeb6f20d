"""A golden snapshot of the card policy's decisions (line, highlight, kind, rule, front) on the
user's notes and on every notes file of the corpus: any change of the policy is a diff to review.

Refresh after a deliberate change with ``pytest tests/test_card_golden.py --update-golden``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .card_decisions import NOTES_FILES, REPO, cues_of, decisions, parsed, plan_of

GOLDEN = REPO / "tests" / "golden" / "cards"


@pytest.mark.parametrize("notes", NOTES_FILES, ids=[n.stem for n in NOTES_FILES])
def test_the_policy_decides_as_the_snapshot_says(
    notes: Path, tmp_path: Path, update_golden: bool
) -> None:
    text = "\n".join(decisions(plan_of(parsed(notes, tmp_path), None, cues_of(notes)))) + "\n"
    golden = GOLDEN / f"{notes.stem}.tsv"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    # Line by line, so a failure shows the decisions that changed, not a wall of text.
    assert text.splitlines() == expected.splitlines()


def test_every_notes_file_has_a_snapshot() -> None:
    assert sorted(p.stem for p in GOLDEN.glob("*.tsv")) == sorted(n.stem for n in NOTES_FILES)
