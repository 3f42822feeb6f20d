"""Reads the user's files only when they are regular files, and never more than a cap.

Notes, identity files, corrections and images are named by the user (or by a note someone
else wrote). A named pipe would block the build forever, ``/dev/zero`` behind a symlink would
fill the memory, and a sparse file of gigabytes would be read whole: so the file is opened
without blocking, checked on the opened descriptor (no race with a rename), and read up to
its cap.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class Refused(Exception):
    """The file exists but is not one the build reads; ``reason`` says why, for a message."""

    def __init__(self, reason: str, too_large: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.too_large = too_large


def kind(mode: int) -> str:
    """What a non-regular file is, as a message names it."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def size_text(size: int) -> str:
    return f"{size / 2**20:.0f} MB" if size >= 2**20 else f"{size / 1024:.0f} KB"


def check_regular(path: Path, limit: int) -> int:
    """The size of the regular file at ``path``; Refused when it is something else or larger
    than ``limit`` bytes; OSError when it cannot be looked at (missing, say)."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise Refused(f"not a regular file ({kind(info.st_mode)})")
    if info.st_size > limit:
        raise Refused(f"larger than {size_text(limit)} ({size_text(info.st_size)})", too_large=True)
    return info.st_size


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Refused for anything but a regular file (checked on the opened descriptor) and for a file
    larger than ``limit``, also one that grows past it while being read. OSError as ``open``
    raises it (missing, no permission)."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused(f"not a regular file ({kind(info.st_mode)})")
        if info.st_size > limit:
            raise Refused(
                f"larger than {size_text(limit)} ({size_text(info.st_size)})", too_large=True
            )
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise Refused(f"larger than {size_text(limit)}", too_large=True)
    return data
