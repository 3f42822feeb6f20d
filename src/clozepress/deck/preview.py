"""A card's two sides as Anki renders them, for the build report: without Anki, from our fields.

Our templates use a small part of Anki's template language (a field, a section shown when its
field is not empty, ``cloze:`` and ``type:cloze:``), so they are rendered here rather than by
importing Anki at build time; a test renders the same cards in the real Anki and compares.
Cloze markup follows Anki's: the card's own cloze is a ``[...]`` blank on the front and the
answer on the back, both in ``<span class="cloze">``; the other clozes show their text; inside
MathJax the blank is plain ``[...]``, as Anki writes it there.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

#: ``{{cN::text}}`` or ``{{cN::text::hint}}`` (our text never holds a raw ``::`` or ``}}``).
_CLOZE = re.compile(r"{{c(\d+)::(.*?)(?:::(.*?))?}}", re.DOTALL)
_SECTION = re.compile(r"{{#(\w+)}}(.*?){{/\1}}", re.DOTALL)
_FIELD = re.compile(r"{{([\w:]+)}}")
_MATHJAX = re.compile(r"\\\(.*?\\\)|\\\[.*?\\\]", re.DOTALL)
_IMAGE = re.compile(r"<img\b[^>]*?\balt=\"([^\"]*)\"[^>]*>|<img\b[^>]*>")

#: Where Anki's reviewer puts the answer box; the report shows an inert one.
TYPE_BOX = '<input class="cp-typeans" type="text" disabled placeholder="type the answer">'


@dataclass(frozen=True)
class Sides:
    front: str
    back: str


def card_numbers(text: str) -> list[int]:
    """The cards a note makes: its distinct cloze numbers, in order."""
    return sorted({int(found.group(1)) for found in _CLOZE.finditer(text)})


def render(question: str, answer: str, fields: dict[str, str], number: int) -> Sides:
    """Card ``number`` of a note: its front and back HTML, media shown by name (the report
    has no media folder to load them from)."""
    shown = {name: _without_images(value) for name, value in fields.items()}
    return Sides(
        _template(question, shown, number, front=True),
        _template(answer, shown, number, front=False),
    )


def _without_images(value: str) -> str:
    return _IMAGE.sub(
        lambda m: f'<span class="cp-media">[image{": " + m.group(1) if m.group(1) else ""}]</span>',
        value,
    )


def _template(template: str, fields: dict[str, str], number: int, *, front: bool) -> str:
    def section(found: re.Match[str]) -> str:
        return found.group(2) if fields.get(found.group(1), "").strip() else ""

    def field(found: re.Match[str]) -> str:
        name = found.group(1)
        if name.startswith("type:cloze:"):
            return TYPE_BOX
        if name.startswith("cloze:"):
            return _cloze(fields.get(name.removeprefix("cloze:"), ""), number, front=front)
        return fields.get(name, "")

    return _FIELD.sub(field, _SECTION.sub(section, template))


def _cloze(text: str, number: int, *, front: bool) -> str:
    """Anki's cloze filter for one card: its own clozes hidden (front) or shown (back)."""
    inside_math = [(m.start(), m.end()) for m in _MATHJAX.finditer(text)]

    def in_math(at: int) -> bool:
        return any(start <= at < end for start, end in inside_math)

    def one(found: re.Match[str]) -> str:
        own = int(found.group(1)) == number
        content, hint = found.group(2), found.group(3)
        if not own:
            return content
        if in_math(found.start()):
            return f"[{hint or '...'}]" if front else content
        if front:
            blank = f"[{hint}]" if hint else "[...]"
            return f'<span class="cloze" data-cloze="{html.escape(content)}">{blank}</span>'
        return f'<span class="cloze">{content}</span>'

    return _CLOZE.sub(one, text)
