"""Names the build gives files after the user's names: short enough for any filesystem.

A title or a file name may be as long as the user likes, in any script; a file name may not
be longer than 255 bytes (not characters: 90 CJK characters take 270 bytes). Every name
derived from the user's is capped in bytes here, and a capped name keeps a hash of the whole
one, so two long names that share their start stay two files.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

#: The most bytes of a user's name that go into a file name the build makes (the rest of the
#: name, "NN-" before and ".ids.json" after, stays far below 255).
MAX_NAME_BYTES = 120


def cap_bytes(text: str, limit: int) -> str:
    """The longest start of ``text`` that is at most ``limit`` bytes of UTF-8."""
    data = text.encode("utf-8", "surrogatepass")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", "ignore")


def capped(name: str, limit: int = MAX_NAME_BYTES) -> str:
    """``name`` if it fits in ``limit`` bytes, else its start and a hash of all of it."""
    if len(name.encode("utf-8", "surrogatepass")) <= limit:
        return name
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{cap_bytes(name, limit - 9).rstrip('-_. ')}-{digest}"


def stem_of(path: str | Path) -> str:
    """The stem of a notes file as the names of its outputs use it (``x`` for ``x.md``)."""
    return capped(Path(path).stem)
