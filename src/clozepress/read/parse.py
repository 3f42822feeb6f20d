"""Reads a Markdown notes file into the intermediate form; the only module that knows Markdown.

Why markdown-it-py and not Python-Markdown + BeautifulSoup: every block and every highlight
must carry its exact source line, and Python-Markdown's HTML output has no source positions.
markdown-it-py is a CommonMark parser whose block tokens carry line maps; we wrap its backtick
rule to learn where each code span starts. One parser does the whole step.

Where CommonMark would read the author's notes differently from what they meant, the parse recovers
and says so with a warning on the line (never silently): 4-space-indented bullets after a heading
(CommonMark: a code block), tables whose delimiter row has the wrong number of cells (CommonMark: a
paragraph), and table rows whose last cell breaks over several lines.

Text is read in Unicode's composed form (NFC): a decomposed Hangul syllable or accented letter
is the same word to the reader, but fonts draw its parts apart or as boxes, and a search or a
comparison would miss it.
"""

from __future__ import annotations

import bisect
import gc
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core.state_core import StateCore
from markdown_it.rules_inline.backticks import backtick as _backtick_rule
from markdown_it.rules_inline.image import image as _image_rule
from markdown_it.rules_inline.state_inline import StateInline
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin

from ..errors import BuildError, file_fault
from ..form.model import (
    MARKS,
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
    Row,
    Section,
    Strike,
    Strong,
    Subscript,
    Superscript,
    Table,
    Text,
    has_highlight,
    plain_text,
)
from ..form.nesting import MAX_DEPTH, cap_depth
from ..form.slug import slugify
from ..inputs import Refused, read_regular
from ..names import capped
from .corrections import load_corrections
from .fenced_divs import fenced_div_plugin
from .grid_tables import GridRow, grid_table_plugin
from .inline_markup import inline_markup_plugin

_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_DELIMITER_ROW = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
#: ``type_answers`` values: which cards get a box to type the answer in.
_TYPE_ANSWERS = {"true": "all", "yes": "all", "on": "all", "all": "all", "code": "code"}
_TYPE_ANSWERS |= dict.fromkeys(("false", "no", "off", "none"), "")
_FRONT_MATTER_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
#: A learner's marker: an HTML comment at the end of a line, invisible where Markdown renders.
_MARK = re.compile(r"\s*<!--\s*cloze:\s*(.*?)\s*-->\s*$")
#: A heading's attribute block, as Pandoc and kramdown write it (``## Title {#anchor .class}``):
#: markup for the converter, not part of the title.
_HEADING_ATTRIBUTES = re.compile(r"\s*\{\s*[#.][^{}]*\}\s*$")


# ---------------------------------------------------------------------------------------------
# Reading bytes


def decode(data: bytes, path: str) -> str:
    """The file's text, or a BuildError naming the line of the first byte that is not UTF-8 text."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        offset = exc.start + bom
        line = data.count(b"\n", 0, offset) + 1
        raise BuildError(path, line, f"not valid UTF-8 (byte 0x{data[offset]:02x})") from None
    nul = text.find("\0")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise BuildError(path, line, "NUL byte: this looks like a binary file, not Markdown notes")
    return text


#: The largest notes file the build reads. 100,000 lines of notes are about 4.5 MB; a file past
#: this size is a mistake (a log, a dump), and building it would take the sheets many minutes.
MAX_NOTES_BYTES = 8 * 1024 * 1024


def parse_file(path: Path, display_path: str | None = None) -> Document:
    """Parse the notes at ``path``, with the corrections kept beside them applied; messages
    name the file ``display_path`` (default: ``path``)."""
    shown = display_path if display_path is not None else str(path)
    try:
        # Never more than the cap (the file may be huge, or growing), and never a named pipe
        # or a device: the build would wait or read forever.
        data = read_regular(path, MAX_NOTES_BYTES)
    except OSError as exc:
        raise file_fault(shown, exc, "read") from None
    except Refused as exc:
        if exc.too_large:
            raise BuildError(
                shown,
                1,
                f"the notes are larger than {MAX_NOTES_BYTES // (1024 * 1024)} MB: "
                "split them into several files in source/",
            ) from None
        raise BuildError(shown, 0, f"cannot read the notes: {exc.reason}") from None
    # The user's corrections beside the notes (read first: a mistake in them stops the build
    # before the parse): cards and sheets show their words spelled right.
    corrections = load_corrections(path.parent, str(Path(shown).parent))
    return corrections.apply(parse_text(decode(data, shown), shown))


def parse_text(text: str, path: str) -> Document:
    """Parse decoded notes text. ``path`` names the file in the document and in every message."""
    # The parse allocates millions of small acyclic objects; the cyclic collector would rescan
    # them all again and again (superlinear time on large notes), and finds nothing to free.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _Parser(unicodedata.normalize("NFC", text), path).run()
    finally:
        if enabled:
            gc.enable()


# ---------------------------------------------------------------------------------------------
# markdown-it, taught to say where code spans start


def _inline_with_lines(state: StateCore) -> None:
    """Core rule replacing markdown-it's ``inline``: tells the inline rules their block's line."""
    base = state.env.get("cp_base", 1)
    # Inline markup nests no deeper than CommonMark's usual 20 levels: markdown-it checks every
    # '[' or '![' of a line against the rest of it once per level, so the block limit (200)
    # made a line full of brackets ten times slower for no gain.
    options = state.md.options
    block_nesting = options["maxNesting"]
    options["maxNesting"] = MAX_INLINE_NESTING
    try:
        for token in state.tokens:
            if token.type == "inline":
                state.env["cp_line"] = base + (token.map[0] if token.map else 0)
                token.children = token.children or []
                state.md.inline.parse(token.content, state.md, state.env, token.children)
    finally:
        options["maxNesting"] = block_nesting


def _line_at(state: StateInline, pos: int) -> int:
    """The source line of ``pos`` in the inline text being parsed.

    The newline offsets of ``state.src`` are found once per text and searched by bisection:
    counting from the start of the text for every highlight made a paragraph of many lines,
    or a line of many highlights, cost the square of its size.
    """
    line: int = state.env.get("cp_line", 1)
    cached = state.env.get("cp_newlines")
    if cached is None or cached[0] is not state.src:
        src = state.src
        cached = (src, [i for i, ch in enumerate(src) if ch == "\n"] if "\n" in src else [])
        state.env["cp_newlines"] = cached
    return line + bisect.bisect_left(cached[1], pos)


def _backtick_with_line(state: StateInline, silent: bool) -> bool:
    start, before = state.pos, len(state.tokens)
    if not _backtick_rule(state, silent):
        return False
    if not silent:
        if len(state.tokens) > before:
            state.tokens[-1].meta["line"] = _line_at(state, start)
        else:
            # An unmatched run is literal text (CommonMark); the author probably lost its partner.
            state.env.setdefault("cp_stray", []).append(_line_at(state, start))
    return True


def _image_with_line(state: StateInline, silent: bool) -> bool:
    start, before = state.pos, len(state.tokens)
    if not _image_rule(state, silent):
        return False
    if not silent:
        # push() may flush pending text first: the image is the last token added.
        for token in state.tokens[before:]:
            if token.type == "image":
                token.meta["line"] = _line_at(state, start)
    return True


def _tag_with_line(ruler: Any, name: str) -> Any:
    """The raw-tag rule, with the line of each tag (a ``<code>`` becomes a highlight there)."""
    rule = next(r.fn for r in ruler.__rules__ if r.name == name)

    def tag_with_line(state: StateInline, silent: bool) -> bool:
        start, before = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        if not silent:
            for token in state.tokens[before:]:
                if token.type == "raw_tag":
                    token.meta["line"] = _line_at(state, start)
        return True

    return tag_with_line


#: Containers (lists, items, quotes) open at once; 40 levels of bullets take 80.
MAX_NESTING = 200
#: Inline markup (emphasis, links) nested inside one another.
MAX_INLINE_NESTING = 20


def _markdown() -> MarkdownIt:
    # html=False: raw HTML in the notes is never markup. Tags of HTML elements written inline
    # are read by inline_markup (typed formatting, or dropped with their text kept).
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING}).enable("table")
    # Definition lists and footnotes ([^1]) are common in notes exported from other tools.
    # Inline notes (^[...]) are read in place by inline_markup, with pandoc's ^sup^ and ~sub~
    # and [bracketed spans]{.class}; pandoc's grid tables by grid_tables, the fence lines of its
    # divs (::: {.callout}) by fenced_divs.
    md.use(deflist_plugin).use(footnote_plugin, inline=False)
    md.use(inline_markup_plugin).use(grid_table_plugin).use(fenced_div_plugin)
    md.inline.ruler.at("raw_tag", _tag_with_line(md.inline.ruler, "raw_tag"))
    # Keep every link and image, whatever its scheme: markdown-it would turn `file:` or
    # `javascript:` targets into plain text, and the emitters could then not warn about them.
    # Deciding what is safe to show or fetch is the emitters' job.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    block_tokenize = md.block.tokenize

    def tokenize_refusing_depth(state: Any, start: int, end: int, *args: Any) -> None:
        # markdown-it silently drops everything nested deeper than maxNesting; we refuse instead.
        if state.level >= MAX_NESTING:
            raise _TooDeep(start)
        block_tokenize(state, start, end, *args)

    md.block.tokenize = tokenize_refusing_depth  # type: ignore[method-assign,assignment]
    md.core.ruler.at("inline", _inline_with_lines)
    md.inline.ruler.at("backticks", _backtick_with_line)
    md.inline.ruler.at("image", _image_with_line)
    # $TeX$ and $$TeX$$, as pandoc reads them: no space inside the dollars and no digit after
    # the closing one, so "costs $5 and $10" stays text.
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True)
    md.inline.ruler.at("math_inline", _math_with_line(md.inline.ruler, "math_inline"))
    return md


def _math_with_line(ruler: Any, name: str) -> Any:
    """The math rule, with the line its formula starts on (for the highlights inside it)."""
    rule = next(r.fn for r in ruler.__rules__ if r.name == name)

    def math_with_line(state: StateInline, silent: bool) -> bool:
        start, before = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        if not silent:
            for token in state.tokens[before:]:
                if token.type.startswith("math_inline"):
                    token.meta["line"] = _line_at(state, start)
        return True

    return math_with_line


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


_MD = _markdown()


# ---------------------------------------------------------------------------------------------
# The tree under construction


@dataclass
class _Open:
    """A domain or section whose children are still being collected."""

    level: int
    line: int
    title: str
    spans: tuple[Inline, ...]
    children: list[Any] = field(default_factory=list)


#: A domain id names files (its sheet, its cache entry): at most this many bytes of UTF-8.
MAX_SLUG_BYTES = 80


class _Parser:
    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []
        self.notes: list[Diagnostic] = []
        """What the parse decided that a reader of ``check`` should know (severity ``note``)."""
        self.footnote_labels: list[str] = []
        """The file's footnote labels (``:label``), known once the whole file is parsed."""
        self.strays: list[int] = []
        """Lines of unmatched backticks, from every markdown-it pass over this file."""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.type_answers = ""
        self.domain_level: int | None = None
        """The front matter's ``domain_level``, if it sets one."""
        self.front_title: str | None = None
        self.title, text = self._front_matter(text)
        self.lines = text.split("\n")
        self.text = text

    def _env(self, base: int) -> dict[str, Any]:
        """A markdown-it environment for text starting on line ``base`` of this file."""
        return {"cp_base": base, "cp_stray": self.strays}

    def _cell_env(self, base: int) -> dict[str, Any]:
        """The environment for a table cell's text, read on its own: it knows the labels of
        the file's footnotes, so a ``[^label]`` in a cell is a reference there too."""
        env = self._env(base)
        if self.footnote_labels:
            env["footnotes"] = {"refs": dict.fromkeys(self.footnote_labels, -1), "list": {}}
        return env

    def warn(self, line: int, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, line, "warning", message))

    def run(self) -> Document:
        if not self.text.strip():
            self.warn(1, "the file is empty: no domains")
        try:
            env = self._env(1)
            tokens = _MD.parse(self.text, env)
            self.footnote_labels = list(env.get("footnotes", {}).get("refs", {}))
            root = SyntaxTreeNode(tokens)
        except (_TooDeep, RecursionError) as exc:
            line = exc.line + 1 if isinstance(exc, _TooDeep) else 1
            raise BuildError(
                self.path, line, "nested too deeply (lists or quotes); flatten it"
            ) from None
        domains = self._structure(root.children)
        for line in self.strays:
            self.warn(line, "unmatched backtick kept as text")
        diagnostics = tuple(
            sorted(set(self.diagnostics + self.notes), key=lambda d: (d.line, d.message))
        )
        return Document(self.path, self.title, domains, diagnostics, self.type_answers)

    # -- front matter ------------------------------------------------------------------------

    def _front_matter(self, text: str) -> tuple[str, str]:
        """The deck title from a leading ``---`` block; its lines are blanked to keep numbering."""
        stem = Path(self.path).stem
        lines = text.split("\n")
        if not lines or lines[0].strip() != "---":
            return stem, text
        for end in range(1, len(lines)):
            if lines[end].strip() in ("---", "..."):
                break
        else:
            return stem, text
        title = stem
        for number, line in enumerate(lines[1:end], 2):
            match = _FRONT_MATTER_KEY.match(line.strip())
            if not match:
                continue
            key, value = match.group(1), match.group(2).strip().strip("\"'")
            if key == "title" and value:
                title = self.front_title = value
            elif key == "domain_level":
                if value in ("1", "2", "3", "4", "5", "6"):
                    self.domain_level = int(value)
                else:
                    self.warn(number, f"domain_level must be 1 to 6, not {value!r}; ignored")
            elif key == "type_answers":
                if value.lower() in _TYPE_ANSWERS:
                    self.type_answers = _TYPE_ANSWERS[value.lower()]
                else:
                    self.warn(number, f"type_answers must be true, false or code, not {value!r}")
        return title, "\n".join([""] * (end + 1) + lines[end + 1 :])

    # -- headings into domains and sections --------------------------------------------------

    def _heading_spans(self, node: SyntaxTreeNode) -> tuple[Inline, ...]:
        spans = self._inline(node.children[0]) if node.children else ()
        if spans and isinstance(spans[-1], Text):
            stripped = _HEADING_ATTRIBUTES.sub("", spans[-1].text)
            if stripped != spans[-1].text:
                spans = (*spans[:-1], Text(stripped)) if stripped else spans[:-1]
        return spans

    def _domain_level(self, nodes: list[SyntaxTreeNode]) -> tuple[int, SyntaxTreeNode | None]:
        """The heading level that makes domains, and the heading that titles the notes, if any.

        Authors start their headings at different levels: at ``#``, at ``##`` (the file name
        being the title), or under one ``#`` title over the whole file. The top level the file
        uses holds the domains; a single heading at that level over two or more at the next is
        the notes' title instead (unless it holds a highlight), and the next level holds the
        domains. Front matter's ``domain_level`` overrides the guess. Setext headings are
        headings of level 1 and 2.
        """
        headings = [node for node in nodes if node.type == "heading"]
        levels = sorted({int(node.tag[1]) for node in headings})
        if self.domain_level is not None:
            return self.domain_level, None
        if not levels:
            return 1, None
        top = levels[0]
        tops = [node for node in headings if int(node.tag[1]) == top]
        # A heading with a highlight holds something to learn: it stays a domain, not a title.
        titled = len(tops) == 1 and headings[0] is tops[0] and len(levels) > 1
        if titled and not has_highlight(self._heading_spans(tops[0])):
            below = sum(1 for node in headings if int(node.tag[1]) == levels[1])
            if below >= 2:
                return levels[1], tops[0]
        return top, None

    def _structure(self, nodes: list[SyntaxTreeNode]) -> tuple[Domain, ...]:
        level_of_domains, title_heading = self._domain_level(nodes)
        if title_heading is not None:
            spans = self._heading_spans(title_heading)
            heading_title = plain_text(spans).strip()
            if self.front_title is None and heading_title:
                self.title = heading_title
        marks = "#" * level_of_domains
        if level_of_domains != 1:
            how = (
                f"the only '{'#' * int(title_heading.tag[1])}' heading is the title"
                if title_heading is not None
                else "set by domain_level"
                if self.domain_level is not None
                else f"the notes have no heading above '{marks}'"
            )
            first = next((n for n in nodes if n.type == "heading"), None)
            self.notes.append(
                Diagnostic(
                    self.path,
                    self._line(first) if first is not None else 1,
                    "note",
                    f"domains are the '{marks}' headings ({how})",
                )
            )
        domains: list[_Open] = []
        stack: list[_Open] = []
        footnotes: SyntaxTreeNode | None = None
        parent: tuple[int, str] | None = None
        """The latest heading above the domain level: it names text that no domain holds."""
        for node in nodes:
            if node.type == "heading":
                level = int(node.tag[1])
                spans = self._heading_spans(node)
                line = self._line(node)
                title = plain_text(spans).strip()
                if level < level_of_domains:
                    # A title or a group above the domains: not a domain itself.
                    stack = []
                    parent = (line, title)
                    continue
                if level == level_of_domains:
                    stack = [_Open(level, line, title, spans)]
                    domains.append(stack[0])
                    continue
                if not stack:
                    stack = [self._implicit_domain(line, parent, marks)]
                    domains.append(stack[0])
                while len(stack) > 1 and stack[-1].level >= level:
                    stack.pop()
                section = _Open(level, line, title, spans)
                stack[-1].children.append(section)
                stack.append(section)
                continue
            if node.type == "footnote_block":
                footnotes = node
                continue
            blocks = self._block(node, top_level=True)
            if not blocks:
                continue
            if not stack:
                stack = [self._implicit_domain(self._line(node), parent, marks)]
                domains.append(stack[0])
            stack[-1].children.extend(blocks)
        if footnotes is not None:
            self._footnotes(footnotes, domains)
        return self._freeze_domains(domains)

    def _implicit_domain(self, line: int, parent: tuple[int, str] | None, marks: str) -> _Open:
        """A domain for text that no domain heading holds: named after the heading above it
        (the notes' title, a group), else after the file."""
        if parent is not None and parent[1]:
            title = parent[1]
            return _Open(0, parent[0], title, (Text(title),))
        title = Path(self.path).stem
        self.warn(
            line, f"text before the first '{marks} ' heading goes into a domain named {title!r}"
        )
        return _Open(0, line, title, (Text(title),))

    def _freeze_domains(self, opened: list[_Open]) -> tuple[Domain, ...]:
        seen: dict[str, int] = {}
        titles: dict[str, int] = {}
        domains = []
        for item in opened:
            if item.title in titles:
                self.warn(
                    item.line,
                    f"domain title {item.title!r} repeats line {titles[item.title]}; "
                    "it gets its own deck and sheet",
                )
            titles.setdefault(item.title, item.line)
            # The id names files: capped in bytes (a long title keeps a hash of the rest).
            base = capped(slugify(item.title), MAX_SLUG_BYTES).strip("-_") or "untitled"
            seen[base] = seen.get(base, 0) + 1
            slug = base if seen[base] == 1 else f"{base}-{seen[base]}"
            while slug in seen and seen[slug] and slug != base:
                seen[base] += 1
                slug = f"{base}-{seen[base]}"
            seen.setdefault(slug, 1)
            children, moved = cap_depth(self._freeze(item.children))
            if moved:
                self.warn(
                    moved,
                    f"lists or quotes nested deeper than {MAX_DEPTH} levels: "
                    f"the deeper ones are set at level {MAX_DEPTH}",
                )
            domains.append(Domain(item.line, slug, item.title, item.spans, children))
        return tuple(domains)

    def _freeze(self, children: list[Any]) -> tuple[Block | Section, ...]:
        out: list[Block | Section] = []
        for child in children:
            if isinstance(child, _Open):
                out.append(
                    Section(
                        child.line,
                        child.level,
                        child.title,
                        child.spans,
                        self._freeze(child.children),
                    )
                )
            else:
                out.append(child)
        return tuple(out)

    # -- blocks --------------------------------------------------------------------------------

    def _line(self, node: SyntaxTreeNode, base: int = 1) -> int:
        return (node.map[0] if node.map else 0) + base

    def _block(self, node: SyntaxTreeNode, top_level: bool = False, base: int = 1) -> list[Block]:
        """One markdown-it block node as zero or more blocks of the intermediate form."""
        kind = node.type
        line = self._line(node, base)
        if kind == "paragraph":
            return self._paragraph(node, base)
        if kind in ("bullet_list", "ordered_list"):
            return [self._bullet(item, base) for item in node.children]
        if kind == "table":
            return [self._table(node, base)]
        if kind == "grid_table":
            return [self._grid_table(node, base)]
        if kind == "blockquote":
            return [Quote(line, _callout(tuple(self._blocks(node.children, base))))]
        if kind == "dl":
            return self._definitions(node, base)
        if kind == "fence":
            return [Code(line, node.content, (node.info or "").strip())]
        if kind == "code_block":
            if top_level:
                recovered = self._bullets_in_code(node, base)
                if recovered is not None:
                    return recovered
            return [Code(line, node.content)]
        if kind == "heading":
            # A heading inside a list item or quote is not structure; keep its text.
            spans = self._inline(node.children[0]) if node.children else ()
            return [Paragraph(line, spans)] if spans else []
        if kind == "hr":
            return []
        if kind in ("math_block", "math_block_label"):
            content = node.content
            first = line + 1 if content.startswith("\n") else line
            return [Paragraph(line, (math(content.strip("\n"), True, first),))]
        # html_block cannot occur (html=False); anything unknown keeps its text.
        if node.content.strip():
            return [Paragraph(line, (Text(node.content),))]
        return []

    def _definitions(self, node: SyntaxTreeNode, base: int) -> list[Block]:
        """A definition list: each term a bullet in bold, its definitions nested under it."""
        out: list[Block] = []
        for child in node.children:
            if child.type == "dt":
                spans = self._inline(child.children[0]) if child.children else ()
                out.append(Bullet(self._line(child, base), (Strong(spans),) if spans else ()))
            elif child.type == "dd" and out and isinstance(out[-1], Bullet):
                term = out[-1]
                nested = (*term.children, *self._blocks(child.children, base))
                out[-1] = Bullet(term.line, term.spans, nested, term.marker)
            elif child.type == "dd":
                out.extend(self._blocks(child.children, base))
        return out

    def _footnotes(self, block: SyntaxTreeNode, domains: list[_Open]) -> None:
        """Each footnote as a paragraph ``[label] text`` at the end of the domain it is written
        in (markdown-it gathers them at the end of the file)."""
        for note in block.children:
            label = note.meta.get("label", note.meta.get("id", ""))
            blocks = self._blocks(note.children)
            if not blocks:
                continue
            first = blocks[0]
            if isinstance(first, Paragraph):
                blocks[0] = Paragraph(first.line, (Text(f"[{label}] "), *first.spans))
            line = blocks[0].line
            owner = [d for d in domains if d.line <= line] or domains[:1]
            if owner:
                owner[-1].children.extend(blocks)

    def _blocks(self, nodes: list[SyntaxTreeNode], base: int = 1) -> list[Block]:
        out: list[Block] = []
        for node in nodes:
            out.extend(self._block(node, base=base))
        return out

    def _paragraph(self, node: SyntaxTreeNode, base: int) -> list[Block]:
        line = self._line(node, base)
        if node.map and self._looks_like_table(node.map[0], node.map[1]):
            start, end = node.map
            self.warn(line, "table rows do not match its delimiter row; read as a table anyway")
            return [self._read_table(start, end, base)]
        spans, images = self._inline_and_images(node.children[0])
        spans, marks = self._marks(spans, line)
        blocks: list[Block] = []
        if plain_text(spans).strip() or any(not isinstance(s, Text) for s in spans):
            blocks.append(Paragraph(line, spans, marks))
        blocks.extend(images)
        return blocks

    def _bullet(self, item: SyntaxTreeNode, base: int) -> Bullet:
        line = self._line(item, base)
        marker = "-"
        if item.parent is not None and item.parent.type == "ordered_list":
            marker = (item.info or "1") + (item.markup or ".")
        children = list(item.children)
        spans: tuple[Inline, ...] = ()
        nested: list[Block] = []
        if children and children[0].type == "paragraph":
            first = children.pop(0)
            spans, images = self._inline_and_images(first.children[0])
            nested.extend(images)
        spans, marks = self._marks(spans, line)
        nested.extend(self._blocks(children, base))
        return Bullet(line, spans, tuple(nested), marker, marks)

    def _marks(
        self, spans: tuple[Inline, ...], line: int
    ) -> tuple[tuple[Inline, ...], tuple[str, ...]]:
        """The learner's ``<!-- cloze:... -->`` markers lifted off the end of a line's text."""
        marks: list[str] = []
        while spans and isinstance(spans[-1], Text):
            found = _MARK.search(spans[-1].text)
            if found is None:
                break
            mark = found.group(1)
            if not any(mark == m or (m.endswith("=") and mark.startswith(m)) for m in MARKS):
                known = ", ".join(
                    f"cloze:{m}TEXT" if m.endswith("=") else f"cloze:{m}" for m in MARKS
                )
                self.warn(line, f"unknown marker 'cloze:{mark}' ignored (known: {known})")
            else:
                marks.insert(0, mark)
            rest = spans[-1].text[: found.start()]
            spans = (*spans[:-1], Text(rest)) if rest else spans[:-1]
        return spans, tuple(marks)

    def _bullets_in_code(self, node: SyntaxTreeNode, base: int) -> list[Block] | None:
        """An indented 'code block' whose every line is a list item was meant as bullets."""
        lines = [ln for ln in node.content.split("\n") if ln.strip()]
        if not lines or not all(_LIST_ITEM.match(ln.lstrip()) for ln in lines):
            return None
        line = self._line(node, base)
        self.warn(line, "indented list read as bullets, not as a code block")
        start, end = node.map or (0, 0)
        body = "\n".join(
            raw[4:] if raw.startswith("    ") else raw.lstrip() for raw in self.lines[start:end]
        )
        tokens = _MD.parse(body, self._env(start + 1))
        for token in tokens:  # block maps of the fragment, made absolute
            if token.map:
                token.map = [token.map[0] + start, token.map[1] + start]
        return self._blocks(SyntaxTreeNode(tokens).children)

    # -- tables ---------------------------------------------------------------------------------

    def _looks_like_table(self, start: int, end: int) -> bool:
        if end - start < 2:
            return False
        head, delim = self.lines[start].strip(), self.lines[start + 1].strip()
        return head.startswith("|") and "-" in delim and bool(_DELIMITER_ROW.match(delim))

    def _table(self, node: SyntaxTreeNode, base: int) -> Table:
        start, end = node.map or (0, 0)
        if base != 1 or not self._raw_table_lines_ok(start, end):
            return self._table_from_tokens(node, base)
        return self._read_table(start, end, base)

    def _raw_table_lines_ok(self, start: int, end: int) -> bool:
        # Tables inside quotes carry '>' markers; those are read from markdown-it's cells instead.
        return all(not ln.lstrip().startswith(">") for ln in self.lines[start:end])

    def _table_from_tokens(self, node: SyntaxTreeNode, base: int) -> Table:
        rows: list[Row] = []
        for tr in (n for n in node.walk() if n.type == "tr"):
            cells = tuple(
                Cell(self._inline(cell.children[0]) if cell.children else ())
                for cell in tr.children
            )
            rows.append(Row(self._line(tr, base), cells))
        header = rows[0].cells if rows else ()
        return Table(self._line(node, base), header, tuple(rows[1:]))

    def _read_table(self, start: int, end: int, base: int) -> Table:
        """A pipe table read from its source lines (0-based ``start``..``end``)."""
        raw = [ln.strip() for ln in self.lines[start:end]]
        first_line = start + base
        # Join rows whose last cell breaks over lines: a row is complete when it ends with '|'.
        rows: list[tuple[int, str]] = []
        closes = raw[0].endswith("|")
        for offset, text in enumerate(raw):
            if not text:
                continue
            if rows and closes and not rows[-1][1].endswith("|") and not text.startswith("|"):
                row_line, joined = rows[-1]
                rows[-1] = (row_line, joined + "\n" + text)
                continue
            rows.append((first_line + offset, text))
        for row_line, text in rows:
            if "\n" in text:
                self.warn(
                    row_line, f"table row breaks over {text.count(chr(10)) + 1} lines; joined"
                )
        header_line, header_text = rows[0]
        header = self._cells(header_text, header_line)
        width = len(header)
        if len(rows) > 1 and _DELIMITER_ROW.match(rows[1][1]):
            delimiter = _split_row(rows[1][1])
            if len(delimiter) != width:
                self.warn(
                    rows[1][0],
                    f"table delimiter row has {len(delimiter)} cells, the header {width}",
                )
            body = rows[2:]
        else:
            body = rows[1:]
        out_rows = [Row(line, self._cells(text, line)) for line, text in body]
        width = max([width] + [len(r.cells) for r in out_rows])
        pad = Cell(())
        header = header + (pad,) * (width - len(header))
        out_rows = [Row(r.line, r.cells + (pad,) * (width - len(r.cells))) for r in out_rows]
        return Table(header_line, header, tuple(out_rows))

    def _cells(self, row: str, line: int) -> tuple[Cell, ...]:
        cells = []
        consumed = 0
        for text in _split_row(row):
            at = row.find(text, consumed) if text else consumed
            cell_line = line + row.count("\n", 0, max(at, 0))
            consumed = max(at, 0) + len(text)
            tokens = _MD.parseInline(text.strip(), self._cell_env(cell_line))
            spans = self._inline(SyntaxTreeNode(tokens).children[0]) if tokens else ()
            cells.append(Cell(spans))
        return tuple(cells)

    def _grid_table(self, node: SyntaxTreeNode, base: int) -> Table:
        """A pandoc grid table: the rows above its ``+===+`` line are the header (none: an
        empty header), each cell read as inline Markdown on its own lines."""
        top = self._line(node, base)
        grid: list[GridRow] = node.meta.get("rows", [])
        header_count = int(node.meta.get("header", 0))
        rows = [
            Row(
                top + row.offset,
                tuple(self._grid_cell(text, top + row.offset) for text in row.cells),
            )
            for row in grid
        ]
        width = max((len(row.cells) for row in rows), default=0)
        pad = Cell(())
        rows = [Row(r.line, r.cells + (pad,) * (width - len(r.cells))) for r in rows]
        header: tuple[Cell, ...] = (pad,) * width
        if header_count:
            above = rows[:header_count]
            header = tuple(
                Cell(
                    _merge_text(
                        [
                            s
                            for i, r in enumerate(above)
                            for s in ((Text(" "),) if i else ()) + r.cells[c].spans
                        ]
                    )
                )
                for c in range(width)
            )
            rows = rows[header_count:]
        line = rows[0].line - 1 if not header_count and rows else top + 1
        return Table(line, header, tuple(rows))

    def _grid_cell(self, text: str, line: int) -> Cell:
        """One grid-table cell. A cell may hold a list (pandoc writes one per line): its items
        are set on lines of their own, behind a bullet; other lines run on as one paragraph."""
        lines = text.split("\n")
        while lines and not lines[0].strip():
            lines.pop(0)
            line += 1
        source: list[str] = []
        for raw in lines:
            item = _LIST_ITEM.match(raw)
            if item is not None:
                marker = raw[: item.end()].strip()
                shown = "•" if marker in ("-", "*", "+") else marker
                if source and source[-1].strip():
                    source[-1] += "\\"
                raw = f"{shown} {raw[item.end() :]}"
            source.append(raw)
        body = "\n".join(source).rstrip()
        if not body:
            return Cell(())
        tokens = _MD.parseInline(body, self._cell_env(line))
        return Cell(self._inline(SyntaxTreeNode(tokens).children[0]) if tokens else ())

    # -- inline ---------------------------------------------------------------------------------

    def _inline_and_images(self, inline: SyntaxTreeNode) -> tuple[tuple[Inline, ...], list[Block]]:
        images: list[Block] = []
        spans = self._inline(inline, images)
        return _trim(spans), images

    def _inline(
        self, inline: SyntaxTreeNode, images: list[Block] | None = None
    ) -> tuple[Inline, ...]:
        return _merge_text(self._spans(inline.children, images))

    def _spans(self, nodes: list[SyntaxTreeNode], images: list[Block] | None) -> list[Inline]:
        out: list[Inline] = []
        index = 0
        while index < len(nodes):
            node = nodes[index]
            index += 1
            kind = node.type
            if kind == "raw_tag":
                index = self._tag(nodes, index, out, images)
            elif kind == "text":
                out.append(Text(node.content))
            elif kind == "softbreak":
                out.append(Text("\n"))
            elif kind == "hardbreak":
                out.append(LineBreak())
            elif kind == "bracketed_span":
                out.extend(self._spans(node.children, images))
            elif kind in _WRAPPERS:
                inner = _merge_text(self._spans(node.children, images))
                # A note that held only an image (lifted out of the text) says nothing here.
                if inner and (kind != "note" or plain_text(inner).strip()):
                    out.append(_WRAPPERS[kind](inner))
            elif kind == "footnote_ref":
                out.append(FootnoteRef(str(node.meta.get("label", node.meta.get("id", "")))))
            elif kind == "code_inline":
                content = node.content
                text = " ".join(content.split())  # a wrapped span reads as one line
                # Spaces inside a highlight's edges are trimmed but not lost: "`Spot `support"
                # still reads "Spot support", so they move outside the highlight.
                after_space = bool(out) and isinstance(out[-1], Text) and out[-1].text[-1:] == " "
                if text and content[:1].isspace() and not after_space:
                    out.append(Text(" "))
                out.append(Highlight(text, int(node.meta.get("line", 0))))
                if text and content[-1:].isspace():
                    out.append(Text(" "))
            elif kind in ("math_inline", "math_inline_double"):
                line = int(node.meta.get("line", 0))
                out.append(math(node.content, kind == "math_inline_double", line))
            elif kind == "strong":
                out.append(Strong(_merge_text(self._spans(node.children, images))))
            elif kind == "em":
                out.append(Emphasis(_merge_text(self._spans(node.children, images))))
            elif kind == "link":
                href = str(node.attrs.get("href", ""))
                out.append(Link(_merge_text(self._spans(node.children, images)), href))
            elif kind == "image":
                alt = "".join(c.content for c in node.children if c.type in ("text", "code_inline"))
                image = Image(int(node.meta.get("line", 0)), str(node.attrs.get("src", "")), alt)
                if images is None:
                    out.append(Text(f"[image: {image.alt or image.src}]"))
                else:
                    images.append(image)
            else:
                out.append(Text(node.content))
        return out

    def _tag(
        self, nodes: list[SyntaxTreeNode], index: int, out: list[Inline], images: list[Block] | None
    ) -> int:
        """The HTML tag ``nodes[index - 1]``: typed formatting for the known few, with the
        nodes up to its closing tag inside; any other tag is dropped and its text kept (a tag
        of a block element leaves a space, so the words on either side stay apart). Returns
        the index of the node after what it read."""
        tag = nodes[index - 1]
        name, closing = str(tag.meta.get("name", "")), bool(tag.meta.get("closing"))
        if name == "br":  # </br> too: browsers read it as <br>
            out.append(LineBreak())
            return index
        make = _TAGS.get(name)
        end = (
            -1
            if closing or make is None or tag.meta.get("self_closing")
            else _closing(nodes, index, name)
        )
        if end < 0 or make is None:
            if name not in _INLINE_ELEMENTS:
                out.append(Text(" "))
            return index
        inner = _merge_text(self._spans(nodes[index:end], images))
        if make is Highlight:
            # <code>: the author's backtick where Markdown does not run (inside HTML, such as
            # a <summary>), so a highlight like any backtick span.
            text = " ".join(plain_text(inner).split())
            if text:
                out.append(Highlight(text, int(tag.meta.get("line", 0))))
        else:
            out.append(make(inner))
        return end + 1


#: markdown-it nodes that wrap inline content, and the form's node for each.
_WRAPPERS: dict[str, Any] = {
    "superscript": Superscript,
    "subscript": Subscript,
    "s": Strike,
    "note": Note,
}

#: HTML tags read as typed formatting; any other element's tags are dropped, its text kept.
_TAGS: dict[str, Any] = {
    "b": Strong,
    "strong": Strong,
    "i": Emphasis,
    "em": Emphasis,
    "code": Highlight,
    "sup": Superscript,
    "sub": Subscript,
    "s": Strike,
    "del": Strike,
    "strike": Strike,
}

#: Elements that sit inside a line of text: dropping their tags leaves no space.
_INLINE_ELEMENTS = frozenset(
    re.findall(
        r"\S+",
        """a abbr acronym b bdi bdo big cite code data del dfn em font i ins kbd mark nobr q rp
        rt ruby s samp small span strike strong sub sup time tt u var wbr""",
    )
)


def _closing(nodes: list[SyntaxTreeNode], index: int, name: str) -> int:
    """The index of the tag closing ``name`` among ``nodes[index:]`` (same-name tags nest),
    or -1."""
    depth = 0
    for at in range(index, len(nodes)):
        node = nodes[at]
        if node.type != "raw_tag" or node.meta.get("name") != name:
            continue
        if not node.meta.get("closing"):
            depth += 1
        elif depth:
            depth -= 1
        else:
            return at
    return -1


_CALLOUT = re.compile(r"^\[!(\w+)\][+-]?[ \t]*")


def _callout(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """A quote opening with ``[!NOTE]`` (a callout, as GitHub and Obsidian write them): the
    marker becomes its word in bold, ``Note:``, instead of staying as bracketed text."""
    if not blocks or not isinstance(blocks[0], Paragraph):
        return blocks
    first = blocks[0]
    if not first.spans or not isinstance(first.spans[0], Text):
        return blocks
    match = _CALLOUT.match(first.spans[0].text)
    if match is None:
        return blocks
    rest = first.spans[0].text[match.end() :].lstrip("\n")
    label = Strong((Text(match.group(1).capitalize() + ":"),))
    spans = _merge_text([label, Text(" " + rest if rest else ""), *first.spans[1:]])
    return (Paragraph(first.line, spans), *blocks[1:])


_MATH_HIGHLIGHT = re.compile(r"`([^`]*)`")


def math(tex: str, display: bool, line: int) -> Math:
    """A formula: its TeX, with each backtick pair inside it read as a highlight."""
    children: list[Text | Highlight] = []
    at = 0
    for found in _MATH_HIGHLIGHT.finditer(tex):
        children.append(Text(tex[at : found.start()]))
        children.append(Highlight(found.group(1).strip(), line + tex.count("\n", 0, found.start())))
        at = found.end()
    children.append(Text(tex[at:]))
    return Math(tuple(c for c in children if not (isinstance(c, Text) and not c.text)), display)


def _split_row(row: str) -> list[str]:
    """Cells of a pipe-table row; ``\\|`` is a literal pipe, leading/trailing pipes are optional."""
    text = row.strip()
    cells: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] == "|":
            current.append("\\|")
            i += 2
            continue
        if ch == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    cells.append("".join(current))
    if text.startswith("|"):
        cells.pop(0)
    if text.endswith("|") and len(text) > 1 and not text.endswith("\\|") and cells:
        cells.pop()
    return cells


def _merge_text(spans: list[Inline]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for span in spans:
        if isinstance(span, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + span.text)
        elif not (isinstance(span, Text) and not span.text):
            out.append(span)
    return tuple(out)


def _trim(spans: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Drops the line breaks left at the edges where an image was lifted out of the text, or
    where HTML tags stood (``<br>``, ``<details>``)."""
    items = list(spans)
    while True:
        while items and isinstance(items[0], LineBreak):
            items.pop(0)
        while items and isinstance(items[-1], LineBreak):
            items.pop()
        if items and isinstance(items[0], Text):
            items[0] = Text(items[0].text.lstrip())
        if items and isinstance(items[-1], Text):
            items[-1] = Text(items[-1].text.rstrip())
        merged = list(_merge_text(items))
        if merged == items:
            return tuple(merged)
        items = merged
