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
    disable_rules: tuple[str, ...] = ()
    """Card policy rules switched off by name (``clozepress sample NOTES --rules`` lists them)."""


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
    return config_from_mapping(table, str(path), path.read_text(encoding="utf-8"))


def config_from_mapping(
    table: dict[str, Any], where: str = "pyproject.toml", text: str = ""
) -> Config:
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
        if key == "disable_rules":
            values[key] = _rule_names(value, where, text)
            continue
        if key in _CHOICES and value not in _CHOICES[key]:
            options = " or ".join(repr(c) for c in _CHOICES[key])
            raise BuildError(where, 1, f"[tool.clozepress] {key} must be {options}, not {value!r}")
        values[key] = float(value) if isinstance(default, float) else value
    config = Config(**values)
    if not 0 < config.font_floor <= config.font_cap:
        raise BuildError(where, 1, "[tool.clozepress] needs 0 < font_floor <= font_cap")
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
