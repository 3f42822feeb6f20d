"""``dist/index.html``: the page a user opens after ``make``, from the stages' summaries.

Each stage leaves a typed summary in the build folder (``summary``); the report reads those and
the intermediate form, makes a PNG thumbnail of each sheet (pdftoppm), and writes one
self-contained page that works opened from disk. It reads as a learner reads it: per notes
file, the sheets and the deck's counts first; then a dozen cards as Anki shows them; then, folded,
the notes removed, what made no card (by reason) and the other messages.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .. import atomic, summary
from ..deck.identity import REMOVED_TAG
from ..form.model import Diagnostic, loads
from ..summary import CardPreview, DeckSummary, NoCard, SheetsSummary

THUMB_DPI = 24


@dataclass(frozen=True)
class NotesReport:
    """What the report knows of one notes file."""

    stem: str
    source: str
    title: str
    domains: int
    deck: DeckSummary | None
    sheets: SheetsSummary | None
    diagnostics: tuple[Diagnostic, ...]
    """The parse's and the stages' messages, without the per-highlight ``info`` lines."""


def gather(build_dir: Path) -> list[NotesReport]:
    """Every notes file whose intermediate form is in ``build_dir``, with its stage summaries."""
    reports = []
    for ir in sorted(build_dir.glob("*.json")):
        if not ir.is_file():
            continue
        try:
            document = loads(ir.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        deck = summary.read(build_dir, ir.stem, DeckSummary)
        sheets = summary.read(build_dir, ir.stem, SheetsSummary)
        diagnostics = [
            *document.diagnostics,
            *(deck.diagnostics if deck else ()),
            *(sheets.diagnostics if sheets else ()),
        ]
        unique = sorted(set(diagnostics), key=lambda d: (d.path, d.line, d.message))
        reports.append(
            NotesReport(
                ir.stem,
                document.path,
                document.title,
                len(document.domains),
                deck,
                sheets,
                tuple(unique),
            )
        )
    return reports


def closing_line(report: NotesReport) -> str:
    """One line per notes file after a build: what it made and what it cost."""
    deck, sheets = report.deck, report.sheets
    warnings = sum(1 for d in report.diagnostics if d.severity == "warning")
    errors = sum(1 for d in report.diagnostics if d.severity == "error")
    parts = [
        f"{report.domains} domains",
        f"{deck.notes if deck else 0} notes",
        f"{deck.cards if deck else 0} cards",
        *_removed_part(len(deck.removed) if deck else 0),
        f"{len(sheets.domains) if sheets else 0} sheets ({sheets.renders if sheets else 0} "
        "rendered)",
        f"{warnings} warnings" + (f", {errors} errors" if errors else ""),
        f"deck {deck.seconds if deck else 0:.1f} s, sheets {sheets.seconds if sheets else 0:.1f} s",
    ]
    return f"{report.source}: " + ", ".join(parts)


def _removed_part(count: int) -> list[str]:
    """The removed notes in the build line, with the search that finds them in Anki."""
    if not count:
        return []
    return [f"{count} removed (in Anki: tag:{REMOVED_TAG})"]


def _thumbnail(pdf: Path, png: Path) -> bool:
    """A small PNG of the sheet's first page; reuses one newer than the PDF."""
    if png.exists() and png.stat().st_mtime >= pdf.stat().st_mtime:
        return True
    if shutil.which("pdftoppm") is None:
        return False
    png.parent.mkdir(parents=True, exist_ok=True)
    tmp_base = png.with_name(f".{png.stem}.tmp")
    done = subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(THUMB_DPI),
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(tmp_base),
        ],
        capture_output=True,
    )
    made = tmp_base.with_suffix(".tmp.png")
    if done.returncode != 0 or not made.exists():
        made.unlink(missing_ok=True)
        return False
    os.replace(made, png)
    return True


def write_report(
    out_dir: Path, build_dir: Path, styles_dir: Path, reports: list[NotesReport] | None = None
) -> Path:
    """Writes ``out_dir/index.html`` (and the thumbnails it shows); returns its path."""
    reports = gather(build_dir) if reports is None else reports
    css_path = styles_dir / "report.css"
    css = css_path.read_text(encoding="utf-8") if css_path.exists() else ""
    body = [_notes_section(r, out_dir) for r in reports] or ["<p>No notes built yet.</p>"]
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>clozepress build</title><style>{css}</style></head>\n<body>\n"
        "<header><h1>clozepress build</h1></header>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body></html>\n"
    )
    target = out_dir / "index.html"
    atomic.write_text(target, page)
    return target


def _rel(path: str | Path, out_dir: Path) -> str:
    return Path(os.path.relpath(Path(path).resolve(), out_dir.resolve())).as_posix()


def _notes_section(report: NotesReport, out_dir: Path) -> str:
    e = html.escape
    deck, sheets = report.deck, report.sheets
    parts = [
        f'<section class="notes" id="{e(report.stem)}"><h2>{e(report.title)}</h2>',
        f'<p class="source">from <code>{e(report.source)}</code> · {report.domains} domains</p>',
        '<div class="overview">',
        _deck_counts(deck, out_dir),
        _thumbnails(report.stem, sheets, out_dir),
        "</div>",
    ]
    if deck is not None:
        parts.append(_previews(deck))
        parts.append(_removed(deck))
        parts.append(_no_card(deck.no_card))
    parts.append(_messages(report.diagnostics))
    parts.append("</section>")
    return "\n".join(part for part in parts if part)


def _deck_counts(deck: DeckSummary | None, out_dir: Path) -> str:
    e = html.escape
    if deck is None:
        return '<div class="deck"><h3>Deck</h3><p>Not built yet.</p></div>'
    apkg = _rel(deck.apkg, out_dir)
    removed = (
        f'<span class="count removed"><b>{len(deck.removed)}</b> removed</span>'
        if deck.removed
        else ""
    )
    return (
        '<div class="deck"><h3>Deck</h3>'
        f'<p class="counts"><span class="count"><b>{deck.notes}</b> notes</span>'
        f'<span class="count"><b>{deck.cards}</b> cards</span>'
        f'<span class="count"><b>{len(deck.subdecks)}</b> subdecks</span>{removed}</p>'
        f'<p><a class="apkg" href="{e(apkg)}">{e(Path(apkg).name)}</a></p>'
        '<p class="how">In Anki: File › Import, choose the file, keep the default '
        "(update notes if newer): notes you studied keep their history.</p></div>"
    )


def _thumbnails(stem: str, sheets: SheetsSummary | None, out_dir: Path) -> str:
    e = html.escape
    if sheets is None:
        return '<div class="sheets"><h3>Cheat-sheets</h3><p>Not built yet.</p></div>'
    parts = ['<div class="sheets"><h3>Cheat-sheets</h3>']
    if sheets.combined:
        combined = _rel(sheets.combined, out_dir)
        parts.append(
            f'<p>All in one file: <a href="{e(combined)}">{e(Path(combined).name)}</a></p>'
        )
    parts.append('<ul class="thumbs">')
    pairs = [
        (Path(item.pdf), out_dir / "thumbs" / stem / (Path(item.pdf).stem + ".png"))
        for item in sheets.domains
    ]
    # One pdftoppm per core at a time: a notes file split into hundreds of sheets waited
    # for each thumbnail in turn.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        made = list(pool.map(lambda pair: pair[0].exists() and _thumbnail(*pair), pairs))
    for item, (pdf, thumb), has_thumb in zip(sheets.domains, pairs, made, strict=True):
        image = (
            f'<img src="{e(_rel(thumb, out_dir))}" alt="{e(item.title)} sheet">'
            if has_thumb
            else '<span class="nothumb">no preview</span>'
        )
        pages = item.pages
        parts.append(
            f'<li><a href="{e(_rel(pdf, out_dir))}">{image}'
            f'<span class="title">{e(item.title)}</span></a>'
            f'<span class="meta">{item.font_size:g} pt · {item.columns} columns · '
            f"{pages} page{'s' if pages != 1 else ''}"
            + (f" · {e(item.fitting)}" if item.fitting else "")
            + "</span></li>"
        )
    parts.append("</ul></div>")
    return "".join(parts)


def _previews(deck: DeckSummary) -> str:
    """The cards as Anki shows them: each side in its own shadow root holding the deck's CSS,
    so the card styles and the report's never meet (declarative: no script runs)."""
    if not deck.previews:
        return ""
    e = html.escape
    parts = [
        f'<div class="previews"><h3>{len(deck.previews)} of the {deck.cards} cards, '
        "as Anki shows them</h3>"
        '<div class="grid">'
    ]
    for card in deck.previews:
        parts.append(
            '<figure class="preview">'
            f"{_side(card, 'front', deck.css)}{_side(card, 'back', deck.css)}"
            f"<figcaption><code>{e(card.source)}</code> · {e(card.deck)}</figcaption></figure>"
        )
    parts.append("</div></div>")
    return "".join(parts)


def _side(card: CardPreview, side: str, css: str) -> str:
    content = card.front if side == "front" else card.back
    return (
        f'<div class="side {side}"><span class="label">{side}</span>'
        f'<div class="shown"><template shadowrootmode="open"><style>{_style_text(css)}</style>'
        f'<div class="card card1">{content}</div></template></div></div>'
    )


def _style_text(css: str) -> str:
    # Inside <style> only this sequence would end the element early.
    return css.replace("</style", "<\\/style")


def _removed(deck: DeckSummary) -> str:
    if not deck.removed:
        return ""
    e = html.escape
    new = sum(1 for note in deck.removed if note.new)
    parts = [
        f'<details class="removed"{" open" if new else ""}><summary>{len(deck.removed)} notes '
        f"removed from the notes (in Anki: search <code>tag:{e(REMOVED_TAG)}</code>, then delete "
        "or suspend them; then <code>clozepress forget</code>)</summary><ul>"
    ]
    for note in deck.removed:
        when = " <em>(this build)</em>" if note.new else ""
        parts.append(f"<li><code>{e(note.source)}</code> {e(note.text)}{when}</li>")
    parts.append("</ul></details>")
    return "".join(parts)


def _no_card(items: tuple[NoCard, ...]) -> str:
    """What became no card, one fold per reason, the most frequent reason first."""
    if not items:
        return ""
    e = html.escape
    by_reason: dict[str, list[NoCard]] = {}
    for item in items:
        by_reason.setdefault(item.reason, []).append(item)
    counts = Counter({reason: len(found) for reason, found in by_reason.items()})
    parts = [
        f'<details class="no-card"><summary>{len(items)} highlights made no card of their own, '
        f"for {len(by_reason)} reasons</summary>"
    ]
    for reason, count in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
        parts.append(f'<details class="reason"><summary>{count} · {e(reason)}</summary><ul>')
        for item in by_reason[reason]:
            parts.append(
                f"<li><code>{e(item.path)}:{item.line}</code> <q>{e(item.highlight)}</q></li>"
            )
        parts.append("</ul></details>")
    parts.append("</details>")
    return "".join(parts)


def _messages(diagnostics: tuple[Diagnostic, ...]) -> str:
    e = html.escape
    shown = [d for d in diagnostics if d.severity != "info"]
    problems = any(d.severity == "error" for d in shown)
    parts = [
        f'<details class="diagnostics"{" open" if problems else ""}>'
        f"<summary>Messages ({len(shown)})</summary>"
    ]
    if shown:
        parts.append("<ul>")
        for d in shown:
            parts.append(
                f'<li class="{e(d.severity)}"><code>{e(d.path)}:{d.line}</code> '
                f"{e(d.severity)}: {e(d.message)}</li>"
            )
        parts.append("</ul>")
    else:
        parts.append("<p>None.</p>")
    parts.append("</details>")
    return "".join(parts)
