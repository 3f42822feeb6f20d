"""Notes in other people's styles build without losing text (issue 7, point 1).

Every file in ``tests/fixtures/styles/`` is one way people write Markdown notes. They are built
together by ``clozepress build`` in a temporary project, then read back through the real outputs:
each deck imported into the real Anki, each sheet's PDF text read with pypdf. For every style the
table below says which domains it makes, which highlights it holds (as a card hides them: trimmed)
and which text must reach the sheet.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from clozepress.form.model import Document, all_highlights, loads

from .deck_support import Anki, cloze_spans, live_markup, visible
from .hardening import (
    FIXTURES,
    Run,
    letters,
    new_project,
    pdf_text,
    policy_reports,
    run_cli,
    squash,
    unaccounted,
)

STYLES_DIR = FIXTURES / "styles"


@dataclass(frozen=True)
class Style:
    name: str
    domains: tuple[str, ...]
    highlights: tuple[str, ...]
    """Every highlight of the notes, trimmed, in source order."""
    text: tuple[str, ...]
    """Text the sheet must show (compared on letters and digits: line breaks, columns and
    right-to-left reordering do not count)."""
    literal: tuple[str, ...] = ()
    """Text the sheet must show character for character (whitespace aside)."""
    absent: tuple[str, ...] = ()
    """Text the sheet must not show (whitespace aside): markup of the source."""
    warnings: tuple[str, ...] = ()
    """Parts of warnings the build must print for this file."""


STYLES = [
    Style(
        "star-bullets",
        ("Storage",),
        ("objects", "archival", "minutes to hours", "one instance"),
        ("S3 stores objects in buckets", "retrieval takes", "EBS volumes attach to"),
    ),
    Style(
        "plus-bullets",
        ("Networking",),
        ("all AZs", "one AZ", "internet gateway", "NAT gateway"),
        ("A VPC spans all AZs of a region", "private subnets use a NAT gateway"),
    ),
    Style(
        "two-space-indent",
        ("Compute",),
        ("C", "R", "I", "T"),
        ("EC2 instance families", "for memory optimised", "for burstable"),
    ),
    Style(
        "three-space-indent",
        ("Databases",),
        ("high availability", "synchronous", "asynchronous", "six copies"),
        ("Multi-AZ gives high availability", "the standby is synchronous", "across three AZs"),
    ),
    Style(
        "mixed-tabs-spaces",
        ("Security",),
        ("JSON documents", "deny", "temporary credentials", "STS", "yearly"),
        ("policies are JSON documents", "an explicit deny wins", "assumed through STS"),
    ),
    Style(
        "numbered-lists",
        ("Migration",),
        ("Rehost", "Replatform", "Refactor", "cloud-native", "most effort", "Retire"),
        ("lift, tinker and shift", "uses cloud-native features", "what nobody uses"),
    ),
    Style(
        "no-h1",
        ("Regions and zones",),
        ("three AZs", "edge locations"),
        ("Regions and zones", "Edge", "CloudFront caches at edge locations"),
        warnings=("note: domains are the '##' headings",),
    ),
    Style(
        "skipped-levels",
        ("Monitoring",),
        ("5 minutes", "API calls", "configuration changes"),
        ("CloudWatch", "CloudTrail", "Deep detail", "Config", "records API calls"),
    ),
    Style(
        "heading-highlights",
        ("The shared responsibility model",),
        ("shared responsibility", "AWS", "global infrastructure", "in the cloud", "IAM"),
        ("AWS secures the cloud", "The customer secures in the cloud", "data, IAM and OS"),
    ),
    Style(
        "code-fences",
        ("Scripting",),
        ("~/.aws/config", "still parsed"),
        ("this comment is not a heading", "nor is this one", "after the fences"),
        literal=("aws s3 cp `pwd`/file", 'name = "`not a highlight`"'),
    ),
    Style(
        "fence-in-list",
        ("Lambda",),
        ("handler(event, context)", "15 minutes"),
        ("a comment inside a list item", "def handler(event, context):", "no highlight here"),
        literal=('return "`no highlight here`"',),
    ),
    Style(
        "raw-html",
        ("Raw HTML",),
        ("br tags", "a highlight", "answer", "<b>"),
        ("line one", "line two with br tags", "Click me", "tags inside a highlight stay text"),
        # Tags of HTML elements are read: <br> breaks the line, others go and leave their
        # text; a tag inside a highlight is text.
        literal=("Click me hidden answer", "<b> tags inside"),
        absent=("<br>", "<hr", "<div", "<details", "<summary", "</"),
    ),
    Style(
        "pandoc-markup",
        ("Pandoc markup",),
        ("sodium", "in the note", "listed", "cell highlight", "HTML highlight"),
        (
            "Grid head",
            "Second head",
            "a cell that runs on over two lines",
            "Na+ enters, T3 leaves 4–5 times",
            "H2O",
            "struck",
        ),
        literal=("• first item", "• listed"),
        absent=("+---", "+===", "|", "^", "~", "<sup>", "<code>"),
    ),
    Style(
        "bare-urls",
        ("Links",),
        ("EC2 pricing", "a highlight"),
        ("www.example.com/faq is a bare host", "A paragraph ending in"),
        literal=(
            "https://docs.aws.amazon.com/s3/",
            "https://aws.amazon.com/ec2/",
            "https://example.org/path?x=1&y=2",
        ),
    ),
    Style(
        "horizontal-rules",
        ("Rules",),
        ("alpha", "beta", "gamma", "delta"),
        ("before the rules", "between the rules", "after the rules", "A line right above"),
    ),
    Style(
        "long-lines",
        ("Long lines",),
        ("the far highlight", "after the token", "paragraph end"),
        (
            " ".join(f"word{i}" for i in range(900)),
            "arn:aws:iam::123456789012:role/" + "x" * 600,
        ),
    ),
    Style(
        "emoji",
        ("Emoji 🚀",),
        ("serverless ⚡", "🪣 buckets", "✔ checked", "👨‍👩‍👧", "🇯🇵"),
        # No emoji font is installed: the sheet shows boxes for them, and says so.
        ("Lambda is serverless", "compute", "S3 keeps objects in", "done", "not done"),
        warnings=("no installed font has glyphs for U+1F680",),
    ),
    Style(
        "cjk",
        ("存储 ストレージ 스토리지",),
        ("对象存储", "オブジェクトストレージ", "객체 스토리지", "高可用"),
        (
            "S3 是对象存储服务",
            "日本語では オブジェクトストレージ と呼ぶ",
            "한국어로는 객체 스토리지 서비스",
        ),
    ),
    Style(
        "rtl",
        ("تخزين",),
        ("دلو", "דלי", "دلو"),
        ("الحاوية دلو تخزن الكائنات", "עברית: דלי מאחסן אובייקטים", "a bucket is دلو in Arabic"),
    ),
    Style(
        "edge-spaces",
        ("Spaces",),
        ("S3 Glacier", "Snowball", "Snowmobile", "Storage Gateway", "DataSync"),
        ("both edges: S3 Glacier kept", "leading only:Snowball kept", "tabs DataSync kept"),
    ),
]
BY_NAME = {style.name: style for style in STYLES}


@dataclass(frozen=True)
class Built:
    root: Path
    run: Run


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Every style fixture built by one ``clozepress build``, as a user would run it."""
    root = new_project(tmp_path_factory.mktemp("styles") / "project")
    for style in STYLES:
        shutil.copy(STYLES_DIR / f"{style.name}.md", root / "source")
    return Built(root, run_cli(root, "build"))


def document(built: Built, name: str) -> Document:
    return loads((built.root / "build" / f"{name}.json").read_text(encoding="utf-8"))


def test_every_style_fixture_is_in_the_table() -> None:
    assert sorted(p.stem for p in STYLES_DIR.glob("*.md")) == sorted(BY_NAME)


def test_the_build_takes_every_style_without_an_error(built: Built) -> None:
    assert built.run.code == 0, built.run.said
    assert "error:" not in built.run.said
    for style in STYLES:
        assert (built.root / "dist" / f"{style.name}.apkg").is_file()
        assert (built.root / "dist" / "sheets" / f"{style.name}.pdf").is_file()


@pytest.mark.parametrize("style", STYLES, ids=lambda s: s.name)
def test_domains_and_highlights_are_read_as_the_author_meant(built: Built, style: Style) -> None:
    ir = document(built, style.name)
    assert tuple(domain.title for domain in ir.domains) == style.domains
    assert tuple(h.text.strip() for h in all_highlights(ir)) == style.highlights
    for warning in style.warnings:
        assert warning in built.run.said


@pytest.mark.parametrize("style", STYLES, ids=lambda s: s.name)
def test_every_highlight_is_a_cloze_in_anki_or_reported(
    built: Built, style: Style, tmp_path: Path
) -> None:
    """Each highlight is hidden by a card in the real Anki, trimmed; a highlight the card policy
    chose not to make a card of is reported on its line. None disappears silently."""
    anki = Anki(tmp_path / "anki")
    try:
        anki.import_(built.root / "dist" / f"{style.name}.apkg")
        cards = list(anki.cards())
    finally:
        anki.close()
    answers = [span for card in cards for span in cloze_spans(card.answer)]
    for card in cards:
        assert 'class="cloze"' in card.question, visible(card.question)
        assert live_markup(card.question) == [] and live_markup(card.answer) == []
    ir = document(built, style.name)
    assert unaccounted(ir, answers, policy_reports(ir, built.root)) == []


@pytest.mark.parametrize("style", STYLES, ids=lambda s: s.name)
def test_the_sheet_keeps_the_text_and_every_highlight(built: Built, style: Style) -> None:
    text = pdf_text(built.root / "dist" / "sheets" / f"{style.name}.pdf")
    shown = letters(text)
    glyphless = "emoji" in style.name  # no font on this machine draws them: boxes
    for highlight in style.highlights:
        if not glyphless:
            assert letters(highlight) in shown, highlight
    for part in style.text:
        assert letters(part) in shown, part[:80]
    for part in style.literal:
        assert squash(part) in squash(text), part
    for part in style.absent:
        assert squash(part) not in squash(text), part
    for title in style.domains:
        if not glyphless:
            assert letters(title) in shown
