"""A TOML file the user keeps beside their notes (corrections, cues): read safely, or refused
with the line to fix.

Both files are the user's own data, read on every build: a missing file means "none", and any
other fault (too large, not UTF-8, bad TOML) stops the build at its line rather than build
with half the user's words.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import BuildError, file_fault
from ..inputs import Refused, read_regular
from ..tomlines import error_line


@dataclass(frozen=True)
class UserToml:
    """The parsed table, its text (to find each key's line again) and the name messages use."""

    table: dict[str, Any]
    text: str
    shown: str


def read_user_toml(
    folder: Path, file_name: str, max_bytes: int, shown_folder: str = ""
) -> UserToml | None:
    """``folder/file_name`` parsed, or None if there is no such file; a fault is a BuildError.

    ``shown_folder`` is how messages name the folder (default: ``folder``)."""
    path = folder / file_name
    shown = f"{shown_folder or folder}/{file_name}".removeprefix("./")
    try:
        data = read_regular(path, max_bytes)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise file_fault(shown, exc, "read") from None
    except Refused as exc:
        if exc.too_large:
            raise BuildError(
                shown, 1, f"larger than {max_bytes // 1024} KB: is this the right file?"
            ) from None
        raise BuildError(shown, 0, f"cannot read: {exc.reason}") from None
    try:
        text = data.decode("utf-8")
        table = tomllib.loads(text)
    except UnicodeDecodeError:
        raise BuildError(shown, 1, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise BuildError(shown, error_line(str(exc)), f"{exc}") from None
    return UserToml(table, text, shown)
