"""The project's settings: ``[tool.clozepress]`` in ``pyproject.toml``, typed and checked."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .errors import BuildError

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


def load_config(root: Path) -> Config:
    """The settings in ``root/pyproject.toml``; defaults where the file or a key is absent."""
    path = root / "pyproject.toml"
    if not path.exists():
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BuildError(str(path), 1, f"cannot read settings: {exc}") from None
    table = data.get("tool", {}).get("clozepress", {})
    return config_from_mapping(table, str(path))


def config_from_mapping(table: dict[str, Any], where: str = "pyproject.toml") -> Config:
    known = {f.name: f for f in fields(Config)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in known:
            raise BuildError(where, 1, f"unknown setting [tool.clozepress] {key}")
        default = getattr(Config(), key)
        if isinstance(default, bool) and not isinstance(value, bool):
            raise BuildError(where, 1, f"[tool.clozepress] {key} must be true or false")
        if isinstance(default, float) and not isinstance(value, int | float):
            raise BuildError(where, 1, f"[tool.clozepress] {key} must be a number")
        if key in _CHOICES and value not in _CHOICES[key]:
            options = " or ".join(repr(c) for c in _CHOICES[key])
            raise BuildError(where, 1, f"[tool.clozepress] {key} must be {options}, not {value!r}")
        values[key] = float(value) if isinstance(default, float) else value
    config = Config(**values)
    if not 0 < config.font_floor <= config.font_cap:
        raise BuildError(where, 1, "[tool.clozepress] needs 0 < font_floor <= font_cap")
    return config
