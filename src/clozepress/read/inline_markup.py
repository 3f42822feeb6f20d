"""Inline markup that CommonMark leaves as text, as markdown-it inline rules: HTML tags written in
the notes, pandoc's ``^superscript^``, ``~subscript~``, ``^[inline note]`` and
``[bracketed span]{.class}`` (its text is read, its attributes are for pandoc's writers).

Raw HTML is never passed through (``html=False``): a tag of an HTML element becomes a
``raw_tag`` token that the parse turns into typed formatting (``<b>``, ``<sup>``, ``<br>`` ...)
or drops, keeping the text between tags; a comment is read as nothing (but the learner's
``<!-- cloze:... -->`` markers, which the parse reads). A word in angle brackets that names
no HTML element (``<subcommand>``, ``List<String>``) is the author's text and stays text.
Escaped brackets (``\\<b>``, ``&lt;b&gt;``) stay text too: the escape and entity rules run first.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.common.html_re import close_tag, comment, open_tag
from markdown_it.helpers import parseLinkLabel
from markdown_it.rules_inline import StateInline

_TAG = re.compile(f"^(?:{open_tag}|{close_tag})")
_COMMENT = re.compile(f"^{comment}")
#: The learner's markers (``<!-- cloze:skip -->``) are read by the parse from the line's text.
_MARKER = re.compile(r"^<!--\s*cloze:")
_TAG_NAME = re.compile(r"^</?([A-Za-z][A-Za-z0-9-]*)")

#: HTML's elements (the living standard's, and a few obsolete ones authors still write): only
#: these are read as tags.
HTML_ELEMENTS = frozenset(
    re.findall(
        r"\S+",
        """a abbr acronym address area article aside audio b bdi bdo big blockquote body br button
    canvas caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt
    em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hgroup hr
    html i iframe img input ins kbd label legend li link main map mark menu meta meter nav nobr
    noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp
    script section select small source span strike strong style sub summary sup table tbody td
    template textarea tfoot th thead time title tr track tt u ul var video wbr""",
    )
)

#: Whitespace not escaped by a backslash: pandoc allows none inside ``^..^`` and ``~..~``.
_UNESCAPED_SPACE = re.compile(r"(?:^|[^\\])(?:\\\\)*\s")


def inline_markup_plugin(md: MarkdownIt) -> None:
    # Strikethrough first, so that '~~' is never read as two subscript marks.
    md.enable("strikethrough")
    md.inline.ruler.before("html_inline", "raw_tag", raw_tag)
    md.inline.ruler.after("image", "inline_note", inline_note)
    md.inline.ruler.before("link", "bracketed_span", bracketed_span)
    md.inline.ruler.after("bracketed_span", "attributes", attributes_after)
    md.inline.ruler.after("emphasis", "superscript", _enclosed("^", "superscript"))
    md.inline.ruler.after("superscript", "subscript", _enclosed("~", "subscript"))


def raw_tag(state: StateInline, silent: bool) -> bool:
    """An opening or closing tag of an HTML element, as a ``raw_tag`` token (name, closing)."""
    pos = state.pos
    if state.src[pos] != "<" or pos + 2 >= state.posMax:
        return False
    found = _TAG.match(state.src[pos : state.posMax])
    if found is None:
        # An HTML comment is invisible where the notes render: read as nothing.
        note = _COMMENT.match(state.src[pos : state.posMax])
        if note is None or _MARKER.match(note.group(0)):
            return False
        state.pos += len(note.group(0))
        return True
    name = _TAG_NAME.match(found.group(0))
    if name is None or name.group(1).lower() not in HTML_ELEMENTS:
        return False
    if not silent:
        token = state.push("raw_tag", "", 0)
        token.content = found.group(0)
        token.meta = {
            "name": name.group(1).lower(),
            "closing": found.group(0).startswith("</"),
            "self_closing": found.group(0).endswith("/>"),
        }
    state.pos += len(found.group(0))
    return True


def inline_note(state: StateInline, silent: bool) -> bool:
    """``^[text]``: the note's text parsed in place between ``note_open`` and ``note_close``,
    so its highlights keep their positions (and lines) in the paragraph."""
    start, maximum = state.pos, state.posMax
    if start + 2 >= maximum or state.src[start] != "^" or state.src[start + 1] != "[":
        return False
    end = parseLinkLabel(state, start + 1)
    if end < 0:
        return False
    if not silent:
        state.pos, state.posMax = start + 2, end
        state.push("note_open", "span", 1)
        state.md.inline.tokenize(state)
        state.push("note_close", "span", -1)
    state.pos, state.posMax = end + 1, maximum
    return True


#: A pandoc attribute block: ``{#id .class key=value}``.
_ATTRIBUTES = re.compile(r"\{[ \t]*(?:[#.][\w-]|[\w-]+=)[^{}\n]*\}")


def bracketed_span(state: StateInline, silent: bool) -> bool:
    """``[text]{#id .class key=value}``: the text, read between ``bracketed_span_open`` and
    ``_close``. A link (``[text](url)``) or a reference never has a brace after its bracket."""
    start, maximum = state.pos, state.posMax
    if state.src[start] != "[":
        return False
    end = parseLinkLabel(state, start)
    if end < 0 or end + 1 >= maximum or state.src[end + 1] != "{":
        return False
    attributes = _ATTRIBUTES.match(state.src, end + 1, maximum)
    if attributes is None:
        return False
    if not silent:
        state.pos, state.posMax = start + 1, end
        state.push("bracketed_span_open", "span", 1)
        state.md.inline.tokenize(state)
        state.push("bracketed_span_close", "span", -1)
    state.pos, state.posMax = attributes.end(), maximum
    return True


def attributes_after(state: StateInline, silent: bool) -> bool:
    """An attribute block right after an image or a link (``![](x.png){.wide}``): pandoc's,
    for its writers, so it is read as nothing."""
    if state.src[state.pos] != "{" or state.pending:
        return False
    if not state.tokens or state.tokens[-1].type not in ("image", "link_close"):
        return False
    found = _ATTRIBUTES.match(state.src, state.pos, state.posMax)
    if found is None:
        return False
    state.pos = found.end()
    return True


def _enclosed(mark: str, name: str) -> Callable[[StateInline, bool], bool]:
    """Pandoc's superscript (``^``) or subscript (``~``): the text between two marks, with no
    unescaped space in it, parsed as inline Markdown between ``NAME_open`` and ``NAME_close``."""

    def rule(state: StateInline, silent: bool) -> bool:
        start, maximum = state.pos, state.posMax
        if silent or state.src[start] != mark or start + 2 >= maximum:
            return False
        if state.src[start + 1] in (mark, "[") or state.src[start + 1].isspace():
            return False
        state.pos = start + 1
        while state.pos < maximum and state.src[state.pos] != mark:
            state.md.inline.skipToken(state)
        end = state.pos
        state.pos = start
        if end >= maximum or _UNESCAPED_SPACE.search(state.src[start + 1 : end]):
            return False
        state.pos, state.posMax = start + 1, end
        state.push(f"{name}_open", name[:3], 1)
        state.md.inline.tokenize(state)
        state.push(f"{name}_close", name[:3], -1)
        state.pos, state.posMax = end + 1, maximum
        return True

    return rule
