"""A hypothesis harness over the whole pipeline for hostile shapes (issue 16, Deliver).

Hypothesis writes small notes with what broke the build before: long and odd names (of the notes
file, the deck and the domains: CJK past 255 bytes, ``:::``, control characters, dots, slashes),
wide tables, many highlights on one line, lists and quotes nested past the cap, odd characters.
Each example goes through the public entry points (``clozepress parse``, ``deck``, ``build``
in-process), which must end in exit 0 with every output present, every file name within 255
bytes, at most two deck levels in the package, and nothing unprintable on the terminal.

Time budget: 25 examples through the parse and the deck (and each sheet's HTML), and 4 through
the whole build with the real renderer: together well under 30 s here. The ``deadline`` is off
(one render varies with the machine's load); the example counts bound the time instead.
"""

from __future__ import annotations

import json
import re
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from clozepress.form.model import Document, all_highlights, loads
from clozepress.form.nesting import MAX_DEPTH
from clozepress.names import stem_of
from clozepress.sheets.sheet_html import ImagePolicy, domain_html

from .hardening import Run
from .hostile_support import cli, project

ODD = "\x1b\x07\u202e\u200b/\\:.'\"<>&|*?[]{}#` "
NAME_CHARS = st.sampled_from(list("abcxyz019") + list("数据库東京한국") + list(ODD))


@st.composite
def odd_name(draw: st.DrawFn, long: int = 120) -> str:
    """A title: short and plain, long (ASCII or CJK), or full of odd characters."""
    kind = draw(st.sampled_from(["plain", "ascii", "cjk", "odd", "colons"]))
    if kind == "plain":
        return draw(st.sampled_from(["Alpha", "Combined", "Sheets", "x"]))
    if kind == "ascii":
        return "Long title " * draw(st.integers(10, long // 5))
    if kind == "cjk":
        return "数据" * draw(st.integers(20, long))
    if kind == "colons":
        return draw(st.sampled_from(["A:::B", "::lead", "trail::", "a::b::c", "::::"]))
    text = "".join(draw(st.lists(NAME_CHARS, min_size=1, max_size=40)))
    return text.replace("`", "") or "y"


@st.composite
def stems(draw: st.DrawFn) -> str:
    """A notes file name without ``.md``: what a filesystem allows (no '/', no NUL)."""
    kind = draw(st.sampled_from(["plain", "dots", "long", "cjk", "odd"]))
    if kind == "plain":
        return "notes"
    if kind == "dots":
        return draw(st.sampled_from(["notes.v2", "x.deck", "a.b.c", ".hidden"]))
    if kind == "long":
        return "n" * draw(st.integers(200, 240))
    if kind == "cjk":
        return "笔记" * draw(st.integers(10, 40))  # up to 240 bytes
    name = "".join(
        draw(st.lists(st.sampled_from(list("ab 数-_~!()'\x1b")), min_size=1, max_size=20))
    )
    return name.strip() or "z"


FACTS = [
    "Glacier retrieval takes `3 to 5 hours` in standard mode",
    "An EBS volume lives in one `Availability Zone` only",
    "SQS keeps a message for `14 days` at most",
]


@st.composite
def body(draw: st.DrawFn, deepest: int = 90) -> list[str]:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["fact", "wide", "many", "deep", "quotes", "odd"]))
        if kind == "fact":
            lines.append("- " + draw(st.sampled_from(FACTS)))
        elif kind == "wide":
            width = draw(st.integers(2, 30))
            lines += [
                "| " + " | ".join(f"h{i}" for i in range(width)) + " |",
                "|" + "---|" * width,
                "| " + " | ".join(f"`c{i}` cell" for i in range(width)) + " |",
            ]
        elif kind == "many":
            count = draw(st.integers(5, 80))
            lines.append("- " + " and ".join(f"`v{i}`" for i in range(count)))
        elif kind == "deep":
            depth = draw(st.integers(min(30, deepest), deepest))
            lines += ["  " * i + f"- level {i} `d{i}`" for i in range(depth)]
        elif kind == "quotes":
            depth = draw(st.integers(min(30, deepest), deepest))
            lines += [">" * (i + 1) + f" level {i} `q{i}`\n" for i in range(depth)]
        else:
            text = "".join(draw(st.lists(NAME_CHARS, min_size=1, max_size=60)))
            lines.append("- " + text.replace("`", "'") + " `odd`")
        lines.append("")
    return lines


@dataclass(frozen=True)
class Case:
    stem: str
    text: str


@st.composite
def cases(draw: st.DrawFn, deepest: int = 90) -> Case:
    lines = ["---", f"title: {draw(odd_name(long=60))}", "---"]
    for _ in range(draw(st.integers(1, 2))):
        lines += [f"# {draw(odd_name())}", *draw(body(deepest))]
    return Case(draw(stems()), "\n".join(lines) + "\n")


#: Found by this harness: a colon at the end of the deck title and one at the start of a domain
#: title made '::::' around the separator, one more deck level.
TRAILING_COLONS = Case("notes", f"---\ntitle: trail::\n---\n# ::lead\n- {FACTS[0]}\n")


def deck_names(apkg: Path, scratch: Path) -> list[str]:
    database = scratch / "package.anki2"
    with zipfile.ZipFile(apkg) as archive:
        database.write_bytes(archive.read("collection.anki2"))
    connection = sqlite3.connect(database)
    try:
        (decks,) = connection.execute("SELECT decks FROM col").fetchone()
    finally:
        connection.close()
    return [deck["name"] for deck in json.loads(decks).values() if deck["name"] != "Default"]


def names_fit(root: Path) -> None:
    for path in root.rglob("*"):
        assert len(path.name.encode("utf-8")) <= 255, path


def the_document(root: Path) -> Document:
    irs = list((root / "build").glob("*.json"))
    assert len(irs) == 1
    return loads(irs[0].read_text(encoding="utf-8"))


def printable(run: Run) -> None:
    assert all(ch.isprintable() or ch in "\n\t" for ch in run.said), run.said


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@example(TRAILING_COLONS)
@given(cases())
def test_any_name_and_shape_parses_into_a_deck_and_sheet_pages(case: Case) -> None:
    """25 examples through ``clozepress parse`` and ``clozepress deck`` (as ``make`` runs them),
    and each domain's sheet page as the renderer gets it (nesting within the cap)."""
    with tempfile.TemporaryDirectory() as folder:
        root = project(Path(folder) / "project", case.text, name=f"{case.stem}.md")
        notes = f"source/{case.stem}.md"
        ir = f"build/{stem_of(notes)}.json"
        parsed = cli(root, "parse", notes, "-o", ir)
        assert parsed.code == 0, parsed.said
        printable(parsed)
        made = cli(root, "deck", ir, "-o", "dist/deck.apkg", "--notes", notes)
        assert made.code == 0, made.said
        printable(made)
        names_fit(root)
        document = the_document(root)
        assert all_highlights(document)
        for name in deck_names(root / "dist" / "deck.apkg", Path(folder)):
            assert name.count("::") <= 1, name
        policy = ImagePolicy(root / "source", enabled=True)
        for domain in document.domains:
            page = domain_html(document, domain, policy)
            assert page.html.count("<li") <= page.html.count("</li>")
            assert _depth(page.html) <= 2 * MAX_DEPTH + 8


def _depth(html: str) -> int:
    """The deepest nesting of lists and quotes in a page."""
    depth = deepest = 0
    for tag in re.findall(r"<(/?)(?:ul|ol|li|blockquote)\b", html):
        depth += -1 if tag else 1
        deepest = max(deepest, depth)
    return deepest


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(cases(deepest=45))
def test_any_name_and_shape_builds_to_whole_outputs(case: Case) -> None:
    """4 examples, each a whole ``clozepress build`` (parse, deck, sheets with WeasyPrint, the
    report) in a fresh project; nesting up to just past the cap, as deeper levels are flattened
    to it (the slow tests of test_hostile_cost build 95 and 150 levels)."""
    with tempfile.TemporaryDirectory() as folder:
        root = project(Path(folder) / "project", case.text, name=f"{case.stem}.md")
        run = cli(root, "build")
        assert run.code == 0, run.said
        printable(run)
        names_fit(root)
        document = the_document(root)
        apkgs = list((root / "dist").glob("*.apkg"))
        assert len(apkgs) == 1
        for name in deck_names(apkgs[0], Path(folder)):
            assert name.count("::") <= 1, name
        sheets = list((root / "dist" / "sheets").glob("*/*.pdf"))
        assert len(sheets) == len(document.domains)
        assert "No notes built yet" not in (root / "dist" / "index.html").read_text()
