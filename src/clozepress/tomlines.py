"""Which line of a TOML file sets a key: tomllib gives values without their lines.

Messages about settings and corrections must point at the line to fix, so this reads the
lines again, tracking the ``[table]`` headers, and matches whole keys (``vol`` is not
``volumn``), bare, quoted or dotted.
"""

from __future__ import annotations

import json
import re

_HEADER = re.compile(r"\s*\[(?!\[)\s*(.+?)\s*\]\s*(?:#.*)?$")
_ARRAY_HEADER = re.compile(r"\s*\[\[\s*(.+?)\s*\]\]\s*(?:#.*)?$")
_PART = re.compile(r"""\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*""")
_AT_LINE = re.compile(r"\(at line (\d+)")


def _parts(dotted: str) -> tuple[str, ...] | None:
    """``a."b.c".d`` as ("a", "b.c", "d"); None if it is not a key."""
    parts: list[str] = []
    pos = 0
    while True:
        found = _PART.match(dotted, pos)
        if not found:
            return None
        token = found.group(1)
        if token.startswith('"'):
            try:
                token = json.loads(token)
            except ValueError:
                token = token[1:-1]
        elif token.startswith("'"):
            token = token[1:-1]
        parts.append(token)
        pos = found.end()
        if pos == len(dotted):
            return tuple(parts)
        if dotted[pos] != ".":
            return None
        pos += 1


def _key_of(line: str) -> tuple[str, ...] | None:
    """The key a ``key = value`` line sets, or None."""
    pos = 0
    in_quote = ""
    for pos, ch in enumerate(line):
        if in_quote:
            if ch == in_quote:
                in_quote = ""
            continue
        if ch in "\"'":
            in_quote = ch
        elif ch == "=":
            return _parts(line[:pos])
        elif ch == "#":
            return None
    return None


def key_line(text: str, path: tuple[str, ...]) -> int:
    """The line that sets ``path`` (table names, then the key), or the nearest line that sets
    a table or key on the way to it; 1 if none does."""
    best_line, best_depth = 1, 0
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        found = _ARRAY_HEADER.match(line) or _HEADER.match(line)
        if found:
            table = _parts(found.group(1)) or ("\0",)
            full = table
        else:
            key = _key_of(line)
            if key is None:
                continue
            full = table + key
        depth = 0
        for have, want in zip(full, path, strict=False):
            if have != want:
                break
            depth += 1
        if depth == len(path) == len(full):
            return number
        if depth > best_depth and depth == min(len(full), len(path)):
            best_line, best_depth = number, depth
    return best_line


def error_line(message: str) -> int:
    """The line tomllib names in a syntax error ("... (at line 3, column 5)"), else 1."""
    found = _AT_LINE.search(message)
    return int(found.group(1)) if found else 1
