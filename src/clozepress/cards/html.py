"""Card HTML, escaped in one place: a cloze is markup inside HTML inside Anki's template syntax,
and each layer breaks on different characters:

- HTML first (``html.escape``): raw HTML from the notes is never live on a card.
- Braces everywhere in a field become ``&#123;``/``&#125;``: Anki (and genanki's card count)
  would read a literal ``{{c1::`` in the notes as a cloze of ours.
- Colons inside a cloze become ``&#58;``: in ``{{c1::AWS::S3}}`` the second ``::`` starts a hint.
  Entities render as the characters they stand for, so the learner sees what the notes say.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from ..form.model import (
    Emphasis,
    FootnoteRef,
    Highlight,
    Inline,
    LineBreak,
    Link,
    Math,
    Note,
    Strike,
    Strong,
    Subscript,
    Superscript,
    Text,
    plain_text,
)
from . import mathjax

#: Link schemes that may be live on a card; anything else (``javascript:``, ``data:``) is text.
SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})

SEPARATOR = ' <span class="cp-sep">›</span> '


def escape(text: str) -> str:
    """Text as inert HTML that Anki's cloze syntax cannot see: tags and braces as entities."""
    return html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")


def escape_cloze(text: str) -> str:
    """Text for inside ``{{cN::…}}``: also colons, so ``::`` cannot start a hint."""
    return escape(text).replace(":", "&#58;")


#: A cloze as genanki counts cards (its note.py: ``{{c(\d+)::.+?}}``) and as Anki reads it; the
#: one pattern for reading back what ``cloze`` writes (the deck's check, ``clozepress sample``).
CLOZE = re.compile(r"\{\{c(\d+)::(.+?)(?:::([^{}]*?))?\}\}", re.DOTALL)

#: The hint an echo shows in its blank: a ditto mark, "the same answer as the blank", in no
#: one language and unlike any operator a formula holds.
ECHO = "〃"
#: The hint of a word hidden because it would tell the answer, which is not the answer itself
#: (its opposite, a word it is read off): withheld, not asked.
WITHHELD = "–"


def cloze(number: int, answer: str, hint: str = "") -> str:
    """``{{cN::answer}}``, or ``{{cN::answer::hint}}``: Anki shows ``[hint]`` for the blank."""
    tail = f"::{escape_cloze(hint)}" if hint else ""
    return f"{{{{c{number}::{mathjax.text_html(answer, in_cloze=True)}{tail}}}}}"


def emphasise(highlight: Highlight) -> str:
    """A highlight outside the cloze field: shown as emphasised text, never blanked."""
    return f'<em class="hl">{mathjax.text_html(highlight.text.strip())}</em>'


def render(
    spans: tuple[Inline, ...], highlight: Callable[[Highlight], str], breaks: str = " "
) -> str:
    """Spans as safe HTML; ``highlight`` renders each highlight (a cloze, or emphasis), called
    in source order (the order of ``model.iter_highlights``)."""
    out: list[str] = []
    for span in spans:
        if isinstance(span, Text):
            out.append(escape(span.text).replace("\n", breaks))
        elif isinstance(span, Highlight):
            out.append(highlight(span))
        elif isinstance(span, Strong):
            out.append(f"<b>{render(span.children, highlight, breaks)}</b>")
        elif isinstance(span, Emphasis):
            out.append(f"<i>{render(span.children, highlight, breaks)}</i>")
        elif isinstance(span, LineBreak):
            out.append("<br>")
        elif isinstance(span, Superscript | Subscript | Strike):
            tag = {Superscript: "sup", Subscript: "sub", Strike: "s"}[type(span)]
            out.append(f"<{tag}>{render(span.children, highlight, breaks)}</{tag}>")
        elif isinstance(span, FootnoteRef):
            continue  # no footnotes on a card: the marker would point at nothing
        elif isinstance(span, Note):
            out.append(f" ({render(span.children, highlight, breaks)})")
        elif isinstance(span, Math):
            out.append(mathjax.math_html(span, highlight))
        elif isinstance(span, Link):
            inner = render(span.children, highlight, breaks)
            out.append(
                f'<a href="{escape(span.href)}">{inner}</a>' if safe_link(span.href) else inner
            )
    return "".join(out).strip()


def safe_link(href: str) -> bool:
    """Whether a link may be live on a card: only web and mail links."""
    try:
        scheme = urlsplit(href.strip()).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_LINK_SCHEMES


def plain(spans: tuple[Inline, ...]) -> str:
    """The spans' text on one line, spacing collapsed."""
    return _WHITESPACE.sub(" ", plain_text(spans)).strip()


_WHITESPACE = re.compile(r"\s+")

_SUPERSCRIPT = str.maketrans("0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ")
_SUBSCRIPT = str.maketrans("0123456789+-=()aehklmnopstx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕₖₗₘₙₒₚₛₜₓ")


def scripted(text: str, superscript: bool) -> str:
    """``text`` raised or lowered as a card's plain text can show it: in Unicode's superscript
    or subscript characters when each of its characters has one (``Na⁺``, ``T₃``), else as it
    is (``Gq``): a card's text carries no markup, and a half-raised word reads worse."""
    table = _SUPERSCRIPT if superscript else _SUBSCRIPT
    shifted = text.translate(table)
    changed = sum(a != b for a, b in zip(text, shifted, strict=True))
    return shifted if text and changed == len(text) else text
