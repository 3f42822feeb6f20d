"""Skip rules: a highlight that is no fact makes no card, and says which rule decided.

Only what is no fact is skipped (an empty highlight, a heading's own words, a placeholder, a
duplicate); a fact that would make a poor card is repaired instead (see ``repairs``). The
learner's markers come first: ``cloze:keep`` overrides every rule here but the essential ones.
"""

from __future__ import annotations

import re
from typing import Literal, Protocol

from .env import BARE_NAME, SAMPLE, Env
from .examples import NAME_CALLED
from .model import Mark, Unit
from .rules import Rule
from .table import head_length
from .text import (
    LABEL_WORDS,
    PREPOSITIONS,
    fold,
    is_example_value,
    is_generated_id,
    is_literal,
    is_placeholder,
    offered_as_example,
    only_function_words,
    words,
)

Verdict = Literal["skip", "keep"]

#: Anki makes no card above c500 (cardgen.rs).
MAX_CLOZES = 500
#: A line opening on a bare name describes it when this many words follow.
DESCRIBED = 3


class SkipRule(Protocol):
    def __call__(self, unit: Unit, mark: Mark, env: Env) -> Verdict | None: ...


def empty(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    return "skip" if not mark.highlight.text.strip() else None


def too_many(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    return "skip" if env.unit_clozes >= MAX_CLOZES else None


def marker_keep(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    return "keep" if "keep" in unit.marks_by_learner else None


def marker_skip(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    text = mark.highlight.text.strip()
    for marker in unit.marks_by_learner:
        if marker == "skip" or (marker.startswith("skip=") and marker[5:].strip() == text):
            return "skip"
    return None


def heading_text(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    if unit.kind == "heading":
        return "skip"
    if unit.heading_count < 2:
        return None
    heading = fold(unit.crumbs[unit.heading_count - 1])
    # A line that only repeats the heading it sits under says nothing new.
    return "skip" if env.unit_key == heading else None


def placeholder(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    return "skip" if is_placeholder(mark.highlight.text) else None


def example_value(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    return "skip" if is_example_value(mark.highlight.text) else None


def generated_id(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    return "skip" if is_generated_id(mark.highlight.text) else None


def example_literal(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A literal value the line offers as an example ("such as `> 0.12.0`", "e.g. `/health`",
    "a file called, for example, `dev.auto.tfvars`") stands for any such value: the fact is
    what it illustrates, said around it."""
    if not is_literal(mark.highlight.text):
        return None
    # The line's literals: "e.g. `a.com`, but `www.a.com` maps to `a.com`" is one example from
    # its marker on. Found once per unit, so a line of many highlights stays linear.
    literals, asked = env.per_unit("example-literal", env.unit_key, lambda: _literals(unit))
    # An example of another highlight of the line (`~> 0.9` beside `~>`) shows that answer: it
    # is asked with it (rule contained), not shown.
    tokens = mark.highlight.text.split()
    if len(tokens) > 1 and any(token in asked for token in tokens):
        return None
    offered = offered_as_example(unit.text, mark.start, literals, env.cues.examples)
    return "skip" if offered else None


def _literals(unit: Unit) -> tuple[list[int], frozenset[str]]:
    """Where the unit's literal values start, in order, and every text it highlights."""
    found = sorted(m.start for m in unit.marks if is_literal(m.highlight.text))
    return found, frozenset(m.highlight.text.strip() for m in unit.marks)


def sample_value(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A name the notes set to two or more numbers (``a = 2``, then ``a = 2.001``), or to a
    number while they use it as a symbol elsewhere (``Nx = 3``, and the shape ``[Nx, m]``), is a
    worked example's variable: its number is a sample the example chose, no fact about it."""
    found = SAMPLE.match(mark.highlight.text)
    return "skip" if found is not None and found.group(1) in env.varied else None


def example_name(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A name an example block of the section makes up for itself (``Duck``, ``walk()``), used
    in no other section's prose: the card would ask what only that block, which it does not
    show, says."""
    own = env.examples.get((unit.domain, unit.sections), frozenset())
    text = mark.highlight.text.strip()
    if text.strip("\"'") in own or _called(text) in own:
        return "skip"
    # The name with the word for its kind ("`b` generator", "the list `a`"): still its name.
    parts = text.split()
    return "skip" if len(parts) == 2 and sum(_called(p) in own for p in parts) == 1 else None


def _called(text: str) -> str:
    """The name a highlight of one name calls (``walk`` of ``walk()``), or ``""``."""
    found = NAME_CALLED.match(text)
    return found.group(1) if found else ""


def code_caption(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A line that names what the code block right after it defines ("the source below is
    `collect()` simplified") says which code follows: a card would ask about a block it does not
    show. What the notes say of that name elsewhere is tested there."""
    found = NAME_CALLED.match(mark.highlight.text.strip())
    return "skip" if found is not None and found.group(1) in unit.introduces else None


def link_title(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A highlight in a link's text beside other words ("the `gc` docs", "the `collect()`
    source") names the page linked, to read: the line states nothing of it."""
    # By identity: the same words highlighted again outside the link are another highlight.
    return "skip" if any(mark.highlight is title for title in unit.titles) else None


def reference(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    return "skip" if unit.reference else None


def pointer(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A line holding one of the learner's pointer phrases ("the source below", "see the
    figure") speaks of what no card shows: its highlights name that, and cannot be recalled."""
    if not env.cues.pointers:
        return None

    def holds() -> bool:
        text = fold(unit.text)
        return any(phrase in text for phrase in env.cues.pointers)

    return "skip" if env.per_unit("pointer", env.unit_key, holds) else None


def list_title(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A whole line highlighted over a list of its own, ending on a label word ("`Deployment
    options`", "`Use cases`"): it titles the list, whose items are the facts."""
    # The list may already stand on the front (children-cue), or the line among its siblings.
    start = unit.text.rfind("\n", 0, mark.start) + 1
    end = unit.text.find("\n", mark.end)
    end = len(unit.text) if end < 0 else end
    listed = unit.children or unit.text.startswith("\n– ", end)
    if unit.kind not in ("line", "list") or not listed:
        return None
    outside = unit.text[start : mark.start].lstrip("• ") + unit.text[mark.end : end]
    found = words(mark.highlight.text)
    if not found or found[-1].casefold() not in LABEL_WORDS:
        return None
    # Words before a highlight of label words alone only name whose list it is ("Streams
    # `features`"); words after it are a fact of their own.
    if words(outside) and not (_only_labels(found) and not words(unit.text[mark.end : end])):
        return None
    return "skip"


def _only_labels(found: list[str]) -> bool:
    return all(word.casefold() in LABEL_WORDS for word in found)


def label(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """Label words alone opening a line before a colon ("`Use cases`: …", "`Important step`:
    …") say what kind of thing the rest of the line is; the rest is the fact."""
    start = unit.text.rfind("\n", 0, mark.start) + 1
    before = unit.text[start : mark.start].lstrip("•–- ")
    after = unit.text[mark.end :].split("\n", 1)[0]
    found = words(mark.highlight.text)
    if before.strip() or not found or not _only_labels(found):
        return None
    content = after.lstrip()
    return "skip" if content.startswith(":") and words(content) else None


def emphasis(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    # In notes that highlight code, a lone "for" or "a" is a keyword or a name.
    return "skip" if env.prose and only_function_words(mark.highlight.text) else None


#: What a line says right after a name it defines.
_DEFINES = re.compile(
    r"\s*(?:is|are|denotes|to denote|represents|stands for|means)\b(?!\s+(?:the same|like))",
    re.IGNORECASE,
)


def bare_name(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A highlight that is a variable's bare name (``w``, ``b``, ``y'``, ``W1`` beside ``W2``)
    names no fact: a card hiding it is guessed from the formula or the sibling beside it. Only a
    line that opens on the name and describes it ("`W1` is the matrix of ..."), defines it
    where it stands ("`L` to denote the number of layers") or highlights nothing else asks for
    it."""
    found = BARE_NAME.match(mark.highlight.text.strip())
    if found is None:
        return None
    index = found.group(2)
    if index and index.isdigit() and found.group(1) not in env.indexed:
        return None  # ``S3`` alone: a name, not one of a family of variables
    if defined_where_it_stands(unit, mark) or stated_about(unit, mark):
        return None
    # So does a line whose every highlight is such a name ("main parameters are `W` and `b`"):
    # it states its fact of them.
    if unit.kind == "line" and all(BARE_NAME.match(m.highlight.text.strip()) for m in unit.marks):
        return None
    return "skip"


#: How far from a name the text that opens on it or defines it is read (characters).
_NEAR = 64


def defined_where_it_stands(unit: Unit, mark: Mark) -> bool:
    """Whether the line states what the highlighted name is: it opens on the name and goes on
    to describe it, or defines it right after it ("the notation `L` to denote the number of
    layers", "`w` is a vector of Nx"). The definition is then the fact a card asks."""
    # Only the text near the name is read: a line may hold hundreds of highlights.
    opens = mark.start <= _NEAR and not unit.text[: mark.start].strip(" *_•-–—>\t")
    after = unit.text[mark.end : mark.end + _NEAR * 4]
    if unit.kind == "line" and opens and len(words(after)) >= DESCRIBED:
        return True
    defined = _DEFINES.match(unit.text, mark.end)
    if defined is None:
        return False
    return len(words(unit.text[defined.end() : defined.end() + 80])) >= DESCRIBED


#: A verb right after the name: the line states something of it ("`Y` has to be ...").
_STATED = re.compile(
    r"\s*(?:is|are|has|have|must|should|can|cannot|can't|will|needs?|lies|ranges?)\s+\w",
    re.IGNORECASE,
)
#: A description, then a copula, right before the name (and the names named with it, "are
#: `W` and `b`"): "the main parameters are `W`".
_NAMED_AS = re.compile(
    r"(?:\w+\W+){2,}(?:is|are)\s+(?:[\w\[\]'()]{1,8}\s*(?:,|and|or|&)\s*)*$", re.IGNORECASE
)
#: A label right before the name: an article and a noun ("the vector `w`", "a matrix `X`").
_LABELLED = re.compile(r"\b(?:the|a|an)\s+\w+\s*$", re.IGNORECASE)
#: How far back a description before the name is read (characters): a line may hold hundreds
#: of highlights, and only the text near the name is read.
_BACK = 80


def stated_about(unit: Unit, mark: Mark) -> bool:
    """Whether the name is the subject of a verb right after it ("`Y` has to be between 0 and
    1"), or the complement of a copula after a description of two words or more ("the main
    parameters are `W` and `b`"): the line says something of the name."""
    head = unit.text[max(0, mark.start - _BACK) : mark.start]
    head = head[head.rfind("\n") + 1 :]
    after = unit.text[mark.end : mark.end + _BACK]
    # "the vector `w` has ...": the statement is of the thing its label names, the letter
    # only its name.
    if _STATED.match(after) and len(words(after)) >= DESCRIBED and not _LABELLED.search(head):
        return True
    return _NAMED_AS.search(head) is not None


#: An opening phrase that frames a line ("By default,") has at most this many words.
FRAME_WORDS = 3


def frame(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A short phrase opening the line on a preposition and set off by a comma ("`By
    default`, the timeout is `30 seconds`", "`In general`, ...") frames what the line asserts:
    the fact is in the rest of the line, and a card hiding the frame asks for a qualifier."""
    if len(unit.marks) < 2:
        return None
    start = unit.text.rfind("\n", 0, mark.start) + 1
    if unit.text[start : mark.start].strip(" *_•-–—>\t"):
        return None
    if not unit.text.startswith(",", mark.end):
        return None
    found = words(mark.highlight.text)
    if not found or len(found) > FRAME_WORDS or found[0].casefold() not in PREPOSITIONS:
        return None
    return "skip"


#: What follows a name its line defines: a copula or an equals sign (not a comparison).
DEFINED = re.compile(
    r"\s*(?:=(?!=)|:\s|(?:is|are|denotes|means|stands for)\b(?!\s+(?:the same|like|similar)))",
    re.IGNORECASE,
)


def derived_name(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """A name made of one letter before a variable's bare name highlighted on the same line
    (`dw` beside `W`: the derivative's name) is read off that name: the card would ask for
    nothing the line does not show. A line that says something of it keeps its card: one that
    defines it ("`dw` is the derivative of w"), or one where it is the subject of a verb
    ("`dw` has the same shape as `W`": its shape, what it holds, a relation is a fact of the
    derived name, not a use of the pair)."""
    text = mark.highlight.text.strip()
    if len(text) < 2 or not text[0].isalpha():
        return None
    if not BARE_NAME.match(text[1:]):
        return None
    if DEFINED.match(unit.text, mark.end) or _STATED.match(unit.text, mark.end):
        return None  # the line defines it or states something of it: a fact of its own
    base = text[1:].casefold()
    for other in unit.marks:
        name = other.highlight.text.strip()
        if other is not mark and name.casefold() == base and BARE_NAME.match(name):
            return "skip"
    return None


def duplicate(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    key = (env.unit_place, env.unit_key, fold(mark.highlight.text))
    if key in env.seen:
        return "skip"
    env.seen.add(key)
    return None


def repeated(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """The same highlight again in the same paragraph (cut into sentences, each its own note)
    asks the same answer again: the first card tests it, the others show it. A sentence that
    opens on it ("`X` is the most ...") says a fact of its own about it and keeps its card."""
    # A paragraph written over several lines is one paragraph: its sentences share its line.
    line = unit.line if unit.cut_out else mark.highlight.line
    key = (f"{line}", "", fold(mark.highlight.text))
    opens = not unit.text[: mark.start].strip(" *_•-–—>\t")
    if key in env.seen and not opens:
        return "skip"
    env.seen.add(key)
    return None


#: An answer is asked by at most this many cards of one section (besides lines opening on it).
TESTED = 2
#: A term or a name: letters with no comma and no digit but in a name's tail (`gc_refs`, `TF_LOG`).
_TERM = re.compile(r"^[^\W\d][\w.()\-]*(?: [^\W\d][\w.()\-]*){0,2}$")
_SENTENCE_START = re.compile(r"[.!?。]\s+|\n")


def tested_enough(unit: Unit, mark: Mark, env: Env) -> Verdict | None:
    """An answer already asked by ``TESTED`` cards of its section (`gc_refs` in every sentence of
    a walkthrough) is shown on the lines after them: one more card asking the same word drills
    the word, not the line. A line that opens on it says something of its own about it."""
    text = mark.highlight.text.strip()
    if not _TERM.match(text):
        return None  # a value (a shape, a number) is a different fact on each line
    section = " › ".join(unit.crumbs[: unit.heading_count])
    key = (unit.domain, section, fold(text))
    begin = 0
    if unit.kind == "row":
        # A table cell opens after its column head ("Compliance: `...` can't be changed").
        begin = unit.text.rfind("\n", 0, mark.start) + 1
        begin += head_length(unit, unit.text[begin : mark.start])
    sentence = _SENTENCE_START.split(unit.text[begin : mark.start])[-1]
    opens = not sentence.strip(" *_•-–—>\t")
    if env.tested[key] >= TESTED and not opens:
        return "skip"
    env.tested[key] += 1
    return None


RULES: tuple[Rule[SkipRule], ...] = (
    Rule("empty", "an empty highlight has nothing to hide", empty, essential=True),
    Rule(
        "too-many", f"Anki makes no card past c{MAX_CLOZES} in one note", too_many, essential=True
    ),
    Rule(
        "marker-keep",
        "the learner's cloze:keep makes every highlight of the line a card",
        marker_keep,
    ),
    Rule(
        "marker-skip",
        "the learner's cloze:skip (or skip=TEXT) leaves the line (or TEXT) out",
        marker_skip,
    ),
    Rule(
        "heading-text",
        "a heading's own words are the context of its lines, not a fact",
        heading_text,
    ),
    Rule(
        "placeholder",
        "a placeholder (<name>, [options], ...) stands for a value, it is none",
        placeholder,
    ),
    Rule(
        "example-value",
        "an example's value (an object's c.x, foo or Bar(1), an address) stands for any",
        example_value,
    ),
    Rule(
        "generated-id",
        "an id a system generated (i-abcd1234) stands for any id, as an example's value does",
        generated_id,
    ),
    Rule(
        "example-literal",
        "a literal value offered as an example (such as `> 0.12.0`) stands for any such value",
        example_literal,
    ),
    Rule(
        "sample-value",
        "a variable set to a number (a = 2 beside a = 2.001, Nx = 3 beside [Nx, m]) is a sample",
        sample_value,
    ),
    Rule(
        "example-name",
        "a name or value an example block makes up (Duck, walk(), 'mybucket') is no fact",
        example_name,
    ),
    Rule(
        "code-caption",
        "a line naming what the code block after it defines introduces that code, no fact",
        code_caption,
    ),
    Rule(
        "reference",
        "a line that is only a link names a page to read (a list of references), no fact",
        reference,
    ),
    Rule(
        "pointer",
        "a line with one of the learner's pointer phrases (cues.toml) speaks of what no card shows",
        pointer,
    ),
    Rule(
        "link-title",
        "a highlight in a link's text beside other words names the page linked, no fact",
        link_title,
    ),
    Rule(
        "list-title",
        "a highlight that only titles the list under it ('Deployment options') is no fact",
        list_title,
    ),
    Rule(
        "label",
        "label words alone before a colon ('Use cases: …') say what kind of fact the line holds",
        label,
    ),
    Rule(
        "emphasis",
        "in notes of phrases, words of grammar alone ('only', 'by') are emphasis",
        emphasis,
    ),
    Rule(
        "bare-name",
        "a variable's bare name (w, b, W1 beside W2) is no fact unless the line it opens describes",
        bare_name,
    ),
    Rule(
        "frame",
        "an opening phrase set off by a comma ('By default,') frames the line's facts, is none",
        frame,
    ),
    Rule(
        "derived-name",
        "a letter before a variable's name on its line (dw beside W) is read off it where the"
        " line only uses the pair, not where it says something of the name",
        derived_name,
    ),
    Rule("duplicate", "the same highlight on the same line text is tested once", duplicate),
    Rule(
        "repeated",
        "the same highlight again in one paragraph is tested by its first card only",
        repeated,
    ),
    Rule(
        "tested-enough",
        f"an answer asked by {TESTED} cards of its section is shown on the lines after them",
        tested_enough,
    ),
)
