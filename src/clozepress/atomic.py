"""Writes files whole or not at all: a temporary file in the same folder, then one rename."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import file_fault

#: Every temporary file the build makes is named ``.clozepress-<pid>-<random>.tmp``: a name no
#: user file is likely to have, so cleaning up after a killed build removes only our files.
TMP_PREFIX = ".clozepress-"
_OURS = re.compile(r"\.clozepress-(\d+)-[a-z0-9_]+\.tmp")


def temp_name(pid: int) -> str:
    """A name of the form the build owns (for tests and for other writers of this package)."""
    return f"{TMP_PREFIX}{pid}-"


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yields a temporary path beside ``target``; renames it onto ``target`` if the block succeeds.

    A crash or kill at any moment leaves either the old ``target`` or the new one, never half of
    one; a failed block removes the temporary file. A kill leaves the temporary file behind
    (``.clozepress-<pid>-*.tmp``); the next write into the same folder removes it. A fault of
    the filesystem (a file where the folder should be, a read-only folder, a full disk) is a
    BuildError naming ``target`` and the cause.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise file_fault(target.parent, exc, "make the folder") from None
    if target.is_dir():
        raise file_fault(target, IsADirectoryError(21, "it is a folder"), "write")
    _remove_orphans(target.parent)
    try:
        fd, name = tempfile.mkstemp(prefix=temp_name(os.getpid()), suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise file_fault(target.parent, exc, "write into the folder") from None
    os.close(fd)
    tmp = Path(name)
    try:
        # mkstemp makes the file private (0600); outputs get the usual permissions instead.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        yield tmp
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        raise file_fault(target, exc, "write") from None
    finally:
        tmp.unlink(missing_ok=True)


def _remove_orphans(folder: Path) -> None:
    """Our temporary files in ``folder`` whose writer process is gone (killed mid-write)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        found = _OURS.fullmatch(name)
        if found and not _alive(int(found.group(1))):
            with contextlib.suppress(OSError):
                (folder / name).unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True  # it exists, under another user; or a number no process can have
    return True


def write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def write_text(target: Path, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))
