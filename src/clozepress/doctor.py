"""``clozepress doctor``: the system parts (not Python packages) a build and the tests need.

pip installs clozepress's Python dependencies, but WeasyPrint, the fonts and the helper programs
come from the system. A missing one shows up late and obscurely (boxes instead of glyphs, an
``OSError`` from cffi, a skipped thumbnail), so ``make`` and ``make test`` ask first, and name the
Debian package that brings each missing part.

Required to build (``make``): Pango (WeasyPrint cannot lay out a sheet without it), fontconfig
(WeasyPrint finds fonts through it, and the build reports glyphs no font has), and DejaVu (the
font styles/sheet.css names; the fit of each sheet is measured in its widths).
Optional to build: a CJK font (only notes in Chinese, Japanese or Korean need one, and the build
warns at each line it could not print) and pdftoppm (only the report's thumbnails).
Required for the tests as well: the CJK font and pdftoppm, which they check sheets with.
Optional for the tests: chromium, for the one test that opens the report in a browser: skipped
on a developer's machine without it, a failure in CI.
"""

from __future__ import annotations

import ctypes.util
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

BUILD = "build"
TESTS = "tests"


@dataclass(frozen=True)
class Part:
    """One system part: how to tell it is there, and the Debian package that brings it."""

    name: str
    package: str
    why: str
    required_for: frozenset[str]
    """The purposes (``build``, ``tests``) that cannot do without it; others only lose a little."""
    present: Callable[[], bool]


def _libraries(*names: str) -> Callable[[], bool]:
    return lambda: all(ctypes.util.find_library(name) for name in names)


def _program(name: str) -> Callable[[], bool]:
    return lambda: shutil.which(name) is not None


def _fonts(*patterns: str) -> Callable[[], bool]:
    """True when fontconfig lists a font for each pattern (a family, or ``:lang=xx``)."""

    def check() -> bool:
        if shutil.which("fc-list") is None:
            return False
        for pattern in patterns:
            try:
                listed = subprocess.run(
                    ["fc-list", pattern, "family"],
                    capture_output=True,
                    text=True,
                    timeout=60,
                    check=False,
                ).stdout
            except (OSError, subprocess.TimeoutExpired):
                return False
            if not listed.strip():
                return False
        return True

    return check


PARTS: tuple[Part, ...] = (
    Part(
        "Pango",
        "libpango-1.0-0 libpangoft2-1.0-0",
        "WeasyPrint lays out the sheets with it",
        frozenset({BUILD, TESTS}),
        _libraries("pango-1.0", "pangoft2-1.0"),
    ),
    Part(
        "fontconfig (fc-list)",
        "fontconfig",
        "finds the fonts, and which characters no font has",
        frozenset({BUILD, TESTS}),
        _program("fc-list"),
    ),
    Part(
        "DejaVu fonts",
        "fonts-dejavu-core",
        "the sheets' text font",
        frozenset({BUILD, TESTS}),
        _fonts("DejaVu Sans", "DejaVu Sans Mono"),
    ),
    Part(
        "a CJK font",
        "fonts-wqy-microhei",
        "Chinese, Japanese and Korean text on the sheets (otherwise boxes)",
        frozenset({TESTS}),
        _fonts(":lang=zh", ":lang=ja", ":lang=ko"),
    ),
    Part(
        "pdftoppm",
        "poppler-utils",
        "the report's sheet thumbnails; the tests read sheets with it",
        frozenset({TESTS}),
        _program("pdftoppm"),
    ),
    Part(
        "chromium",
        "chromium",
        "the test that opens the build report in a browser",
        frozenset(),
        _program("chromium"),
    ),
)


def part(name: str) -> Part:
    """The part called ``name`` (as in ``PARTS``)."""
    for candidate in PARTS:
        if candidate.name == name:
            return candidate
    raise KeyError(name)


def install_command(parts: list[Part]) -> str:
    packages = " ".join(dict.fromkeys(p for part in parts for p in part.package.split()))
    return f"sudo apt-get install -y {packages}"


def doctor(purpose: str, quiet: bool = False) -> int:
    """Print what is present and missing for ``purpose``; 1 when a required part is missing."""
    missing = [p for p in PARTS if not p.present()]
    required = [p for p in missing if purpose in p.required_for]
    for p in PARTS:
        if p in missing:
            need = "missing (required)" if p in required else "missing (optional)"
            print(f"{need}: {p.name}, {p.why}; package {p.package}", file=sys.stderr)
        elif not quiet:
            print(f"ok: {p.name}")
    if missing:
        print(f"install with: {install_command(missing)}", file=sys.stderr)
    if required:
        names = ", ".join(p.name for p in required)
        doing = "build" if purpose == BUILD else "run the tests"
        print(f"clozepress doctor: cannot {doing} without {names}", file=sys.stderr)
        return 1
    return 0
