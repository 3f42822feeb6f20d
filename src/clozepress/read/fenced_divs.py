"""Pandoc's fenced divs (``::: {.callout}`` ... ``:::``) as a markdown-it block rule that reads
each fence line as nothing.

A fenced div only groups blocks for pandoc's writers (callouts, asides, columns); the blocks
inside are ordinary Markdown and are read as such. CommonMark reads a fence line as text, so
``:::{.column}`` reached sheets and cards as words of the paragraph next to it.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

#: Three or more colons, then an attribute block or a class name, then optional closing colons.
_FENCE = re.compile(r"^:{3,}(?:[ \t]*(?:\{[^{}\n]*\}|[^\s:{}][^\s{}]*))?[ \t]*:*[ \t]*$")


def fenced_div_plugin(md: MarkdownIt) -> None:
    # A fence line ends a paragraph above it, as it does for pandoc.
    md.block.ruler.before(
        "paragraph", "fenced_div", fenced_div_line, {"alt": ["paragraph", "blockquote", "list"]}
    )


def fenced_div_line(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    line = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    if not line.startswith(":::") or _FENCE.match(line) is None:
        return False
    if not silent:
        state.line = start + 1
    return True
