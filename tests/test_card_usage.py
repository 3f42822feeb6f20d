"""A command's synopsis right after a card asking the command is no second card (usage-repeat)."""

from __future__ import annotations

from clozepress.config import Config

from .test_card_rules import fate, fronts, run

NOTES = (
    "# CLI\n## Import\n"
    "- The `tool import` command is used to bring existing resources in.\n"
    "- Usage: `tool import [options] ADDRESS ID`\n"
)


def test_a_synopsis_of_the_command_just_asked_is_no_card() -> None:
    assert fronts(NOTES) == [
        "CLI › Import || The [...] command is used to bring existing resources in."
    ]
    skipped = fate(NOTES, "tool import [options] ADDRESS ID")
    assert skipped.answer is None and skipped.rule == "usage-repeat"
    # Off, the synopsis asks the same command again.
    assert len(run(NOTES, Config(disable_rules=("usage-repeat",))).notes) == 2


def test_a_synopsis_with_a_word_of_its_own_or_of_another_command_keeps_its_card() -> None:
    flag = NOTES.replace("[options] ADDRESS ID", "--force ADDRESS")
    assert fate(flag, "tool import --force ADDRESS").rule != "usage-repeat"
    other = NOTES.replace("Usage: `tool import", "Usage: `tool export")
    assert fate(other, "tool export [options] ADDRESS ID").rule != "usage-repeat"
    # Under another heading it is another section's fact.
    apart = NOTES.replace("- Usage:", "## Synopsis\n- Usage:")
    assert fate(apart, "tool import [options] ADDRESS ID").rule != "usage-repeat"
