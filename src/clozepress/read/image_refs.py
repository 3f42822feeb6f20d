"""Where an image reference in the notes points, decided once for decks and sheets.

A reference is a web link (never downloaded), a file inside the notes' folder, or something the
build refuses to touch: another scheme (``file:``, ``data:``), an absolute path, or a path that
leaves the folder, symlinks included. Notes may be shared between people; this is the one place
that decides which local files a note can make the build read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

REMOTE_SCHEMES = frozenset({"http", "https"})
#: The largest image a deck packs or a sheet shows; a larger one is left out with a warning.
MAX_IMAGE_BYTES = 16 * 2**20
#: How much of a reference a message quotes: a ``data:`` URI may be megabytes long.
SHOWN_CHARS = 80


def shown(src: str) -> str:
    """``src`` as a message quotes it: shortened in the middle, control characters escaped."""
    text = src if len(src) <= SHOWN_CHARS else f"{src[: SHOWN_CHARS - 20]}…{src[-12:]}"
    return repr(text)


@dataclass(frozen=True)
class ImageRef:
    src: str
    remote: bool = False
    """A web link: shown as a link on a card, left out of a sheet, never fetched."""
    path: Path | None = None
    """A file inside the notes' folder (it may not exist)."""
    refused: str = ""
    """Why the build may not use the reference; empty when it may."""


def locate(src: str, notes_dir: Path) -> ImageRef:
    """What ``src``, as a note wrote it, refers to, seen from the notes' folder."""
    src = src.strip()
    try:
        parts = urlsplit(src)
    except ValueError:
        return ImageRef(src, refused="not a valid address")
    scheme = parts.scheme.lower()
    if scheme in REMOTE_SCHEMES or (not scheme and parts.netloc):  # "//host/x" is a web link
        return ImageRef(src, remote=True)
    if scheme:
        return ImageRef(src, refused="only files beside the notes or web links")
    relative = unquote(parts.path)
    if not relative or relative.startswith(("/", "\\")):
        return ImageRef(src, refused="an absolute path, not a file beside the notes")
    if "\0" in relative:
        return ImageRef(src, refused="a NUL character in the name")
    try:
        folder = notes_dir.resolve()
        path = (folder / relative).resolve()  # resolves symlinks: a link out of the folder is out
    except (OSError, RuntimeError, ValueError):
        # A symlink loop (RuntimeError in Python 3.11), a name too long for the system.
        return ImageRef(src, refused="the path cannot be followed (a symlink loop?)")
    if not path.is_relative_to(folder):
        return ImageRef(src, refused="it leaves the notes' folder")
    return ImageRef(src, path=path)
