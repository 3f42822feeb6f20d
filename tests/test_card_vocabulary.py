"""A lone word the notes use freely in their own running text is their vocabulary, not a term
to learn (everyday-word): its card goes where a card of its line stays."""

from __future__ import annotations

import pytest

from clozepress.cards import vocabulary
from clozepress.cards.vocabulary import EVERYDAY, SHARE
from clozepress.config import Config
from clozepress.form.model import Document

from .test_card_rules import STUDY, fronts, run


def fate(markdown: str, highlight: str, config: Config = STUDY):  # type: ignore[no-untyped-def]
    """The fate of ``highlight`` on the notes' last line, the one a test asks about."""
    last = markdown.rstrip("\n").count("\n") + 1
    fates = run(markdown, config).fates
    (found,) = [f for f in fates if (f.line, f.highlight) == (last, highlight)]
    return found


def _notes(prose: str, line: str, uses: int = EVERYDAY, code: str = "") -> str:
    """Notes whose running text writes ``prose`` ``uses`` times, then ``line`` to be carded."""
    said = "".join(f"- step {i} runs {prose} again\n" for i in range(uses))
    return f"# Ops\n## Talk\n{said}{code}## Facts\n{line}\n"


LINE = "- a `bastion host` is an `instance` in the public subnet"


def test_a_word_the_prose_uses_freely_is_no_card_beside_its_lines_other_card() -> None:
    notes = _notes("the instance", LINE)
    assert fronts(notes) == ["Facts || a [...] is an instance in the public subnet"]
    dropped = fate(notes, "instance")
    assert dropped.answer is None and dropped.rule == "everyday-word"
    # Off, the word is asked as if it were a term.
    off = fronts(notes, Config(disable_rules=("everyday-word",)))
    assert "Facts || a bastion host is an [...] in the public subnet" in off


def test_the_word_keeps_its_card_when_it_is_its_lines_only_one() -> None:
    alone = _notes("the instance", "- a bastion host is an `instance` in the public subnet")
    assert fate(alone, "instance").answer == "instance"
    # Two everyday words and nothing else on the line: the line's fact keeps both cards.
    both = _notes("the instance and its user", "- the `user` owns the `instance` here")
    assert [fate(both, w).answer for w in ("user", "instance")] == ["user", "instance"]


def test_a_word_used_less_often_or_written_as_code_is_a_term() -> None:
    assert fate(_notes("the instance", LINE, uses=EVERYDAY - 1), "instance").answer == "instance"
    block = "```\nlaunch instance --now\n```\n"
    assert fate(_notes("the instance", LINE, code=block), "instance").answer == "instance"


def test_only_unmarked_uses_of_the_same_form_count() -> None:
    for marked in ("the `instance`", "the **instance**", "the *instance*", "the instances"):
        assert fate(_notes(marked, LINE), "instance").answer == "instance", marked
    # Headings name places; their words are not the prose's.
    headed = "".join(f"### instance {i}\n- step\n" for i in range(EVERYDAY))
    assert fate(f"# Ops\n## Talk\n{headed}## Facts\n{LINE}\n", "instance").answer == "instance"
    # Case does not tell a use apart; a name written with capitals is no lone everyday word.
    assert fate(_notes("The Instance", LINE), "instance").rule == "everyday-word"
    capital = LINE.replace("`instance`", "`Instance`")
    assert fate(_notes("the instance", capital), "Instance").answer == "Instance"


def test_the_counts_are_the_whole_notes_and_made_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Uses in table cells and quotes are running text too, anywhere in the notes.
    half = EVERYDAY // 2
    cells = "| a | b |\n| --- | --- |\n" + "".join(f"| {i} | the instance |\n" for i in range(half))
    quote = "> " + " and ".join(["the instance"] * (EVERYDAY - half))
    notes = f"# Ops\n{cells}\n{quote}\n\n# Later\n{LINE}\n"
    assert fate(notes, "instance").rule == "everyday-word"
    assert fate(notes.replace("> the instance and ", "> "), "instance").answer == "instance"
    # Two lines asking the word: one count of the notes serves both.
    counts = vocabulary.vocabulary
    made: list[Document] = []

    def counted(document: Document) -> vocabulary.Vocabulary:
        made.append(document)
        return counts(document)

    monkeypatch.setattr(vocabulary, "vocabulary", counted)
    planned = run(f"{notes}- a `NAT gateway` runs on an `instance` of its own\n")
    assert planned.hits["everyday-word"] == 2
    assert len(made) == 1


def test_longer_notes_need_a_share_of_their_words_too() -> None:
    # Twenty uses among more than twenty times SHARE words of prose are not a word written freely.
    filler = " ".join(["alpha beta gamma delta"] * 10)
    longer = "".join(f"- {filler}\n" for _ in range(EVERYDAY * SHARE // 40 + 1))
    assert fate(_notes("the instance", LINE, code=longer), "instance").answer == "instance"
    assert (
        fate(_notes("the instance", LINE, code=longer[: len(longer) // 3]), "instance").answer
        is None
    )
