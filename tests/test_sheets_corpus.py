"""The sheets of the user's notes (source/aws-saa.md), built once per session and read back."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from clozepress.config import Config
from clozepress.form.model import Document, iter_highlights, iter_nodes
from clozepress.project import Project
from clozepress.read.parse import parse_file
from clozepress.sheets.sheets import SheetsResult, write_sheets

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Document, SheetsResult]:
    root = tmp_path_factory.mktemp("corpus")
    (root / "source").mkdir()
    shutil.copy(REPO / "source" / "aws-saa.md", root / "source" / "aws-saa.md")
    project = Project(root, root / "dist", root / "build", Config())
    document = parse_file(root / "source" / "aws-saa.md", "source/aws-saa.md")
    return project, document, write_sheets(document, project.out_dir, project=project)


def test_every_domain_fits_one_a4_landscape_page(
    corpus: tuple[Project, Document, SheetsResult],
) -> None:
    project, document, result = corpus
    assert len(result.sheets) == len(document.domains) == 26
    for index, (domain, sheet) in enumerate(zip(document.domains, result.sheets, strict=True), 1):
        assert sheet.path == project.out_dir / "sheets" / "aws-saa" / f"{index:02d}-{domain.id}.pdf"
        reader = PdfReader(sheet.path)
        assert len(reader.pages) == sheet.pages == 1, domain.title
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    combined = PdfReader(result.combined)
    assert len(combined.pages) == 26


def test_sizes_within_floor_and_cap(corpus: tuple[Project, Document, SheetsResult]) -> None:
    _, _, result = corpus
    for sheet in result.sheets:
        assert 6.0 <= sheet.size <= 10.0 and (sheet.size * 4).is_integer(), sheet
        assert sheet.columns in (4, 5)
    # The densest domains are set small, the short ones at the cap.
    sizes = {sheet.domain_id: sheet.size for sheet in result.sheets}
    assert sizes["vpc"] < 7 and sizes["efs"] == 10.0


def test_the_search_is_cheap(corpus: tuple[Project, Document, SheetsResult]) -> None:
    _, _, result = corpus
    assert result.renders <= 2 * len(result.sheets)
    assert all(sheet.renders <= 5 for sheet in result.sheets)


def test_every_highlight_is_printed(corpus: tuple[Project, Document, SheetsResult]) -> None:
    _, document, result = corpus
    missing = []
    for domain, sheet in zip(document.domains, result.sheets, strict=True):
        text = "".join(PdfReader(sheet.path).pages[0].extract_text().split())
        for node in iter_nodes(domain):
            for highlight in iter_highlights(getattr(node, "spans", ())):
                if "".join(highlight.text.split()) not in text:
                    missing.append((domain.id, highlight.line, highlight.text))
    assert not missing


def _font_names(path: Path) -> set[str]:
    names = set()
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get("/Font") or {}
        for font in fonts.values():
            names.add(str(font.get_object().get("/BaseFont")))
    return names


def test_chinese_is_set_in_a_cjk_font(corpus: tuple[Project, Document, SheetsResult]) -> None:
    _, _, result = corpus
    ec2 = next(sheet for sheet in result.sheets if sheet.domain_id == "ec2")
    names = _font_names(ec2.path)
    assert any("WenQuanYi" in name or "CJK" in name for name in names), names
    text = PdfReader(ec2.path).pages[0].extract_text()
    assert "自动用Spot" in "".join(text.split())
    if shutil.which("pdffonts"):
        listing = subprocess.run(
            ["pdffonts", str(ec2.path)], capture_output=True, text=True, check=True
        ).stdout
        assert re.search(r"WenQuanYi.*\byes\b", listing), listing  # embedded


def test_no_sheet_embeds_an_attachment(corpus: tuple[Project, Document, SheetsResult]) -> None:
    _, _, result = corpus
    for path in [result.combined, *(sheet.path for sheet in result.sheets)]:
        reader = PdfReader(path)
        assert not reader.attachments
        assert "/EmbeddedFiles" not in str(reader.trailer["/Root"].get("/Names", ""))


def test_no_glyph_is_missing_and_remote_images_are_summed_up(
    corpus: tuple[Project, Document, SheetsResult],
) -> None:
    _, _, result = corpus
    messages = [d.message for d in result.diagnostics]
    assert not [m for m in messages if "no installed font" in m]
    assert "149 remote images left out of the sheets (sheets never fetch remote images)" in messages
    assert not [m for m in messages if "does not fit" in m]


def test_rebuild_of_unchanged_notes_renders_nothing(
    corpus: tuple[Project, Document, SheetsResult],
) -> None:
    project, document, first = corpus
    stamps = [sheet.path.stat().st_mtime_ns for sheet in first.sheets]
    again = write_sheets(document, project.out_dir, project=project)
    assert again.renders == 0 and all(sheet.cached for sheet in again.sheets)
    assert [(s.size, s.columns) for s in again.sheets] == [
        (s.size, s.columns) for s in first.sheets
    ]
    assert [sheet.path.stat().st_mtime_ns for sheet in again.sheets] == stamps
    assert again.seconds < 2
