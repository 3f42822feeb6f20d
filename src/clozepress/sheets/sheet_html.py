"""One domain of the intermediate form as the HTML of its cheat-sheet; knows nothing of WeasyPrint.

Safety lives here first: every piece of text is escaped, so raw HTML that the notes carry as text
stays text; links print as their text (a printed sheet cannot follow them, and an ``<a>`` is one
more thing a renderer could act on); the only URLs the page ever names are local images that the
settings allow and that lie inside the notes' folder. Everything else is left out, and references
that try to leave the folder or use another scheme are reported.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ..form.model import (
    Block,
    Bullet,
    Cell,
    Code,
    Diagnostic,
    Document,
    Domain,
    Emphasis,
    Highlight,
    Image,
    Inline,
    Link,
    Math,
    Paragraph,
    Quote,
    Section,
    Strong,
    Table,
    Text,
    plain_text,
)
from ..form.nesting import MAX_DEPTH, cap_depth
from ..inputs import Refused, check_regular
from ..read.image_refs import MAX_IMAGE_BYTES, locate, shown


@dataclass(frozen=True)
class SheetHtml:
    """What the renderer needs for one domain, and what the emitter found on the way."""

    html: str
    images: tuple[Path, ...]
    """The local image files the page names (resolved, inside the notes' folder)."""
    diagnostics: tuple[Diagnostic, ...]
    remote: tuple[int, ...] = ()
    """Lines of remote images left out without a warning each (images are off)."""
    image_lines: tuple[tuple[Path, int], ...] = ()
    """Each image file with the first line that names it."""


@dataclass(frozen=True)
class ImagePolicy:
    """Which images a sheet may show: local files inside ``notes_dir``, and only if ``enabled``."""

    notes_dir: Path
    enabled: bool


def domain_html(document: Document, domain: Domain, policy: ImagePolicy) -> SheetHtml:
    """The sheet of ``domain``: a band (domain and deck title), the notes in columns, a footer."""
    writer = _Writer(document.path, policy)
    title = f"{document.title} — {domain.title}"
    # The parse caps nesting already; an intermediate form written by hand may not.
    children, moved = cap_depth(domain.children)
    if moved:
        writer.warn(moved, f"nested deeper than {MAX_DEPTH} levels: flattened on the sheet")
    body = "".join(writer.blocks(children))
    # The footer comes first in the body: a running element must appear on (or before) the page
    # whose margin shows it.
    html = (
        '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head>\n<body>\n"
        f'<footer class="source">{escape(document.path)}:{domain.line}</footer>\n'
        f'<header class="band"><h1>{writer.inlines(domain.spans)}</h1>'
        f'<p class="deck">{escape(document.title)}</p></header>\n'
        f'<main class="notes">\n{body}</main>\n</body>\n</html>\n'
    )
    return SheetHtml(
        html,
        tuple(writer.images),
        tuple(writer.diagnostics),
        tuple(writer.remote),
        tuple(writer.image_lines.items()),
    )


class _Writer:
    def __init__(self, path: str, policy: ImagePolicy) -> None:
        self.path = path
        self.policy = policy
        self.images: list[Path] = []
        self.image_lines: dict[Path, int] = {}
        """The first line naming each image: a reference refused inside it is reported there."""
        self.diagnostics: list[Diagnostic] = []
        self.remote: list[int] = []

    # -- blocks ----------------------------------------------------------------------------

    def blocks(self, nodes: tuple[Block | Section, ...]) -> Iterator[str]:
        """Blocks in order; consecutive bullets of one kind share one list."""
        run: list[Bullet] = []
        for node in nodes:
            if isinstance(node, Bullet) and (not run or _ordered(run[0]) == _ordered(node)):
                run.append(node)
                continue
            if run:
                yield self.bullet_list(run)
                run = []
            if isinstance(node, Bullet):
                run.append(node)
            else:
                yield self.block(node)
        if run:
            yield self.bullet_list(run)

    def block(self, node: Block | Section) -> str:
        if isinstance(node, Section):
            # Headings are not wrapped in <section>: a wide table must be a child of the
            # column container itself for WeasyPrint to let it span the columns.
            level = min(max(node.level, 2), 6)
            inner = "".join(self.blocks(node.children))
            return f"<h{level}>{self.inlines(node.spans)}</h{level}>\n{inner}"
        if isinstance(node, Paragraph):
            return f"<p>{self.inlines(node.spans)}</p>\n"
        if isinstance(node, Table):
            return self.table(node)
        if isinstance(node, Quote):
            return f"<blockquote>{''.join(self.blocks(node.children))}</blockquote>\n"
        if isinstance(node, Code):
            return f"<pre><code>{escape(node.text.rstrip())}</code></pre>\n"
        if isinstance(node, Image):
            return self.image(node)
        if isinstance(node, Bullet):  # pragma: no cover - blocks() groups bullets
            return self.bullet_list([node])
        raise AssertionError(f"unknown block {node!r}")

    def bullet_list(self, items: list[Bullet]) -> str:
        tag = "ol" if _ordered(items[0]) else "ul"
        out = [f"<{tag}>"]
        for item in items:
            value = f' value="{int(item.marker[:-1])}"' if tag == "ol" else ""
            nested = "".join(self.blocks(item.children))
            out.append(f"<li{value}>{self.inlines(item.spans)}{nested}</li>")
        out.append(f"</{tag}>\n")
        return "".join(out)

    def table(self, table: Table) -> str:
        width = max([len(table.header), *(len(row.cells) for row in table.rows)])

        def cells(tag: str, row: tuple[Cell, ...]) -> str:
            # Rows with fewer cells than the widest row are padded, so the grid stays a grid.
            padded = [*row, *[Cell(())] * (width - len(row))]
            return "".join(f"<{tag}>{self.inlines(cell.spans)}</{tag}>" for cell in padded)

        head = f"<thead><tr>{cells('th', table.header)}</tr></thead>"
        rows = "".join(f"<tr>{cells('td', row.cells)}</tr>" for row in table.rows)
        # The renderer lets a table span all columns when its narrowest possible width (the
        # longest word of each column side by side) exceeds one column at the chosen size;
        # squeezed into a column it would break words letter by letter. The class carries that
        # width in em, so one HTML serves every size the fit search tries.
        width_em = math.ceil(_min_content_em(table, width))
        return f'<div class="table w{width_em}"><table>{head}<tbody>{rows}</tbody></table></div>\n'

    def image(self, image: Image) -> str:
        path = self.local_image(image)
        if path is None:
            return ""
        self.images.append(path)
        return (
            f'<p class="figure"><img src="{escape(path.as_uri())}" alt="{escape(image.alt)}"></p>\n'
        )

    def local_image(self, image: Image) -> Path | None:
        """The image's file if the sheet may show it; else None, with a warning when refused."""
        ref = locate(image.src, self.policy.notes_dir)
        if ref.remote:
            # Remote images are never fetched. A warning per image is only useful to someone
            # who asked for images; otherwise the build sums them up in one warning.
            if self.policy.enabled:
                self.warn(image.line, f"remote image left out of the sheet: {shown(ref.src)}")
            else:
                self.remote.append(image.line)
            return None
        if ref.path is None:
            self.warn(image.line, f"image refused on the sheet ({ref.refused}): {shown(ref.src)}")
            return None
        if not self.policy.enabled:
            return None
        try:
            check_regular(ref.path, MAX_IMAGE_BYTES)
        except OSError:
            self.warn(image.line, f"image not found, left out of the sheet: {shown(ref.src)}")
            return None
        except Refused as exc:
            self.warn(image.line, f"image left out of the sheet ({exc.reason}): {shown(ref.src)}")
            return None
        self.image_lines.setdefault(ref.path, image.line)
        return ref.path

    # -- inline ----------------------------------------------------------------------------

    def inlines(self, spans: tuple[Inline, ...]) -> str:
        return "".join(self.inline(span) for span in spans)

    def inline(self, span: Inline) -> str:
        if isinstance(span, Text):
            return escape(span.text.replace("\n", " "))
        if isinstance(span, Highlight):
            return f'<strong class="hl">{escape(span.text)}</strong>'
        if isinstance(span, Strong):
            return f"<b>{self.inlines(span.children)}</b>"
        if isinstance(span, Emphasis):
            return f"<i>{self.inlines(span.children)}</i>"
        if isinstance(span, Link):
            return f'<span class="link">{self.inlines(span.children)}</span>'
        if isinstance(span, Math):
            # TeX as written, set apart in a math style: WeasyPrint runs no MathJax (README).
            kind = "math display" if span.display else "math"
            return f'<span class="{kind}">{self.inlines(span.children)}</span>'
        raise AssertionError(f"unknown span {span!r}")

    def warn(self, line: int, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, line, "warning", message))


#: Cell padding and borders, in em, as styles/sheet.css sets them (left + right).
_CELL_EXTRA_EM = 0.8
#: Average advance of a Latin character in DejaVu Sans, in em; bold is wider.
_CHAR_EM = 0.6
_BOLD = 1.1
_BREAK = re.compile(r"[\s]+|(?<=[-/])")


def _min_content_em(table: Table, width: int) -> float:
    """An estimate of the table's narrowest width: each column's longest unbreakable word."""
    longest = [0.0] * width
    rows = [(table.header, _BOLD), *((row.cells, 1.0) for row in table.rows)]
    for cells, weight in rows:
        for column, cell in enumerate(cells):
            for word in _BREAK.split(plain_text(cell.spans)):
                longest[column] = max(longest[column], weight * _word_em(word))
    return sum(longest) + _CELL_EXTRA_EM * width


def _word_em(word: str) -> float:
    # Wide (CJK) characters are a full em, and a line may break between any two of them.
    em = 0.0
    for char in word:
        if unicodedata.east_asian_width(char) in ("W", "F"):
            return max(em, 1.0)
        em += _CHAR_EM
    return em


def _ordered(bullet: Bullet) -> bool:
    return bullet.marker[:1].isdigit()
