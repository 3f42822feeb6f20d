"""Choosing what to blank: a highlight becomes a cloze unless one of these rules says why not.

Each rule is one reason a strict reviewer drops a card: nothing left to cue the answer, a blank
that is a generic word or a function word, a blank so long it is a paragraph to recite, or a
card that shows its own answer elsewhere. An acronym beside its expansion is turned around:
the meaning is what is worth recalling, so the expansion is blanked and the acronym is the cue.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from .form.model import Highlight, Inline, Text


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
    parameter parameters user users key keys high low increase decrease more less
    better worse faster slower cheaper cheap expensive easy easily simple same different
    automatically manually yes no true false enabled disabled none thing things way ways
    method methods function functions service services data information value values
    solution solutions purpose reason reasons case cases step steps image images tip tips
    """
) | {"use case", "use cases", "how to", "increase the number", "exam tip", "exam tips"}
#: Function words: blanking one leaves the key fact of the line visible.
TRIVIAL = word_set(
    """
    a an the and or of in on at to for by with is are be it this that these those also
    very just only all both any some each every so as
    """
)
#: Words that carry no fact of their own: not counted as cue, not matched as a giveaway.
STOP = TRIVIAL | word_set(
    """
    not no can cannot could may might must should will would do does did has have had was
    were been being into from than then there their its they you your we our can't don't
    up out over under via per between through within if when while which who
    etc eg ie vs
    """
)
#: A blank longer than this is a passage to recite, not a fact to recall.
MAX_BLANK_WORDS = 6
#: A blank longer than this with no number, mostly not a name, is a clause, not a key fact.
MAX_CLAUSE_WORDS = 3
#: The rest of the front must keep at least this many words to cue the blank.
MIN_CUE_WORDS = 2

_WORD = re.compile(r"[^\W\d_]{2,}|\d[\w.,]*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")

REASON_WHOLE = "the blank is the whole line: no cue left"
REASON_SHOWN = "the answer is shown elsewhere on the card"
REASON_CLAUSE = "the blank is a clause, not a key fact (no number or name in it)"
REASON_NOT_NAME = "not a name or number, in notes that highlight their facts as names"
REASON_ASIDE = "the blank is an aside in parentheses, or cuts one in half"
REASON_LIST = "the blank is a list to recite, not one fact"
REASON_SCRIPT = "the line mixes in an aside in another script"
_LIST = re.compile(r",\s|\s/\s")
#: The hidden spot on a front, as ``_plain_without`` leaves it: a space between words.
_HOLE_IN_PARENS = re.compile(r"[(（]\s+[)）]")
REASON_GIVEAWAY = "the card gives the answer away (its words are in the line or the context)"
_CAPITAL = re.compile(r"(?:^|\s)\S*[A-Z]")
_DIGIT = re.compile(r"\d")
#: A plural "s" (not the end of "class"), then a silent "e": "nodes", "node" and "cached"
#: meet at "nod", "cach"; "classes" and "class" at "class".
_SUFFIX = re.compile(r"(?:'s|ing|ed|(?<!s)s)$")
_SILENT_E = re.compile(r"(?<=\w\w)e$")
#: "across" is "cross" for a giveaway: "Cross-Zone" answers "across AZs".
_PREFIX = re.compile(r"^a(?=cross)")
#: Stems are cut to this many characters: "multi" matches "multiple" and "Multi-attach".
STEM_CHARS = 5


@functools.lru_cache(maxsize=32768)
def stems(text: str) -> frozenset[str]:
    """The content words of ``text`` as crude stems (case, plurals, endings, length folded):
    enough to see that "Multi-attach" answers "multiple" without a stemmer's weight."""
    out = set()
    for word in _WORD.findall(_CJK.sub(" ", unicodedata.normalize("NFKC", text).casefold())):
        if word in STOP:
            continue
        if not word[0].isdigit():
            word = _PREFIX.sub("", word)
            word = _SILENT_E.sub("", _SUFFIX.sub("", word)) if len(word) > 2 else word
            word = word[:STEM_CHARS]
        out.add(word)
    return frozenset(out)


def content_words(text: str) -> int:
    """Words on a front that cue a blank: not function words (CJK counted two to a word)."""
    words = _WORD.findall(_CJK.sub(" ", text.casefold()))
    return sum(1 for w in words if w not in STOP) + len(_CJK.findall(text)) // 2


def is_fact(answer: str) -> bool:
    """Whether a blank reads as a fact, not a clause: a number in it, or at least half its
    words parts of a name ("Standard and Standard IA", but not "size are linked to IOPS")."""
    if _DIGIT.search(answer):
        return True
    words = answer.split()
    names = sum(1 for w in words if w[:1].isupper() or _CAPITAL.search(w[1:]))
    return 2 * names >= len(words)


def is_name(answer: str, *, at_start: bool) -> bool:
    """Whether a blank is a name or a number: a digit, an acronym or inner capital ("IPv6",
    "CloudFront"), Title Case words ("Customer Gateway"), or one capitalised word mid-line
    ("Aurora"). A capital that only starts the line ("Temporary storage") does not count."""
    if _DIGIT.search(answer):
        return True
    words = answer.split()
    if any(sum(c.isupper() for c in w) >= 2 or _INNER.search(w) for w in words):
        return True
    capitals = sum(1 for w in words if w[:1].isupper())
    return capitals >= 2 or (capitals == 1 and not at_start)


#: Notes whose highlights are mostly names and numbers (at least this share) mark their facts
#: that way; a lowercase phrase highlighted there is the writer's emphasis ("proxy fleet",
#: "insight"), not a term to recall. Notes in lowercase terms (biology, code) keep them.
NAMES_STYLE_SHARE = 0.5
_INNER = re.compile(r"[a-z][A-Z]|[A-Za-z]-[A-Z]")


def names_style(answers: list[str]) -> bool:
    """Whether notes with these highlights mark facts as names and numbers (see above)."""
    if not answers:
        return False
    named = sum(1 for a in answers if is_name(a, at_start=False))
    return named >= NAMES_STYLE_SHARE * len(answers)


def rest_around(rest: str) -> bool:
    """Whether the blank sits alone inside parentheses on the front ("EC2 (`Realtime`)"):
    an aside of the line, not its fact."""
    return bool(_HOLE_IN_PARENS.search(rest))


def gives_away(answer: str, shown: str) -> bool:
    """Whether ``shown`` holds at least half of the answer's content words (stemmed)."""
    needed = stems(answer)
    if not needed:
        return False
    found = needed & stems(shown)
    return 2 * len(found) >= len(needed)


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


def judge(
    answer: str,
    rest: str,
    context: str,
    *,
    cue_elsewhere: bool,
    names_only: bool = False,
    at_start: bool = False,
) -> str | None:
    """Why ``answer`` should not be a blank on a card whose front shows ``rest`` around it
    and ``context`` above it; None if it makes a good blank.

    ``cue_elsewhere``: the context holds a line the blank answers (a parent bullet, a list's
    other items, a table's row label and column), so a whole-line blank still has a cue.
    ``names_only``: the notes mark facts as names (see ``names_style``); ``at_start``: the
    blank starts its line, so its first capital says nothing."""
    folded = normalize(answer)
    if not folded:
        return "no letters or digits: nothing to recall"
    if folded in GENERIC or all(w in GENERIC or w in TRIVIAL for w in folded.split()):
        return f"a generic word ({answer!r}): nothing to recall"
    if answer.count("(") != answer.count(")") or (answer[0] in "(（" and answer[-1] in ")）"):
        return REASON_ASIDE
    # "ALB, NLB", "S3 Console, AWS CLI or SDK": a list to recite, each item a card of its own.
    if _LIST.search(answer):
        return REASON_LIST
    # Notes written in a Latin script (names style) keep asides in another: not card text.
    if names_only and _CJK.search(rest):
        return REASON_SCRIPT
    if rest_around(rest):
        return REASON_ASIDE
    if all(word in TRIVIAL for word in folded.split()):
        return f"a function word ({answer!r}): the key fact stays visible"
    words = blank_words(answer)
    if words > MAX_BLANK_WORDS:
        return f"the blank is too long to recall ({words} words)"
    if words > MAX_CLAUSE_WORDS and not is_fact(answer):
        return REASON_CLAUSE
    if not cue_elsewhere and cue_words(rest) < MIN_CUE_WORDS:
        return REASON_WHOLE
    if shows(rest, answer) or shows(context, answer):
        return REASON_SHOWN
    if is_acronym(answer) and find_expansion(answer, f"{rest} {context}") is not None:
        return REASON_SHOWN
    if names_only and not is_name(answer, at_start=at_start):
        return REASON_NOT_NAME
    if gives_away(answer, f"{rest} {context}"):
        return REASON_GIVEAWAY
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
