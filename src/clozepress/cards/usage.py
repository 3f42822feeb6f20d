"""Usage lines: a command's synopsis ("Usage: `tool import [options] ADDRESS ID`") right after a
card that asks the command ("The `tool import` command is used to ...") asks the same answer
again: its blank is the command, and what stands around it is only slots (``[options]``,
``<name>``, ``ADDRESS``). The reviewers judged such cards duplicates, or bare where the card
before is not read first (any command fits "tool [...] [options]"). The first card tests it.

A synopsis that adds a word of its own (a flag, a subcommand spelled out) is more than slots and
keeps its card; so does one whose section asked another command last.
"""

from __future__ import annotations

import re

from .env import Env
from .model import Mark, Unit
from .rules import Rule
from .skips import SkipRule, Verdict
from .text import fold

#: A slot of a synopsis: an optional part, a named value, or a value in capitals, maybe repeated.
_SLOT = re.compile(r"^(?:\[[^\]]*\]|<[^>]*>|[A-Z][A-Z0-9_-]*|\.\.\.|…)(?:\.\.\.|…)?$")


def usage_repeat(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """Runs last of the skip rules: a highlight reaching it has a card, and the last one of a
    section made of several words is remembered as the command that section asked last."""
    text = fold(mark.highlight.text)
    section = (unit.domain, " › ".join(unit.crumbs[: unit.heading_count]))
    last = env.last_command.get(section)
    if last and text.startswith(last + " "):
        rest = mark.highlight.text.strip().split()[len(last.split()) :]
        if rest and all(_SLOT.match(word) for word in rest):
            return "skip"
    if len(text.split()) >= 2:
        env.last_command[section] = text
    return None


RULES: tuple[Rule[SkipRule], ...] = (
    Rule(
        "usage-repeat",
        "a command's synopsis (the command and only slots) right after a card asking the "
        "command asks it again",
        usage_repeat,
    ),
)
