"""Helpers for the deck tests: build a deck from notes text, import it into a real Anki."""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from clozepress.config import Config
from clozepress.deck.deck import DeckResult, write_deck
from clozepress.project import Project
from clozepress.read.parse import parse_file

REPO = Path(__file__).resolve().parent.parent


def project_with(
    tmp_path: Path, notes: str, config: Config | None = None, name: str = "notes.md"
) -> tuple[Project, Path]:
    """A throwaway project holding ``notes`` as ``source/<name>``."""
    root = tmp_path / "project"
    (root / "source").mkdir(parents=True, exist_ok=True)
    path = root / "source" / name
    path.write_text(notes, encoding="utf-8")
    return Project(root, root / "dist", root / "build", config or Config()), path


def build(project: Project, notes: Path, now: int = 1_700_000_000) -> DeckResult:
    document = parse_file(notes, project.shown(notes))
    return write_deck(
        document, project.out_dir / f"{notes.stem}.apkg", project=project, notes_path=notes, now=now
    )


@dataclass(frozen=True)
class Rendered:
    card_id: int
    guid: str
    source: str
    question: str
    answer: str
    due: int


class Anki:
    """A fresh Anki collection in ``folder``; ``import_`` returns (new, updated, duplicate)."""

    def __init__(self, folder: Path) -> None:
        from anki.collection import Collection

        folder.mkdir(parents=True, exist_ok=True)
        self.col = Collection(str(folder / "collection.anki2"))
        self.updated_guids: set[str] = set()
        """GUIDs of the notes the last import updated in place."""

    def import_(self, apkg: Path) -> tuple[int, int, int]:
        from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

        request = ImportAnkiPackageRequest(
            package_path=str(apkg), options=ImportAnkiPackageOptions()
        )
        log = self.col.import_anki_package(request).log
        self.updated_guids = {self.col.get_note(entry.id.nid).guid for entry in log.updated}
        return len(log.new), len(log.updated), len(log.duplicate)

    def cards(self) -> Iterator[Rendered]:
        for card_id in sorted(self.col.find_cards("")):
            card = self.col.get_card(card_id)
            note = card.note()
            yield Rendered(
                card_id, note.guid, note["Source"], card.question(), card.answer(), card.due
            )

    def close(self) -> None:
        self.col.close()


class _Markup(HTMLParser):
    """What a browser would make live: tags, attributes, and the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag == "style":
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def markup(rendered: str) -> _Markup:
    parser = _Markup()
    parser.feed(rendered)
    parser.close()
    return parser


def visible(rendered: str) -> str:
    """The text a learner sees (the card's CSS left out)."""
    return " ".join("".join(markup(rendered).text).split())


def cloze_spans(rendered: str) -> list[str]:
    """The visible text of each ``class="cloze"`` span, in order."""
    out: list[str] = []
    rest = rendered
    marker = 'class="cloze"'
    while marker in rest:
        rest = rest[rest.index(marker) :]
        inner = rest[rest.index(">") + 1 : rest.index("</span>")]
        out.append(html.unescape(inner))
        rest = rest[rest.index("</span>") :]
    return out


def live_markup(rendered: str) -> list[str]:
    """Anything in a rendered card that could run code or load a page: must be empty."""
    found: list[str] = []
    for tag, attrs in markup(rendered).tags:
        if tag in ("script", "iframe", "object", "embed", "frame", "form", "svg", "math"):
            found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                found.append(f"{tag} {name}=")
            if name in ("href", "src") and (value or "").strip().lower().startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                found.append(f"{tag} {name}={value}")
    return found


def package_notes(apkg: Path, folder: Path) -> dict[str, tuple[str, ...]]:
    """Each note's fields by GUID, as the package holds them."""
    import sqlite3
    import zipfile

    database = folder / "package.anki2"
    with zipfile.ZipFile(apkg) as archive:
        database.write_bytes(archive.read("collection.anki2"))
    connection = sqlite3.connect(database)
    try:
        rows = connection.execute("SELECT guid, flds FROM notes").fetchall()
    finally:
        connection.close()
    return {guid: tuple(fields.split("\x1f")) for guid, fields in rows}
