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
from collections.abc import Iterable, Iterator
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
    FootnoteRef,
    Highlight,
    Image,
    Inline,
    LineBreak,
    Link,
    Math,
    Note,
    Paragraph,
    Quote,
    Section,
    Strike,
    Strong,
    Subscript,
    Superscript,
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
class TableLimits:
    """How wide (in em) a table may be before its row blocks are written too: the page and one
    column at the largest size the fit search may choose (A4 at 10 pt by default), with a
    margin for the estimate of word widths."""

    page_em: float = 72.0
    column_em: float = 17.0
    shrink: float = 10.0 / 6.0
    """How much smaller a table's text may be set than the largest size: cap / floor."""


@dataclass(frozen=True)
class ImagePolicy:
    """Which images a sheet may show: local files inside ``notes_dir``, and only if ``enabled``."""

    notes_dir: Path
    enabled: bool


def domain_html(
    document: Document,
    domain: Domain,
    policy: ImagePolicy,
    limits: TableLimits | None = None,
) -> SheetHtml:
    """The sheet of ``domain``: a band (domain and deck title), the notes in columns, a footer."""
    writer = _Writer(document.path, policy, limits or TableLimits(), _heading_ranks(domain))
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
    def __init__(
        self,
        path: str,
        policy: ImagePolicy,
        limits: TableLimits,
        ranks: dict[int, int] | None = None,
    ) -> None:
        self.path = path
        self.ranks = ranks or {}
        """Each heading level the domain uses, and the HTML heading that shows it."""
        self.policy = policy
        self.limits = limits
        self.depth = 0
        """How deep in lists and quotes the writer is: a nested table cannot span columns."""
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
            level = self.ranks.get(node.level, min(max(node.level, 2), 6))
            inner = "".join(self.blocks(node.children))
            return f"<h{level}>{self.inlines(node.spans)}</h{level}>\n{inner}"
        if isinstance(node, Paragraph):
            return f"<p>{self.inlines(node.spans)}</p>\n"
        if isinstance(node, Table):
            return self.table(node)
        if isinstance(node, Quote):
            self.depth += 1
            inner = "".join(self.blocks(node.children))
            self.depth -= 1
            return f"<blockquote>{inner}</blockquote>\n"
        if isinstance(node, Code):
            return f"<pre><code>{_code_lines(node.text.rstrip())}</code></pre>\n"
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
            self.depth += 1
            nested = "".join(self.blocks(item.children))
            self.depth -= 1
            out.append(f"<li{value}>{self.inlines(item.spans)}{nested}</li>")
        out.append(f"</{tag}>\n")
        return "".join(out)

    def table(self, table: Table) -> str:
        """A table, set so that it is never clipped at any size the fit search tries.

        The renderer lets a table span all columns when its narrowest possible width (the
        longest word of each column side by side) exceeds one column at the chosen size; wider
        than the page, its text is set smaller, down to the floor; wider still, it is shown as
        row blocks instead (each row a paragraph: its name, then each cell after its header).
        Both forms are in the HTML of a table that may need them, and the layout's
        stylesheet shows one (classes carry the widths in em), so one HTML serves every size.
        Nested in a list, a table cannot span the columns: its column is its page.
        """
        width = max([len(table.header), *(len(row.cells) for row in table.rows)])
        grid = [
            (tuple(table.header) + (Cell(()),) * (width - len(table.header)), "th"),
            *(
                (tuple(row.cells) + (Cell(()),) * (width - len(row.cells)), "td")
                for row in table.rows
            ),
        ]
        columns_em = _column_em(table, width)
        width_em = sum(columns_em) + _CELL_EXTRA_EM * width
        nested = self.depth > 0
        kind = "v" if nested else "w"
        limit = self.limits.column_em if nested else self.limits.page_em
        if width_em <= limit:
            full = self.table_html(grid, range(width))
            return f'<div class="table full {kind}{_em_class(width_em)}">{full}</div>\n'
        out = ""
        if width_em <= limit * self.limits.shrink:
            # It may still fit at a smaller size: the layout chooses. Wider, it never fits,
            # and its hundreds of cells would only slow the render down.
            full = self.table_html(grid, range(width))
            out = f'<div class="table full {kind}{_em_class(width_em)}">{full}</div>\n'
        # Row blocks: each row as its first cell, then every other cell after its header, as
        # one flowing paragraph. They break across columns and pages like text, so nothing is
        # cut however many columns the table has.
        head, *rows = grid
        blocks = []
        for cells, _ in rows:
            items = [
                f"<i>{self.inlines(head[0][c].spans)}:</i> {self.inlines(cells[c].spans)}"
                for c in range(1, width)
                if cells[c].spans
            ]
            # A few cells a paragraph: the renderer's line breaking slows down sharply with the
            # number of inline boxes in one paragraph (a 200-cell row took seconds).
            chunks = "".join(
                f"<p>{' · '.join(items[at : at + _CELLS_PER_LINE])}</p>"
                for at in range(0, len(items), _CELLS_PER_LINE)
            )
            name = self.inlines(cells[0].spans)
            blocks.append(f'<div class="rowblock"><p class="name">{name}</p>{chunks}</div>')
        kind_class = f"s{kind}{_em_class(width_em)}" if out else "always"
        return out + f'<div class="split {kind_class}">\n' + "\n".join(blocks) + "</div>\n"

    def table_html(self, grid: list[tuple[tuple[Cell, ...], str]], columns: Iterable[int]) -> str:
        picked = list(columns)
        head, *rows = grid
        html = ["<table><thead><tr>"]
        html.extend(f"<th>{self.inlines(head[0][c].spans)}</th>" for c in picked)
        html.append("</tr></thead><tbody>")
        for cells, _ in rows:
            html.append("<tr>")
            html.extend(f"<td>{self.inlines(cells[c].spans)}</td>" for c in picked)
            html.append("</tr>")
        html.append("</tbody></table>")
        return "".join(html)

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
        out: list[str] = []
        before = ""
        for span in spans:
            text = plain_text((span,))
            html = self.inline(span)
            # A Korean word split over two spans (a highlight and its particle: `gc_refs`를)
            # must not break between them either.
            if before and text and _glued_hangul(before[-1], text[0]):
                html = _WORD_JOINER + html
            out.append(html)
            before = text or before
        return "".join(out)

    def inline(self, span: Inline) -> str:
        if isinstance(span, Text):
            # A soft break is a space (the source's line ends are not the sheet's).
            return escape(_sheet_text(span.text))
        if isinstance(span, LineBreak):
            return "<br>"
        if isinstance(span, Superscript):
            return f"<sup>{self.inlines(span.children)}</sup>"
        if isinstance(span, Subscript):
            return f"<sub>{self.inlines(span.children)}</sub>"
        if isinstance(span, Strike):
            return f"<s>{self.inlines(span.children)}</s>"
        if isinstance(span, FootnoteRef):
            # The definition is printed "[label] text" at the end of the domain.
            return escape(f"[{span.label}]")
        if isinstance(span, Note):
            # In place and smaller: on a one-page sheet a note belongs beside its fact.
            return f'<span class="note"> ({self.inlines(span.children)})</span>'
        if isinstance(span, Highlight):
            return f'<strong class="hl">{escape(_sheet_text(span.text, prose=False))}</strong>'
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


def _heading_ranks(domain: Domain) -> dict[int, int]:
    """The HTML heading (h2 to h6) for each heading level the domain uses, by rank: notes whose
    sections are all ``####`` get the first look under the band, not the faintest one."""
    levels: set[int] = set()
    stack: list[Block | Section] = list(domain.children)
    while stack:
        node = stack.pop()
        if isinstance(node, Section):
            levels.add(node.level)
            stack.extend(node.children)
    return {level: min(2 + rank, 6) for rank, level in enumerate(sorted(levels))}


_WORD_JOINER = "\u2060"
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
#: Two Hangul letters in a row, or a letter or digit glued to Hangul: a line may not break
#: between them in Korean, whose words break at spaces (CSS's ``word-break: keep-all``, which
#: WeasyPrint lacks), but the renderer breaks between any two syllables. A word joiner holds
#: them; punctuation still breaks as before.
_IN_KOREAN_WORD = re.compile(
    r"(?<=[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f])(?=\w)"
    r"|(?<=\w)(?=[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f])"
)


def _glued_hangul(left: str, right: str) -> bool:
    if not (left.isalnum() or left == "_") or not (right.isalnum() or right == "_"):
        return False
    return bool(_HANGUL.match(left) or _HANGUL.match(right))


#: Pandoc's dashes, as notes converted by it write them: ``---`` an em dash, ``--`` between
#: two letters or digits or between spaces an en dash (``4--5``); a flag (`` --force``) has a
#: space before it only.
_EM_DASH = re.compile(r"(?<=[^-\s])---(?=[^-\s])|(?<=\s)---(?=\s)")
_EN_DASH = re.compile(r"(?<=[^\W_])--(?=[^\W_])|(?<= )--(?= )")


def _sheet_text(text: str, prose: bool = True) -> str:
    """Text as the sheet sets it: soft breaks as spaces; pandoc's dashes as dashes in prose
    (never in a highlight, which may be code); no-break spaces as spaces (the renderer, finding
    a highlight glued to its neighbours by them at a line's end, set the words before it one
    per line); Korean words joined so they break only at spaces."""
    text = text.replace("\n", " ").replace("\u00a0", " ")
    if prose and "--" in text and "://" not in text:
        text = _EN_DASH.sub("\u2013", _EM_DASH.sub("\u2014", text))
    if _HANGUL.search(text):
        text = _IN_KOREAN_WORD.sub(_WORD_JOINER, text)
    return text


#: Code lines longer than this may wrap in the narrowest column: they are set with a hanging
#: indent and a mark beside their continuation (styles/sheet.css, ``.cl``).
_CODE_WRAPS = 20


def _code_lines(code: str) -> str:
    """A code block's lines, each its own block: a wrapped line continues under its own
    indentation plus two, with a mark in the margin, so a reader never takes the rest of a
    line for a line of its own."""
    out: list[str] = []
    for line in code.split("\n"):
        expanded = line.expandtabs(4)
        if len(expanded) <= _CODE_WRAPS:
            out.append(f'<span class="cl">{escape(expanded) or " "}</span>')
            continue
        indent = len(expanded) - len(expanded.lstrip(" "))
        hang = indent + 2
        out.append(
            f'<span class="cl w" style="padding-left:{hang}ch;text-indent:-{hang}ch;'
            f'--cl-mark:{indent + 0.5}ch">{escape(expanded)}</span>'
        )
    return "".join(out)


#: Cell padding and borders, in em, as styles/sheet.css sets them (left + right).
_CELL_EXTRA_EM = 0.8
#: Average advance of a Latin character in DejaVu Sans, in em; bold is wider.
_CHAR_EM = 0.6
_BOLD = 1.1
_BREAK = re.compile(r"[\s]+|(?<=[-/])")


def _column_em(table: Table, width: int) -> list[float]:
    """An estimate of each column's narrowest width: its longest unbreakable word, in em."""
    longest = [0.0] * width
    rows = [(table.header, _BOLD), *((row.cells, 1.0) for row in table.rows)]
    for cells, weight in rows:
        for column, cell in enumerate(cells):
            for word in _BREAK.split(plain_text(cell.spans)):
                longest[column] = max(longest[column], weight * _word_em(word))
    return longest


#: Cells per paragraph in a table's row blocks.
_CELLS_PER_LINE = 6

#: Widths in class names stop here: wider than any page at any size the search tries.
WIDEST_EM = 400


def _em_class(width_em: float) -> int:
    return min(WIDEST_EM, max(1, math.ceil(width_em)))


def _word_em(word: str) -> float:
    # Wide (CJK) characters are a full em, and a line may break between any two of them;
    # not inside a Korean word, which the sheet holds together (_sheet_text).
    em = 0.0
    for char in word:
        if unicodedata.east_asian_width(char) in ("W", "F"):
            if _HANGUL.match(char):
                em += 1.0
                continue
            return max(em, 1.0)
        em += _CHAR_EM
    return em


def _ordered(bullet: Bullet) -> bool:
    return bullet.marker[:1].isdigit()
