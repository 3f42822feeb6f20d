"""Deixis: a line that points at a part of the notes by its place ("in the last equation", "the
image above", "in step 1", "위 이미지와 같은") speaks of a thing no card shows. Its highlights
name parts of that thing, and a card asking for them cannot be answered from what it shows.

The learner's own pointer phrases (``pointers`` in ``cues.toml``) are the ``pointer`` rule's;
this one knows how a few languages point at a figure, an equation, a step or a lecture by where
it stands: grammar, not the words of one subject or author. A line with an image of its own
shows that image on its card, and keeps its cards.

The pointer speaks for the clause it stands in, not for the whole line: a highlight in a clause
before it ("outputs show at `apply`, not at `plan`, because in the next case ...") states its
fact in the line's own words and keeps its card. A forward pointer followed at once by a
highlight ("using the next example `m["k"]`") names that highlight: the thing it points at
stands on the line, and the line keeps its cards. A pointer in a condition ("if one tries an
inheritance like the one in the image above, it raises ...") speaks for the rest of the line
too: what follows holds only in the case the unseen figure shows. A line pointing back at an
equation leans on the line before it only if that line shows one (an equals sign): another line
there does not show what it speaks of."""

from __future__ import annotations

import bisect
import re

from .codepointer import opens_back
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
#: An equation named by its place: the line before shows it only if it holds an equals sign.
_EQUATION = re.compile(r"equation|formula|수식", re.IGNORECASE)
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


#: Where a clause ends: a stop or a comma, or a word opening a reason ("because ..."), whose
#: pointer speaks for the reason, not for the clause before it.
_CLAUSE = re.compile(
    r"[.!?;:,。]\s+|\s(?=(?:because|since|perché|poiché|giacché|왜냐하면)\s)", re.IGNORECASE
)
#: What may stand between a pointer and the highlight it names: spaces, a colon.
_NAMES = re.compile(r"[\s:]*")


def deixis(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A highlight in the clause of a line pointing at a figure or a video makes no card,
    unless an image of its own stands on the card; one in a clause pointing at a part of the
    text makes none unless it points back and has a line before it, which its card then shows
    (``antecedent``)."""
    if unit.images:
        return None
    # Keyed by line as well as text: the same words on another line have another line before.
    key = (unit.line, unit.text, unit.marks)
    start = env.per_unit("deixis", key, lambda: pointing_from(unit))
    return "skip" if start is not None and start <= mark.start else None


def pointing_from(unit: Unit) -> int | None:
    """Where the part of the line that points at what its card cannot show starts, or ``None``:
    at the clause holding the first such pointer (at a figure, or at a part of the text it does
    not point back at with a line before it); it runs to the line's end."""
    # The line before, not a heading or a parent line the card shows anyway.
    crumbs = {" ".join(c.split()) for c in unit.crumbs}
    sibling = bool(unit.before) and unit.before not in crumbs
    after_code = opens_back(unit)
    text = unit.text
    marked = {m.start for m in unit.marks}
    starts = [found.start() for found in POINTING_SEEN.finditer(text)]
    for found in POINTING_READ.finditer(text):
        back = _BACK.search(found.group()) is not None
        # Pointing back at the code block right before it: ``code-pointer`` decides.
        shown = sibling and (_EQUATION.search(found.group()) is None or "=" in unit.before)
        names = not back and _names_highlight(text, found.end(), marked)
        if (back and (shown or after_code)) or names:
            continue
        starts.append(found.start())
    if not starts:
        return None
    # The first pointer's clause runs to the line's end: every later pointer stands in it.
    clauses = [found.end() for found in _CLAUSE.finditer(text)]
    at = min(starts)
    before = bisect.bisect_right(clauses, at)
    return clauses[before - 1] if before else 0


def _names_highlight(text: str, end: int, marked: set[int]) -> bool:
    """Whether a highlight (one of those starting at ``marked``) follows the pointer ending at
    ``end`` at once: the pointer names it."""
    after = _NAMES.match(text, end)
    return after is not None and after.end() in marked


RULES: tuple[Rule[SkipRule], ...] = (
    Rule(
        "deixis",
        "a line pointing at a figure ('the image above') speaks of what no card shows; one "
        "pointing back at an equation or a step shows the line before it",
        deixis,
    ),
)
