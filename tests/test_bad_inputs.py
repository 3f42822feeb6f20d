"""Bad notes: each is built with warnings, or refused with ``file:line`` and exit 1 (issue 7.2).

One table, one row per kind of bad input, each built by ``clozepress build`` in a temporary project
of its own. Whatever the row expects, every row also holds to the same rules: no traceback; no
local file outside the notes' folder (``/etc/passwd``, a secret planted beside the project) ends
up in any output, neither in the deck (zip entries, note fields) nor in the sheet (text,
attachments); no network (a loopback socket that accepts and never answers sees no connection);
a few seconds at most. Parse-level details of some rows are in ``test_parse_inputs.py``.
"""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from clozepress.form.model import all_highlights, loads

from .deck_support import Anki, cloze_spans, live_markup
from .hardening import (
    Run,
    apkg_contents,
    new_project,
    pdf_attachments,
    pdf_text,
    policy_reports,
    run_cli,
    unaccounted,
)

PASSWD = Path("/etc/passwd")
SECRET = b"clozepress-secret-8d1f0c: must never leave the project root"


class SilentHost:
    """A loopback TCP server that accepts connections and never answers; it counts them."""

    def __init__(self) -> None:
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(64)
        self.server.settimeout(0.2)
        self.port: int = self.server.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted.append(connection)  # held open, never read, never answered

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        for connection in self.accepted:
            connection.close()
        self.server.close()


@pytest.fixture(scope="module")
def silent_host() -> Iterator[SilentHost]:
    host = SilentHost()
    yield host
    host.close()


@dataclass(frozen=True)
class Case:
    name: str
    notes: Callable[[Path, int], bytes]
    """The notes' bytes, given the project root (to plant files) and the silent host's port."""
    code: int
    says: tuple[str, ...] = ()
    """Patterns, each matching at least one line the build prints."""
    highlights: int | None = None
    """How many highlights the notes hold: every one must reach the deck or be reported."""
    settings: str = "sheet_images = true"
    """The riskier setting by default: sheets that show images try to read them."""


def text(notes: str) -> Callable[[Path, int], bytes]:
    return lambda root, port: notes.format(port=port).encode("utf-8")


def ten_megabytes(root: Path, port: int) -> bytes:
    line = "- a line of notes with a `highlight` in it, long enough to look real\n"
    count = 10_000_000 // len(line) + 1
    return ("# Huge\n" + line * count).encode()


def outside_the_folder(root: Path, port: int) -> bytes:
    (root / "secret.png").write_bytes(SECRET)
    (root / "source" / "inside-link.png").symlink_to(root / "secret.png")
    (root / "source" / "passwd.png").symlink_to(PASSWD)
    return (
        b"# Images\n- `up` one level\n\n![up](../secret.png)\n\n"
        b"- `encoded` dots\n\n![enc](%2e%2e/secret.png)\n\n"
        b"- `far` up\n\n![far](../../../../../../../../etc/passwd)\n\n"
        b"- `linked` inside\n\n![link](inside-link.png)\n\n![pw](passwd.png)\n"
    )


NESTED_40 = "# Deep\n" + "".join("  " * i + f"- level {i} `b{i}`\n" for i in range(40))
QUOTED_40 = "# Quotes\n" + "".join(">" * (i + 1) + f" level {i} `q{i}`\n" for i in range(40))
NESTED_150 = "# Too deep\n" + "".join("  " * i + f"- level {i}\n" for i in range(150))
BULLETS_800 = "# Many\n" + "".join(f"- fact {i} is `value {i}`\n" for i in range(800))

CASES = [
    Case(
        "invalid-utf8",
        lambda root, port: b"# T\n- fine\n- caf\xe9 au lait\n",
        1,
        (r"^source/notes\.md:3: error: not valid UTF-8 \(byte 0xe9\)$",),
    ),
    Case(
        "nul-bytes",
        lambda root, port: b"# T\n- `a`\n- a\x00b\n",
        1,
        (r"^source/notes\.md:3: error: NUL byte",),
    ),
    Case(
        "ten-megabytes",
        ten_megabytes,
        1,
        (r"^source/notes\.md:1: error: the notes are larger than 8 MB",),
    ),
    Case("forty-levels-of-bullets", text(NESTED_40), 0, highlights=40),
    Case("forty-levels-of-quotes", text(QUOTED_40), 0, highlights=40),
    Case(
        "nested-past-the-limit",
        text(NESTED_150),
        1,
        (r"^source/notes\.md:\d+: error: nested too deeply",),
    ),
    Case(
        "a-domain-with-800-bullets",
        text(BULLETS_800),
        0,
        # Its marked lines alone take several pages: numbered one-page sheets, no warning.
        (r"^sheet 01 Many 1/\d+: 1 page, ",),
        highlights=800,
    ),
    Case(
        "unbalanced-backticks",
        text("# T\n- a `b c\n- ``d` e\n- fine `ok`\n- and ``` three\n"),
        0,
        (
            r"^source/notes\.md:2: warning: unmatched backtick",
            r"^source/notes\.md:3: warning: unmatched backtick",
            r"^source/notes\.md:5: warning: unmatched backtick",
        ),
        highlights=1,
    ),
    Case(
        "cloze-syntax-in-highlights",
        text(
            "# Cloze\n- a literal `{{{{c1::AWS}}}}` in the notes\n- the closer `}}}}` alone\n"
            "- a hint marker `::` alone\n- a path `AWS::S3::Bucket` with two\n"
            "- a `{{{{c2::nested::hint}}}}` too\n"
        ),
        0,
        highlights=5,
    ),
    Case(
        "html-in-highlights",
        text(
            "# HTML\n- tags `<b>bold</b>` stay text\n"
            "- an image `<img src=x onerror=alert(1)>` stays text\n"
            '- quotes `" onmouseover="alert(1)` stay text\n- and <i>raw</i> `html` outside\n'
        ),
        0,
        highlights=4,
    ),
    Case(
        "script",
        text(
            "# Script\n- `<script>alert(1)</script>` inside\n"
            "- outside <script>alert(2)</script> a `script tag`\n"
            "<script>alert(3)</script>\n"
        ),
        0,
        highlights=2,
    ),
    Case(
        "javascript-links",
        text(
            "# Links\n- [`click`](javascript:alert(1)) here\n"
            "- [mixed `case`](JaVaScRiPt:alert(1))\n- [`data`](data:text/html,<script>x</script>)\n"
            "- <javascript:alert(1)> as an `autolink`\n"
        ),
        0,
        highlights=4,
    ),
    Case(
        "image-at-file-etc-passwd",
        text(
            "# Images\n- `absolute` file url\n\n![pw](file:///etc/passwd)\n\n"
            "- `localhost` file url\n\n![pw](file://localhost/etc/passwd)\n\n"
            "- `plain` path\n\n![pw](/etc/passwd)\n"
        ),
        0,
        (
            r"^source/notes\.md:4: warning: image 'file:///etc/passwd' refused",
            r"^source/notes\.md:8: warning: image 'file://localhost/etc/passwd' refused",
            r"^source/notes\.md:12: warning: image '/etc/passwd' refused",
        ),
        highlights=3,
    ),
    Case(
        "image-outside-the-notes-folder",
        outside_the_folder,
        0,
        (
            r"^source/notes\.md:4: warning: image '\.\./secret\.png' refused",
            r"^source/notes\.md:8: warning: image '%2e%2e/secret\.png' refused",
            r"^source/notes\.md:12: warning: image '\.\./\.\./.*etc/passwd' refused",
            r"^source/notes\.md:16: warning: image 'inside-link\.png' refused",
            r"^source/notes\.md:18: warning: image 'passwd\.png' refused",
        ),
        highlights=4,
    ),
    Case(
        "image-at-an-unreachable-host",
        text(
            "# Remote\n- a `remote` image\n\n![x](http://127.0.0.1:{port}/x.png)\n\n"
            "- a `link` to <http://127.0.0.1:{port}/page>\n\n![y](//127.0.0.1:{port}/y.png)\n"
        ),
        0,
        (r"^source/notes\.md:4: warning: remote image left out of the sheet",),
        highlights=2,
    ),
]


def leaks(root: Path, scratch: Path) -> list[str]:
    """Every place in dist/ and build/ where a local file's content shows up."""
    passwd = PASSWD.read_bytes().splitlines()[0]
    markers = {"/etc/passwd": passwd, "the secret": SECRET}
    found: list[str] = []

    def look(where: str, data: bytes) -> None:
        found.extend(f"{what} in {where}" for what, mark in markers.items() if mark in data)

    for path in sorted(p for p in root.glob("*/**/*") if p.is_file()):
        if path.parts[len(root.parts)] not in ("dist", "build"):
            continue
        where = str(path.relative_to(root))
        look(where, path.read_bytes())
        if path.suffix == ".apkg":
            entries, fields = apkg_contents(path, scratch)
            for name, data in entries.items():
                look(f"{where}:{name}", data)
            look(f"{where} fields", "\n".join(fields).encode())
        elif path.suffix == ".pdf":
            look(f"{where} text", pdf_text(path).encode())
            found.extend(f"{where}: {a}" for a in pdf_attachments(path))
    return found


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_notes_build_with_warnings_or_are_refused(
    case: Case, tmp_path: Path, silent_host: SilentHost
) -> None:
    root = new_project(tmp_path / "project", case.settings)
    notes = root / "source" / "notes.md"
    notes.write_bytes(case.notes(root, silent_host.port))
    connections = len(silent_host.accepted)

    run: Run = run_cli(root, "build")

    assert run.code == case.code, run.said
    lines = run.said.splitlines()
    for pattern in case.says:
        assert any(re.search(pattern, line) for line in lines), (pattern, run.said)
    assert "Traceback" not in run.said
    assert leaks(root, tmp_path) == []
    # A fetch would cost WeasyPrint's 10 s timeout per image; it shows up here as a connection.
    assert len(silent_host.accepted) == connections, "the build connected to the silent host"
    if case.code != 0:
        assert not (root / "dist" / "notes.apkg").exists()
        return

    document = loads((root / "build" / "notes.json").read_text(encoding="utf-8"))
    assert len(all_highlights(document)) == case.highlights
    anki = Anki(tmp_path / "anki")
    try:
        anki.import_(root / "dist" / "notes.apkg")
        cards = list(anki.cards())
    finally:
        anki.close()
    for card in cards:
        assert 'class="cloze"' in card.question
        assert live_markup(card.question) == [] and live_markup(card.answer) == []
    answers = [span for card in cards for span in cloze_spans(card.answer)]
    assert unaccounted(document, answers, policy_reports(document, root)) == []
    assert pdf_text(root / "dist" / "sheets" / "notes.pdf").strip()
