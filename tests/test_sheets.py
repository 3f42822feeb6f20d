"""The sheet build on small notes: safety, images, cache, overflow, paper, fonts, the CLI."""

from __future__ import annotations

import shutil
import socket
import struct
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader

from clozepress.cli import main
from clozepress.config import Config
from clozepress.form.model import Document, dumps
from clozepress.project import Project
from clozepress.read.parse import parse_file
from clozepress.sheets.sheet_html import ImagePolicy, domain_html
from clozepress.sheets.sheets import SheetsResult, write_sheets

REPO = Path(__file__).resolve().parent.parent


def make_project(
    tmp_path: Path, notes: str, config: Config | None = None
) -> tuple[Project, Document]:
    root = tmp_path / "project"
    (root / "source").mkdir(parents=True, exist_ok=True)
    path = root / "source" / "notes.md"
    path.write_text(notes, encoding="utf-8")
    project = Project(root, root / "dist", root / "build", config or Config())
    return project, parse_file(path, "source/notes.md")


def build(project: Project, document: Document) -> SheetsResult:
    return write_sheets(document, project.out_dir, project=project, workers=1)


def squash(text: str) -> str:
    return "".join(text.split())


def has_attachments(path: Path) -> bool:
    reader = PdfReader(path)
    names = reader.trailer["/Root"].get("/Names")
    embedded = names is not None and "/EmbeddedFiles" in names.get_object()
    annotated = any(
        annot.get_object().get("/Subtype") == "/FileAttachment"
        for page in reader.pages
        for annot in page.get("/Annots") or ()
    )
    return bool(reader.attachments) or embedded or annotated


def png_bytes() -> bytes:
    """A 2x2 red PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def image_count(path: Path) -> int:
    count = 0
    for page in PdfReader(path).pages:
        xobjects = page["/Resources"].get("/XObject") or {}
        count += sum(1 for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image")
    return count


# ---------------------------------------------------------------------------------------------
# Safety


def test_raw_html_in_notes_is_never_live(tmp_path: Path) -> None:
    notes = (
        "# Raw\n"
        '- <link rel="attachment" href="file:///etc/passwd"> and `kept`\n'
        "- <script>alert(1)</script> <img src=x onerror=alert(1)>\n"
        '- `<link rel="attachment" href="x">` in a highlight\n'
    )
    project, document = make_project(tmp_path, notes)
    html = domain_html(document, document.domains[0], ImagePolicy(project.root, True)).html
    assert "<link" not in html and "<script" not in html and "<img" not in html
    # The tags go, their text stays; inside a highlight a tag is the author's text, escaped.
    assert "&lt;link rel=&quot;attachment&quot; href=&quot;x&quot;&gt;" in html
    result = build(project, document)
    text = squash(PdfReader(result.sheets[0].path).pages[0].extract_text())
    assert "andkept" in text and "alert(1)" in text and "file:///etc/passwd" not in text
    assert squash('<link rel="attachment" href="x">') in text
    assert not has_attachments(result.sheets[0].path)


@pytest.fixture
def silent_server() -> tuple[str, socket.socket]:
    """A loopback port that accepts connections (backlog) and never answers."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield f"127.0.0.1:{server.getsockname()[1]}", server
    server.close()


@pytest.mark.parametrize("images", [False, True], ids=["images-off", "images-on"])
def test_hostile_notes_build_fast_read_nothing_and_warn(
    tmp_path: Path, silent_server: tuple[str, socket.socket], images: bool
) -> None:
    address, server = silent_server
    outside = tmp_path / "secret.png"
    outside.write_bytes(png_bytes())
    notes = (
        "# Hostile\n"
        "- ![](file:///etc/passwd)\n"  # the parse keeps this as text (CommonMark refuses file:)
        "- ![](../../secret.png)\n"
        "- ![](/etc/passwd)\n"
        f"- ![](http://{address}/never.png)\n"
        f"- ![](https://{address}/never.png)\n"
        "- ![](data:image/png;base64,iVBORw0KGgo=)\n"
        "- ![](link.png)\n"
        '- <link rel="attachment" href="file:///etc/passwd"> `highlight`\n'
        '\n<link rel="stylesheet" href="file:///etc/passwd">\n'
    )
    project, document = make_project(tmp_path, notes, Config(sheet_images=images))
    (project.root / "source" / "link.png").symlink_to(outside)
    result = build(project, document)

    # A remote reference waited for would have connected to the server that never answers.
    with pytest.raises(BlockingIOError):
        server.accept()  # nobody ever connected
    warned = {d.line for d in result.diagnostics if d.severity == "warning"}
    # Every refused reference that the IR holds as an image has a warning on its line.
    assert {3, 4, 7, 8} <= warned
    if images:
        assert {5, 6} <= warned
    else:
        assert any("2 remote images left out" in d.message for d in result.diagnostics)
    pdf = result.sheets[0].path
    assert not has_attachments(pdf)
    assert image_count(pdf) == 0
    text = PdfReader(pdf).pages[0].extract_text()
    assert "root:" not in text
    assert result.sheets[0].pages == 1


def test_local_image_only_when_enabled_and_inside_the_folder(tmp_path: Path) -> None:
    notes = "# Pictures\n- a picture\n    ![](img/dot.png)\n"
    project, document = make_project(tmp_path, notes, Config(sheet_images=True))
    (project.root / "source" / "img").mkdir()
    (project.root / "source" / "img" / "dot.png").write_bytes(png_bytes())
    on = build(project, document)
    assert image_count(on.sheets[0].path) == 1
    assert not on.diagnostics

    project_off = Project(project.root, project.root / "off", project.build_dir, Config())
    off = write_sheets(document, project_off.out_dir, project=project_off, workers=1)
    assert image_count(off.sheets[0].path) == 0
    assert not off.diagnostics


def test_fetcher_refuses_all_but_the_allowed_folders(tmp_path: Path) -> None:
    from clozepress.sheets.sheets import _fetcher

    inside = tmp_path / "ok"
    inside.mkdir()
    (inside / "a.css").write_text("p{}")
    (tmp_path / "secret.txt").write_text("secret")
    (inside / "link.css").symlink_to(tmp_path / "secret.txt")
    fetcher = _fetcher((inside.resolve(),))
    assert fetcher.fetch((inside / "a.css").as_uri()).read() == b"p{}"
    for url in (
        (tmp_path / "secret.txt").as_uri(),
        (inside / "link.css").as_uri(),
        (inside / ".." / "secret.txt").as_uri(),
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.png",
        "data:text/plain,hi",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 6


# ---------------------------------------------------------------------------------------------
# Fit, cache, output


TWO_DOMAINS = "# Alpha\n- first `one`\n    - nested `two`\n\n# Beta\n## Part\n- `three` here\n"


def test_cache_rebuilds_only_what_changed(tmp_path: Path) -> None:
    project, document = make_project(tmp_path, TWO_DOMAINS)
    first = build(project, document)
    assert [s.cached for s in first.sheets] == [False, False]
    assert all(s.renders >= 1 for s in first.sheets)
    assert [s.path.name for s in first.sheets] == ["01-alpha.pdf", "02-beta.pdf"]
    combined_mtime = first.combined.stat().st_mtime_ns

    again = build(project, document)
    assert again.renders == 0 and all(s.cached for s in again.sheets)
    assert again.combined.stat().st_mtime_ns == combined_mtime

    changed_notes = TWO_DOMAINS.replace("`three` here", "`three` here and `four`")
    _, changed = make_project(tmp_path, changed_notes)
    third = build(project, changed)
    assert third.sheets[0].renders == 0
    assert third.sheets[1].renders >= 1

    # A deleted PDF of unchanged content is rendered once, at the layout the cache knows.
    third.sheets[0].path.unlink()
    fourth = build(project, changed)
    assert [s.renders for s in fourth.sheets] == [1, 0]
    assert fourth.sheets[0].size == third.sheets[0].size


def test_small_domain_is_set_at_the_cap_on_a4_landscape(tmp_path: Path) -> None:
    project, document = make_project(tmp_path, TWO_DOMAINS)
    result = build(project, document)
    for sheet in result.sheets:
        assert sheet.size == 10.0 and sheet.pages == 1
        box = PdfReader(sheet.path).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    assert len(PdfReader(result.combined).pages) == 2
    text = squash(PdfReader(result.combined).pages[0].extract_text())
    assert "one" in text and "two" in text and "source/notes.md" in text


def test_letter_paper(tmp_path: Path) -> None:
    project, document = make_project(tmp_path, TWO_DOMAINS, Config(paper="Letter"))
    result = build(project, document)
    box = PdfReader(result.sheets[0].path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)


def test_domain_too_long_for_one_page_is_split_into_numbered_one_page_sheets(
    tmp_path: Path,
) -> None:
    long = "".join(f"- line {n} with `word{n}` and some more text to fill it\n" for n in range(900))
    notes = f"# Short\n- `alone`\n\n# Long\n{long}"
    project, document = make_project(tmp_path, notes, Config(font_floor=7.0, font_cap=8.0))
    result = build(project, document)
    short, *parts = result.sheets
    assert short.pages == 1 and short.size == 8.0 and short.parts == 0
    assert len(parts) >= 2
    assert [(p.part, p.parts, p.pages) for p in parts] == [
        (n, len(parts), 1) for n in range(1, len(parts) + 1)
    ]
    assert all(p.size >= 7.0 for p in parts)
    assert [p.path.name for p in parts] == [f"02-long.{n}.pdf" for n in range(1, len(parts) + 1)]
    assert f"split 1/{len(parts)}" in str(parts[0])
    assert not [d for d in result.diagnostics if "does not fit" in d.message]
    text = "".join(squash(PdfReader(p.path).pages[0].extract_text()) for p in parts)
    assert all(f"word{n}" in text for n in range(900))
    assert len(PdfReader(result.combined).pages) == 1 + len(parts)


def test_a_block_longer_than_a_page_flows_on_and_says_so(tmp_path: Path) -> None:
    # One table of 400 rows: a table is never shortened, and one block cannot be split.
    rows = "".join(f"|row {n}|`cell{n}`|\n" for n in range(400))
    notes = f"# Short\n- `alone`\n\n# Long\n|a|b|\n|-|-|\n{rows}"
    project, document = make_project(tmp_path, notes, Config(font_floor=7.0, font_cap=8.0))
    result = build(project, document)
    short, overflow = result.sheets
    assert short.pages == 1 and short.size == 8.0
    assert overflow.pages > 1 and overflow.size == 7.0 and overflow.columns == 5
    assert any(d.line == 4 and "does not fit one page" in d.message for d in result.diagnostics)
    assert f"{overflow.pages} pages" in str(overflow)
    # Double-sided: the long domain starts on a front side, after a blank back.
    assert len(PdfReader(result.combined).pages) == 1 + 1 + overflow.pages


def test_sizes_stay_between_floor_and_cap_on_the_grid(tmp_path: Path) -> None:
    body = "".join(f"- point {n}: `term{n}` explained in a few words\n" for n in range(260))
    project, document = make_project(tmp_path, f"# Dense\n{body}")
    result = build(project, document)
    sheet = result.sheets[0]
    assert sheet.pages == 1
    assert 6.0 <= sheet.size < 10.0 and (sheet.size * 4).is_integer()
    assert sheet.columns in (4, 5)


def test_wide_table_keeps_whole_words(tmp_path: Path) -> None:
    notes = (
        "# Tables\n"
        "|aspect|first option|second option|\n|-|-|-|\n"
        "|statefulness|stateless: return traffic must be explicitly allowed|"
        "stateful: return traffic is automatically allowed|\n"
        "|evaluation|Rules are evaluated in order, first match wins|All rules evaluated|\n"
    )
    project, document = make_project(tmp_path, notes)
    result = build(project, document)
    text = PdfReader(result.sheets[0].path).pages[0].extract_text()
    for word in ("statefulness", "automatically", "explicitly", "evaluation"):
        assert word in text.split() or word in text.replace("\n", " ")


def test_missing_glyphs_are_reported_with_their_line(tmp_path: Path) -> None:
    if shutil.which("fc-list") is None:
        pytest.skip("fontconfig's fc-list is not installed")
    notes = "# Glyphs\n- fine 中文 text\n- a private character \U000f0001 here\n"
    project, document = make_project(tmp_path, notes)
    result = build(project, document)
    glyphs = [d for d in result.diagnostics if "no installed font" in d.message]
    assert [(d.path, d.line) for d in glyphs] == [("source/notes.md", 3)]
    assert "U+F0001" in glyphs[0].message


def test_cli_sheets_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project, document = make_project(tmp_path, TWO_DOMAINS)
    ir = project.root / "build" / "notes.json"
    ir.parent.mkdir(parents=True)
    ir.write_text(dumps(document), encoding="utf-8")
    monkeypatch.chdir(project.root)
    assert main(["sheets", "build/notes.json", "--out", "out"]) == 0
    out = capsys.readouterr().out
    assert "sheet 01 Alpha: 1 page, 10 pt, 4 columns" in out
    assert (project.root / "out" / "sheets" / "notes" / "02-beta.pdf").exists()
    assert (project.root / "out" / "sheets" / "notes.pdf").exists()
    assert main(["sheets", "build/missing.json"]) == 1
