"""The one exception type for a mistake the user can fix: printed as ``path:line: error: ...``."""

from __future__ import annotations


class BuildError(Exception):
    """A problem in the user's notes, settings or files. The CLI prints it and exits 1, no
    traceback. ``line`` 0 means the problem is the file or folder itself (it cannot be read or
    written), not a line in it: the message then reads ``path: error: ...``."""

    def __init__(self, path: str, line: int, message: str) -> None:
        where = f"{path}:{line}" if line > 0 else path
        super().__init__(f"{where}: error: {message}")
        self.path = path
        self.line = line
        self.message = message

    def __reduce__(self) -> tuple[type[BuildError], tuple[str, int, str]]:
        # A sheet worker raises it in another process: it must cross back whole.
        return (type(self), (self.path, self.line, self.message))


def file_fault(path: object, exc: OSError, doing: str) -> BuildError:
    """A filesystem fault (read-only folder, full disk, a file where a folder should be) as one
    line naming the path and the cause."""
    cause = exc.strerror or str(exc)
    return BuildError(str(path), 0, f"cannot {doing}: {cause}")
