"""Command and code: a card blanks the token that carries the meaning (the subcommand, the flag,
the key, the right-hand side of a formula), never an example value or a placeholder, which a
learner could not recall and need not.
"""

from __future__ import annotations

import re

from .env import BARE_NAME, Env
from .model import Blank, Mark, Unit
from .rules import Rule
from .text import is_placeholder

_FLAG_VALUE = re.compile(r"^(--?[A-Za-z][\w-]*)[= ](\S.*)$")
_ASSIGNMENT = re.compile(r"^([A-Za-z_][\w.\[\]]*(?:\([^()=]*\))?)\s*=\s*([^=].*)$")
_SETTING = re.compile(r"^([A-Za-z_][\w.-]*)=(\S+)$")
_CALL_OR_OPERATOR = re.compile(r"[()*/+^]|\s-\s|\w\.\w+\(")
_SUBCOMMAND = re.compile(r"^[a-z][a-z0-9_-]*$")


def _placeholder_token(token: str, tokens: list[str]) -> bool:
    if is_placeholder(token) or token.startswith(("<", "[", "{")):
        return True
    # An all-capitals word among lowercase words is a usage line's slot (SOURCE DESTINATION).
    letters = token.replace("_", "")
    return letters.isalpha() and letters.isupper() and any(t.islower() for t in tokens)


def command_token(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    text = mark.highlight.text
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    start = mark.start + lead
    flag = _FLAG_VALUE.match(body) or _SETTING.match(body)
    if flag and " " not in flag.group(2).strip():
        # The flag or key is the fact; the value after it is an example. A key that is a
        # variable's bare name (``a=None``) or a name of the section's example is no setting the
        # notes teach: the value it is given is what the line says.
        key = flag.group(1)
        own = env.examples.get((unit.domain, unit.sections), frozenset())
        if BARE_NAME.match(key) or key in own:
            return Blank(start + flag.start(2), start + flag.end(2), "code-token", "code")
        return Blank(start, start + len(key), "code-token", "code")
    tokens = body.split()
    if len(tokens) < 2:
        return None
    is_command = tokens[0] in env.programs or any(
        re.match(r"^--?[A-Za-z]", t) or is_placeholder(t) for t in tokens[1:]
    )
    if not is_command or not _SUBCOMMAND.match(tokens[0]):
        return None
    # A flag is what the line adds to the command it modifies (`init -upgrade`): it is the fact.
    for index, token in enumerate(tokens[1:], 1):
        found = re.match(r"^--?[A-Za-z][\w-]*", token)
        if found:
            offset = len(" ".join(tokens[:index])) + 1
            at = body.index(token, offset - 1)
            return Blank(start + at, start + at + found.end(), "code-token", "code")
    # The subcommands: the words after the program up to the first flag or slot.
    words: list[str] = []
    for token in tokens[1:]:
        if (
            token.startswith("-")
            or _placeholder_token(token, tokens)
            or not _SUBCOMMAND.match(token)
        ):
            break
        words.append(token)
    if not words:
        return None
    offset = body.index(words[0], len(tokens[0]))
    end = body.index(words[-1], offset) + len(words[-1])
    return Blank(start + offset, start + end, "code-token", "code")


def formula(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    body = mark.highlight.text.strip()
    found = _ASSIGNMENT.match(body)
    if found is None or _SETTING.match(body) or not _CALL_OR_OPERATOR.search(found.group(2)):
        return None
    start = mark.start + (len(mark.highlight.text) - len(mark.highlight.text.lstrip()))
    right = found.group(2).split("#")[0].rstrip()
    offset = found.start(2)
    return Blank(start + offset, start + offset + len(right), "formula", "code")


RULES = (
    Rule(
        "code-token",
        "a command's subcommand or a flag is the blank, its values and slots stay",
        command_token,
    ),
    Rule(
        "formula", "a formula's right-hand side is the blank, the name it defines its cue", formula
    ),
)
