"""Fronts as the tool draws them: no markup debris, no line cut where the card needs it, a line
that ends open shown with what completes it; through ``plan``, as in ``test_card_rules``."""

from __future__ import annotations

from clozepress.cards.sample import side, to_text

from .test_card_rules import run


def _sides(markdown: str) -> list[str]:
    out = []
    for note in run(markdown).notes:
        for number in range(1, note.cards + 1):
            context = to_text(note.context)
            for front in (True, False):
                out.append(context + " || " + side(note.text, number, front=front))
    return out


def test_a_backtick_the_notes_never_closed_shows_nowhere_on_a_card():
    # The heading's last backtick opens no code span: Markdown prints it, but it is markup. Here
    # the heading names the answer, so it is withheld inside a cloze, which must drop it too.
    markdown = (
        "# Net\n## `Jump hosts` reach a private subnet`\n"
        "- a `jump host` is an `instance` in the public subnet\n"
        "    - its security group allows SSH\n"
    )
    shown = _sides(markdown)
    assert shown and all("`" not in text for text in shown)
    assert any("reach a private subnet" in text for text in shown)
