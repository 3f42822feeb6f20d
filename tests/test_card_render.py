"""Fronts as the tool draws them: no markup debris, no line cut where the card needs it, a line
that ends open shown with what completes it; through ``plan``, as in ``test_card_rules``."""

from __future__ import annotations

from clozepress.cards.sample import side, to_text
from clozepress.config import Config

from .test_card_rules import fronts, run


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


def test_a_line_ending_mid_clause_shows_the_lines_that_complete_it():
    markdown = (
        "# DB\n## Custom engines\n- for `Oracle and SQL Server`. User can\n"
        "    - access the OS over SSH\n    - customize the database at OS level\n"
    )
    (front,) = fronts(markdown)
    assert front == (
        "DB › Custom engines || for [...]. User can / – access the OS over SSH"
        " / – customize the database at OS level"
    )
    off = Config(disable_rules=("continued-line",))
    assert fronts(markdown, off) == ["DB › Custom engines || for [...]. User can"]


def test_a_line_ending_on_a_colon_shows_what_it_introduces():
    markdown = "# Net\n- at most `five address ranges`, for each range:\n    - min. size /28\n"
    assert fronts(markdown) == ["Net || at most [...], for each range: / – min. size /28"]


def test_a_line_ending_on_its_fact_keeps_its_children_on_the_back():
    markdown = (
        "# Net\n- a bastion host lives in the `public subnet`\n    - its group allows SSH\n"
        "- backups are kept for `35 days`, and can\n"
    )
    assert fronts(markdown) == [
        "Net || a bastion host lives in the [...]",
        "Net || backups are kept for [...] days, and can",
    ]
    (note, _) = run(markdown).notes
    assert "its group allows SSH" in note.extra


def test_a_line_saying_only_what_its_heading_says_is_asked_from_its_children():
    markdown = (
        "# Streams\n## Stream Data Analytics\n- Stream Data Analytics `for SQL applications`\n"
        "    - real-time analytics of streams\n    - enrich them with reference data\n"
    )
    assert fronts(markdown) == [
        "Streams › Stream Data Analytics || Stream Data Analytics [...]"
        " / – real-time analytics of streams / – enrich them with reference data"
    ]


def test_another_item_shown_as_cue_is_whole_or_cut_where_a_clause_ends():
    whole = "redirects (HTTP to HTTPS): force users to reach the site over HTTPS instead of HTTP"
    clauses = (
        "if the group uses the balancer's health checks, it replaces an instance found unhealthy"
        " by the balancer. Both run in every zone of the region, so that a failure never stops"
        " the service"
    )
    markdown = f"# Web\n- protocol features:\n    - {whole}\n    - {clauses}\n    - `WebSocket`\n"
    (front,) = fronts(markdown)
    assert f"• {whole} / " in front
    assert (
        "• if the group uses the balancer's health checks, it replaces an instance found" in front
    )
    assert "found unhealthy by the balancer. … /" in front


def test_a_first_nested_line_stating_the_condition_of_the_line_goes_on_its_front():
    markdown = (
        "# Models\n- In some notations: y = `sigmoid(w x)`\n"
        "    - while b is w0 of w and x0 = 1\n    - the first notation is better\n"
        "- A `hibernated` host boots faster\n    - its memory is saved to disk\n"
        "    - when restarted, memory is restored\n"
    )
    assert fronts(markdown) == [
        "Models || In some notations: y = [...] / – while b is w0 of w and x0 = 1"
        " / – the first notation is better",
        "Models || A [...] host boots faster",
    ]
