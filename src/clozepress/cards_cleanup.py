"""Clean-up of what a card shows: the notes' own shorthand and noise, not their content.

Personal notes carry marks that mean something to their writer and nothing on a card: "TODO
review", "!!!" for emphasis, "(不考)" (not on the exam), a label like "option1 :", a stray
backtick or table pipe, doubled punctuation and trailing commas. Each rule here removes one
kind of noise; none rewrites a fact.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from .form.model import Emphasis, Highlight, Inline, Link, Strong, Text

# Inside any text -------------------------------------------------------------------------

#: A to-do note runs to the end of its text: "-TODO review", "(TODO: check)".
_TODO = re.compile(r"\s*[-(\[]?\s*\b(?:TODO|FIXME|TBD)\b.*$", re.DOTALL)
#: "!!" and "!!!" are the writer's emphasis; one "!" may be a fact (a URL, "!=" ...).
_BANGS = re.compile(r"!{2,}")
#: "(不考)": the writer's "not on the exam"; "(略)": "skipped here". Notes to self, not facts.
_NOT_ON_EXAM = re.compile(r"\s*[（(]\s*(?:不考|略)\s*[)）]")
_BULLET_MARK = re.compile(r"(^|\s)[•·▪◦]\s+")
#: A list marker after a soft line break: a bullet the notes forgot to indent or space.
_BROKEN_ITEM = re.compile(r"\n\s*(?:[-*+]|\d{1,2}[.)])\s*")
_PIPE = re.compile(r"\s*\|\s*")
_BACKTICK = re.compile(r"`+")
#: ", ," or ": :" or ",;" → the first mark ("::" is kept: "AWS::S3"); "word ," → "word,".
_DOUBLED = re.compile(r"([,;，；])(?:\s*[,;:，；])+|(:)(?:\s+[,;:])+|\s+[-–]\s*(?=,)")
_SPACE_BEFORE = re.compile(r"(?<=\S)\s+([,;，；])(?=\s|$)")
_SPACES = re.compile(r"[ \t]{2,}")
#: A text right after a highlight that starts " , and": the space belongs to no one.
_SPACE_FIRST = re.compile(r"^\s+(?=[,;:，；.)])")

# At the edges of a line ------------------------------------------------------------------

#: A list marker left in the text ("- ", "* ", "1. ", "• ") by notes pasted from elsewhere.
_LEADING_MARK = re.compile(r"^\s*(?:[-*+•·▪]|\d{1,2}[.)])\s+")
#: "option1 :", "option 2:", "way 1 -": numbering labels that say nothing about the fact.
_LABEL = re.compile(
    r"^\s*(?:(?:option|opt|choice|way|method|solution)\s*\d+\s*[:：-]"
    r"|(?:misc|use cases?|common usages?|usage|note|notes)\s*[:：])\s*",
    re.I,
)
#: "`Listener`: upstream routes rules - route ...": a gloss between a label and the line's
#: own text, the writer's shorthand; the label stays, the gloss goes.
_LABEL_GLOSS = re.compile(r"^([^:：`]{0,30}[:：]\s*)[a-z][\w/ ]{0,40}?\s-\s")
#: "(BP7, BP6)": the writer's reference to a best-practice list, not card text.
_REFERENCE = re.compile(r"\s*[(（]\s*BP\d+(?:\s*,\s*BP\d+)*\s*[)）]")
#: A quote mark with no partner: "takes some time' (failover ...)".
_STRAY_SINGLE = re.compile(r"(?<=[a-rt-z])'(?=[\s,.;:)]|$)")
_OPEN_SINGLE = re.compile(r"(?:^|\s)'\w")
_DOUBLE_QUOTES = re.compile(r'["“”]')
#: A sentence the notes leave unfinished for the lines below it: ". User can".
_DANGLING = re.compile(
    r"(?<=[.;:])\s+(?:\w+\s+){0,2}(?:can|could|will|should|must|may|to|is|are|include|includes)"
    r"\s*$",
    re.I,
)
_TRAILING = re.compile(r"[\s,;:，；、]+$")
_LEADING = re.compile(r"^[\s,;，；、]+")

#: "IP(resource)": a gloss glued to an acronym before it. Only after capitals: "len(x)" is
#: code in other notes.
_GLUED_PAREN = re.compile(r"(?<=[A-Z]{2})\((?=[a-z]{3})")
#: "Cookies(TTL)", "written(encrypted)", "file(upload/download)": a gloss of words glued to a
#: word. Not "len(x)" or "f(a, b)": the gloss opens on a capitalised word, or is one or two
#: lowercase words of three letters or more.
_GLUED_GLOSS = re.compile(
    r"(?<=[a-z]{3})\((?=(?:[A-Z][A-Za-z]{2}[^()]*|[a-z]{3,}(?:[ /-][A-Za-z]{3,})?)\))"
)


@functools.lru_cache(maxsize=16384)
def clean_text(text: str) -> str:
    """Noise out of one piece of text (a text span, or a highlight's text).

    Cached: a parent line is cleaned again as the context of each of its children."""
    text = _TODO.sub("", text)
    text = _NOT_ON_EXAM.sub("", text)
    text = _BANGS.sub("", text)
    text = _BACKTICK.sub("", text)
    # Two newlines: the size rule must tell a line the notes ran on from a wrapped sentence.
    text = _BULLET_MARK.sub(r"\1", _BROKEN_ITEM.sub("\n\n", text))
    text = _PIPE.sub(" / ", text)
    text = _DOUBLED.sub(lambda m: m.group(1) or m.group(2) or "", text)
    text = _SPACE_BEFORE.sub(r"\1", _SPACE_FIRST.sub("", text))
    text = _GLUED_PAREN.sub(" (", text)
    text = _GLUED_GLOSS.sub(" (", text)
    text = _REFERENCE.sub("", text)
    return _SPACES.sub(" ", text)


def clean_answer(text: str) -> str:
    """A highlight's text as the back of a card shows it."""
    text = " ".join(clean_text(text).split())
    return _LEADING.sub("", _TRAILING.sub("", text.rstrip("!")))


def clean_line(text: str) -> str:
    """A whole line of plain text (a heading, a parent bullet) as context shows it."""
    text = " ".join(clean_text(text).split())
    text = _LABEL.sub("", _LEADING_MARK.sub("", text))
    return _LEADING.sub("", _TRAILING.sub("", text))


def clean_spans(spans: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """A unit's spans with the noise out; highlights keep their identity (the same objects),
    so the policy can still tell which highlight of the notes each one is."""
    cleaned = _cut_label_gloss(_clean_inside(spans))
    cleaned = _edit_edge(cleaned, first=True)
    cleaned = _edit_edge(cleaned, first=False)
    cleaned = unwrap(_unquote(cleaned))
    return tuple(span for span in cleaned if not (isinstance(span, Text) and not span.text))


def _cut_label_gloss(spans: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """The gloss after a line's leading label out (``_LABEL_GLOSS``): only in the line's first
    text, right after the label."""
    for index, span in enumerate(spans[:2]):
        if isinstance(span, Text):
            text = _LABEL_GLOSS.sub(r"\1", span.text)
            if text != span.text:
                return (*spans[:index], Text(text), *spans[index + 1 :])
    return spans


def _texts(spans: tuple[Inline, ...]) -> str:
    return "".join(s.text for s in spans if isinstance(s, Text | Highlight))


def _unquote(spans: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Quote marks without a partner out of the line's text (highlights are left alone)."""
    line = _texts(spans)
    odd_double = len(_DOUBLE_QUOTES.findall(line)) % 2 == 1
    lone_single = not _OPEN_SINGLE.search(line)

    def fix(text: str) -> str:
        if odd_double:
            text = _DOUBLE_QUOTES.sub("", text)
        if lone_single:
            text = _STRAY_SINGLE.sub("", text)
        return text

    return tuple(Text(fix(s.text)) if isinstance(s, Text) else s for s in spans)


def wrapped_whole(spans: tuple[Inline, ...]) -> bool:
    """Whether the text is wrapped whole in one pair of parentheses ("(By default ...)")."""
    if len(spans) < 2 or not isinstance(spans[0], Text) or not isinstance(spans[-1], Text):
        return False
    line = _texts(spans).strip()
    if not (spans[0].text.lstrip().startswith("(") and line.endswith((")", ")."))):
        return False
    inner = line[1:].rstrip(".").rstrip()[:-1]
    return inner.count("(") == inner.count(")") and "(" not in inner.split(")")[0]


def unwrap(spans: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """A line wrapped whole in parentheses ("(By default ASG uses ...)") without them, and
    without an unfinished sentence at its end (``drop_dangling``)."""
    first, last = (spans[0], spans[-1]) if spans else (None, None)
    if wrapped_whole(spans) and isinstance(first, Text) and isinstance(last, Text):
        inner = Text(re.sub(r"\.?\)\.?\s*$", "", last.text))
        spans = (Text(first.text.lstrip()[1:]), *spans[1:-1], inner)
    return drop_dangling(spans)


def drop_dangling(spans: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """A line ending in a sentence it leaves unfinished (". User can") without that sentence."""
    if spans and isinstance(spans[-1], Text):
        return (*spans[:-1], Text(_TRAILING.sub("", _DANGLING.sub("", spans[-1].text))))
    return spans


#: A word glued to a highlight ("`IPv6`version"): the card needs the space the notes left out.
_GLUED_AFTER = re.compile(r"^(?!(?:s|es|'s)\b)[A-Za-z0-9]|^\((?=[A-Za-z]{2})")
_GLUED_BEFORE = re.compile(r"[A-Za-z0-9]\Z")


def _clean_inside(spans: tuple[Inline, ...]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for index, span in enumerate(spans):
        if isinstance(span, Text):
            text = clean_text(span.text)
            after = index > 0 and isinstance(spans[index - 1], Highlight)
            before = index + 1 < len(spans) and isinstance(spans[index + 1], Highlight)
            # "`ORC`(`Glue` to convert)": a parenthesis opening on a highlight is glued too.
            opens_on_highlight = before and text == "("
            if after and (_GLUED_AFTER.match(text) or opens_on_highlight):
                text = " " + text
            if before and _GLUED_BEFORE.search(text):
                text += " "
            out.append(Text(text))
        elif isinstance(span, Strong | Emphasis | Link):
            out.append(dataclasses.replace(span, children=_clean_inside(span.children)))
        else:
            out.append(span)
    return tuple(out)


def _edit_edge(spans: tuple[Inline, ...], *, first: bool) -> tuple[Inline, ...]:
    """Strip a leading marker or label (``first``), or trailing punctuation, from the text
    at that edge of the line; a highlight at the edge is left alone."""
    items = list(spans)
    indices = range(len(items)) if first else range(len(items) - 1, -1, -1)
    for index in indices:
        span = items[index]
        if not isinstance(span, Text):
            return tuple(items)
        if first:
            text = _LEADING.sub("", _LABEL.sub("", _LEADING_MARK.sub("", span.text)))
        else:
            text = _TRAILING.sub("", span.text)
        items[index] = Text(text)
        if text.strip():
            return tuple(items)
    return tuple(items)
