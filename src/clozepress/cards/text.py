"""Generic readings of text the rules share: words, numbers, sentences, placeholders, labels,
words that lean on an antecedent.

Only the shape of language and markup lives here, never the words of one subject: a rule that
needs a subject's vocabulary reads it from the learner's own file beside the notes.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterator


def word_set(text: str) -> frozenset[str]:
    """A word list written as text, one space between words."""
    return frozenset(text.split())


WORD = re.compile(r"\w+(?:[-'’]\w+)*")

#: A number as notes write it: ``5``, ``1,000``, ``0.5``, ``99.99%``, ``/16``, ``~10``, ``3x``.
NUMBER = re.compile(r"[~≈<>≤≥+\-/]?\d(?:[\d,]*\d)?(?:\.\d+)?(?:%|x\b)?")
_WHOLE_NUMBER = re.compile(rf"^{NUMBER.pattern}$")

#: Words a line may open with that point back at something said before it (per language).
ANAPHORS = word_set(
    """
    it its it's they them their theirs this these those that then also which such here there he
    she both same so thus hence otherwise instead however but and or
    이 그 이는 그는 이것 그것 이것은 그것은 이러한
    그러한 이런 그런 따라서 또한 하지만 그러나 그래서 이때
    questo questa questi queste quello quella quelli esso essa essi esse ciò inoltre quindi anche
    它 这 这些 那 那些 他们 因此 所以
    """
)

#: Heading or parent words that name no subject: a breadcrumb made of them says nothing.
LABEL_WORDS = word_set(
    """
    note notes misc miscellaneous other others more example examples eg e.g ex option options
    summary overview basic basics general intro introduction detail details info information
    term terms terminology feature features use uses case cases usage tip tips important
    remember todo key point points concept concepts definition definitions q a pros cons list
    lists properties property attribute attributes type types kind kinds main extra extras and
    of the in to for with vs part chapter section step lecture week day module unit lesson topic
    topics question questions answer answers review recap misc. etc
    """
)
_NUMBERED_LABEL = re.compile(r"^(?:[a-z]{0,3}\s*\d+[a-z]?|[ivx]+)$")

#: A placeholder the notes write where a real value goes (``<name>``, ``[options]``, ``...``).
#: Brackets around names with a comma between them (``[Nx, m]``) are a shape or a list, no slot,
#: unless an ellipsis stands for more (``[args, ...]``).
_PLACEHOLDER = re.compile(
    r"^(?:<[^<>]*>|\[(?![^\[\]]*,)[^\[\]]*\]|\[[^\[\]]*(?:\.\.\.|…)[^\[\]]*\]|\{[^{}]*\}|\.{2,}|…|(?:foo|bar|baz|qux|xxx+|yyy+|zzz+)\d*)$",
    re.IGNORECASE,
)

_ABBREVIATION = re.compile(r"(?:\b(?:e\.g|i\.e|vs|etc|eg|ie|cf|ex|approx|no|fig)\.|\b\w\.)$", re.I)
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)$")
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+")


#: Scripts written without spaces between words: each character counts as a word.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def words(text: str) -> list[str]:
    found = WORD.findall(_UNSPACED.sub(lambda m: f" {m.group()} ", text))
    return found


def fold(text: str) -> str:
    """Text as compared: case, width and spacing do not count."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


#: Where twins differ: indexes and counters (``W1``/``W2``, ``count++``/``count--``).
#: A letter standing for an index counts as one: ``n[l]`` beside ``n[0]``, ``threshold n``.
_INDEXES = re.compile(r"\d+|\+\+|--|[+\-<>]|(?<=\[)[a-z](?=\])|(?<=\w )[a-z]$")


def indexed_form(text: str) -> str:
    """Text with its indexes and counters as ``#``, case and spacing folded: two texts of one
    form (``W1 shape is (n[1],n[0])``, ``W2 shape is (n[2],n[1])``) are twins, each read off
    the other."""
    return _INDEXES.sub("#", " ".join(text.split()).casefold())


def is_number(text: str) -> bool:
    return bool(_WHOLE_NUMBER.match(text.strip()))


def number_then_unit(text: str) -> tuple[int, int] | None:
    """``(start, end)`` of the number in a highlight that is a number and its unit (``5 GB``,
    ``2 mins``, ``65536 IP addresses``): the number is the fact, the unit its cue."""
    found = NUMBER.match(text)
    if found is None or found.end() == len(text):
        return None
    rest = text[found.end() :]
    # "3-tier", "3rd", "2nd-hand": the number is part of a word, not a quantity.
    if rest[:1] == "-" or re.match(r"^(?:st|nd|rd|th)\b", rest, re.IGNORECASE):
        return None
    unit = words(rest)
    if not rest[:1].isspace() and not rest[:1].isalpha() and rest[:1] not in "-":
        return None
    if not unit or len(unit) > 2 or any(any(c.isdigit() for c in w) for w in unit):
        return None
    return found.start(), found.end()


#: Words of grammar, not of a subject (closed classes): a highlight of these alone is emphasis.
FUNCTION_WORDS = word_set(
    """
    a an the and or but nor not no only also just very so too is are was were be been being am
    do does did have has had can could may might must shall should will would of in on at to for
    from by with without within into onto over under about as than then that this these those it
    its they them their there here which who whom whose what when where why how all any each
    every some most more less least many much few both either neither same other such own always
    never often usually sometimes yes if else because while until since per via vs up down out
    off again once even still already after before during between through across against among
    around behind beyond beside besides toward towards upon unless whether though although
    """
)


#: Prepositions (a closed class, per language): a phrase opening on one frames, as "By default".
PREPOSITIONS = word_set(
    """
    by in on at for from with without within under over after before during per via upon
    across through unless except
    con da di su senza tra fra dopo prima durante
    """
)


#: The values a worked example uses: a one-letter object's attribute (``c.x``), a metasyntactic
#: name (``foo``, ``Bar(1)``), a memory address (``0x7f3a``). They stand for any value. (A lone
#: letter is kept: in formulas it is a notation, ``W``, ``b``.)
_EXAMPLE = re.compile(
    r"^(?:[A-Za-z](?:\.[A-Za-z])+|(?:foo|bar|baz|qux)\w*(?:\([^()]*\))?(?:\.\w+)*"
    r"|0x[0-9a-fA-F]+(?:\.\w+)*)$",
    re.IGNORECASE,
)


def is_example_value(text: str) -> bool:
    return bool(_EXAMPLE.match(text.strip()))


#: A run of letters and digits as a system makes an id: long, and switching between letters and
#: digits again and again (``Z12ABC4UGMOZ2N``), or hexadecimal with both (``abcd1234``).
_ID_RUN = re.compile(r"[A-Za-z0-9]{8,}")
_HEX = re.compile(r"(?=[0-9a-fA-F]*[0-9])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]+")
#: How often a generated id switches between letters and digits at least.
ID_SWITCHES = 3


def is_generated_id(text: str) -> bool:
    """Whether ``text`` is one token holding an id a system generated (``i-abcd1234``): it
    stands for any id, as an example does; a name a person chose (``ec2``, ``http2``) switches
    between letters and digits once or twice."""
    token = text.strip()
    if not token or any(c.isspace() for c in token):
        return False
    for found in _ID_RUN.finditer(token):
        run = found.group()
        digits = [c.isdigit() for c in run]
        switches = sum(1 for a, b in itertools.pairwise(digits) if a != b)
        if switches >= ID_SWITCHES or _HEX.fullmatch(run):
            return True
    return False


#: Words that offer what follows as an example (per language): "e.g.", "such as", "예를 들어".
EXAMPLE_MARKERS = (
    "e.g.",
    "eg.",
    "eg:",
    "e.g",
    "for example",
    "for instance",
    "such as",
    "like",
    "ex.",
    "ex:",
    "예를 들어",
    "예를들어",
    "예:",
    "ad esempio",
    "per esempio",
    "es.",
    "es:",
    "例如",
    "比如",
)
#: How far after its example marker (characters) the first value it offers may stand.
MARKER_REACH = 60
#: How far back a sentence's example marker is looked for (characters).
SENTENCE_REACH = 200
_CLAUSE_BREAK = re.compile(r"[.;!?。\n]\s")
_LITERAL_TOKEN = re.compile(r"^(?:[^A-Za-z]*|\S*[\d./]\S*)$")


def is_literal(text: str) -> bool:
    """Whether a highlight is a literal value (a version ``> 0.12.0``, a file ``dev.auto.tfvars``,
    a path ``/health``) rather than a term or an expression (``var.list[0]``, ``f(a) = 3a``)."""
    tokens = text.split()
    if not tokens or len(tokens) > 2 or any(c in text for c in "=()[]{}"):
        return False
    return all(_LITERAL_TOKEN.match(t) for t in tokens) and any(
        c.isdigit() or c in "./" for c in text
    )


def example_markers(lowered: str, own: tuple[str, ...] = ()) -> Iterator[tuple[int, str]]:
    """``(where, marker)`` of the last place each example marker (``EXAMPLE_MARKERS``, then the
    learner's ``own``) stands in ``lowered`` (case-folded text) as a word of its own: a marker of
    letters inside a word ("es:" in "notes:") offers nothing."""
    for marker in (*EXAMPLE_MARKERS, *own):
        at = lowered.rfind(marker)
        if at < 0 or (marker[0].isalpha() and at and lowered[at - 1].isalpha()):
            continue
        # Nor one that runs on into a longer word ("like" in "likely").
        after = at + len(marker)
        if marker[-1].isalpha() and after < len(lowered) and lowered[after].isalpha():
            continue
        yield at, marker


def offered_as_example(
    text: str, start: int, literals: list[int], markers: tuple[str, ...] = ()
) -> bool:
    """Whether an example marker ("e.g.", "such as") offers the literal value at ``start``: the
    first literal after the marker (``literals``: where the line's literals start, in order)
    stands close after it, and no sentence ends between; ``markers``: the learner's own, from
    their cues file."""
    low = max(0, start - SENTENCE_REACH)
    for at, marker in example_markers(text[low:start].casefold(), markers):
        end = low + at + len(marker)
        if _CLAUSE_BREAK.search(text, end, start):
            continue
        at_first = bisect.bisect_left(literals, end)
        first = literals[at_first] if at_first < len(literals) else start
        if min(first, start) - end <= MARKER_REACH:
            return True
    return False


def only_function_words(text: str) -> bool:
    found = words(text)
    return bool(found) and all(w.casefold() in FUNCTION_WORDS for w in found)


def is_placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER.match(text.strip()))


def is_label(crumb: str, own: frozenset[str] = frozenset()) -> bool:
    """Whether a heading or parent line names no subject ("P1", "misc", "Notes:", "Options");
    ``own``: the learner's own labels (folded), from their cues file."""
    text = fold(crumb).strip(" :：-–—*#>.()")
    if not text or text in own:
        return True
    if _NUMBERED_LABEL.match(text):
        return True
    found = words(text)
    return 0 < len(found) <= 3 and all(w in LABEL_WORDS for w in found)


#: Words that point at a thing named before ("this class", "these drugs"), wherever they stand
#: in a sentence's opening words (per language).
DEMONSTRATIVES = word_set(
    """
    this these those such 이 그 이러한 그러한 이런 그런 questo questa questi queste quello quella
    quelli quelle tale tali 这 这些 那 那些 该
    """
)
#: How many opening words of a sentence a demonstrative may stand among.
OPENING = 5


def refers_back(text: str) -> bool:
    """Whether a sentence's opening words point with a demonstrative at something named before
    it ("Un esponente di questa classe ...", "One of these drugs ...")."""
    return any(w.casefold() in DEMONSTRATIVES for w in words(text[:80])[:OPENING])


def leans_back(text: str, own: frozenset[str] = frozenset()) -> bool:
    """Whether a line opens on a word that refers to what was said before it; ``own``: the
    learner's own such words (folded), from their cues file."""
    found = words(text[:40])
    return bool(found) and (found[0].casefold() in ANAPHORS or found[0].casefold() in own)


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text`` (a line break also ends one)."""
    out: list[tuple[int, int]] = []
    start = 0
    for chunk_start, chunk_end in _lines(text):
        depth = 0
        at = chunk_start
        for found in _SENTENCE_END.finditer(text, chunk_start, chunk_end):
            depth += sum(text.count(o, at, found.start()) for o in "([")
            depth -= sum(text.count(c, at, found.start()) for c in ")]")
            at = found.start()
            if depth > 0:
                continue  # a full stop inside brackets ends the aside's sentence, not the line's
            if _ABBREVIATION.search(text[max(start, found.start() - 8) : found.start()]):
                continue
            going_on = text[found.end() : found.end() + 1].islower()
            if going_on and _ELLIPSIS.search(text, max(0, found.start() - 3), found.start()):
                continue  # "for ... in": an ellipsis with the sentence going on after it
            if found.start() > start:
                out.append((start, found.start()))
            start = found.end()
        if chunk_end > start:
            out.append((start, chunk_end))
        start = chunk_end + 1
    return [(a, b) for a, b in out if text[a:b].strip()]


_CLAUSE_END = re.compile(r"(?:[,;:]|\s---|\s—|\s–)\s+")


def clauses(
    text: str, start: int, end: int, limit: int, keep: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at clause boundaries (a comma, a semicolon, a dash) into pieces
    of about ``limit`` characters, never inside brackets or inside a range of ``keep``."""
    cuts: list[int] = []
    depth = 0
    at = start
    for found in _CLAUSE_END.finditer(text, start, end):
        depth += sum(text.count(o, at, found.start()) for o in "([{")
        depth -= sum(text.count(c, at, found.start()) for c in ")]}")
        at = found.start()
        cut = found.end()
        if depth <= 0 and not any(a < cut < b for a, b in keep):
            cuts.append(cut)
    pieces: list[tuple[int, int]] = []
    piece = start
    for index, cut in enumerate(cuts):
        following = cuts[index + 1] if index + 1 < len(cuts) else end
        if following - piece > limit and cut - piece >= limit // 4:
            pieces.append((piece, cut))
            piece = cut
    pieces.append((piece, end))
    return pieces


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    for index, char in enumerate(text):
        if char == "\n":
            out.append((start, index))
            start = index + 1
    out.append((start, len(text)))
    return out


def _joined(neighbour: str, edge: str) -> bool:
    """Whether a character beside a match makes it part of a longer word: a letter, digit or
    ``_`` of the same kind of script (a Latin term followed by a Korean particle, ``young의``,
    stands alone)."""
    if not (neighbour.isalnum() or neighbour == "_"):
        return False
    return neighbour.isascii() == edge.isascii() or not (edge.isalnum() or edge == "_")


def occurrences(needle: str, haystack: str, lowered: str = "") -> list[tuple[int, int]]:
    """Where ``needle`` stands in ``haystack`` as whole words, case ignored (``lowered``: the
    haystack in lower case, when the caller has it)."""
    if not needle.strip():
        return []
    lowered = lowered or haystack.lower()
    target = needle.lower()
    if len(lowered) != len(haystack) or len(target) != len(needle):
        # Lower case changed a length (a rare letter): the slower, exact way.
        pattern = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)", re.IGNORECASE)
        return [(m.start(), m.end()) for m in pattern.finditer(haystack)]
    out = []
    at = lowered.find(target)
    while at >= 0:
        end = at + len(target)
        before = haystack[at - 1] if at else " "
        after = haystack[end] if end < len(haystack) else " "
        # A word inside a longer token is not it: '2' in '2.0001', 'x' in 'c.x'.
        inside = (before in ".," and at >= 2 and haystack[at - 2].isalnum()) or (
            after in ".," and end + 1 < len(haystack) and haystack[end + 1].isalnum()
        )
        word_edges = not _joined(before, needle[0]) and not _joined(after, needle[-1])
        if word_edges and not inside:
            out.append((at, end))
        at = lowered.find(target, at + 1)
    return out
