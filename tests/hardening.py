"""Helpers for the hardening tests: temp projects, builds through the CLI, reading outputs back."""

from __future__ import annotations

import contextlib
import io
import os
import sqlite3
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

from clozepress.cards import plan
from clozepress.cli import main
from clozepress.config import load_config
from clozepress.form.model import Document, all_highlights

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def new_project(root: Path, settings: str = "") -> Path:
    """A throwaway project (the default styles), and ``settings`` as ``[tool.clozepress]``."""
    (root / "source").mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(f"[tool.clozepress]\n{settings}\n", encoding="utf-8")
    return root


@contextlib.contextmanager
def inside(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def said(self) -> str:
        return self.out + self.err


def run_cli(root: Path, *argv: str) -> Run:
    """``clozepress ARGV`` in ``root``, as the console script calls it; an escaping exception
    (a traceback for the user) fails the calling test."""
    out, err = io.StringIO(), io.StringIO()
    with inside(root), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return Run(code, out.getvalue(), err.getvalue())


# ---------------------------------------------------------------------------------------------
# Reading outputs back


def pdf_text(path: Path) -> str:
    """Every page's text. Some fallback fonts come back as UTF-16 code units: NULs dropped."""
    reader = PdfReader(path)
    return "".join(page.extract_text() for page in reader.pages).replace("\x00", "")


def letters(text: str) -> str:
    """Letters and digits only, in order: what must survive line breaks, columns and bidi."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def squash(text: str) -> str:
    return "".join(text.split())


def pdf_attachments(path: Path) -> list[str]:
    """Names of embedded files, file-attachment annotations and links to local files."""
    reader = PdfReader(path)
    found = [f"embedded {name}" for name in reader.attachments]
    for page in reader.pages:
        for annot in page.get("/Annots") or ():
            obj = annot.get_object()
            if obj.get("/Subtype") == "/FileAttachment":
                found.append("file attachment annotation")
            action = obj.get("/A")
            uri = str(action.get_object().get("/URI", "")) if action is not None else ""
            if uri.lower().startswith("file:"):
                found.append(f"link {uri}")
    return found


def apkg_contents(apkg: Path, scratch: Path) -> tuple[dict[str, bytes], list[str]]:
    """The package's zip entries, and every note's fields joined, as the package holds them."""
    with zipfile.ZipFile(apkg) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    database = scratch / f"{apkg.stem}-package.anki2"
    database.write_bytes(entries["collection.anki2"])
    connection = sqlite3.connect(database)
    try:
        fields = [row[0] for row in connection.execute("SELECT flds FROM notes")]
    finally:
        connection.close()
    return entries, fields


def unaccounted(document: Document, answers: list[str], reported: set[int]) -> list[str]:
    """Highlights that neither a card hides (``answers``: the revealed cloze texts in the real
    Anki) nor a report names (``reported``: lines the card policy reported), and card answers
    that are no highlight of the notes. Empty when nothing vanished and nothing was invented.

    A card may hide part of a highlight (the policy narrows a command to its subcommand): that
    answer accounts for it too; so may the words of an answer shown elsewhere on its card."""
    problems: list[str] = []
    left = Counter(" ".join(a.split()) for a in answers)
    missing = []
    for highlight in all_highlights(document):
        answer = " ".join(highlight.text.split())
        if left[answer] > 0:
            left[answer] -= 1
        else:
            missing.append((highlight.line, answer))
    for line, answer in missing:
        part = next((a for a in sorted(+left, key=len, reverse=True) if a in answer), None)
        if part is not None:
            left[part] -= 1
        elif line not in reported:
            problems.append(f"line {line}: {answer!r} is no card and not reported")
    # The same answer shown elsewhere on its card is hidden there too (the hide-elsewhere rule).
    known = {" ".join(h.text.split()).casefold() for h in all_highlights(document)}
    problems += [
        f"a card hides {text!r}, no highlight"
        for text in (+left).elements()
        if text.casefold() not in known and not any(text.casefold() in k for k in known)
    ]
    return problems


def policy_reports(document: Document, root: Path) -> set[int]:
    """Lines on which the card policy reports a highlight it made no card of."""
    planned = plan(document, load_config(root))
    return {d.line for d in (*planned.diagnostics, *getattr(planned, "skipped", ()))}
