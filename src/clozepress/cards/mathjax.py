"""Math on cards: TeX from the notes as MathJax, which Anki typesets (``\\(..\\)``, ``\\[..\\]``).

The card policy renders everything else; it calls ``math_html`` for a formula of the notes and
``text_html`` for a highlight's text (which may hold ``$TeX$`` of its own). A module of its own
beside the policy's decisions, so that it holds whichever rules pick the cards.

Escaping: TeX goes through the same layers as any card text (HTML, then Anki's cloze syntax),
as entities. The browser decodes them before MathJax reads the formula, so MathJax sees the TeX
as written, while Anki's cloze parser never sees a ``}}`` of TeX (which would end a cloze: the
manual's remedy is ``} }``; an entity does the same without changing the TeX) nor a ``::``
(which would start a hint). A highlight inside a formula is a cloze inside MathJax, which
Anki supports; one that is not a cloze shows as plain TeX, since HTML markup inside a formula
would break it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from ..form.model import Highlight, Math

INLINE = (r"\(", r"\)")
DISPLAY = (r"\[", r"\]")

#: ``$TeX$`` or ``$$TeX$$`` inside a highlight's text, read as the parse reads the notes (no
#: space inside the dollars, no digit after the closing one: "$5 and $10" is no formula).
_DOLLARS = re.compile(
    r"(?<![\\$])\$\$(?=\S)(.+?)(?<=\S)\$\$|(?<![\\$])\$(?=[^\s$])(.*?[^\s\\])\$(?!\d)"
)


def _escape(text: str, in_cloze: bool) -> str:
    escaped = html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")
    return escaped.replace(":", "&#58;") if in_cloze else escaped


def math_html(formula: Math, highlight: Callable[[Highlight], str]) -> str:
    """A formula as MathJax; ``highlight`` renders each highlight inside it (a cloze or not),
    called in source order like every other highlight of the unit."""
    parts: list[str] = []
    for child in formula.children:
        if isinstance(child, Highlight):
            shown = highlight(child)
            parts.append(shown if shown.startswith("{{c") else _escape(child.text, False))
        else:
            parts.append(_escape(child.text.replace("\n", " "), False))
    opening, closing = DISPLAY if formula.display else INLINE
    return f"{opening}{''.join(parts)}{closing}"


def to_mathjax(text: str) -> str:
    """A highlight's text with its ``$TeX$`` between MathJax's delimiters (not escaped).

    Only a highlight that is a formula from end to end (`` `$\\pi r^2$` ``): in any other the
    dollars are more likely a shell's or a price's (`` `export PATH=$HOME/bin:$PATH` ``), and a
    code span is literal text to pandoc too.
    """
    body = text.strip()
    if len(body) < 3 or not (body.startswith("$") and body.endswith("$")):
        return text
    out: list[str] = []
    at = 0
    for found in _DOLLARS.finditer(text):
        out.append(text[at : found.start()])
        display = found.group(1) is not None
        opening, closing = DISPLAY if display else INLINE
        out.append(f"{opening}{found.group(1) if display else found.group(2)}{closing}")
        at = found.end()
    out.append(text[at:])
    return "".join(out)


def text_html(text: str, in_cloze: bool = False) -> str:
    """A highlight's text as card HTML: escaped, with any ``$TeX$`` in it as MathJax."""
    return _escape(to_mathjax(text), in_cloze)


def pieces(formula: Math) -> list[tuple[str, Highlight | None]]:
    """A formula as the card policy's flat text holds it: MathJax's delimiters around the TeX,
    each piece with the highlight it is (or None). Rendered with the rest of the line, the
    delimiters pass through HTML escaping unchanged, and a highlight inside becomes a cloze
    inside the formula."""
    opening, closing = DISPLAY if formula.display else INLINE
    inner: list[tuple[str, Highlight | None]] = [
        (child.text, child)
        if isinstance(child, Highlight)
        else (child.text.replace("\n", " "), None)
        for child in formula.children
    ]
    return [(opening, None), *inner, (closing, None)]
