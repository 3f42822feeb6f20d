"""Note identity across builds: GUIDs, mod times, and the identity file kept beside the notes.

Anki matches an imported note to the one in the collection by GUID, and replaces its fields
only when the incoming mod time is strictly newer ("update notes if newer", the default).
So a note must keep its GUID for as long as it is the same unit, and its mod time must move
forward exactly when its fields change: an unchanged note keeps its mod time, so edits the
user made inside Anki survive a rebuild.

Neither can be recomputed from the notes alone (an edited unit's text no longer gives its old
GUID; a mod time is a moment), so both live in ``source/<stem>.ids.json``: user data, committed
with the notes, one JSON line per note, sorted by GUID so that a diff shows what changed.

Anki's import never deletes, so a note whose unit left the notes would linger unseen in the
collection. The file keeps such a note as *removed*, with the fields and tags it last had, and
every package carries it again with the tag ``REMOVED_TAG`` (and, once, a newer mod time), so
one search in Anki finds them all. A unit that comes back takes its identity again, and a newer
mod time takes the tag away. Only ``forget`` (``clozepress forget``) drops removed notes: only
the learner knows when they have imported the package that tagged them.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .. import atomic
from ..errors import BuildError, file_fault
from ..inputs import Refused, read_regular

FORMAT = "clozepress-ids"
VERSION = 2
"""Version 2 keeps each note's fields, tags and deck (a removed note is carried with them) and
marks removed notes. Version 1 files are read: their notes get fields on the next build."""
READABLE = frozenset({1, VERSION})

#: The tag a package puts on notes whose unit left the notes: ``tag:clozepress::removed``.
REMOVED_TAG = "clozepress::removed"

#: Every GUID we mint hashes this first, so ours never collide with another tool's notes.
NAMESPACE = "clozepress"

#: ``similarity`` at or above this means "clearly the same unit": it keeps its GUID.
SAME_UNIT = 0.75


@dataclass(frozen=True)
class Candidate:
    """A note of this build, before it has an identity."""

    key: str
    """The unit's text without cloze markup."""
    context: str
    """The breadcrumb as plain text."""
    highlights: tuple[str, ...]
    fields_hash: str
    """A hash of everything the note carries into Anki (fields and tags)."""
    fields: tuple[str, ...] = ()
    """The fields as packaged: a removed note is carried with these."""
    tags: tuple[str, ...] = ()
    deck: str = ""
    """The (sub)deck's full name."""
    note_type: str = ""
    """Which of clozepress's note types the note is ("": the cloze one)."""


@dataclass(frozen=True)
class Record:
    """One note's line in the identity file."""

    guid: str
    key: str
    context: str
    highlights: tuple[str, ...]
    fields_hash: str
    mod: int
    """Seconds since the epoch; moves forward only when ``fields_hash`` changes (or the note is
    removed, or comes back)."""
    fields: tuple[str, ...] = ()
    """The fields last packaged (empty in a version 1 file, until the next build)."""
    tags: tuple[str, ...] = ()
    """The tags last packaged, without ``REMOVED_TAG``."""
    deck: str = ""
    note_type: str = ""
    removed: bool = False
    """The unit is no longer in the notes; the package carries the note tagged as removed."""


@dataclass(frozen=True)
class Identities:
    deck: str
    model_hash: str
    """A hash of the note type (templates and CSS): when it changes, so does ``model_mod``."""
    model_mod: int
    records: tuple[Record, ...]
    """In the order of the build's notes (the file itself is sorted by GUID)."""
    removed: tuple[Record, ...] = ()
    """Notes whose unit left the notes and that ``forget`` has not dropped yet, by GUID."""

    @property
    def timestamp(self) -> int:
        """The package's own time: the newest mod of anything in it."""
        return max([self.model_mod, *(r.mod for r in (*self.records, *self.removed))])


# ---------------------------------------------------------------------------------------------
# GUIDs and hashes

_BASE91 = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
)


def guid_for(*parts: str) -> str:
    """A GUID in Anki's style (base91 of 64 bits of SHA-256), as ``genanki.guid_for`` makes it."""
    number = int.from_bytes(hashlib.sha256("__".join(parts).encode()).digest()[:8], "big")
    digits: list[str] = []
    while number:
        number, digit = divmod(number, len(_BASE91))
        digits.append(_BASE91[digit])
    return "".join(reversed(digits)) or _BASE91[0]


def fields_hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


# ---------------------------------------------------------------------------------------------
# Matching this build's notes to the last build's


def normalize(text: str) -> str:
    """Text as compared for sameness: case, width, spacing and punctuation do not count."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def similarity(old: Record, new: Candidate) -> float:
    """How surely ``new`` is ``old`` after an edit, from 0 to 1. The one place this is decided.

    The base is difflib's ratio over the normalized texts. A unit that still hides exactly the
    same highlights is the same fact reworded or moved, so it needs only half the wording in
    common: its score is lifted to ``0.5 + ratio / 2``. With other highlights, the wording alone
    must be ``SAME_UNIT`` alike. Short units whose one word changed ("`durability`" →
    "`availability`") stay apart: that is a different fact, and a new card.
    """
    a, b = normalize(old.key), normalize(new.key)
    if not a or not b:
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    same_highlights = sorted(map(normalize, old.highlights)) == sorted(
        map(normalize, new.highlights)
    )
    # Cheap upper bounds first: most pairs are far apart.
    floor = (2 * SAME_UNIT - 1) if same_highlights else SAME_UNIT
    if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
        return 0.0
    ratio = matcher.ratio()
    return 0.5 + ratio / 2 if same_highlights else ratio


def match(previous: Sequence[Record], current: Sequence[Candidate]) -> list[int | None]:
    """For each current note, the index of the previous record it continues, or None (new).

    One to one, in four passes: the same text in the same place; the same text anywhere (a
    moved unit); a unit grown around its old text (see ``_match_grown``); then, among what is
    left, the most similar pairs first while they score at least ``SAME_UNIT`` (greedy best
    match; ties go to source order, so builds repeat).
    """
    result: list[int | None] = [None] * len(current)
    free = set(range(len(previous)))
    for same_place in (True, False):
        by_key: dict[tuple[str, str], list[int]] = {}
        for index in sorted(free):
            record = previous[index]
            by_key.setdefault((record.key, record.context if same_place else ""), []).append(index)
        for position, note in enumerate(current):
            if result[position] is not None:
                continue
            found = by_key.get((note.key, note.context if same_place else ""))
            if found:
                index = found.pop(0)
                result[position] = index
                free.discard(index)
    left = [p for p, r in enumerate(result) if r is None]
    if left and free:
        _match_grown(previous, current, result, free, left)
        left = [p for p, r in enumerate(result) if r is None]
    if left and free:
        scored = []
        nearby = _shared_words(previous, free)
        for position in left:
            for index in nearby(current[position]):
                score = similarity(previous[index], current[position])
                if score >= SAME_UNIT:
                    scored.append((-score, position, index))
        taken: set[int] = set()
        for _, position, index in sorted(scored):
            if result[position] is None and index not in taken:
                result[position] = index
                taken.add(index)
    return result


def _match_grown(
    previous: Sequence[Record],
    current: Sequence[Candidate],
    result: list[int | None],
    free: set[int],
    left: list[int],
) -> None:
    """A note whose text holds a previous note's whole text and all its blanks continues it:
    the same line, now shown whole or with more of its highlights made cards (a card policy
    that once cut a line to the clause around its blank, and no longer does). The longest old
    text is matched first, so a line cut into two old notes keeps the larger one's identity."""
    nearby = _shared_words(previous, free)
    for position in left:
        note = current[position]
        text = normalize(note.key)
        marked = {normalize(h) for h in note.highlights}
        found = [
            index
            for index in nearby(note)
            if index in free
            and normalize(previous[index].key)
            and normalize(previous[index].key) in text
            # Each old blank is within one of the new ones (an old policy narrowed some).
            and all(any(normalize(h) in new for new in marked) for h in previous[index].highlights)
        ]
        if found:
            index = max(found, key=lambda i: (len(previous[i].key), -i))
            result[position] = index
            free.discard(index)


#: A word in more records than this says little about which record a note continues.
COMMON_WORD = 40


def _shared_words(previous: Sequence[Record], free: set[int]) -> Callable[[Candidate], list[int]]:
    """The free records that share a telling word with a note: the only ones worth scoring.

    Scoring every new note against every old record is quadratic, and a rebuild after many
    edits (or a new card policy, which rewords everything) would take minutes on large notes.
    A unit that is still the same fact keeps some of its less common words, so candidates come
    from an index of words; words in more than ``COMMON_WORD`` records are left out of it.
    """
    index: dict[str, list[int]] = {}
    for record_index in sorted(free):
        for word in set(normalize(previous[record_index].key).split()):
            index.setdefault(word, []).append(record_index)
    telling = {word: found for word, found in index.items() if len(found) <= COMMON_WORD}

    def nearby(note: Candidate) -> list[int]:
        found: set[int] = set()
        for word in set(normalize(note.key).split()):
            found.update(telling.get(word, ()))
        return sorted(found)

    return nearby


def assign(
    previous: Identities | None,
    current: Sequence[Candidate],
    *,
    deck: str,
    model_hash: str,
    now: int,
) -> Identities:
    """GUIDs and mod times for this build's notes, continuing ``previous`` where they match.

    A changed note's mod time is ``max(now, old + 1)``: strictly newer even when two builds fall
    within one second (Anki ignores an equal mod time). Removed notes are matched too, so a unit
    that comes back gets its GUID again, and a newer mod time: the package's copy, without the
    removed tag, must replace the tagged one. A previous note that nothing matches is removed,
    with a newer mod time once (so the import puts the tag on it) and the same one after that.
    """
    old = (*previous.records, *previous.removed) if previous is not None else ()
    matched = match(old, current)
    # Every GUID of the file stays reserved: a new unit must not take a removed note's GUID.
    used = {record.guid for record in old}
    records: list[Record] = []
    for note, index in zip(current, matched, strict=True):
        if index is None:
            guid = _mint(deck, note.key, used)
            mod = now
        else:
            guid = old[index].guid
            same = old[index].fields_hash == note.fields_hash and not old[index].removed
            mod = old[index].mod if same else max(now, old[index].mod + 1)
        records.append(
            Record(
                guid,
                note.key,
                note.context,
                note.highlights,
                note.fields_hash,
                mod,
                note.fields,
                note.tags,
                note.deck,
                note.note_type,
            )
        )
    taken = {index for index in matched if index is not None}
    removed = [
        record if record.removed else replace(record, removed=True, mod=max(now, record.mod + 1))
        for index, record in enumerate(old)
        if index not in taken
    ]
    if previous is not None and previous.model_hash == model_hash:
        model_mod = previous.model_mod
    else:
        model_mod = max(now, previous.model_mod + 1) if previous is not None else now
    return Identities(
        deck, model_hash, model_mod, tuple(records), tuple(sorted(removed, key=_by_guid))
    )


def forget(identities: Identities) -> Identities:
    """Drop the removed notes: the learner has deleted or suspended them in Anki.

    Never automatic: a package carries a removed note until then because only the learner knows
    whether the package that tags it has been imported (a count of builds would run out in a
    minute of ``clozepress watch``; a time limit, for someone who imports once a month).
    """
    return replace(identities, removed=())


def _by_guid(record: Record) -> str:
    return record.guid


def _mint(deck: str, key: str, used: set[str]) -> str:
    # The same text twice in one deck (or a new unit reusing an edited one's old text) would
    # collide: count up until the GUID is free. Source order makes this repeatable.
    guid = guid_for(NAMESPACE, deck, key)
    n = 1
    while guid in used:
        n += 1
        guid = guid_for(NAMESPACE, deck, key, str(n))
    used.add(guid)
    return guid


# ---------------------------------------------------------------------------------------------
# The file


def dumps(identities: Identities) -> str:
    """Sorted, one note per line: a rebuild of unchanged notes rewrites it byte for byte."""
    head = {
        "format": FORMAT,
        "version": VERSION,
        "deck": identities.deck,
        "model": {"hash": identities.model_hash, "mod": identities.model_mod},
    }
    lines = [json.dumps(head, ensure_ascii=False, sort_keys=True)[:-1] + ', "notes": [']
    rows = sorted((*identities.records, *identities.removed), key=_by_guid)
    for i, record in enumerate(rows):
        row: dict[str, object] = {
            "guid": record.guid,
            "key": record.key,
            "context": record.context,
            "highlights": list(record.highlights),
            "hash": record.fields_hash,
            "mod": record.mod,
            "fields": list(record.fields),
            "tags": list(record.tags),
            "deck": record.deck,
        }
        if record.note_type:
            row["note_type"] = record.note_type
        if record.removed:
            row["removed"] = True
        comma = "," if i < len(rows) - 1 else ""
        lines.append(" " + json.dumps(row, ensure_ascii=False) + comma)
    lines.append("]}")
    return "\n".join(lines) + "\n"


#: The largest identity file the build reads: about 300 bytes a note, so 200,000 notes.
MAX_BYTES = 64 * 2**20
#: Anki stores a mod time as a signed 64-bit integer.
MAX_MOD = 2**63 - 1


def loads(text: str, shown: str) -> Identities:
    """Read an identity file; a damaged one is the user's to fix, so say where."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BuildError(shown, exc.lineno, f"identity file is not JSON: {exc.msg}") from None
    except RecursionError:
        raise BuildError(shown, 1, "identity file is nested too deeply: not one we wrote") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BuildError(shown, 1, "not a clozepress identity file")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version not in READABLE:
        raise BuildError(
            shown, 1, f"identity file version {_short(data.get('version'))} is not {VERSION}"
        )
    rows = data.get("notes")
    model = data.get("model")
    if not isinstance(rows, list) or not isinstance(model, dict):
        raise BuildError(shown, 1, "identity file is damaged: no notes list or no model")
    lines = _Lines(text)
    records = tuple(_record(row, index, shown, lines) for index, row in enumerate(rows))
    identities = Identities(
        _text(data.get("deck"), "deck", shown, 1),
        _text(model.get("hash"), "model hash", shown, 1),
        _mod(model.get("mod"), shown, 1),
        tuple(r for r in records if not r.removed),
        tuple(r for r in records if r.removed),
    )
    seen: dict[str, int] = {}
    for index, record in enumerate(records):
        if record.guid in seen:
            raise BuildError(
                shown, lines.of(record.guid, index), "identity file lists one GUID twice"
            )
        seen[record.guid] = index
    return identities


class _Lines:
    """Where a note's record is in the file: its GUID's line (one note per line as we write
    it), else the line the note's place in the list would have."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")

    def of(self, guid: object, index: int) -> int:
        if isinstance(guid, str) and guid:
            needle = json.dumps(guid, ensure_ascii=False)
            for number, line in enumerate(self.lines, 1):
                if needle in line:
                    return number
        return min(index + 2, len(self.lines))


def _short(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _text(value: object, what: str, shown: str, line: int) -> str:
    """A string of the file as Python can write it out again (no lone surrogate halves)."""
    if not isinstance(value, str):
        raise BuildError(shown, line, f"identity file is damaged: {what} is not text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise BuildError(
            shown, line, f"identity file is damaged: {what} holds a lone surrogate (\\ud8..)"
        ) from None
    return value


def _mod(value: object, shown: str, line: int) -> int:
    # JSON numbers may be 1e999 (infinity to Python) or past what Anki's 64-bit field holds.
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_MOD:
        raise BuildError(
            shown,
            line,
            f"identity file is damaged: mod {_short(value)} is not a whole number "
            f"from 0 to 2^63 - 1",
        )
    return value


def _record(row: object, index: int, shown: str, lines: _Lines) -> Record:
    if not isinstance(row, dict):
        raise BuildError(
            shown, lines.of(None, index), "identity file is damaged: a note is not {...}"
        )
    line = lines.of(row.get("guid"), index)
    guid = _text(row.get("guid"), "guid", shown, line)
    # Anki joins a note's fields with \x1f and needs a GUID to tell notes apart.
    if not guid.strip() or any(ord(ch) < 32 or ch == "\x7f" for ch in guid):
        raise BuildError(
            shown,
            line,
            f"identity file is damaged: GUID {_short(guid)} is empty or holds a control character",
        )
    highlights = row.get("highlights")
    if not isinstance(highlights, list):
        raise BuildError(shown, line, "identity file is damaged: highlights is not a list")
    lists = {}
    for name in ("fields", "tags"):
        value = row.get(name, [])
        if not isinstance(value, list):
            raise BuildError(shown, line, f"identity file is damaged: {name} is not a list")
        lists[name] = tuple(_text(item, name[:-1], shown, line) for item in value)
    return Record(
        guid,
        _text(row.get("key"), "key", shown, line),
        _text(row.get("context"), "context", shown, line),
        tuple(_text(h, "highlight", shown, line) for h in highlights),
        _text(row.get("hash"), "hash", shown, line),
        _mod(row.get("mod"), shown, line),
        lists["fields"],
        lists["tags"],
        _text(row.get("deck", ""), "deck", shown, line),
        _text(row.get("note_type", ""), "note type", shown, line),
        row.get("removed") is True,
    )


def read(path: Path, shown: str) -> Identities | None:
    """The identity file at ``path``, or None before the first build."""
    try:
        data = read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise file_fault(shown, exc, "read the identity file") from None
    except Refused as exc:
        raise BuildError(shown, 0, f"cannot read the identity file: {exc.reason}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise BuildError(shown, line, "identity file is not UTF-8 text") from None
    return loads(text, shown)


def write(path: Path, identities: Identities) -> bool:
    """Write the file whole (atomically), and only if it changed; True if it did."""
    text = dumps(identities)
    try:
        if read_regular(path, MAX_BYTES) == text.encode("utf-8"):
            return False
    except (OSError, Refused):
        pass
    atomic.write_text(path, text)
    return True
