"""The Anki deck emitter: a document in, ``<stem>.apkg`` out. The only module that knows genanki.

What each note says is decided by ``cards`` (the policy) and who it is by ``identity``; this
module packs them: the note type, the deck tree, tags, media, and a byte-repeatable package.
genanki is imported inside functions, so that ``clozepress check`` stays instant.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import atomic, cards
from ..cards.html import CLOZE
from ..errors import BuildError
from ..form.model import Diagnostic, Document, Image, iter_nodes
from ..form.slug import slugify
from ..inputs import Refused, read_regular
from ..read.cues import load_cues
from ..read.image_refs import MAX_IMAGE_BYTES, locate, shown
from ..summary import CardPreview, NoCard, RemovedNote
from . import identity, preview

if TYPE_CHECKING:
    from ..project import Project

#: Anki knows a note type by this id. Never change it, nor the fields' names and order, nor the
#: templates' (Anki would fork the type on import and split the user's notes across two).
MODEL_ID = 1_717_034_293
MODEL_NAME = "clozepress cloze"
FIELDS = ("Text", "Context", "Extra", "Source")
TEMPLATE_NAME = "Cloze"
QUESTION = (
    '{{#Context}}<div class="cp-context">{{Context}}</div>{{/Context}}\n'
    '<div class="cp-text">{{cloze:Text}}</div>'
)
ANSWER = (
    '{{#Context}}<div class="cp-context">{{Context}}</div>{{/Context}}\n'
    '<div class="cp-text">{{cloze:Text}}</div>\n'
    '<div id="answer" class="cp-back">{{#Extra}}<div class="cp-extra">{{Extra}}</div>{{/Extra}}'
    '<div class="cp-source">{{Source}}</div></div>'
)
CSS_FILE = "card.css"

#: The type-in note type, for the cards ``type_answers`` picks in a notes file's front matter
#: (commands, code: what the learner must be able to write, not only recognise). Its own id,
#: name and template, fixed for the same reason as the first's; the same fields, so a note can
#: be moved between the two in Anki (Browse › Notes › Change Note Type).
TYPE_MODEL_ID = 1_717_034_301
TYPE_MODEL_NAME = "clozepress cloze (type the answer)"
TYPE_TEMPLATE_NAME = "Cloze (type the answer)"
TYPE_QUESTION = QUESTION + '\n<div class="cp-type">{{type:cloze:Text}}</div>'
TYPE_ANSWER = ANSWER.replace(
    '<div id="answer"', '<div class="cp-type">{{type:cloze:Text}}</div>\n<div id="answer"', 1
)
#: ``Record.note_type`` of a note of the type-in note type ("" is the first one).
TYPE_IN = "type-in"

#: Local files a card may show; anything else next to the notes stays out of the package.
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp"})

#: How many cards the build report shows as Anki shows them.
PREVIEWS = 12

#: The zip's entries all carry this date: a package's bytes depend on the notes alone.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class DeckResult:
    path: Path
    notes: int
    cards: int
    subdecks: int
    media: int
    diagnostics: tuple[Diagnostic, ...]
    skipped: tuple[Diagnostic, ...] = ()
    """An ``info`` line per highlight that is not a cloze of its own, with the reason; the
    diagnostics sum them up in one line (hundreds of lines would bury the real warnings)."""
    removed: tuple[RemovedNote, ...] = ()
    """Notes whose unit left the notes: the package carries them tagged ``REMOVED_TAG``."""
    no_card: tuple[NoCard, ...] = ()
    """Every highlight that is no card of its own, with the policy's reason."""
    previews: tuple[CardPreview, ...] = ()
    """A dozen cards of the deck as Anki shows them, for the build report."""
    css: str = ""
    """The card styles the deck carries."""


@dataclass(frozen=True)
class _Media:
    """An image as a card shows it: packaged under ``name`` with ``data``, or a remote link."""

    html: str
    name: str = ""
    data: bytes = b""


def write_deck(
    document: Document,
    out_path: Path,
    *,
    project: Project,
    notes_path: Path | None = None,
    now: int | None = None,
) -> DeckResult:
    """Write ``out_path`` (atomically) and update the identity file beside the notes.

    ``notes_path`` locates the notes (and so their images and identity file); by default the
    document's own ``path``, relative to the project. ``now`` is the mod time of new and changed
    notes (default: the clock).
    """
    notes_file = notes_path if notes_path is not None else _notes_file(document, project)
    shown = document.path
    cues = load_cues(notes_file.parent, str(Path(shown).parent))
    plan = cards.plan(document, project.config, cues)
    diagnostics = [*cues.warnings, *plan.diagnostics]
    if plan.skipped:
        diagnostics.append(_skipped_summary(shown, plan.skipped))

    media: dict[tuple[str, int], _Media | None] = {}
    for node in iter_nodes(document):
        if isinstance(node, Image):
            found, problem = _image(node, notes_file.parent)
            media[(node.src, node.line)] = found
            if problem:
                diagnostics.append(Diagnostic(shown, node.line, "warning", problem))

    deck_title = _deck_part(document.title)
    deck_names = _subdeck_names(deck_title, [d.title for d in document.domains])
    tag_root = f"{slugify(deck_title)}"
    css = _read_css(project)
    typed_in = _type_in(document, plan)
    # The second note type counts only where it is used: a file without it keeps its hash.
    typed = (TYPE_MODEL_NAME, TYPE_QUESTION, TYPE_ANSWER) if any(map(typed_in, plan.notes)) else ()
    model_hash = identity.fields_hash(MODEL_NAME, *FIELDS, QUESTION, ANSWER, *typed, css)

    built: list[tuple[cards.Note, list[str], str]] = []
    candidates: list[identity.Candidate] = []
    packaged: dict[str, bytes] = {}
    for note in plan.notes:
        shown_media = [media.get((image.src, image.line)) for image in note.images]
        extra = note.extra + "".join(m.html for m in shown_media if m is not None)
        for item in shown_media:
            if item is not None and item.name:
                packaged[item.name] = item.data
        fields = [note.text, note.context, extra, note.source]
        domain = document.domains[note.domain]
        tag = "::".join([tag_root, slugify(domain.title), *(slugify(s) for s in note.sections)])
        built.append((note, fields, tag))
        subdeck = deck_names[note.domain]
        note_type = TYPE_IN if typed_in(note) else ""
        # Source (file:line) is left out of the hash on purpose: one line added near the top
        # of the notes shifts every line below it, and counting that as a change would rewrite
        # every note below in Anki (and undo the learner's own edits there) on every edit.
        # The Source shown in Anki catches up with the note's next real change.
        # The note type counts as content (moving to it is a change); none adds nothing, so the
        # hashes of files without type-in cards stay as they were.
        content = identity.fields_hash(*fields[:3], tag, *filter(None, [note_type]))
        candidates.append(
            identity.Candidate(
                note.key,
                note.context_key,
                note.highlights,
                content,
                tuple(fields),
                (tag,),
                subdeck,
                note_type,
            )
        )

    ids_path = project.ids_path(notes_file)
    previous = identity.read(ids_path, project.shown(ids_path))
    stamp = int(time.time()) if now is None else now
    ids = identity.assign(previous, candidates, deck=deck_title, model_hash=model_hash, now=stamp)
    _check(built, ids, shown)
    removed = [(record, _removed_fields(record)) for record in ids.removed]
    were_live = {record.guid for record in previous.records} if previous is not None else set()

    database = _database(built, removed, ids, deck_names, document, css)
    with atomic.atomic_path(out_path) as tmp:
        tmp.write_bytes(_zip(database, packaged))
        # Inside the block: the identity file is written only once the package is whole.
        identity.write(ids_path, ids)
    used_decks = {note.domain for note in plan.notes}
    return DeckResult(
        path=out_path,
        notes=len(built),
        cards=sum(note.cards for note, _, _ in built),
        subdecks=len(used_decks),
        media=len(packaged),
        diagnostics=tuple(sorted(diagnostics, key=lambda d: (d.line, d.message))),
        skipped=plan.skipped,
        removed=tuple(
            RemovedNote(
                fields[3] or shown,
                record.key,
                record.context,
                record.guid in were_live,
            )
            for record, fields in removed
        ),
        no_card=tuple(
            NoCard(shown, fate.line, fate.highlight, fate.reason or "no reason given")
            for fate in plan.fates
            if fate.answer is None
        ),
        previews=_previews(built, ids.records, deck_names),
        css=css,
    )


def _previews(
    built: list[tuple[cards.Note, list[str], str]],
    records: tuple[identity.Record, ...],
    deck_names: list[str],
) -> tuple[CardPreview, ...]:
    """``PREVIEWS`` cards spread evenly over the deck, in deck order: the same on every build
    of the same notes, and from every part of them."""
    every = [
        (note, fields, record, number)
        for (note, fields, _), record in zip(built, records, strict=True)
        for number in preview.card_numbers(fields[0])
    ]
    if not every:
        return ()
    step = max(1, len(every) / PREVIEWS)
    chosen = sorted({int(i * step) for i in range(min(PREVIEWS, len(every)))})
    out = []
    for index in chosen:
        note, fields, record, number = every[index]
        question, answer = (
            (TYPE_QUESTION, TYPE_ANSWER) if record.note_type == TYPE_IN else (QUESTION, ANSWER)
        )
        sides = preview.render(question, answer, dict(zip(FIELDS, fields, strict=True)), number)
        out.append(CardPreview(deck_names[note.domain], note.source, sides.front, sides.back))
    return tuple(out)


def _type_in(document: Document, plan: cards.Plan) -> Callable[[cards.Note], bool]:
    """Which notes get a box to type the answer in: all of them (``type_answers: true``), or
    (``code``) those whose every blank is a token the policy reads as command or code."""
    if document.type_answers == "all":
        return lambda note: True
    if document.type_answers != "code":
        return lambda note: False
    code = {(fate.line, fate.highlight) for fate in plan.fates if fate.kind == "code"}
    return lambda note: (
        bool(note.tests) and all((line, highlight) in code for _, line, highlight in note.tests)
    )


def _removed_fields(record: identity.Record) -> tuple[str, ...]:
    """The fields a removed note is carried with: its last ones.

    A note last written by a version 1 identity file has none kept; it is carried with its
    text, each highlight blanked once, so the tag still reaches it.
    """
    if len(record.fields) == len(FIELDS):
        return record.fields
    text = cards.escape(record.key)
    number = 0
    for highlight in record.highlights:
        shown = cards.escape(highlight)
        if shown and shown in text:
            number += 1
            text = text.replace(shown, f"{{{{c{number}::{shown.replace(':', '&#58;')}}}}}", 1)
    if not number:
        text = f"{{{{c1::{text.replace(':', '&#58;')}}}}}"
    return (text, cards.escape(record.context), "", "")


def _skipped_summary(shown: str, skipped: tuple[Diagnostic, ...]) -> Diagnostic:
    """One line for every highlight the card policy left out: how many, why, where to look."""
    reasons: dict[str, int] = {}
    for item in skipped:
        # The message names its rule first: "no card [rule]: ...".
        reason = item.message.split("[", 1)[-1].split("]", 1)[0]
        reasons[reason] = reasons.get(reason, 0) + 1
    counts = "; ".join(f"{n} {r}" for r, n in sorted(reasons.items(), key=lambda x: -x[1]))
    return Diagnostic(
        shown,
        skipped[0].line,
        "info",
        f"{len(skipped)} highlights are not a cloze of their own ({counts}); "
        f"each with its line: clozepress sample {shown} --skipped",
    )


def _notes_file(document: Document, project: Project) -> Path:
    path = Path(document.path)
    return path if path.is_absolute() else project.root / path


def _read_css(project: Project) -> str:
    path = project.style(CSS_FILE)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BuildError(project.shown(path), 1, f"cannot read card styles: {exc}") from None


def _check(
    built: list[tuple[cards.Note, list[str], str]], ids: identity.Identities, shown: str
) -> None:
    """A note with no card, or two notes with one GUID, would corrupt the user's collection."""
    for note, fields, _ in built:
        # genanki's own count of a note's cards; checked before anything is written.
        if not CLOZE.search(fields[0]):
            raise AssertionError(f"{note.source}: a note with no cloze card")
    guids = [r.guid for r in ids.records]
    if len(set(guids)) != len(guids):
        raise AssertionError(f"{shown}: two notes share a GUID")


# ---------------------------------------------------------------------------------------------
# Names, ids, tags


def _deck_part(title: str) -> str:
    # '::' inside a title would make Anki nest one more deck level than the notes have, and
    # so would ':::' after one replacement: every run of colons becomes one. A colon at either
    # end would make '::' with the separator ("trail:" + "::" + ":lead"): it goes.
    part = " ".join(re.sub(r":{2,}", ":", title).split()).strip(": ")
    return part or "untitled"


def _subdeck_names(deck: str, titles: list[str]) -> list[str]:
    """``deck::domain`` per domain; a repeated domain title gets its own deck, numbered."""
    seen: dict[str, int] = {}
    names = []
    for title in titles:
        part = _deck_part(title)
        seen[part] = seen.get(part, 0) + 1
        names.append(f"{deck}::{part}" if seen[part] == 1 else f"{deck}::{part} ({seen[part]})")
    return names


def _stable_id(*parts: str) -> int:
    """An Anki object id from names, the same on every build and every machine."""
    digest = hashlib.sha256("\x1f".join(("clozepress", *parts)).encode()).digest()
    return (1 << 31) + int.from_bytes(digest[:5], "big")


# ---------------------------------------------------------------------------------------------
# Media


def _image(image: Image, notes_dir: Path) -> tuple[_Media | None, str | None]:
    """How a card shows ``image``, and a warning if it cannot be shown as the notes say."""
    ref = locate(image.src, notes_dir)
    alt = cards.escape(image.alt or ref.src)
    if ref.remote:
        # Never downloaded: the back links to it.
        return _Media(f'<a class="cp-remote" href="{cards.escape(ref.src)}">image: {alt}</a>'), None
    name = shown(ref.src)
    if ref.path is None:
        return None, f"image {name} refused: {ref.refused}"
    if ref.path.suffix.lower() not in IMAGE_SUFFIXES:
        return None, f"image {name} refused: not an image file"
    try:
        # A named pipe would block the build, a huge file would be packed whole.
        data = read_regular(ref.path, MAX_IMAGE_BYTES)
    except FileNotFoundError:
        return None, f"image {name} not found"
    except OSError as exc:
        return None, f"image {name} cannot be read: {exc.strerror or exc}"
    except Refused as exc:
        return None, f"image {name} left out: {exc.reason}"
    return _media_file(ref.path, data, alt), None


def _media_file(path: Path, data: bytes, alt: str) -> _Media:
    # Anki's media folder is flat and shared by every deck: the content hash keeps two
    # 'diagram.png' from overwriting each other; the rest of the name is what Anki allows.
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", path.stem).strip("-")[:40] or "image"
    name = f"cp-{hashlib.sha256(data).hexdigest()[:12]}-{stem}{path.suffix.lower()}"
    return _Media(f'<img src="{name}" alt="{alt}">', name, data)


# ---------------------------------------------------------------------------------------------
# The package


def _database(
    built: list[tuple[cards.Note, list[str], str]],
    removed: list[tuple[identity.Record, tuple[str, ...]]],
    ids: identity.Identities,
    deck_names: list[str],
    document: Document,
    css: str,
) -> bytes:
    """The package's ``collection.anki2``, with each note's own mod time."""
    import genanki

    def cloze_model(model_id: int, name: str, template: str, front: str, back: str) -> Any:
        return genanki.Model(
            model_id,
            name,
            fields=[{"name": field} for field in FIELDS],
            templates=[{"name": template, "qfmt": front, "afmt": back}],
            css=css,
            model_type=genanki.Model.CLOZE,
        )

    models = {
        "": cloze_model(MODEL_ID, MODEL_NAME, TEMPLATE_NAME, QUESTION, ANSWER),
        TYPE_IN: cloze_model(
            TYPE_MODEL_ID, TYPE_MODEL_NAME, TYPE_TEMPLATE_NAME, TYPE_QUESTION, TYPE_ANSWER
        ),
    }
    parent = deck_names[0].split("::")[0] if deck_names else _deck_part(document.title)
    decks: list[Any] = [genanki.Deck(_stable_id("deck", parent), parent)]
    subdecks = [genanki.Deck(_stable_id("deck", name), name) for name in deck_names]
    for (note, fields, tag), record in zip(built, ids.records, strict=True):
        subdecks[note.domain].add_note(
            genanki.Note(
                model=models[record.note_type], fields=fields, tags=[tag], guid=record.guid
            )
        )
    # A removed note stays in the deck it was in (an import never moves an existing card; the
    # deck is named so that a collection without it gets it back). Its tags replace the
    # note's in Anki, so it carries its own and the removed tag.
    by_name = {deck.name: deck for deck in (*decks, *subdecks)}
    for record, kept in removed:
        name = record.deck or parent
        if name not in by_name:
            by_name[name] = genanki.Deck(_stable_id("deck", name), name)
            subdecks.append(by_name[name])
        by_name[name].add_note(
            genanki.Note(
                model=models.get(record.note_type, models[""]),
                fields=list(kept),
                tags=[*record.tags, identity.REMOVED_TAG],
                guid=record.guid,
            )
        )
    # Source order; a domain without a single card makes no deck.
    decks += [deck for deck in subdecks if deck.notes]
    with tempfile.TemporaryDirectory(prefix="clozepress-") as folder:
        path = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(path)
        try:
            cursor = connection.cursor()
            timestamp = ids.timestamp
            counter = iter(range(timestamp * 1000, timestamp * 1000 + 10_000_000))
            genanki.Package(decks).write_to_db(cursor, timestamp, counter)
            # genanki stamps every note with one time; Anki updates a note only when its mod
            # time is newer, so each note gets the one its identity record holds.
            # By id, not by guid: the package's schema has no index on guid.
            note_id = dict(cursor.execute("SELECT guid, id FROM notes").fetchall())
            cursor.executemany(
                "UPDATE notes SET mod = ? WHERE id = ?",
                [(record.mod, note_id[record.guid]) for record in (*ids.records, *ids.removed)],
            )
            cursor.execute("UPDATE cards SET mod = (SELECT mod FROM notes WHERE id = cards.nid)")
            connection.commit()
        finally:
            connection.close()
        return path.read_bytes()


def _zip(database: bytes, media: dict[str, bytes]) -> bytes:
    """The .apkg: sorted entries with a fixed date, so equal input gives equal bytes."""
    names = sorted(media)
    entries = {"collection.anki2": database}
    entries["media"] = json.dumps({str(i): name for i, name in enumerate(names)}).encode()
    entries.update({str(i): media[name] for i, name in enumerate(names)})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[name])
    return buffer.getvalue()
