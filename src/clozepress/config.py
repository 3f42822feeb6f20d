"""The project's settings: ``[tool.clozepress]`` in ``pyproject.toml``, typed and checked."""

from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .errors import BuildError, file_fault
from .inputs import Refused, read_regular
from .tomlines import error_line, key_line

_CHOICES: dict[str, tuple[str, ...]] = {
    "cloze": ("each", "unit"),
    "cloze_policy": ("study", "all"),
    "paper": ("A4", "Letter"),
}


@dataclass(frozen=True)
class Config:
    cloze: str = "each"
    """``each``: one card per highlight (c1…cN); ``unit``: one card per unit, all blanks at once."""
    cloze_policy: str = "study"
    """``study``: the card policy may skip highlights that make bad cards (each one reported);
    ``all``: every highlight becomes a card."""
    paper: str = "A4"
    """Sheet paper, landscape: ``A4`` or ``Letter``."""
    sheet_images: bool = False
    """Local images on sheets too (remote images never are)."""
    font_floor: float = 6.0
    """No sheet text is set below this size (pt)."""
    font_cap: float = 10.0
    """No sheet text is set above this size (pt)."""
    disable_rules: tuple[str, ...] = ()
    """Card policy rules switched off by name (``clozepress sample NOTES --rules`` lists them)."""


#: The range every sheet text size must lie in (pt); README's settings table says the same.
FONT_RANGE = (4.0, 24.0)
#: A settings file is a few KB; past this it is not the project's pyproject.toml.
MAX_SETTINGS_BYTES = 4 * 2**20


def load_config(root: Path) -> Config:
    """The settings in ``root/pyproject.toml``; defaults where the file or a key is absent."""
    path = root / "pyproject.toml"
    if not path.exists():
        return Config()
    shown = os.path.relpath(path)
    where = shown if not shown.startswith("..") else str(path)
    try:
        text = read_regular(path, MAX_SETTINGS_BYTES).decode("utf-8")
    except OSError as exc:
        raise file_fault(where, exc, "read the settings") from None
    except Refused as exc:
        raise BuildError(where, 0, f"cannot read the settings: {exc.reason}") from None
    except UnicodeDecodeError:
        raise BuildError(where, 1, "cannot read settings: not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BuildError(where, error_line(str(exc)), f"cannot read settings: {exc}") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise BuildError(where, key_line(text, ("tool",)), "[tool] must be a table")
    table = tool.get("clozepress", {})
    if not isinstance(table, dict):
        line = key_line(text, ("tool", "clozepress"))
        raise BuildError(where, line, "[tool.clozepress] must be a table")
    return config_from_mapping(table, where, text)


def config_from_mapping(
    table: dict[str, Any], where: str = "pyproject.toml", text: str = ""
) -> Config:
    """Settings from ``[tool.clozepress]``; ``text`` (the file) lets a message name its line."""

    def line(key: str) -> int:
        return key_line(text, ("tool", "clozepress", key)) if text else 1

    known = {f.name: f for f in fields(Config)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in known:
            raise BuildError(where, line(key), f"unknown setting [tool.clozepress] {key}")
        default = getattr(Config(), key)
        if isinstance(default, bool) and not isinstance(value, bool):
            raise BuildError(where, line(key), f"[tool.clozepress] {key} must be true or false")
        if isinstance(default, float):
            # TOML's true is a bool, and Python's bool is an int: not a size.
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise BuildError(where, line(key), f"[tool.clozepress] {key} must be a number")
            low, high = FONT_RANGE
            if not math.isfinite(value) or not low <= value <= high:
                raise BuildError(
                    where,
                    line(key),
                    f"[tool.clozepress] {key} must be from {low:g} to {high:g} (pt), not {value!r}",
                )
        if key == "disable_rules":
            values[key] = _rule_names(value, where, text)
            continue
        if key in _CHOICES and (not isinstance(value, str) or value not in _CHOICES[key]):
            options = " or ".join(repr(c) for c in _CHOICES[key])
            raise BuildError(
                where, line(key), f"[tool.clozepress] {key} must be {options}, not {value!r}"
            )
        values[key] = float(value) if isinstance(default, float) else value
    config = Config(**values)
    if not config.font_floor <= config.font_cap:
        key = "font_floor" if "font_floor" in table else "font_cap"
        raise BuildError(where, line(key), "[tool.clozepress] needs font_floor <= font_cap")
    return config


def _rule_names(value: Any, where: str, text: str) -> tuple[str, ...]:
    """``disable_rules``: names of the card policy's rules; an unknown one is a mistake to fix."""
    from .cards.rules import rule_names

    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BuildError(
            where,
            _line_of(text, "disable_rules"),
            "[tool.clozepress] disable_rules must be a list of rule names",
        )
    known = rule_names()
    for name in value:
        if name not in known:
            raise BuildError(
                where,
                _line_of(text, f'"{name}"') or _line_of(text, "disable_rules"),
                f"[tool.clozepress] disable_rules: no card rule is named {name!r} "
                "(clozepress sample NOTES --rules lists them)",
            )
    return tuple(value)


def _line_of(text: str, needle: str) -> int:
    """The first line of ``text`` holding ``needle`` (1 if none): where a message points."""
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    return 1
