"""Math from the notes reaches Anki as MathJax, whole, whatever cloze markup sits around or in it.

Through the public pipeline (parse, deck) into a real Anki collection: the rendered question and
answer must hold each formula between MathJax's delimiters with its TeX intact once the browser
has decoded the HTML (which is what MathJax reads).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from clozepress.cards import mathjax
from clozepress.config import Config
from clozepress.form.model import Highlight, Math, Text

from .deck_support import Anki, build, project_with

NOTES = r"""# Formulas
## Energy
- Mass and energy: $E = `mc^2`$ in a vacuum
## Circles
- `$\pi r^2$` is the area of a circle of radius $r$
## Ratios
- The ratio $\frac{1}{`x^{2}`}$ shrinks as `x` grows
## Sums
- The `sum` of the first n numbers is $$\frac{n(n+1)}{2}$$
## Money
- A `price` of $5 and $10 is no formula
"""

_MATHJAX = re.compile(r"\\\((.*?)\\\)|\\\[(.*?)\\\]", re.DOTALL)


def _formulas(rendered: str) -> list[str]:
    """Each MathJax formula of a rendered card, as MathJax reads it (HTML decoded)."""
    return [html.unescape(a or b) for a, b in _MATHJAX.findall(rendered)]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, str]]:
    """Source line -> (question, answer) of each card, with every highlight a cloze."""
    tmp_path = tmp_path_factory.mktemp("math")
    project, path = project_with(tmp_path, NOTES, Config(cloze_policy="all"))
    build(project, path)
    anki = Anki(tmp_path / "anki")
    try:
        anki.import_(project.out_dir / "notes.apkg")
        cards: dict[str, tuple[str, str]] = {}
        for card in anki.cards():
            key = f"{card.source.rsplit(':', 1)[1]}:{len(cards)}"
            cards[key] = (card.question, card.answer)
        return cards
    finally:
        anki.close()


def _cards_of(rendered: dict[str, tuple[str, str]], line: int) -> list[tuple[str, str]]:
    return [qa for key, qa in rendered.items() if key.startswith(f"{line}:")]


def test_a_highlight_inside_math_is_a_cloze_inside_mathjax(rendered):
    [(question, answer)] = _cards_of(rendered, 3)
    assert _formulas(question) == ["E = [...]"]
    assert _formulas(answer) == ["E = mc^2"]


def test_math_inside_a_highlight_is_mathjax_inside_the_cloze(rendered):
    [(question, answer)] = _cards_of(rendered, 5)
    assert _formulas(question) == ["r"]
    assert _formulas(answer) == [r"\pi r^2", "r"]
    assert "$" not in answer


def test_closing_braces_of_tex_inside_a_cloze_do_not_end_it(rendered):
    cards = _cards_of(rendered, 7)
    assert len(cards) == 2
    answers = sorted(f for _, answer in cards for f in _formulas(answer))
    assert answers == [r"\frac{1}{x^{2}}"] * 2
    questions = sorted(f for question, _ in cards for f in _formulas(question))
    assert questions == [r"\frac{1}{[...]}", r"\frac{1}{x^{2}}"]


def test_display_math_uses_display_delimiters(rendered):
    [(question, answer)] = _cards_of(rendered, 9)
    assert r"\[" in question and _formulas(question) == [r"\frac{n(n+1)}{2}"]
    assert _formulas(answer) == [r"\frac{n(n+1)}{2}"]


def test_dollar_amounts_stay_text(rendered):
    [(question, _)] = _cards_of(rendered, 11)
    assert _formulas(question) == []
    assert "$5 and $10" in html.unescape(question)


def test_the_card_renderer_escapes_tex_for_html_and_for_clozes():
    formula = Math((Text("a < b, "), Highlight("f{::}", 1)))
    shown = mathjax.math_html(formula, lambda h: "{{c1::" + mathjax.text_html(h.text, True) + "}}")
    assert shown == r"\(a &lt; b, {{c1::f&#123;&#58;&#58;&#125;}}\)"
    not_a_cloze = mathjax.math_html(formula, lambda h: f"<em>{h.text}</em>")
    assert "<em>" not in not_a_cloze and html.unescape(not_a_cloze) == r"\(a < b, f{::}\)"


def test_a_sheet_sets_the_tex_as_written_in_the_math_face(tmp_path: Path):
    from pypdf import PdfReader

    from clozepress.read.parse import parse_file
    from clozepress.sheets.sheets import write_sheets

    project, path = project_with(tmp_path, NOTES)
    document = parse_file(path, project.shown(path))
    result = write_sheets(document, project.out_dir, project=project, workers=1)
    pages = PdfReader(result.combined).pages
    text = " ".join(" ".join(page.extract_text() for page in pages).split())
    for tex in ("E = mc^2", r"\frac{1}{x^{2}}", r"\frac{n(n+1)}{2}", r"\pi r^2"):
        assert tex in text
    assert "$5 and $10" in text
    fonts = {
        str(f.get_object().get("/BaseFont"))
        for page in pages
        for f in page["/Resources"]["/Font"].values()
    }
    assert any("Serif" in name for name in fonts), fonts


def test_the_reports_card_previews_render_math_as_anki_does(tmp_path: Path):
    from .deck_support import visible

    project, path = project_with(tmp_path, NOTES, Config(cloze_policy="all"))
    result = build(project, path)
    assert result.previews
    anki = Anki(tmp_path / "anki")
    try:
        anki.import_(project.out_dir / "notes.apkg")
        shown = {(c.source, visible(c.question), visible(c.answer)) for c in anki.cards()}
    finally:
        anki.close()
    for card in result.previews:
        assert (card.source, visible(card.front), visible(card.back)) in shown, card


def test_dollars_inside_a_highlight_are_math_only_when_it_is_a_formula_end_to_end():
    assert mathjax.to_mathjax(r"$\pi r^2$") == r"\(\pi r^2\)"
    assert mathjax.to_mathjax("$$E = mc^2$$") == r"\[E = mc^2\]"
    for literal in ("export PATH=$HOME/bin:$PATH", "$HOME", "$5 and $10", "echo $1 $2"):
        assert mathjax.to_mathjax(literal) == literal
