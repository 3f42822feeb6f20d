"""Examples: the names a worked example makes up for itself, told from the vocabulary the notes
teach by where else the notes use them.

An example block (``class Duck: ... walk_and_quack(Duck())``) defines names and then exercises
them; the prose beside it names them again to explain the example. Those names are the example's
own: a card hiding one asks for a name the learner could only know by reading that block, which
the card does not show. A name the notes teach is used beyond its example: in the prose of another
section, or it is a language's keyword or an API the block calls without defining. So a name
counts as the example's own when a code block of the section defines it and uses it again,
and the prose outside that section (and the sections in it) never mentions it.
No word list decides: only where the names stand.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from ..form.model import (
    Block,
    Bullet,
    Code,
    Document,
    Emphasis,
    Highlight,
    Inline,
    Link,
    Paragraph,
    Quote,
    Section,
    Strong,
    Table,
    Text,
)

#: A section: its domain's index and the titles of the sections it lies in (as ``Unit.sections``).
Key = tuple[int, tuple[str, ...]]

_IDENT = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]*")
#: A name a block defines: after a declaring word, or on the left of an assignment.
_DECLARED = re.compile(
    r"\b(?:class|def|function|func|fn|struct|interface|enum|var|let|const|val)\s+"
    r"([A-Za-z_]\w*)"
)
#: The declaring words that define a function or a type, not a variable.
_ROUTINE = frozenset({"class", "def", "function", "func", "fn", "struct", "interface", "enum"})
_ASSIGNED = re.compile(r"(?m)^[ \t]*(?:>>>[ \t]*|\.\.\.[ \t]*)?([A-Za-z_]\w*)[ \t]*=(?!=)")
#: A function defined as C and its kin write it: at the start of a line, after its type, its
#: parameters, then its body's brace.
_C_DEFINITION = re.compile(r"(?m)^(?:[A-Za-z_][\w*]*[ \t*]+)*([A-Za-z_]\w*)[ \t]*\([^()]*\)\s*\{")
_PARAMETERS = re.compile(r"\b(?:def|function|func|fn)\s+\w+\s*\(([^()]*)\)")
_PARAMETER = re.compile(r"^\s*\*{0,2}([A-Za-z_]\w*)")
#: A name as code writes it, and a value in quotes.
_NAME = re.compile(r"(?<![\w])[A-Za-z_]\w*")
_LITERAL = re.compile(r"""(?<![\w\\])(["'])([^"'\n]{1,80})\1""")
#: A highlight that is one name, maybe called: ``Duck``, ``walk()``, ``Foo(0)``.
NAME_CALLED = re.compile(r"^([A-Za-z_]\w*)(?:\([^()]*\))?$")


def routines(code: str) -> set[str]:
    """The functions and types ``code`` defines (``def f``, ``class C``, ``int f(void) {``):
    not the keys it sets, which a configuration language may define for it."""
    names = {m.group(1) for m in _DECLARED.finditer(code) if m.group(0).split()[0] in _ROUTINE}
    return names | {m.group(1) for m in _C_DEFINITION.finditer(code)}


def defined(code: str) -> set[str]:
    """The names ``code`` defines (declared, assigned, a function's parameters)."""
    names = {m.group(1) for m in _DECLARED.finditer(code)}
    names |= {m.group(1) for m in _ASSIGNED.finditer(code)}
    names |= {m.group(1) for m in _C_DEFINITION.finditer(code)}
    for found in _PARAMETERS.finditer(code):
        for parameter in found.group(1).split(","):
            name = _PARAMETER.match(parameter)
            if name:
                names.add(name.group(1))
    return names


def own_names(document: Document) -> dict[Key, frozenset[str]]:
    """Per section, the names its example blocks make up, in no prose outside the section: a
    name defined and used again in one block, or a value set in quotes holding such a word."""
    codes: dict[Key, list[str]] = {}
    prose: dict[str, set[Key]] = {}
    for key, part in by_section(document):
        if isinstance(part, str):
            codes.setdefault(key, []).append(part)
        else:
            _words(part, key, prose)
    out: dict[Key, frozenset[str]] = {}
    for key, blocks in codes.items():

        def unknown(word: str, key: Key = key) -> bool:
            return not any(outside(key, k) for k in prose.get(word, ()))

        own: set[str] = set()
        for code in blocks:
            # One count per block: a long block costs one pass, not one per name it defines.
            counts = Counter(_NAME.findall(code))
            # A one-letter variable is notation, never vocabulary: the prose of other
            # sections uses the same letter for its own examples.
            own.update(n for n in defined(code) if counts[n] >= 2 and (unknown(n) or len(n) == 1))
            # A value the example sets in quotes ("mybucket") holding a word of its own.
            own.update(
                value
                for value in (m.group(2).strip() for m in _LITERAL.finditer(code))
                if any(unknown(word) for word in _IDENT.findall(value))
            )
        if own:
            out[key] = frozenset(own)
    return out


def outside(key: Key, other: Key) -> bool:
    """Whether section ``other`` lies outside ``key`` and the sections nested in it (whose prose,
    a list of references say, still speaks of the same example)."""
    depth = len(key[1])
    return other[0] != key[0] or other[1][:depth] != key[1]


def by_section(document: Document) -> Iterator[tuple[Key, str | tuple[Inline, ...]]]:
    """Every code block's text and every run of prose (a title, a line, a table cell) of
    ``document`` with the section it stands in, in reading order: what tells a section's
    example from the notes' vocabulary is where each stands, so ``own_names`` and
    ``samples.quoted_values`` read the same walk."""
    for index, domain in enumerate(document.domains):
        top: Key = (index, ())
        yield top, domain.spans
        yield from _walk(domain.children, top)


def _walk(
    blocks: Iterable[Block | Section], key: Key
) -> Iterator[tuple[Key, str | tuple[Inline, ...]]]:
    for block in blocks:
        if isinstance(block, Section):
            inner: Key = (key[0], (*key[1], block.title))
            yield inner, block.spans
            yield from _walk(block.children, inner)
        elif isinstance(block, Code):
            yield key, block.text
        elif isinstance(block, Bullet):
            yield key, block.spans
            yield from _walk(block.children, key)
        elif isinstance(block, Paragraph):
            yield key, block.spans
        elif isinstance(block, Quote):
            yield from _walk(block.children, key)
        elif isinstance(block, Table):
            for cell in (*block.header, *(c for row in block.rows for c in row.cells)):
                yield key, cell.spans


def _words(spans: tuple[Inline, ...], key: Key, prose: dict[str, set[Key]]) -> None:
    for span in spans:
        if isinstance(span, Text | Highlight):
            for found in _IDENT.finditer(span.text):
                prose.setdefault(found.group(), set()).add(key)
        elif isinstance(span, Link):
            # A link to a place in the notes (a table of contents) navigates; it says nothing.
            if not span.href.startswith("#"):
                _words(span.children, key, prose)
        elif isinstance(span, Strong | Emphasis):
            _words(span.children, key, prose)
