"""Deixis: a line that points at a part of the notes by its place ("in the last equation", "the
image above", "in step 1", "위 이미지와 같은") speaks of a thing no card shows. Its highlights
name parts of that thing, and a card asking for them cannot be answered from what it shows.

The learner's own pointer phrases (``pointers`` in ``cues.toml``) are the ``pointer`` rule's;
this one knows how a few languages point at a figure, an equation, a step or a lecture by where
it stands: grammar, not the words of one subject or author. A line with an image of its own
shows that image on its card, and keeps its cards."""

from __future__ import annotations

import re

from .env import Env
from .model import Mark, Unit
from .rules import Rule
from .skips import SkipRule, Verdict

#: Things a card cannot show: a picture, a recording, a lecture.
_SEEN_EN = r"image|figure|picture|diagram|graph|chart|video|slide|lecture"
_SEEN_KO = r"이미지|그림|영상"
_SEEN_IT = r"figura|immagine|grafico"
#: Things of the text: the line before the one pointing at them is where they stand.
_READ_EN = r"equation|formula|example|step|code|snippet|table|case"
_READ_KO = r"코드|예제|표|수식|과정|단계"
_READ_IT = r"tabella|formula|esempio|codice"


def _pointing(things_en: str, things_ko: str, things_it: str, *, numbered: bool) -> re.Pattern[str]:
    """A thing of the notes named by its place: before or after it, or by its number."""
    return re.compile(
        rf"\b(?:the|this|that|these|those)\s+(?:last|previous|preceding|next|following|above|below)"
        rf"\s+(?:{things_en})s?\b"
        rf"|\b(?:{things_en})s?\s+(?:above|below)\b"
        + (r"|\b(?:in|from)\s+the\s+(?:video|lecture|slides?)\b" if not numbered else "")
        + rf"|(?:^|\s)(?:위|아래|앞)의?\s*(?:{things_ko})"
        + (r"|\d+\s*번\s*(?:과정|단계)" if numbered else "")
        + rf"|\b(?:{things_it})\s+(?:sopra|sotto|precedente|seguente)\b",
        re.IGNORECASE,
    )


#: Pointing at what no card shows (a figure, a video): the line speaks of it, the card cannot.
POINTING_SEEN = _pointing(_SEEN_EN, _SEEN_KO, _SEEN_IT, numbered=False)
#: Pointing at a part of the text (an equation, a step): the line before shows it on the card.
POINTING_READ = _pointing(_READ_EN, _READ_KO, _READ_IT, numbered=True)
#: Pointing back: "the last equation", "the formula above" (not "the next step").
_BACK = re.compile(
    r"\b(?:last|previous|preceding|above)\b|(?:^|\s)(?:위|앞)의?\s|\b(?:sopra|precedente)\b",
    re.IGNORECASE,
)


#: Connectives: words opening a sentence that continue the sentence before it (add to it,
#: turn against it, follow from it, come after it, or offer an alternative to it). Grammar of a
#: few languages, not of one subject. "Instead of", "in fact" as a phrase: a preposition is none.
_CONNECTIVES_EN = (
    r"also|however|in fact|indeed|then|or|otherwise|moreover|furthermore|besides|instead(?! of)"
    r"|but|so|thus|hence|therefore|additionally|in addition|similarly|likewise|alternatively"
    r"|conversely|and|as a result|on the other hand|that said"
)
_CONNECTIVES_IT = (
    r"inoltre|quindi|invece|però|tuttavia|infatti|anche|poi|oppure|altrimenti|dunque|perciò"
    r"|pertanto|allora|ma|cioè|del resto|d'altra parte|in realtà"
)
_CONNECTIVES_KO = (
    r"또한|실제로|그\s*다음에?|그\s*후에?|그래서|그러나|하지만|그리고|따라서|즉|반면에?|게다가"
    r"|그렇지만|다만|그러면|그런데|또는|혹은|그러므로|이후|이제|결국|한편|마찬가지로|또"
)
#: A sentence opening on a connective: the word, then a comma, a space or the line's end.
OPENS_ON_CONNECTIVE = re.compile(
    rf"^[\s>*_•\-–—\"'“‘(]*((?:{_CONNECTIVES_EN}|{_CONNECTIVES_IT}|{_CONNECTIVES_KO}))"
    r"(?:\s*,\s*|\s+|\s*$)",
    re.IGNORECASE,
)


def continues(text: str) -> bool:
    """Whether ``text`` opens on a connective: it continues the sentence before it, and means
    what it says only beside it."""
    return OPENS_ON_CONNECTIVE.match(text) is not None


def points_back(text: str) -> bool:
    """Whether a line points back at a part of the text before it (an equation, a step): the
    ``antecedent`` repair shows it the line before, where that part stands."""
    found = POINTING_READ.search(text)
    return found is not None and _BACK.search(found.group()) is not None


def deixis(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A line pointing at a figure or a video makes no card, unless an image of its own stands
    on the card; one pointing at a part of the text makes none unless it points back and has a
    line before it, which its card then shows (``antecedent``)."""
    if unit.images:
        return None
    return "skip" if env.per_unit("deixis", env.unit_key, lambda: _points_away(unit)) else None


def _points_away(unit: Unit) -> bool:
    """Whether the line points at what its card cannot show: a figure, or a part of the text
    it does not point back at with a line before it."""
    seen = POINTING_SEEN.search(unit.text) is not None
    read = POINTING_READ.search(unit.text) is not None
    # The line before, not a heading or a parent line the card shows anyway.
    crumbs = {" ".join(c.split()) for c in unit.crumbs}
    sibling = bool(unit.before) and unit.before not in crumbs
    return seen or (read and not (sibling and points_back(unit.text)))


RULES: tuple[Rule[SkipRule], ...] = (
    Rule(
        "deixis",
        "a line pointing at a figure ('the image above') speaks of what no card shows; one "
        "pointing back at an equation or a step shows the line before it",
        deixis,
    ),
)
