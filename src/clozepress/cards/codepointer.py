"""Code pointers: a line that points at the code block beside it ("If we run `apply` we see the
next message:", "We can define a `default` value, for example", "In the above case `foo()` ...",
"Each of these is ...") means what it says only with that block: its highlights name parts of
the block or of what it prints. A card that does not show the block asks what cannot be recalled
from it; the reviewers judged such cards "points at missing content".

The pointer is read by grammar, as ``deixis`` reads it: a line ending on a forward pointer
("the next", "below", "this", "for example", a colon after it) right before a block, or opening on
a backward one ("this", "these", "the above", "each") right after a block. The words are those
of a few languages, not of one subject or author. A line beside a block that does not point at
it (a command, then its output) states its fact on its own and keeps its cards."""

from __future__ import annotations

import re

from .env import Env
from .model import Mark, Unit
from .rules import Rule
from .skips import SkipRule, Verdict

#: A forward pointer in the clause that ends the line: the thing it names is what follows.
_FORWARD = re.compile(
    r"\b(?:next|following|below|as follows|like (?:this|so)|this|these|here|examples?|"
    r"e\.g\.|for instance)\b"
    r"|다음|아래|이렇게|이와 같이|예시|예를 들|예제|예\s*:"
    r"|\b(?:seguent[ei]|sotto|così|come segue|esempio|questo|questa|questi|queste|ecco)\b",
    re.IGNORECASE,
)
#: A line that ends on an example word, colon or not: the example is what follows.
_ENDS_ON_EXAMPLE = re.compile(
    r"(?:\b(?:(?:for|per|ad)\s+)?(?:examples?|esempio)|\be\.g\.?|\bfor instance|예시|예제|예)"
    r"\s*[:,.]?\s*$",
    re.IGNORECASE,
)
#: A backward pointer opening the line: what it speaks of stands right above.
_OPENS_BACK = re.compile(
    r"(?:this|these|those|here|above|respectively|each of (?:them|these|those)"
    r"|in the (?:above|previous|last) (?:case|example|code|output)|as (?:shown|seen) above)\b"
    r"|(?:위의?|위와|위에서|이는|이것은|이것이|이를|이렇게|이처럼|이와|각각|여기서|앞의|앞에서)"
    r"(?:\s|$)"
    r"|(?:questo|questa|questi|queste|qui|ciò|rispettivamente|nell'esempio)\b",
    re.IGNORECASE,
)
#: Where a sentence ends; where a clause ends.
_SENTENCE = re.compile(r"[.!?;。]\s+")
_CLAUSE = re.compile(r"[.!?;,。]\s+")
_LEAD = " *_•-–—>\t"


def pointing_part(unit: Unit) -> int:
    """Where the part of the line that speaks of the code block beside it starts, or -1: the
    whole line when it opens on a backward pointer right after a block; right before a block,
    the sentence ending on a forward pointer and a colon ("To do it, use this:"), or the clause
    an example word ending the line illustrates ("we can define a `default` value, example")."""
    # A sentence cut from its paragraph stands right after the block only if it is the first.
    if unit.code_before and not unit.before and _OPENS_BACK.match(unit.text.lstrip(_LEAD)):
        return 0
    if not unit.code_after or (unit.cut_out and unit.back):
        return -1
    end = unit.text.rstrip(" *_\t\n")
    example = _ENDS_ON_EXAMPLE.search(end)
    if example is not None:
        before = end[: example.start()].rstrip(" ,:;")
        if not before:
            return 0
        if before.endswith((".", "!", "?", "。")):
            return -1  # "For example" as a sentence of its own: the card reads well without it
        starts = [found.end() for found in _CLAUSE.finditer(before)]
        return starts[-1] if starts else 0
    starts = [found.end() for found in _SENTENCE.finditer(end)]
    at = starts[-1] if starts else 0
    return at if end.endswith(":") and _FORWARD.search(end, at) else -1


def code_pointer(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A highlight in the part of a line pointing at the code block beside it makes no card:
    the card would not show what that part speaks of."""
    if unit.kind != "line":
        return None
    key = (unit.line, unit.text)
    at = env.per_unit("code-pointer", key, lambda: pointing_part(unit))
    return "skip" if 0 <= at <= mark.start else None


RULES: tuple[Rule[SkipRule], ...] = (
    Rule(
        "code-pointer",
        "a line pointing at the code block beside it ('we see the next message:', 'in the "
        "above case') speaks of what its card does not show",
        code_pointer,
    ),
)
