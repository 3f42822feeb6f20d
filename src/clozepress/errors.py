"""The one exception type for a mistake the user can fix: printed as ``path:line: error: ...``."""

from __future__ import annotations


class BuildError(Exception):
    """A problem in the user's notes or settings. The CLI prints it and exits 1, no traceback."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: error: {message}")
        self.path = path
        self.line = line
        self.message = message
