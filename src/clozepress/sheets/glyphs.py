"""Which characters of the notes no installed font can draw, found through fontconfig."""

from __future__ import annotations

import functools
import shutil
import subprocess
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator

from ..form.model import (
    Block,
    Bullet,
    Cell,
    Code,
    Diagnostic,
    Domain,
    Image,
    Paragraph,
    Quote,
    Section,
    Table,
    plain_text,
)

#: Characters that draw nothing, so a missing glyph for them is never a box on the page.
_INVISIBLE = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me"})
#: At most this many characters are named in one warning.
_SHOWN = 8


@functools.cache
def installed_coverage() -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """Merged code point ranges (starts, ends) of all installed fonts; None without fc-list.

    One ``fc-list`` call gives every font's charset, which is far cheaper than asking fontconfig
    about each character, and is what the renderer (Pango over fontconfig) falls back through.
    """
    if shutil.which("fc-list") is None:
        return None
    try:
        out = subprocess.run(
            ["fc-list", "--format", "%{charset}\n"],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    ranges: list[tuple[int, int]] = []
    for token in out.split():
        first, _, last = token.partition("-")
        try:
            ranges.append((int(first, 16), int(last or first, 16)))
        except ValueError:
            continue
    ranges.sort()
    starts: list[int] = []
    ends: list[int] = []
    for low, high in ranges:
        if ends and low <= ends[-1] + 1:
            ends[-1] = max(ends[-1], high)
        else:
            starts.append(low)
            ends.append(high)
    return tuple(starts), tuple(ends)


def missing_glyphs(text: str) -> list[str]:
    """The distinct visible characters of ``text`` that no installed font covers, in order."""
    coverage = installed_coverage()
    if coverage is None:
        return []
    starts, ends = coverage
    if text.isascii() and _covers_ascii(coverage):
        return []  # most lines of most notes: no character to look up
    missing: dict[str, None] = {}
    for char in text:
        if char in missing or unicodedata.category(char) in _INVISIBLE:
            continue
        code = ord(char)
        at = bisect_right(starts, code) - 1
        if at < 0 or code > ends[at]:
            missing[char] = None
    return list(missing)


@functools.cache
def _covers_ascii(coverage: tuple[tuple[int, ...], tuple[int, ...]]) -> bool:
    """Whether the fonts cover every printable ASCII character."""
    starts, ends = coverage
    at = bisect_right(starts, 0x20) - 1
    return at >= 0 and ends[at] >= 0x7E


def glyph_diagnostics(path: str, domain: Domain) -> list[Diagnostic]:
    """A warning per source line whose text needs glyphs that no installed font has."""
    diagnostics = []
    for line, text in _texts(domain):
        missing = missing_glyphs(text)
        if missing:
            shown = " ".join(f"U+{ord(c):04X} {c!r}" for c in missing[:_SHOWN])
            more = f" and {len(missing) - _SHOWN} more" if len(missing) > _SHOWN else ""
            diagnostics.append(
                Diagnostic(
                    path,
                    line,
                    "warning",
                    f"no installed font has glyphs for {shown}{more}; "
                    "the sheet shows boxes (install a font that covers them, e.g. "
                    "fonts-wqy-microhei for Chinese, Japanese and Korean)",
                )
            )
    return diagnostics


def _texts(domain: Domain) -> Iterator[tuple[int, str]]:
    yield domain.line, plain_text(domain.spans)
    yield from _block_texts(domain.children)


def _block_texts(nodes: tuple[Block | Section, ...]) -> Iterator[tuple[int, str]]:
    for node in nodes:
        if isinstance(node, Section | Bullet):
            yield node.line, plain_text(node.spans)
            yield from _block_texts(node.children)
        elif isinstance(node, Paragraph):
            yield node.line, plain_text(node.spans)
        elif isinstance(node, Table):
            yield node.line, _cells(node.header)
            for row in node.rows:
                yield row.line, _cells(row.cells)
        elif isinstance(node, Quote):
            yield from _block_texts(node.children)
        elif isinstance(node, Code):
            yield node.line, node.text
        elif isinstance(node, Image):
            continue  # images are not text; their alt text is not printed


def _cells(cells: tuple[Cell, ...]) -> str:
    return " ".join(plain_text(cell.spans) for cell in cells)
