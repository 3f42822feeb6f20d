"""Offered runs: items a line offers as examples with no short phrase naming their class
("tolerance is a risk (`bdz`, `oppioidi`, `nitrati`,...)", "subcommands such as `list`,
`select`, `new` and `show`") are asked as one blank spanning the whole run, the line around it
the cue.

A card asking one offered item is answered by any other (``offered-items``), but the run as a
whole is what the line states: the blind reviews judged these examples the fact ("the complete
set") and missed them when they made no card. One blank from the first item to the last asks
for them together; every item records that card. Where a short phrase names their class, the
card asks the class instead (``member-class``, decided first); a made-up example is left out
before (``example-name``, ``example-value``); a run with nothing else on its line but an
example marker has no cue and stays no card (``offered-items``).
"""

from __future__ import annotations

from .env import Env
from .model import Blank, Mark, Unit
from .rules import Rule
from .series import marker_before, offered, runs_of
from .text import words


def has_cue(unit: Unit, run: tuple[Mark, ...], env: Env) -> bool:
    """Whether the line says anything besides the run and the example marker offering it."""
    text = unit.text
    marker = marker_before(text, run[0].start, env.cues.examples)
    before = text[: run[0].start if marker is None else marker]
    return bool(words(before + " " + text[run[-1].end :]))


def offered_run(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    """A highlight offered in a run of examples with a cue: one blank hides the whole run."""
    found = runs_of(unit, env).get(mark.start)
    if found is None or not run_asked(unit, found[0], env):
        return None
    run = found[0]
    return Blank(run[0].start, run[-1].end, "offered-run", "name")


def run_asked(unit: Unit, run: tuple[Mark, ...], env: Env) -> bool:
    """Whether an ``offered-run`` card asks this run: the rule is on, the run is offered as
    examples on a line (or list item) and the line gives a cue."""
    return (
        "offered-run" not in env.disabled
        and unit.kind in ("line", "list")
        and len(run) >= 2
        and offered(unit, run, env)
        and has_cue(unit, run, env)
    )


RULES = (
    Rule(
        "offered-run",
        "items offered as examples with no class named ask for the whole run as one blank",
        offered_run,
    ),
)
