"""Choosing what to blank: a highlight becomes a cloze unless one of these rules says why not.

Each rule is one reason a strict reviewer drops a card: nothing left to cue the answer, a blank
that is a generic word or a function word, a blank so long it is a paragraph to recite, or a
card that shows its own answer elsewhere. An acronym beside its expansion is turned around:
the meaning is what is worth recalling, so the expansion is blanked and the acronym is the cue.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .model import Highlight, Inline, Text


def word_set(text: str) -> frozenset[str]:
    """The words of ``text``, as a set (lists of words read best as one string)."""
    return frozenset(text.split())


#: Words that name a kind of thing, not a fact: a card hiding one tests nothing.
GENERIC = word_set(
    """
    feature features option options pattern patterns type types usage usages
    example examples misc note notes benefit benefits pros cons basic basics
    component components setting settings keyword keywords important summary overview
    advantage advantages disadvantage disadvantages limitation limitations how why what
    """
) | {"use case", "use cases", "how to"}
#: Function words: blanking one leaves the key fact of the line visible.
TRIVIAL = word_set(
    """
    a an the and or of in on at to for by with is are be it this that these those also
    very just only all both any some each every so as
    """
)
#: A blank longer than this is a passage to recite, not a fact to recall.
MAX_BLANK_WORDS = 8
#: The rest of the front must keep at least this many words to cue the blank.
MIN_CUE_WORDS = 2

_WORD = re.compile(r"[^\W\d_]{2,}|\d[\w.,]*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")

REASON_WHOLE = "the blank is the whole line: no cue left"
REASON_SHOWN = "the answer is shown elsewhere on the card"


def blank_words(answer: str) -> int:
    """Words in a blank; two CJK characters count as one word."""
    return len(answer.split()) + len(_CJK.findall(answer)) // 2


def cue_words(rest: str) -> int:
    """Words left on the front to cue a blank (CJK characters counted two to a word)."""
    return len(_WORD.findall(_CJK.sub(" ", rest))) + len(_CJK.findall(rest)) // 2


def normalize(text: str) -> str:
    """For "does the card show this?": case, width, punctuation and spacing do not count."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def shows(haystack: str, answer: str) -> bool:
    """Whether ``answer`` appears, as whole words, in ``haystack``."""
    needle = normalize(answer)
    return bool(needle) and f" {needle} " in f" {normalize(haystack)} "


def judge(answer: str, rest: str, context: str, *, cue_elsewhere: bool) -> str | None:
    """Why ``answer`` should not be a blank on a card whose front shows ``rest`` around it
    and ``context`` above it; None if it makes a good blank.

    ``cue_elsewhere``: the context holds a line the blank answers (a parent bullet, a list's
    other items, a table's row label and column), so a whole-line blank still has a cue."""
    folded = normalize(answer)
    if not folded:
        return "no letters or digits: nothing to recall"
    if folded in GENERIC:
        return f"a generic word ({answer!r}): nothing to recall"
    if all(word in TRIVIAL for word in folded.split()):
        return f"a function word ({answer!r}): the key fact stays visible"
    words = blank_words(answer)
    if words > MAX_BLANK_WORDS:
        return f"the blank is too long to recall ({words} words)"
    if not cue_elsewhere and cue_words(rest) < MIN_CUE_WORDS:
        return REASON_WHOLE
    if shows(rest, answer) or shows(context, answer):
        return REASON_SHOWN
    return None


# ---------------------------------------------------------------------------------------------
# Acronyms

_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9&]{1,7}")
_SMALL = word_set("of for over and the to a an in on with by as de than from at")
_TOKEN = re.compile(r"[A-Za-z][\w'’-]*")

REASON_ACRONYM = "an acronym beside its expansion: the expansion is blanked instead"


@dataclass(frozen=True)
class Swap:
    """An acronym highlight that became text, and the expansion highlight made in its place."""

    acronym: Highlight
    expansion: Highlight


def is_acronym(text: str) -> bool:
    return bool(_ACRONYM.fullmatch(text)) and sum(c.isupper() for c in text) >= 2


def find_expansion(acronym: str, text: str) -> tuple[int, int] | None:
    """Where in ``text`` words spell out ``acronym`` by their initials ("File Transfer Protocol"
    for FTP; small words like "of" may sit between), as (start, end), or None."""
    letters = [c.lower() for c in acronym if c.isupper() or c.isdigit()]
    tokens = list(_TOKEN.finditer(text))
    for start in range(len(tokens)):
        matched = 0
        end = start
        for index in range(start, len(tokens)):
            word = tokens[index].group(0)
            if matched < len(letters) and word[0].lower() == letters[matched]:
                matched += 1
                end = index
                # "Over" in "File Transfer Protocol over SSL" may be a letter or filler.
            elif matched and word.lower() in _SMALL:
                continue
            else:
                break
            if matched == len(letters):
                break
        if matched == len(letters) and len(letters) >= 2 and tokens[start].group(0)[0].isupper():
            return tokens[start].start(), tokens[end].end()
    return None


def swap_acronyms(spans: tuple[Inline, ...]) -> tuple[tuple[Inline, ...], list[Swap]]:
    """Top-level acronym highlights whose expansion is in the text right beside them: the
    acronym becomes text and the expansion a highlight."""
    # Each span may be replaced by several (a text cut around the new highlight).
    pieces: list[list[Inline]] = [[span] for span in spans]
    swaps: list[Swap] = []
    for index, span in enumerate(spans):
        if not (isinstance(span, Highlight) and is_acronym(span.text.strip())):
            continue
        for neighbour in (index + 1, index - 1):
            if not 0 <= neighbour < len(spans) or len(pieces[neighbour]) != 1:
                continue
            beside = spans[neighbour]
            if not isinstance(beside, Text):
                continue
            found = find_expansion(span.text.strip(), beside.text)
            if found is None:
                continue
            start, end = found
            expansion = Highlight(beside.text[start:end], span.line)
            pieces[index] = [Text(span.text)]
            cut: list[Inline] = [Text(beside.text[:start]), expansion, Text(beside.text[end:])]
            pieces[neighbour] = [p for p in cut if not isinstance(p, Text) or p.text]
            swaps.append(Swap(span, expansion))
            break
    flat: list[Inline] = [span for group in pieces for span in group]
    return tuple(flat), swaps
