"""One page per domain, always (issue 14, point 3): condense before spilling, then split."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader

from clozepress.form.model import (
    Code,
    Document,
    Domain,
    Image,
    Paragraph,
    all_highlights,
    iter_nodes,
    plain_text,
)
from clozepress.project import Project
from clozepress.read.parse import parse_text
from clozepress.sheets.condense import FORMS, STEPS, condensed, form, form_steps, split
from clozepress.sheets.sheet_html import ImagePolicy, domain_html
from clozepress.sheets.sheets import Layout, layout_css, table_limits

from .test_sheet_tables import words
from .test_sheets import build, make_project, squash

#: One '#' over many '##' would be the notes' title: these notes say the '#' is the domain.
ONE = "---\ndomain_level: 1\n---\n"

FILLER = (
    "This sentence has no highlight and goes on for a while about nothing in particular. "
    "A second sentence follows it, just as unmarked, to make the paragraph long enough to "
    "matter on a crowded sheet, and a third one closes it with a few more ordinary words."
)


def pdf_text(path: Path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_each_step_shortens_what_it_says_and_keeps_every_highlight() -> None:
    code = "\n".join(f"  line: {n}" for n in range(12))
    text = (
        "# D\n## S\n"
        f"{FILLER}\n\n"
        "- a marked `fact` line https://example.com/a/very/long/path\n"
        "  - parent of nothing marked\n"
        "- unmarked bullet\n"
        "  - child with `mark`\n\n"
        f"```yaml\n{code}\n```\n\n"
        "![diagram](pic.png)\n\n"
        "|a|b|\n|-|-|\n|plain|cells|\n"
    )
    domain = parse_text(text, "n.md").domains[0]
    highlights = [h.text for h in all_highlights(domain)]
    forms = [condensed(domain, steps) for steps in range(len(STEPS) + 1)]
    for each in forms:
        assert [h.text for h in all_highlights(each)] == highlights

    def kinds(form: object) -> list[str]:
        return [type(n).__name__ for n in iter_nodes(form)]

    assert "Image" in kinds(forms[0]) and "Image" not in kinds(forms[1])
    codes = [next(n for n in iter_nodes(f) if isinstance(n, Code)) for f in forms[1:3]]
    assert codes[0].text.count("\n") == 12
    assert codes[1].text.split("\n") == ["  line: 0", "  line: 1", "  line: 2", "⋯ 9 more lines"]
    paragraphs = [[n for n in iter_nodes(f) if isinstance(n, Paragraph)] for f in forms]
    assert plain_text(paragraphs[2][0].spans) == FILLER
    assert plain_text(paragraphs[3][0].spans) == FILLER.split(". ")[0] + ". …"
    marked_line = "a marked fact line https://example.com/a/very/long/path"
    all_text = [" ".join(plain_text(getattr(n, "spans", ())) for n in iter_nodes(f)) for f in forms]
    assert marked_line in all_text[3]
    assert "a marked fact line example.com/…" in all_text[4]
    # Last: unmarked prose goes; parents of marked lines and tables stay.
    assert paragraphs[5] == []
    assert "unmarked bullet" in all_text[5] and "parent of nothing marked" not in all_text[5]
    assert "Table" in kinds(forms[5])
    assert not any(isinstance(n, Image) for n in iter_nodes(forms[5]))


def test_a_domain_without_highlights_keeps_its_prose_shortened() -> None:
    domain = parse_text(f"# D\n{FILLER}\n\n- {FILLER}\n", "n.md").domains[0]
    last = condensed(domain, len(STEPS))
    texts = [plain_text(n.spans) for n in iter_nodes(last) if hasattr(n, "spans")]
    assert texts[1:] == [FILLER.split(". ")[0] + ". …"] * 2


def test_split_cuts_at_sections_into_numbered_parts_keeping_everything() -> None:
    text = (
        ONE
        + "# Topic\n"
        + "".join(
            f"## Part {n}\n" + "".join(f"- item {n}.{i} `h{n}-{i}`\n" for i in range(10))
            for n in range(9)
        )
    )
    domain = parse_text(text, "n.md").domains[0]
    parts = split(domain, 3)
    assert [p.title for p in parts] == ["Topic 1/3", "Topic 2/3", "Topic 3/3"]
    assert [p.id for p in parts] == ["topic.1", "topic.2", "topic.3"]
    assert [h.text for p in parts for h in all_highlights(p)] == [
        h.text for h in all_highlights(domain)
    ]
    assert [len(p.children) for p in parts] == [3, 3, 3]


def test_split_opens_a_single_large_section() -> None:
    text = ONE + "# Topic\n## Only\n" + "".join(f"- item {i} `h{i}`\n" for i in range(40))
    domain = parse_text(text, "n.md").domains[0]
    parts = split(domain, 2)
    assert len(parts) == 2
    assert [h.text for p in parts for h in all_highlights(p)] == [f"h{i}" for i in range(40)]


def test_a_long_domain_is_condensed_onto_one_page(tmp_path: Path) -> None:
    notes = (
        ONE
        + "# Long\n"
        + "".join(
            f"## Topic {n}\n- the key `fact{n}` of topic {n}\n\n{FILLER}\n\n{FILLER}\n\n"
            for n in range(60)
        )
    )
    project, document = make_project(tmp_path, notes)
    result = build(project, document)
    assert len(result.sheets) == 1
    sheet = result.sheets[0]
    assert sheet.pages == 1
    assert sheet.size >= project.config.font_floor
    assert sheet.condensed and sheet.condensed[:-1] == STEPS[: len(sheet.condensed) - 1]
    assert sheet.condensed[-1].startswith(STEPS[len(sheet.condensed) - 1])
    assert "condensed: " in str(sheet)
    text = pdf_text(sheet.path)
    assert all(f"fact{n}" in text for n in range(60))
    # The least condensed form that fits, not the shortest: some of the unmarked prose is
    # still there (cut to its first sentence), and the text is set small rather than large.
    kept = text.count(squash(FILLER.split(". ")[0]))
    assert 0 < kept < 120
    assert sheet.size < 8
    # The form one step less condensed does not fit one page even at the floor.
    index = next(i for i in range(FORMS + 1) if form_steps(i) == sheet.condensed)
    assert sheet.renders <= 5
    assert pages_at_floor(project, document, form(document.domains[0], index - 1)) > 1
    # Rebuilt unchanged: nothing is rendered, and the sheet still says what was condensed.
    again = build(project, document)
    assert again.renders == 0 and again.sheets[0].condensed == sheet.condensed


def pages_at_floor(project: Project, document: Document, domain: Domain) -> int:
    """How many pages ``domain`` takes at the floor size in five columns."""
    from weasyprint import CSS, HTML

    config = project.config
    limits = table_limits(config.paper, config.font_cap, config.font_floor)
    head = replace(document, domains=())
    html = domain_html(head, domain, ImagePolicy(project.root, False), limits).html
    layout = layout_css(Layout(config.font_floor, 5), config.paper, config.font_floor)
    css = project.style("sheet.css").read_text(encoding="utf-8")
    rendered = HTML(string=html).render(stylesheets=[CSS(string=css), CSS(string=layout)])
    return len(rendered.pages)


def test_marked_lines_beyond_a_page_are_split_into_numbered_one_page_sheets(
    tmp_path: Path,
) -> None:
    notes = (
        ONE
        + "# Huge\n"
        + "".join(
            f"## Topic {n}\n"
            + "".join(
                f"- marked line {n}.{i} with its `answer{n}x{i}` and a few words after it\n"
                for i in range(12)
            )
            for n in range(45)
        )
    )
    project, document = make_project(tmp_path, notes)
    result = build(project, document)
    sheets = result.sheets
    assert len(sheets) >= 2
    assert all(s.pages == 1 and s.size >= project.config.font_floor for s in sheets)
    assert [(s.part, s.parts) for s in sheets] == [
        (n, len(sheets)) for n in range(1, len(sheets) + 1)
    ]
    assert [s.title for s in sheets] == [
        f"Huge {n}/{len(sheets)}" for n in range(1, len(sheets) + 1)
    ]
    text = "".join(pdf_text(s.path) for s in sheets)
    missing = [
        f"answer{n}x{i}" for n in range(45) for i in range(12) if f"answer{n}x{i}" not in text
    ]
    assert missing == []
    assert not [d for d in result.diagnostics if "does not fit" in d.message]
    combined = PdfReader(result.combined)
    assert len(combined.pages) == len(sheets)
    again = build(project, document)
    assert again.renders == 0
    assert [s.path for s in again.sheets] == [s.path for s in sheets]


def test_code_is_monospace_wrapped_and_keeps_its_indentation(tmp_path: Path) -> None:
    long_line = "  - " + " ".join(f"word{n}" for n in range(40))
    yaml = f"spec:\n  containers:\n    - name: web\n      image: nginx\n{long_line}\n"
    notes = f"# Code\n- a `key` line\n\n```yaml\n{yaml}```\n"
    project, document = make_project(tmp_path, notes)
    sheet = build(project, document).sheets[0]
    _, found = words(sheet.path)
    x = {text: x0 for text, x0, _ in found}
    # Each level of indentation sits further right: the spaces are kept ('image:' is at the
    # level of 'name:', its sibling key, or in a column further right).
    assert x["spec:"] < x["containers:"] < x["name:"] <= x["image:"]
    # The long line wraps instead of running off: its words sit on several lines, on the page.
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(sheet.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    boxes = re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(word\d+)<', bbox
    )
    assert {b[3] for b in boxes} == {f"word{n}" for n in range(40)}
    assert len({round(float(b[1])) for b in boxes}) >= 3
    assert max(float(b[2]) for b in boxes) < 842 - 17
    fonts = subprocess.run(
        ["pdffonts", str(sheet.path)], capture_output=True, text=True, check=True
    ).stdout
    assert "Mono" in fonts


def test_the_last_step_leaves_out_the_longest_unmarked_prose_first_in_shares() -> None:
    short = "A short unmarked line."
    long = "has no highlight and tells of nothing."
    text = (
        "# D\n## S\n- the `fact` itself\n\n"
        + "".join(f"Paragraph {n} {long} {FILLER}\n\n" for n in range(4))
        + "".join(f"- {short} {n}\n" for n in range(4))
    )
    domain = parse_text(text, "n.md").domains[0]

    def prose(index: int) -> list[str]:
        return [
            plain_text(n.spans)
            for n in iter_nodes(form(domain, index))
            if isinstance(n, Paragraph) or (hasattr(n, "spans") and "short" in plain_text(n.spans))
        ]

    shares = [prose(index) for index in range(len(STEPS), FORMS + 1)]
    # Each share keeps less, every form keeps the highlight, the whole share keeps no prose.
    assert [len(kept) for kept in shares] == sorted((len(k) for k in shares), reverse=True)
    assert all([h.text for h in all_highlights(form(domain, i))] == ["fact"] for i in range(9))
    assert shares[-1] == []
    # The long paragraphs go before the short lines, the later of equal ones first.
    first = shares[0]
    assert not any(line.startswith("Paragraph 3") for line in first)
    assert any(line.startswith("Paragraph 0") for line in first)
    assert sum("short" in line for line in first) == 4
    assert form_steps(len(STEPS))[-1].startswith("unmarked prose (25%")
    assert form_steps(FORMS) == STEPS
