"""Named rules in ordered registries, one registry per stage (markdown-it's ``Ruler`` is the model).

A rule is a name, a one-line principle and a function with its stage's signature. The policy runs
each stage's rules in order; every decision records the name of the rule that made it, so a rule
can be switched off (``[tool.clozepress] disable_rules``), counted (``clozepress sample NOTES
--rules``) and measured by turning it off (the ablation test).

Stages, in the order the policy runs them:

- ``shape``: units in, units out (a list's items become one unit, a long paragraph its sentences);
- ``skip``: one highlight of a unit: is it no fact? The first rule that says so decides;
- ``blank``: one highlight: what its card hides (a token of a command, a whole number); the first
  rule that answers decides, else the highlight is the blank (``fact``);
- ``repair``: one note before it is written: what else it shows or hides (an answer shown
  elsewhere on the card, the line an opening pronoun refers to, a label in the breadcrumb);
- ``settle``: every note of the notes drafted, before any is written: what one note decides
  of another (two cards of one line asking one answer).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

STAGES = ("shape", "skip", "blank", "repair", "settle")


@dataclass(frozen=True)
class Rule(Generic[F]):
    name: str
    """The rule's id: in every fate it decides, in ``disable_rules``, in the golden files."""
    principle: str
    """One line: what the rule decides and why."""
    apply: F
    essential: bool = False
    """Not switched off by ``disable_rules`` or ``cloze_policy = "all"``: without it a deck
    would be broken (an empty cloze, more cards than Anki makes)."""


class Ruler(Generic[F]):
    """One stage's rules in order, each switchable by name."""

    def __init__(self, stage: str, rules: Iterable[Rule[F]]) -> None:
        self.stage = stage
        self.rules: tuple[Rule[F], ...] = tuple(rules)
        names = [rule.name for rule in self.rules]
        if len(set(names)) != len(names):
            raise ValueError(f"stage {stage}: a rule name repeats")

    def active(self, disabled: frozenset[str]) -> tuple[Rule[F], ...]:
        return tuple(r for r in self.rules if r.essential or r.name not in disabled)


def registry() -> dict[str, Ruler[Any]]:
    """Every stage's ruler. Imported late: the rule modules import this one for ``Rule``."""
    from .policy import RULERS

    return RULERS


def all_rules() -> list[tuple[str, Rule[Any]]]:
    """``(stage, rule)`` for every rule, in the order the policy runs them."""
    return [(stage, rule) for stage, ruler in registry().items() for rule in ruler.rules]


def rule_names() -> frozenset[str]:
    return frozenset(rule.name for _, rule in all_rules())


def optional_rules() -> frozenset[str]:
    """The names ``cloze_policy = "all"`` switches off: every rule that is not essential."""
    return frozenset(rule.name for _, rule in all_rules() if not rule.essential)
