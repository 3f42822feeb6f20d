"""Sample values: the part of a highlighted piece of code that an example chose, told from the
token that carries the fact, so that a card asks the fact and never the sample.

A learner highlights a whole call or a whole command because it is how the notes wrote it; what
they can recall is the part that would be the same in anyone's example:

- a call given literal arguments (``obj.reshape(1,4)``, ``next(range(1))``): the numbers are the
  example's, any others would do; the name called is the fact. A keyword argument
  (``sum(axis = 0)``) is no sample: its value is what the line teaches.
- a setting (``export PREFIX_myname=value``): the value is the example's, the key the fact; and a
  key made of a fixed capital prefix and a lowercase name (``PREFIX_myname``) is the prefix the
  tool reads, with the author's own name after it.
- a value the section's code block sets in quotes (``key = "some/path"``), named again in the
  prose that explains the block: the key is the fact, the value what the example chose.

Where a fact-carrying token exists it is the blank; where none does (the third case) the
highlight makes no card, and the report says why.
"""

from __future__ import annotations

import re

from ..form.model import Document, plain_text
from .env import BARE_NAME, Env
from .examples import Key, by_section, outside
from .model import Blank, Mark, Unit
from .rules import Rule
from .skips import SkipRule, Verdict

#: A whole highlight that is one call: a dotted name, then its argument list to the end.
_CALL = re.compile(r"^((?:[A-Za-z_]\w*\.)*)([A-Za-z_]\w*)\s*\((.*)\)$", re.DOTALL)
#: A literal value among arguments: a number standing alone, or a string in quotes.
_LITERAL = re.compile(r"""(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])|(["'])[^"']*\1""")
#: A keyword argument (``axis = 0``): its value says what the call does, no sample.
_KEYWORD = re.compile(r"(?:^|[(,])\s*[A-Za-z_]\w*\s*=(?!=)")
#: A setting as a command writes it: lowercase command words, then ``KEY=value``.
_SETTING = re.compile(r"^((?:[a-z][\w-]*\s+)*)([A-Za-z_][\w]*)=(\S+)$")
#: A key made of a fixed prefix in capitals and a lowercase name the author chose.
_PREFIXED = re.compile(r"^([A-Z][A-Z0-9]*_(?:[A-Z0-9]+_)*)[a-z][a-z0-9_]*$")
#: A key set to a value in quotes, in a code block: ``key = "v"``, ``key: "v"``.
_QUOTED_SETTING = re.compile(r"""(?m)^[ \t]*[A-Za-z_][\w.-]*[ \t]*[=:][ \t]*(["'])([^"'\n]+)\1""")


def _balanced(arguments: str) -> bool:
    """Whether the argument list closes only at the highlight's end: ``f(a) + g(b)`` is no call."""
    depth = 0
    for char in arguments:
        depth += (char == "(") - (char == ")")
        if depth < 0:
            return False
    return depth == 0


def call_name(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    """A call given literal arguments blanks the name it calls."""
    text = mark.highlight.text
    body = text.strip()
    found = _CALL.match(body)
    if found is None or not _balanced(found.group(3)):
        return None
    name, arguments = found.group(2), found.group(3)
    if BARE_NAME.match(name) or _KEYWORD.search(arguments) or not _LITERAL.search(arguments):
        return None
    start = mark.start + (len(text) - len(text.lstrip())) + found.start(2)
    return Blank(start, start + len(name), "call-name", "code")


def setting_key(unit: Unit, mark: Mark, env: Env) -> Blank | None:
    """A command that sets ``KEY=value`` blanks its key's fixed prefix (or the key, after a
    command word); a lone ``KEY=value`` without such a prefix is ``code-token``'s."""
    text = mark.highlight.text
    body = text.strip()
    found = _SETTING.match(body)
    if found is None:
        return None
    key = found.group(2)
    prefix = _PREFIXED.match(key)
    # A variable's bare name (``let x=1``) is notation, no key a tool reads.
    if (prefix is None and not found.group(1)) or BARE_NAME.match(key):
        return None
    start = mark.start + (len(text) - len(text.lstrip())) + found.start(2)
    end = start + (len(prefix.group(1)) if prefix else len(key))
    return Blank(start, end, "setting-key", "code")


def quoted_values(document: Document) -> dict[Key, frozenset[str]]:
    """Per section, the values its code blocks set in quotes (``key = "v"``) that no prose
    outside the section (and the sections in it) names whole: a value named there ("the default
    region is ...") is one the notes teach, not one the example chose."""
    values: dict[Key, set[str]] = {}
    prose: dict[Key, list[str]] = {}
    for key, part in by_section(document):
        if isinstance(part, str):
            found = {m.group(2).strip() for m in _QUOTED_SETTING.finditer(part)}
            values.setdefault(key, set()).update(v for v in found if v)
        else:
            prose.setdefault(key, []).append(plain_text(part))
    texts = {key: "\n".join(parts) for key, parts in prose.items()}
    out: dict[Key, frozenset[str]] = {}
    for key, found in values.items():
        elsewhere = [text for other, text in texts.items() if outside(key, other)]
        own = frozenset(v for v in found if not any(v in text for text in elsewhere))
        if own:
            out[key] = own
    return out


def sample_setting(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A highlight naming a value the section's code block sets in quotes is the example's
    choice: no card asks it."""
    values = env.per_unit("quoted-values", id(env.document), lambda: quoted_values(env.document))
    own = values.get((unit.domain, unit.sections))
    return "skip" if own and mark.highlight.text.strip().strip("\"'") in own else None


BLANK_RULES = (
    Rule(
        "call-name",
        "a call given literal arguments (reshape(1,4)) blanks the name it calls: the values "
        "are an example's",
        call_name,
    ),
    Rule(
        "setting-key",
        "a command setting KEY=value blanks the key, or the key's fixed capital prefix before "
        "the author's own name: the value is an example's",
        setting_key,
    ),
)

SKIP_RULES: tuple[Rule[SkipRule], ...] = (
    Rule(
        "sample-setting",
        "a value the section's code sets in quotes, named again in its prose, is the example's "
        "choice: the key is the fact",
        sample_setting,
    ),
)
