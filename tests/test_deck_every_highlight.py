"""With ``cloze_policy = "all"`` the user's notes give one card per non-empty highlight (issue 3):
1,675 highlights, 1,675 cards, each rendering its blank and its answer in the real Anki."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from clozepress.config import Config
from clozepress.form.model import all_highlights
from clozepress.read.parse import parse_file

from .deck_support import REPO, Anki, build, cloze_spans, project_with

pytestmark = pytest.mark.slow


def test_every_highlight_of_the_notes_is_one_card(tmp_path: Path) -> None:
    notes = (REPO / "source" / "aws-saa.md").read_text(encoding="utf-8")
    project, path = project_with(tmp_path, notes, Config(cloze_policy="all"), name="aws-saa.md")
    highlights = [h.text for h in all_highlights(parse_file(path)) if h.text]
    result = build(project, path)
    assert len(highlights) == result.cards == 1675
    assert result.subdecks == 26
    anki = Anki(tmp_path / "anki")
    try:
        new, updated, duplicate = anki.import_(result.path)
        assert (new, updated, duplicate) == (result.notes, 0, 0)
        hidden = []
        for card in anki.cards():
            assert cloze_spans(card.question) == ["[...]"], card.source
            (answer,) = cloze_spans(card.answer)
            hidden.append(answer)
        # What Anki hides is what the notes highlighted, each exactly once.
        assert Counter(hidden) == Counter(highlights)
    finally:
        anki.close()
