"""``dist/index.html``: the page a user opens after ``make``, from the stages' summaries.

Each stage leaves a small JSON summary in the build folder (``<stem>.deck.json``,
``<stem>.sheets.json``); the report reads those and the intermediate form, makes a PNG thumbnail
of each sheet (pdftoppm), and writes one self-contained page that works opened from disk.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import atomic
from ..form.model import Diagnostic, loads

THUMB_DPI = 24


@dataclass(frozen=True)
class NotesReport:
    """What the report knows of one notes file."""

    stem: str
    source: str
    title: str
    domains: int
    deck: dict[str, Any] | None
    sheets: dict[str, Any] | None
    diagnostics: tuple[Diagnostic, ...]


def summary_path(build_dir: Path, stem: str, stage: str) -> Path:
    """Where a stage (``deck``, ``sheets``) leaves its summary for the report."""
    return build_dir / f"{stem}.{stage}.json"


def write_summary(build_dir: Path, stem: str, stage: str, summary: dict[str, Any]) -> None:
    text = json.dumps(summary, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    atomic.write_text(summary_path(build_dir, stem, stage), text)


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def gather(build_dir: Path) -> list[NotesReport]:
    """Every notes file whose intermediate form is in ``build_dir``, with its stage summaries."""
    reports = []
    for ir in sorted(build_dir.glob("*.json")):
        if ir.stem.count(".") or not ir.is_file():
            continue
        try:
            document = loads(ir.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        deck = _read_json(summary_path(build_dir, ir.stem, "deck"))
        sheets = _read_json(summary_path(build_dir, ir.stem, "sheets"))
        diagnostics = list(document.diagnostics)
        for stage in (deck, sheets):
            for item in (stage or {}).get("diagnostics", []):
                diagnostics.append(
                    Diagnostic(**{k: item[k] for k in ("path", "line", "severity", "message")})
                )
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
    deck, sheets = report.deck or {}, report.sheets or {}
    warnings = sum(1 for d in report.diagnostics if d.severity == "warning")
    errors = sum(1 for d in report.diagnostics if d.severity == "error")
    parts = [
        f"{report.domains} domains",
        f"{deck.get('notes', 0)} notes",
        f"{deck.get('cards', 0)} cards",
        f"{len(sheets.get('domains', []))} sheets ({sheets.get('renders', 0)} rendered)",
        f"{warnings} warnings" + (f", {errors} errors" if errors else ""),
        f"deck {deck.get('seconds', 0):.1f} s, sheets {sheets.get('seconds', 0):.1f} s",
    ]
    return f"{report.source}: " + ", ".join(parts)


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
    parts = [
        f'<section class="notes"><h2>{e(report.title)}</h2>',
        f'<p class="source">from <code>{e(report.source)}</code> · {report.domains} domains</p>',
    ]
    deck = report.deck
    if deck:
        apkg = _rel(deck["apkg"], out_dir)
        parts.append(
            '<div class="deck"><h3>Deck</h3>'
            f'<p><a href="{e(apkg)}">{e(Path(apkg).name)}</a>: {deck["notes"]} notes, '
            f"{deck['cards']} cards, {len(deck.get('subdecks', []))} subdecks.</p>"
            '<p class="how">In Anki: File › Import, choose the file, keep the default '
            "(update notes if newer): notes you studied keep their history.</p></div>"
        )
        skipped = deck.get("skipped", [])
        if skipped:
            parts.append(
                f'<details class="skipped"><summary>{len(skipped)} highlights are not a '
                "cloze of their own (the card policy's reasons)</summary><ul>"
            )
            for item in skipped:
                parts.append(
                    f"<li><code>{e(item['path'])}:{item['line']}</code> {e(item['message'])}</li>"
                )
            parts.append("</ul></details>")
    sheets = report.sheets
    if sheets:
        parts.append('<div class="sheets"><h3>Cheat-sheets</h3>')
        if sheets.get("combined"):
            combined = _rel(sheets["combined"], out_dir)
            parts.append(
                f'<p>All in one file: <a href="{e(combined)}">{e(Path(combined).name)}</a></p>'
            )
        parts.append('<ul class="thumbs">')
        for item in sheets.get("domains", []):
            pdf = Path(item["pdf"])
            thumb = out_dir / "thumbs" / report.stem / (pdf.stem + ".png")
            has_thumb = pdf.exists() and _thumbnail(pdf, thumb)
            image = (
                f'<img src="{e(_rel(thumb, out_dir))}" alt="{e(item["title"])} sheet">'
                if has_thumb
                else '<span class="nothumb">no preview</span>'
            )
            pages = item["pages"]
            parts.append(
                f'<li><a href="{e(_rel(pdf, out_dir))}">{image}'
                f'<span class="title">{e(item["title"])}</span></a>'
                f'<span class="meta">{item["font_size"]:g} pt · {item["columns"]} columns · '
                f"{pages} page{'s' if pages != 1 else ''}"
                # What was condensed or split to fit one page (older builds did not say).
                + (f" · {e(item['fitting'])}" if item.get("fitting") else "")
                + "</span></li>"
            )
        parts.append("</ul></div>")
    warnings = report.diagnostics
    parts.append(f'<div class="diagnostics"><h3>Messages ({len(warnings)})</h3>')
    if warnings:
        parts.append("<ul>")
        for d in warnings:
            parts.append(
                f'<li class="{e(d.severity)}"><code>{e(d.path)}:{d.line}</code> '
                f"{e(d.severity)}: {e(d.message)}</li>"
            )
        parts.append("</ul>")
    else:
        parts.append("<p>None.</p>")
    parts.append("</div></section>")
    return "\n".join(parts)
