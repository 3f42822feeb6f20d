"""Cheat-sheet PDFs: one fitted page per domain, all in one file; the only module using WeasyPrint.

For each domain the build looks for the largest font size (and the column count, 4 or 5) that keeps
the domain on one page. Rendering is nearly all of the cost, so the search renders as little as
it can: it measures how full (or how overfull) one render is, predicts the size from the square
of the ratio (text area grows with the square of the size), renders that, and stops as soon as
the measurements say a step larger would not fit. The PDF is written from the last render that
fitted, never laid out again. Domains render in parallel, one process per core, and a cache keyed
by a hash of each domain's HTML, the styles and the settings makes an unchanged domain cost
nothing.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import math
import mimetypes
import multiprocessing
import os
import re
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

from .. import __version__, atomic
from ..errors import BuildError
from ..form.model import Code, Diagnostic, Document, Domain, plain_text
from ..inputs import Refused, read_regular
from ..names import stem_of
from ..read.image_refs import MAX_IMAGE_BYTES, shown
from .condense import FORMS, STEPS, condensed, form, form_steps, split, weight
from .glyphs import glyph_diagnostics
from .sheet_html import WIDEST_EM, ImagePolicy, TableLimits, domain_html

if TYPE_CHECKING:
    from ..project import Project

#: Bump when the fit search or the HTML changes in a way that should invalidate cached layouts.
CACHE_VERSION = 3
COLUMNS = (4, 5)
STEP = 0.25
#: Fill grows with the size to this power, not 2: a short bullet takes a line at any size, so
#: only its height scales. Measured on source/aws-saa.md between 6 and 10 pt (1.7 to 1.8).
FILL_EXPONENT = 1.75
#: How much denser five columns pack these notes than four at one size (fill5 / fill4: 0.79 to
#: 1.1, mean 0.95 on source/aws-saa.md); it predicts the column count not yet rendered.
FIVE_TO_FOUR = 0.95
#: The text-length model of a domain never rendered: fill at MODEL_SIZE pt per character and per
#: block, for four and five columns (least squares on source/aws-saa.md, within 8 % for most).
MODEL_SIZE = 7.0
MODEL = {4: (5.83e-5, 3.16e-3), 5: (1.05e-4, 0.90e-3)}

_PAPER_CSS = {"A4": "A4 landscape", "Letter": "letter landscape"}
#: Landscape paper width (mm), and the page's side margins and column gap as styles/sheet.css
#: sets them: used only to tell which tables are too wide for one column.
_PAPER_WIDTH_MM = {"A4": 297.0, "Letter": 279.4}
_SIDE_MARGINS_MM = 12.0
_GAP_MM = 3.0


#: The word widths of a table are estimated (sheet_html): a table is set another way when its
#: estimate passes this share of the room, so an estimate a little short never clips it.
_TABLE_SAFETY = 0.9
_PT_PER_MM = 72 / 25.4


def _room_pt(paper: str, columns: int) -> tuple[float, float]:
    """The page's content width and one column's width, in pt."""
    content = (_PAPER_WIDTH_MM[paper] - _SIDE_MARGINS_MM) * _PT_PER_MM
    return content, (content - (columns - 1) * _GAP_MM * _PT_PER_MM) / columns


def table_limits(paper: str, cap: float, floor: float) -> TableLimits:
    """The widths past which tables are also written as parts: the page and the narrowest
    column at the largest size the search may choose, so every part fits at every size."""
    page, column = _room_pt(paper, max(COLUMNS))
    return TableLimits(page / cap * _TABLE_SAFETY, column / cap * _TABLE_SAFETY, cap / floor)


def table_widths(html: str) -> frozenset[int]:
    """The table widths (em) that a sheet's HTML names in its classes (sheet_html)."""
    return frozenset(int(n) for n in _WIDTH_CLASS.findall(html))


_WIDTH_CLASS = re.compile(r'class="[^"]*\bs?[wv](\d+)"')


def _span_from(layout: Layout, paper: str) -> int:
    """The narrowest table width (em) that spans the columns at this layout."""
    # Spanning is decided on the column's whole width, as before tables learnt to shrink:
    # a table that just passes it may still sit in its column (the estimate is generous).
    return math.floor(_room_pt(paper, layout.columns)[1] / layout.size) + 1


def _spanning(layout: Layout, paper: str, widths: frozenset[int]) -> bool:
    """Whether a table of the page spans the columns at this layout."""
    return any(n >= _span_from(layout, paper) for n in widths)


def layout_css(
    layout: Layout,
    paper: str,
    floor: float,
    widths: frozenset[int] | None = None,
    *,
    column_height: float | None = None,
    balance: bool = False,
) -> str:
    """The stylesheet appended to styles/sheet.css for one layout: its parameters, and how each
    table width (the classes sheet_html gives them, in em) is set at this size.

    ``widths``: only the widths the page uses (default: all); the stylesheet is parsed at every
    render, and a rule for each of 400 widths costs a tenth of a second or more each time.

    Columns fill one after the other (``column-fill: auto``): WeasyPrint balances columns by
    laying the whole page out again and again, a step of at least one pixel at a time, which
    made a render two to eight times as costly; whether the notes fit one page is the same
    either way. ``column_height`` (pt) sets the columns' height, which balances them in one
    layout (``_balance``); ``balance`` asks WeasyPrint to balance them instead."""
    page_pt, column_pt = _room_pt(paper, layout.columns)
    column_em = column_pt / layout.size * _TABLE_SAFETY
    page_em = page_pt / layout.size * _TABLE_SAFETY
    span_from = _span_from(layout, paper)
    shrink = layout.size / floor if floor > 0 else 1.0
    rules = [
        f"@page {{ size: {_PAPER_CSS[paper]}; }}",
        f":root {{ --sheet-size: {layout.size}pt; --sheet-columns: {layout.columns}; "
        f"--sheet-floor: {floor}pt; }}",
        f"main.notes {{ column-fill: {'balance' if balance else 'auto'}; }}",
    ]
    if column_height is not None:
        rules.append(f"main.notes {{ height: {column_height:.2f}pt; }}")
    every = range(1, WIDEST_EM + 1)
    used = sorted(widths) if widths is not None else list(every)
    spanning = [f"div.w{n}" for n in used if n >= span_from]
    if spanning:
        rules.append(f"{','.join(spanning)} {{ column-span: all; }}")
    # Top-level tables have the page; nested ones only their column.
    for kind, room in (("w", page_em), ("v", column_em)):
        hidden: list[str] = []
        shown: list[str] = []
        for n in (n for n in used if n > math.floor(room)):
            if n <= room * shrink:
                rules.append(f"div.full.{kind}{n} table {{ font-size: {room / n:.4f}em; }}")
            else:
                hidden.append(f"div.full.{kind}{n}")
                shown.append(f"div.split.s{kind}{n}")
        if hidden:
            rules.append(f"{','.join(hidden)} {{ display: none; }}")
            rules.append(f"{','.join(shown)} {{ display: block; }}")
    return "\n".join(rules) + "\n"


@dataclass(frozen=True, order=True)
class Layout:
    """One way to set a sheet. Ordered by preference: larger text first, then fewer columns."""

    size: float
    """The body font size in pt."""
    columns: int

    @property
    def rank(self) -> tuple[float, int]:
        return (self.size, -self.columns)


@dataclass(frozen=True)
class DomainSheet:
    """The outcome for one domain."""

    index: int
    """1-based position of the domain in the notes."""
    domain_id: str
    title: str
    path: Path
    pages: int
    size: float
    columns: int
    seconds: float
    renders: int
    """How many times the domain was laid out in this build (0: its PDF was up to date)."""
    cached: bool
    condensed: tuple[str, ...] = ()
    """What was shortened to fit the page, in the order of condense.STEPS (empty: nothing)."""
    part: int = 0
    """For a domain split into several sheets: this sheet's number, from 1 (0: not split)."""
    parts: int = 0

    @property
    def fitting(self) -> str:
        """What was done to fit one page, for the build line and the report ('' if nothing)."""
        done = []
        if self.condensed:
            done.append("condensed: " + ", ".join(self.condensed))
        if self.parts:
            done.append(f"split {self.part}/{self.parts}")
        return "; ".join(done)

    def __str__(self) -> str:
        how = "cached" if self.cached else f"{self.renders} render{'s' * (self.renders != 1)}"
        fitting = f"; {self.fitting}" if self.fitting else ""
        return (
            f"sheet {self.index:02d} {self.title}: {self.pages} page{'s' * (self.pages != 1)}, "
            f"{self.size:g} pt, {self.columns} columns, {self.seconds:.1f} s ({how}{fitting})"
        )


@dataclass(frozen=True)
class SheetsResult:
    combined: Path
    """All domains in order, in one PDF."""
    sheets: tuple[DomainSheet, ...]
    diagnostics: tuple[Diagnostic, ...]
    seconds: float

    @property
    def renders(self) -> int:
        return sum(sheet.renders for sheet in self.sheets)


@dataclass(frozen=True)
class _Forms:
    """A domain's condensed forms, written in the worker and only when the whole does not
    fit: preparing every form's HTML in the build before any render made a large notes file
    wait for tens of seconds on one core, and held all of it in memory."""

    unit: Domain
    head: Document
    """The notes' path and title (no domains): all the sheet's HTML needs of them."""
    policy: ImagePolicy
    limits: TableLimits

    def html(self, index: int) -> str:
        return domain_html(self.head, form(self.unit, index), self.policy, self.limits).html

    def ratios(self) -> list[float]:
        """Each form's weight relative to the whole's (index 0: the whole, 1.0)."""
        whole = weight(self.unit) or 1
        return [1.0, *(weight(form(self.unit, i)) / whole for i in range(1, FORMS + 1))]


@dataclass(frozen=True)
class _Job:
    """Everything a worker process needs for one domain (picklable, no WeasyPrint objects)."""

    index: int
    domain_id: str
    html: str
    css: str
    styles_dir: str
    allowed: tuple[str, ...]
    paper: str
    floor: float
    cap: float
    exact: Layout | None
    """The layout a previous build chose for this very content (its PDF is gone): render it once."""
    priors: tuple[tuple[float, int, float], ...]
    """(size, columns, fill) that seed the search: the last build's renders, or the text model."""
    target: str
    forms: _Forms | None = None
    """What the worker needs to write the condensed forms (condense.form), tried in order
    when the whole does not fit at the floor; None: the sheet is never condensed."""
    key: tuple[int, int] = (0, 0)
    """(domain index, part) of the sheet."""
    exact_steps: int = 0
    exact_setting: tuple[tuple[str, Any], ...] = ()
    """With ``exact``: how that layout's columns were set (the outcome's ``setting``)."""
    """With ``exact``: how many condense steps that layout was found for."""
    skip_whole: bool = False
    """Go straight to the condensed forms, predicted from ``model_fill``."""
    model_fill: float = 0.0
    """The text model's fill of the whole at the floor in five columns."""


@dataclass(frozen=True)
class _Outcome:
    index: int
    layout: Layout
    pages: int
    renders: int
    seconds: float
    refused: tuple[str, ...]
    key: tuple[int, int] = (0, 0)
    steps: int = 0
    """How many of condense.STEPS the PDF's form has applied."""
    fill: float = 0.0
    """The fill of the render written (pages' worth of column height)."""
    trail: tuple[tuple[float, int, float], ...] = field(default=())
    """(size, columns, fill) of every render, for the bench and for tuning the constants."""
    setting: tuple[tuple[str, Any], ...] = ()
    """How the PDF's columns were set (balanced: their height, or WeasyPrint's balance)."""


# ---------------------------------------------------------------------------------------------
# The build


def write_sheets(
    document: Document,
    out_dir: Path,
    *,
    project: Project,
    progress: Callable[[DomainSheet], None] | None = None,
    workers: int | None = None,
    notes_dir: Path | None = None,
) -> SheetsResult:
    """Write ``out_dir/sheets/<stem>/NN-<id>.pdf`` per domain and ``out_dir/sheets/<stem>.pdf``.

    A domain that does not fit one page at the floor is condensed (condense.py); one whose most
    condensed form still does not fit is split at its sections into numbered one-page sheets
    (``NN-<id>.1.pdf``...), found in a second round, and remembered in the cache so that the
    next build goes to the parts at once.

    ``notes_dir`` is the notes' folder (their images may be shown); by default the folder of
    the document's path in the project."""
    started = time.perf_counter()
    config = project.config
    stem = stem_of(document.path)
    sheet_dir = out_dir / "sheets" / stem
    cache_dir = project.build_dir / "sheets-cache" / stem
    css_path = project.style("sheet.css")
    try:
        css = css_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BuildError(
            project.shown(css_path), 1, f"cannot read the sheet styles: {exc}"
        ) from None
    if notes_dir is None:
        notes_dir = (project.root / document.path).parent
    policy = ImagePolicy(notes_dir, config.sheet_images)
    settings = (config.paper, config.font_floor, config.font_cap)
    limits = table_limits(config.paper, config.font_cap, config.font_floor)

    diagnostics: list[Diagnostic] = []
    remote: list[int] = []
    sheets: dict[tuple[int, int], DomainSheet] = {}
    domains = {index: domain for index, domain in enumerate(document.domains, 1)}
    keys: dict[tuple[int, int], str] = {}
    image_lines: dict[tuple[int, int], tuple[tuple[Path, int], ...]] = {}
    units: dict[tuple[int, int], tuple[Domain, int]] = {}
    """(index, part) -> (the domain or part to set, how many parts its domain has)."""

    head = replace(document, domains=(), diagnostics=())

    def prepare(key: tuple[int, int], unit: Domain, parts: int) -> _Job | None:
        """The job for one sheet, or None when its cached PDF is up to date (or it is split)."""
        index, part = key
        page = domain_html(document, unit, policy, limits)
        if part <= 1:  # a domain's messages once, not once per part
            diagnostics.extend(page.diagnostics)
            remote.extend(page.remote)
        cache_key = _cache_key(page.html, css, settings, page.images)
        keys[key] = cache_key
        image_lines[key] = page.image_lines
        units[key] = (unit, parts)
        entry = _read_entry(cache_dir / f"{unit.id}.json")
        fresh = bool(entry and entry.get("key") == cache_key)
        if fresh and entry and int(entry.get("split", 0)) > 1:
            for number, piece in enumerate(split(unit, int(entry["split"])), 1):
                job = prepare((index, number), piece, int(entry["split"]))
                if job is not None:
                    jobs.append(job)
            return None
        layout = _entry_layout(entry)
        target = sheet_dir / f"{index:02d}-{unit.id}.pdf"
        steps = int((entry or {}).get("steps", 0))
        if entry and layout and fresh and entry.get("pdf") == target.name:  # noqa: SIM102
            if _sha256(target) == entry.get("pdf_sha256"):
                sheets[key] = DomainSheet(
                    index, unit.id, unit.title, target, int(entry["pages"]),
                    layout.size, layout.columns, 0.0, 0, True, form_steps(steps), part, parts,
                )  # fmt: skip
                if progress:
                    progress(sheets[key])
                return None
        model_fill = _floor_fill(unit, config.font_floor)
        if part == 0 and not fresh and model_fill > SPLIT_UNRENDERED:
            # Far too long even condensed (the text model says so): split before any render.
            most = _floor_fill(condensed(unit, len(STEPS)), config.font_floor)
            if most > SPLIT_UNRENDERED:
                pieces = split(unit, math.ceil(most * SPLIT_UNRENDERED_MARGIN))
                if len(pieces) > 1:
                    _remember_split(cache_dir, unit, cache_key, len(pieces))
                    for number, piece in enumerate(pieces, 1):
                        job = prepare((index, number), piece, len(pieces))
                        if job is not None:
                            jobs.append(job)
                    return None
        allowed = [str(css_path.parent.resolve())]
        allowed += [str(path) for path in page.images]
        exact = layout if fresh else None
        return _Job(
            index=index,
            domain_id=unit.id,
            html=page.html,
            css=css,
            styles_dir=str(css_path.parent.resolve()),
            allowed=tuple(allowed),
            paper=config.paper,
            floor=config.font_floor,
            cap=config.font_cap,
            exact=exact,
            priors=_trail(entry) or _text_priors(unit),
            target=str(target),
            forms=_Forms(unit, head, policy, limits),
            key=key,
            exact_steps=steps if fresh else 0,
            exact_setting=_entry_setting(entry) if fresh else (),
            # Far beyond a page by the model: laying the whole out (the costliest render of
            # all) would only confirm it; the condensed forms are tried at once.
            # A part of a split domain was cut to about a page at the floor most condensed:
            # its whole is over a page.
            skip_whole=exact is None and model_fill > (1.0 if part else SKIP_WHOLE),
            model_fill=model_fill,
        )

    jobs: list[_Job] = []
    for index, domain in domains.items():
        diagnostics.extend(glyph_diagnostics(document.path, domain))
        job = prepare((index, 0), domain, 0)
        if job is not None:
            jobs.append(job)

    if remote:
        message = (
            f"{len(remote)} remote image{'s' * (len(remote) != 1)} left out of the sheets "
            "(sheets never fetch remote images)"
        )
        diagnostics.append(Diagnostic(document.path, min(remote), "warning", message))

    for _round in range(3):
        outcomes = _run(jobs, workers)
        by_key = {job.key: job for job in jobs}
        jobs = []
        for outcome in outcomes:
            unit, parts = units[outcome.key]
            index, part = outcome.key
            target = Path(by_key[outcome.key].target)
            entry: dict[str, Any] = {"key": keys[outcome.key]}
            if outcome.pages > 1 and part == 0:
                # Even its most condensed form takes more than a page: split it, and remember
                # the split so the next build goes to the parts at once.
                pieces = split(unit, max(2, math.ceil(outcome.fill * SPLIT_MARGIN)))
                if len(pieces) > 1:
                    target.unlink(missing_ok=True)
                    _remember_split(cache_dir, unit, keys[outcome.key], len(pieces))
                    for number, piece in enumerate(pieces, 1):
                        job = prepare((index, number), piece, len(pieces))
                        if job is not None:
                            jobs.append(job)
                    continue
            sheet = DomainSheet(
                index, unit.id, unit.title, target, outcome.pages,
                outcome.layout.size, outcome.layout.columns, outcome.seconds, outcome.renders,
                False, form_steps(outcome.steps), part, parts,
            )  # fmt: skip
            sheets[outcome.key] = sheet
            entry.update(
                {
                    "pdf": target.name,
                    "pdf_sha256": _sha256(target),
                    "pages": outcome.pages,
                    "layout": asdict(outcome.layout),
                    "renders": outcome.renders,
                    "steps": outcome.steps,
                    "trail": outcome.trail,
                    "setting": dict(outcome.setting),
                }
            )
            atomic.write_text(cache_dir / f"{unit.id}.json", json.dumps(entry, indent=1) + "\n")
            for url in outcome.refused:
                line = _referring_line(url, image_lines[outcome.key]) or unit.line
                message = f"sheet renderer refused {shown(url)}"
                diagnostics.append(Diagnostic(document.path, line, "warning", message))
            if progress:
                progress(sheet)
        if _round < 2:
            # A part that still takes more than a page (the split was predicted from the text
            # model, or a section was too big to share): split the domain again, finer.
            over: dict[int, float] = {}
            for outcome in outcomes:
                if outcome.key[1] and outcome.pages > 1 and outcome.key in sheets:
                    over[outcome.key[0]] = max(over.get(outcome.key[0], 0.0), outcome.fill)
            for index, fill in over.items():
                old = [key for key in sheets if key[0] == index]
                count = math.ceil(len(old) * fill * SPLIT_MARGIN)
                for key in old:
                    sheets.pop(key).path.unlink(missing_ok=True)
                domain = domains[index]
                _remember_split(cache_dir, domain, keys[(index, 0)], count)
                for number, piece in enumerate(split(domain, count), 1):
                    job = prepare((index, number), piece, count)
                    if job is not None:
                        jobs.append(job)
        if not jobs:
            break

    ordered = tuple(sheets[key] for key in sorted(sheets))
    for sheet in ordered:
        where = units.get((sheet.index, sheet.part), (domains[sheet.index], 0))[0]
        if sheet.pages > 1:
            message = (
                f"sheet does not fit one page even at {sheet.size:g} pt: "
                f"{sheet.pages} pages ({sheet.columns} columns)"
            )
            diagnostics.append(_warn(document, where, message))
    _remove_stale(sheet_dir, {sheet.path.name for sheet in ordered})
    combined = out_dir / "sheets" / f"{stem}.pdf"
    # A dot in the name: no domain id (a slug) can be "combined.pdf", so a domain titled
    # "Combined" has a cache entry of its own.
    _write_combined(combined, ordered, cache_dir / "combined.pdf.json")
    return SheetsResult(combined, ordered, tuple(diagnostics), time.perf_counter() - started)


#: A domain whose most condensed form the text model puts above this many pages at the floor is
#: split before any render, into that many parts times SPLIT_UNRENDERED_MARGIN. The model is
#: close (within 10 % on the grown notes) but the parts are cut at sections, so their weights
#: differ: with as many parts as pages, one part in three of a notes file of 100,000 lines
#: took more than a page even condensed, and its whole domain was split again and laid out a
#: second time. A part with room to spare costs nothing: it is condensed less. Below the
#: threshold, the most condensed form is rendered and the split follows the measured fill,
#: times SPLIT_MARGIN.
SPLIT_UNRENDERED = 3.0
SPLIT_UNRENDERED_MARGIN = 1.3
SPLIT_MARGIN = 1.15
#: A domain the model puts above this many pages at the floor is not laid out whole.
SKIP_WHOLE = 1.6


def _floor_fill(domain: Domain, floor: float) -> float:
    """The text model's fill for ``domain`` at the floor in five columns (code counted)."""
    chars = 0
    blocks = 0
    for node in _walk(domain.children):
        blocks += 1
        chars += len(plain_text(getattr(node, "spans", ())))
        text = getattr(node, "text", None)
        if isinstance(node, Code) and text:
            chars += len(text)
            blocks += text.count("\n")
        for row in getattr(node, "rows", ()):
            chars += sum(len(plain_text(cell.spans)) for cell in row.cells)
    per_char, per_block = MODEL[max(COLUMNS)]
    return float((per_char * chars + per_block * blocks) * (floor / MODEL_SIZE) ** FILL_EXPONENT)


def _remember_split(cache_dir: Path, unit: Domain, key: str, parts: int) -> None:
    entry = {"key": key, "split": parts}
    atomic.write_text(cache_dir / f"{unit.id}.json", json.dumps(entry, indent=1) + "\n")


def _warn(document: Document, domain: Domain, message: str) -> Diagnostic:
    return Diagnostic(document.path, domain.line, "warning", message)


_HREF = re.compile(r"""(?:xlink:)?href\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _referring_line(url: str, images: tuple[tuple[Path, int], ...]) -> int | None:
    """The line of the image (an SVG) whose own reference the renderer refused: the line to
    fix is the one naming that image, not the domain's heading."""
    for path, line in images:
        if path.suffix.lower() != ".svg":
            continue
        try:
            text = read_regular(path, MAX_IMAGE_BYTES).decode("utf-8", "replace")
        except (OSError, Refused):
            continue
        base = path.as_uri()
        for found in _HREF.finditer(text):
            href = html.unescape(found.group(1) or found.group(2) or "")
            if href == url or urljoin(base, href) == url:
                return line
    return None


def _run(jobs: list[_Job], workers: int | None) -> list[_Outcome]:
    """Fit every job, largest first (so no core sits idle at the end), on every core."""
    if not jobs:
        return []
    jobs = sorted(jobs, key=lambda job: -len(job.html))
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs), _affordable_workers(jobs)))
    if workers == 1:
        return [_fit(job) for job in jobs]
    # Fresh worker processes, not forks: a fork would carry a copy of this process's memory
    # (the whole parsed notes: hundreds of MB on a large file, duplicated page by page as soon
    # as reference counts are touched). Each worker pays one WeasyPrint import instead.
    context = multiprocessing.get_context("spawn")
    results: list[_Outcome] = []
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_die_with_parent, initargs=(os.getpid(),)
    )
    with pool:
        futures = [pool.submit(_fit, job) for job in jobs]
        for future in as_completed(futures):
            results.append(future.result())
    return results


#: What the sheet workers together may use, and what one layout costs: a worker's own
#: footprint plus, measured with WeasyPrint 70, about 700 bytes per byte of a domain's HTML
#: (a 550 KB domain of 3,800 lines peaked at 400 MB; a 18 KB domain stays near 100 MB).
WORKER_MEMORY_BUDGET = 640 * 2**20
WORKER_BASE_MEMORY = 100 * 2**20
LAYOUT_BYTES_PER_HTML_BYTE = 700


def _affordable_workers(jobs: list[_Job]) -> int:
    """How many domains may be laid out at once within the memory budget (at least one).

    Huge domains (a notes file of 100,000 lines) are laid out one at a time, so the build
    stays under 1 GiB in all; ordinary ones use every core.
    """
    largest = max(len(job.html) for job in jobs)
    per_worker = WORKER_BASE_MEMORY + LAYOUT_BYTES_PER_HTML_BYTE * largest
    return max(1, WORKER_MEMORY_BUDGET // per_worker)


def _die_with_parent(parent: int) -> None:
    """In a worker: exit as soon as the build that started it is gone.

    A build killed by a signal it cannot handle (SIGKILL, or SIGTERM to the build alone) leaves
    its workers behind; they would finish their sheet, write it into dist/ after the build was
    stopped, and then wait forever.
    """
    import threading

    # ``parent`` comes from the build: a worker still starting when the build was killed
    # already has another parent, and must exit at once.
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="clozepress-parent-watch").start()


def _text_priors(domain: Domain) -> tuple[tuple[float, int, float], ...]:
    """The fill predicted from the amount of text, for a domain no build has rendered yet."""
    chars = 0
    blocks = 0
    for node in _walk(domain.children):
        blocks += 1
        chars += len(plain_text(getattr(node, "spans", ())))
        for row in getattr(node, "rows", ()):
            chars += sum(len(plain_text(cell.spans)) for cell in row.cells)
    return tuple(
        (MODEL_SIZE, columns, per_char * chars + per_block * blocks)
        for columns, (per_char, per_block) in MODEL.items()
    )


def _trail(entry: dict[str, Any] | None) -> tuple[tuple[float, int, float], ...]:
    try:
        return tuple((float(s), int(c), float(f)) for s, c, f in (entry or {}).get("trail", ()))
    except (TypeError, ValueError):
        return ()


def _walk(nodes: tuple[Any, ...]) -> list[Any]:
    out = []
    for node in nodes:
        out.append(node)
        out.extend(_walk(getattr(node, "children", ())))
    return out


# ---------------------------------------------------------------------------------------------
# The cache


def _cache_key(html: str, css: str, settings: tuple[Any, ...], images: tuple[Path, ...]) -> str:
    digest = hashlib.sha256()
    for part in (CACHE_VERSION, __version__, _weasyprint_version(), settings, html, css):
        digest.update(repr(part).encode("utf-8"))
        digest.update(b"\0")
    for path in images:
        digest.update(_sha256(path).encode("ascii"))
    return digest.hexdigest()


@cache
def _weasyprint_version() -> str:
    from importlib.metadata import version

    return version("weasyprint")


def _read_entry(path: Path) -> dict[str, Any] | None:
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return entry if isinstance(entry, dict) else None


def _entry_layout(entry: dict[str, Any] | None) -> Layout | None:
    try:
        layout = entry["layout"] if entry else None
        return Layout(float(layout["size"]), int(layout["columns"])) if layout else None
    except (KeyError, TypeError, ValueError):
        return None


def _entry_setting(entry: dict[str, Any] | None) -> tuple[tuple[str, Any], ...]:
    setting = (entry or {}).get("setting")
    if not isinstance(setting, dict):
        return ()
    height = setting.get("column_height")
    if isinstance(height, int | float) and height > 0:
        return (("column_height", float(height)),)
    return (("balance", True),) if setting.get("balance") is True else ()


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


_SHEET_NAME = re.compile(r"\d{2,}-[^/]+\.pdf")


def _remove_stale(sheet_dir: Path, keep: set[str]) -> None:
    """Sheets of domains that were renamed, moved or removed would otherwise linger in dist/."""
    for path in sheet_dir.glob("[0-9][0-9]*-*.pdf"):
        # Sheet 100 and later have three digits; a user's own PDF there has no such name.
        if path.name not in keep and _SHEET_NAME.fullmatch(path.name):
            path.unlink(missing_ok=True)


def _write_combined(target: Path, sheets: tuple[DomainSheet, ...], record: Path) -> None:
    """All sheets in one PDF, for printing double-sided.

    A one-page domain may share a sheet of paper with the next one. A domain of several pages
    always starts on a front side (a blank page is put before it when needed), so its pages stay
    together on one sheet of paper.
    """
    key = hashlib.sha256(
        "\n".join(f"{s.path.name} {_sha256(s.path)}" for s in sheets).encode()
    ).hexdigest()
    if target.exists() and (_read_entry(record) or {}).get("key") == key:
        return
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for sheet in sheets:
        reader = PdfReader(sheet.path)
        if len(reader.pages) > 1 and len(writer.pages) % 2 == 1:
            box = reader.pages[0].mediabox
            writer.add_blank_page(width=box.width, height=box.height)
        writer.append(reader)
    with atomic.atomic_path(target) as tmp, tmp.open("wb") as fh:
        writer.write(fh)
    atomic.write_text(record, json.dumps({"key": key}) + "\n")


# ---------------------------------------------------------------------------------------------
# One domain, in a worker process


def _fit(job: _Job) -> _Outcome:
    """Find the layout for one domain and write its PDF from the render that fitted."""
    from weasyprint import CSS, HTML

    started = time.perf_counter()
    # WeasyPrint logs every refused URL and unsupported property itself; refusals come back
    # to the build as diagnostics instead.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = _fetcher(tuple(Path(p) for p in job.allowed))
    base_css = CSS(
        string=job.css, base_url=Path(job.styles_dir).as_uri() + "/", url_fetcher=fetcher
    )
    trail: list[tuple[float, int, float]] = []

    def render(
        layout: Layout, steps: int = 0, column_height: float | None = None, balance: bool = False
    ) -> tuple[Any, float]:
        source = html_of(steps)
        override = layout_css(
            layout,
            job.paper,
            job.floor,
            table_widths(source),
            column_height=column_height,
            balance=balance,
        )
        html = HTML(string=source, url_fetcher=fetcher)
        document = html.render(stylesheets=[base_css, CSS(string=override)])
        renders.append(layout)
        fill = _fill(document)
        # The trail seeds the next search, which starts from the whole form; WeasyPrint's
        # balanced columns measure their height, not the notes' need.
        if not steps and not balance:
            trail.append((layout.size, layout.columns, round(fill, 4)))
        return document, fill

    htmls = {0: job.html}

    def html_of(steps: int) -> str:
        if steps not in htmls and job.forms is not None:
            htmls[steps] = job.forms.html(steps)
        return htmls[steps]

    renders: list[Layout] = []
    steps = 0
    setting: dict[str, Any] = {}
    """How the written render set its columns (render's keywords; empty: one after another)."""
    most = FORMS if job.forms is not None else 0
    densest_layout = Layout(job.floor, max(COLUMNS))
    if job.exact is not None:
        best = job.exact
        steps = min(job.exact_steps, most)
        setting = dict(job.exact_setting)
        document, fill = render(best, steps, **setting)
        if setting and (len(document.pages) > 1 or _columns_used(document) > best.columns):
            setting = {}
            document, fill = render(best, steps)
        if len(document.pages) > 1 and steps < most:
            at_floor = fill * (job.floor / best.size) ** FILL_EXPONENT
            document, fill, best, steps = _condense(job, render, steps, at_floor)
    elif job.skip_whole and most:
        document, fill, best, steps = _condense(job, render, 0, job.model_fill)
    else:
        search = _Search(job.floor, job.cap, job.priors)
        document = densest = None
        fill = math.inf
        while (layout := search.next()) is not None:
            height = _first_balanced(search, layout, job)
            rendered, measured = render(layout, column_height=height)
            if height and _columns_used(rendered) > layout.columns:
                # The columns ran over the set height: the render measured what the notes
                # need, not whether they fit; the layout may be tried again at full height.
                search.priors[layout.columns] = [(layout.size, measured)]
                search.measured_need = True
                continue
            if search.record(layout, measured, len(rendered.pages) == 1):
                document, fill = rendered, measured  # keep only the best fitting render
                setting = {"column_height": height} if height else {}
            elif layout == densest_layout:
                densest, fill = rendered, measured
        best = search.best or densest_layout
        if document is None and most:
            document, fill, best, steps = _condense(job, render, 0, fill)
        if document is None:
            # Nothing fits at the floor: set it at the floor and let it flow onto more pages.
            document = densest if densest is not None else render(best)[0]
            fill = _fill(document)
    if not setting and _needs_balance(document, fill):
        document, setting = _balance(document, best, steps, render)
    target = Path(job.target)
    with atomic.atomic_path(target) as tmp:
        document.write_pdf(tmp)
    return _Outcome(
        job.index,
        best,
        len(document.pages),
        len(renders),
        time.perf_counter() - started,
        tuple(fetcher.refused),
        trail=tuple(trail),
        key=job.key,
        steps=steps,
        fill=fill,
        setting=tuple(sorted(setting.items())),
    )


def _condense(
    job: _Job, render: Callable[..., tuple[Any, float]], known: int, fill: float
) -> tuple[Any, float, Layout, int]:
    """The least condensed form that fits one page at the floor, set at the largest size it
    fits: more of the notes at a smaller size beats less of them at a larger one.

    ``known`` is a form (0: the whole) seen not to fit at the floor with ``fill`` there. The
    forms shorten one after the other, so the answer lies between the last form seen not to
    fit and the first seen to fit. Each form's fill is predicted from the nearest form
    measured, scaled by their weights; the next render is the least condensed form predicted
    to fit, and the search ends when the form before the one that fits has been seen not to
    fit (or is predicted well over a page). Most domains take two or three renders here.
    When no form fits, the most condensed one at the floor is returned, for the split.
    """
    floor = Layout(job.floor, max(COLUMNS))
    assert job.forms is not None
    last = FORMS
    ratios = job.forms.ratios()
    base = ratios[known] or 1.0
    measured = {known: fill}
    fitting: dict[int, tuple[Any, float]] = {}
    failed = {step for step in range(known + 1)}
    most: tuple[Any, float, int] = (None, fill, known)

    # A part of a split domain (hundreds of them in a notes file of 100,000 lines) trusts the
    # predictions: the first form that fits is taken, at the floor, when the form before it
    # is predicted over a page.
    part = job.key[1] > 0
    sure = 1.0 if part else CLEARLY_OVER

    def predicted(step: int) -> float:
        near = min(measured, key=lambda seen: (abs(seen - step), seen))
        return measured[near] * ratios[step] / (ratios[near] or base)

    while True:
        low = max(failed)
        high = min(fitting, default=last + 1)
        if high == low + 1:
            break
        between = range(low + 1, high)
        if ratios[low + 1] >= ratios[low]:  # the step shortened nothing here: it fails too
            failed.add(low + 1)
            continue
        likely = [step for step in between if predicted(step) <= 1.0]
        if likely:
            step = likely[0]
        elif high <= last and predicted(high - 1) > sure:
            break
        else:
            step = high - 1
        rendered, measured[step] = render(floor, step)
        if len(rendered.pages) == 1:
            fitting[step] = (rendered, measured[step])
        else:
            failed.add(step)
            most = (rendered, measured[step], step)
    if not fitting:
        if most[0] is None:  # no form shortened anything: lay the last out, for the split
            return (*render(floor, last), floor, last)
        return most[0], most[1], floor, most[2]
    steps = min(fitting)
    document, best_fill = fitting[steps]
    # It fits at the floor: a larger size may fit too (the search, seeded by this render).
    search = _Search(job.floor, job.cap, ((floor.size, floor.columns, best_fill),))
    search.record(floor, best_fill, True)
    tries = 2 if part else 0
    while tries < 2 and (layout := search.next()) is not None:
        tries += 1
        candidate, candidate_fill = render(layout, steps)
        if search.record(layout, candidate_fill, len(candidate.pages) == 1):
            document, best_fill = candidate, candidate_fill
    return document, best_fill, search.best or floor, steps


#: A form predicted this far over a page at the floor is taken not to fit without a render.
CLEARLY_OVER = 9.0


#: The height of the notes' columns on a landscape page, in pt: the paper's height less the
#: margins and the band (styles/sheet.css); an estimate, used only to size a first render.
_NOTES_HEIGHT_PT = {"A4": 537.6, "Letter": 554.3}


def _first_balanced(search: _Search, layout: Layout, job: _Job) -> float | None:
    """The column height (pt) for a domain's first render when it is the largest layout of
    all and predicted to leave columns empty: a render with its columns set to share the
    notes evenly settles the fit and the look at once (a short domain takes one render, not
    two). None for every other render."""
    if search.seen or layout != Layout(job.cap, min(COLUMNS)):
        return None
    if _spanning(layout, job.paper, table_widths(job.html)):
        return None  # a set height would hold the spanning tables too
    predicted = search.predicted_fill(layout)
    if predicted >= BALANCE_BELOW:
        return None
    # The text model's guess gets room to spare; a measurement (the columns of a first try
    # ran over) needs only what _balance gives.
    margin, lines = (1.0, 1.5) if search.measured_need else (1.15, 3.0)
    height = _NOTES_HEIGHT_PT[job.paper]
    return min(height, predicted * margin * height + lines * layout.size * 1.1)


def _balance(
    document: Any, layout: Layout, steps: int, render: Callable[..., tuple[Any, float]]
) -> tuple[Any, dict[str, Any]]:
    """The one-page ``document`` with its notes shared evenly among the columns, so that a
    short domain does not fill two columns and leave the others empty.

    The column height comes from the content the render measured, with a line or two to
    spare for where the columns break; a render whose columns ran over (WeasyPrint adds
    columns beside the page) is tried again with more to spare. Notes with a block spanning
    the columns are balanced by WeasyPrint, which costs more."""
    for spare in (1.5, 5.0):
        height = _balance_height(document, spare)
        if height is None:
            break
        candidate, _ = render(layout, steps, column_height=height)
        if len(candidate.pages) == 1 and _columns_used(candidate) <= layout.columns:
            return candidate, {"column_height": height}
    else:
        return document, {}
    candidate, _ = render(layout, steps, balance=True)
    if len(candidate.pages) == 1:
        return candidate, {"balance": True}
    return document, {}


class _Search:
    """The fit search over the size grid and the column counts.

    ``fill`` is how much of one page a render needs (0.7: 70 % of the column height; 1.4: the
    page and 40 % of another). For one column count, fill grows with the size to the power
    FILL_EXPONENT, so one measurement predicts every size; the other column count is predicted
    through FIVE_TO_FOUR until it has a measurement of its own, and before any render the
    priors (the last build's measurements of this domain, or the text-length model) stand in.
    The next render is always the most preferred layout predicted to fit that no measurement
    has ruled out; the search ends when no layout better than the best fit is predicted to fit.
    """

    def __init__(
        self, floor: float, cap: float, priors: tuple[tuple[float, int, float], ...]
    ) -> None:
        self.floor = floor
        self.cap = cap
        self.sizes = [
            round(floor + step * STEP, 4) for step in range(int((cap - floor) / STEP + 1e-9) + 1)
        ]
        self.best: Layout | None = None
        self.measured_need = False
        """Whether a prior is a measurement of this very form (not the text model's)."""
        self.failed: dict[int, float] = {}
        """Per column count, the smallest size seen not to fit."""
        self.seen: dict[int, list[tuple[float, float]]] = {}
        self.priors: dict[int, list[tuple[float, float]]] = {}
        for size, columns, fill in priors:
            self.priors.setdefault(columns, []).append((size, fill))

    def record(self, layout: Layout, fill: float, fits: bool) -> bool:
        """Learn from one render; True if it is the best fitting layout so far."""
        self.seen.setdefault(layout.columns, []).append((layout.size, fill))
        if not fits:
            previous = self.failed.get(layout.columns, math.inf)
            self.failed[layout.columns] = min(previous, layout.size)
            return False
        if self.best is None or layout.rank > self.best.rank:
            self.best = layout
            return True
        return False

    def predicted_fill(self, layout: Layout) -> float:
        other = 9 - layout.columns  # 4 <-> 5
        ratio = FIVE_TO_FOUR if layout.columns == 5 else 1 / FIVE_TO_FOUR
        for source in (self.seen, self.priors):
            if layout.columns in source:
                return _scaled(source[layout.columns], layout.size)
            if other in source:
                return _scaled(source[other], layout.size) * ratio * CROSS_DOUBT
        return math.inf

    def next(self) -> Layout | None:
        best_rank = self.best.rank if self.best else (-math.inf, 0)
        tried = {(size, columns) for columns, seen in self.seen.items() for size, _ in seen}
        candidates = [
            Layout(size, columns)
            for columns in COLUMNS
            for size in self.sizes
            if Layout(size, columns).rank > best_rank
            and size < self.failed.get(columns, math.inf)
            and (size, columns) not in tried
            and self.predicted_fill(Layout(size, columns)) <= 1.0
        ]
        if candidates:
            return max(candidates, key=lambda layout: layout.rank)
        # Nothing is predicted to fit. Before giving up on one page, make sure the most compact
        # layout was tried: the floor with the most columns.
        densest = Layout(self.floor, max(COLUMNS))
        if self.best is None and (densest.size, densest.columns) not in tried:
            return densest
        return None


def _scaled(measured: list[tuple[float, float]], size: float) -> float:
    """The fill at ``size`` predicted from the measurement nearest in size, with the exponent
    that the two nearest measurements of other sizes show (FILL_EXPONENT with only one)."""
    ordered = sorted(measured, key=lambda m: abs(m[0] - size))
    near_size, near_fill = ordered[0]
    exponent = FILL_EXPONENT
    other = next((m for m in ordered[1:] if m[0] != near_size and m[1] > 0), None)
    if other is not None and near_fill > 0:
        local = math.log(other[1] / near_fill) / math.log(other[0] / near_size)
        exponent = min(max(local, 1.2), 2.6)
    return float(near_fill * (size / near_size) ** exponent)


#: A column count not yet rendered is predicted this much fuller than FIVE_TO_FOUR says: the
#: ratio varies from 0.8 to 1.1 between domains, and a wrong guess costs a render.
CROSS_DOUBT = 1.03


def _fill(document: Any) -> float:
    """How many pages' worth of columns the notes need (0.7: 70 % of the page's columns).

    Columns fill one after the other, so on each page every column but the last of a run
    counts whole (the space left at its foot is lost to the break), the last counts to its
    content, and a block spanning the columns counts its height in each of them."""
    used = 0.0
    available = 0.0
    count = 1
    for page in document.pages:
        box = page._page_box
        notes = _find(box, "main")
        if notes is None:
            continue
        count = _column_count(notes)
        if not available:
            available = box.content_box_y() + box.height - notes.content_box_y()
        children = notes.children
        for at, child in enumerate(children):
            if not child.is_column:
                used += child.margin_height() * count
            elif at + 1 < len(children) and children[at + 1].is_column:
                used += child.height
            else:
                used += _content_height(child)
    return used / (available * count) if available else 1.0


def _column_count(notes: Any) -> int:
    count = notes.style["column_count"]
    return count if isinstance(count, int) and count > 0 else 1


def _content_height(column: Any) -> float:
    """How far down its column a column's content reaches."""
    top = column.content_box_y()
    bottoms = [top]
    for child in column.children:
        if child.is_in_normal_flow():
            bottoms.append(child.position_y + child.margin_height())
    return float(max(bottoms) - top)


#: A page whose columns are filled to less than this share is balanced (_balance): below it a
#: column or more would stand empty, or nearly so, beside full ones.
BALANCE_BELOW = 0.8


def _needs_balance(document: Any, fill: float) -> bool:
    return len(document.pages) == 1 and fill < BALANCE_BELOW


def _balance_height(document: Any, spare_lines: float) -> float | None:
    """The column height (pt) that shares the notes of a one-page render evenly among its
    columns, with ``spare_lines`` lines to spare for breaks; None when a block spans the
    columns (WeasyPrint must balance those itself)."""
    box = document.pages[0]._page_box
    notes = _find(box, "main")
    if notes is None or not notes.children:
        return None
    if not all(child.is_column for child in notes.children):
        return None
    count = _column_count(notes)
    total = sum(_content_height(child) for child in notes.children[:-1])
    # Columns but the last end where the next block would not fit: their content is what
    # they hold; the gaps are what balancing has to absorb, hence the spare lines.
    total += _content_height(notes.children[-1])
    line = float(notes.style["font_size"]) * 1.1
    px = total / count + spare_lines * line
    available = box.content_box_y() + box.height - notes.content_box_y()
    if px >= available:
        return None
    return px * 0.75  # CSS px to pt


def _columns_used(document: Any) -> int:
    """How many column boxes the first page's notes were laid out in (more than the column
    count: a set column height was too short, and WeasyPrint added columns beside the page)."""
    notes = _find(document.pages[0]._page_box, "main")
    return sum(1 for child in (notes.children if notes is not None else ()) if child.is_column)


def _find(box: Any, tag: str) -> Any:
    if getattr(box, "element_tag", None) == tag:
        return box
    for child in getattr(box, "children", ()):
        found = _find(child, tag)
        if found is not None:
            return found
    return None


@cache
def _fetcher_class() -> type:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class SheetFetcher(URLFetcher):  # type: ignore[misc]
        """Reads only files under the allowed paths; refuses every other URL, network included.

        WeasyPrint's own fetcher follows whatever a page names (file:// anywhere, http with a
        10 s timeout per image); this one never opens a socket and never leaves the folders.
        """

        def __init__(self, allowed: tuple[Path, ...]) -> None:
            super().__init__(timeout=1, allowed_protocols=("file",), allow_redirects=False)
            self.allowed = allowed
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            path = _local_file(url)
            if path is None or not any(path.is_relative_to(root) for root in self.allowed):
                self.refused.append(url)
                raise ValueError(f"clozepress sheets read no {url}")
            mime, _ = mimetypes.guess_type(path.name)
            try:
                body = read_regular(path, MAX_IMAGE_BYTES)
            except (OSError, Refused):
                self.refused.append(url)
                raise ValueError(f"clozepress sheets read no {url}") from None
            return URLFetcherResponse(
                url, body=body, headers={"Content-Type": mime or "text/plain"}
            )

    return SheetFetcher


def _fetcher(allowed: tuple[Path, ...]) -> Any:
    return _fetcher_class()(allowed)


def _local_file(url: str) -> Path | None:
    """The existing regular file a ``file:`` URL names (symlinks resolved), else None."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return None
    try:
        path = Path(url2pathname(parts.path)).resolve()
        return path if path.is_file() else None
    except (OSError, RuntimeError, ValueError):
        return None
