"""The front's own words: what may lead it, whether it says enough, and structure noise.

Round 5 blind reviews fixed or dropped fronts that glued a parent's label on ("Fully Managed,
automatic scaling, serverless: Can send ... [...]", "execution: Concurrency executions:
[...]"), fronts with no subject at all ("Instances in Private Subnet [...]", "to use [...]
Access Points"), and fronts that kept the notes' scaffolding: a "wide language support, "
item before the blank's own clause, a "for each CIDR" that only introduced the children.
"""

from __future__ import annotations

import re

from .cards_choice import GENERIC, STOP, stems, word_set
from .cards_context import PREPOSITIONS, VERBS
from .cards_narrow import QUANTITY
from .form.model import Highlight, Inline, Text

#: A parent may lead the front only as a short noun phrase naming the subject.
SUBJECT_WORDS = 4
#: A comma, slash, colon or semicolon inside makes the parent a list or a label line.
_NOT_A_NAME = re.compile(r"[,/:;：，；]")

_WORD = re.compile(r"[^\W\d_]{2,}|\d[\w.,]*")

#: Verbs the notes use that ``cards_context.VERBS`` (a line's opening words) leaves out.
MORE_VERBS = word_set(
    """
    launch launches deploy deploys replicate replicates encrypt encrypts decrypt decrypts
    route routes connect connects scale scales trigger triggers invoke invokes read reads
    write writes delete deletes restore restores protect protects monitor monitors detect
    detects analyze analyzes analyse analyses query queries load loads block blocks share
    shares expose exposes serve serves host hosts attach attaches apply applies assign
    assigns migrate migrates backup backups export exports import imports stream streams
    forward forwards filter filters collect collects log logs poll polls publish publishes
    subscribe subscribes notify notifies deny denies grant grants track tracks automate
    automates manage manages stop stops start starts check checks translate translates
    produce produces yield yields hold holds join joins go goes build builds
    integrate integrates integration replicated cached stored
    """
)
#: Marks that link a subject to what it says: "X: Y", "X = Y", "X -> Y", "X – Y".
_RELATION = re.compile(r"[:=：]|->|=>|\s[-–—]\s|\+")
_VERB_FORM = re.compile(r"^[a-z]{3,}(?:ed|ing)$")
_OTHER_SCRIPT = re.compile(r"[^\x00-\u024f\s\W\d]")


def subject_ok(subject: str) -> bool:
    """Whether a parent line may lead a front as its subject: a short noun phrase ("Topic
    Publish", "S3 Object Lock"), not a list ("Fully Managed, automatic scaling, serverless"),
    a slash pair ("Instance/ application level risk check") or a one-word lowercase label
    over a list ("execution", "integrations", "inputs")."""
    words = subject.split()
    if not words or len(words) > SUBJECT_WORDS or _NOT_A_NAME.search(subject):
        return False
    # "Common usage", "Main features": a label over a list, not what the line is about
    # ("Common usage: expose [...]" was ambiguous in round 6 review).
    if words[-1].lower() in GENERIC:
        return False
    return not (len(words) == 1 and words[0].islower())


def new_words(rest: str, context: str) -> int:
    """Content words of the front the context does not already say: "to use [...] Access
    Points" under "S3 – Access Points" has one ("use")."""
    seen = stems(context)
    return sum(1 for w in _WORD.findall(rest) if w.casefold() not in STOP and stems(w) - seen)


def has_relation(front: str) -> bool:
    """Whether the front links its subject to the blank: a verb, or a mark that does a verb's
    job (":", "=", "->", " – "). "Instances in Private Subnet [...]" has neither."""
    if _RELATION.search(front):
        return True
    # The verb lists are English: a front in another script is not judged by them.
    if _OTHER_SCRIPT.search(front):
        return True
    for word in re.findall(r"[A-Za-z][A-Za-z'-]*", front):
        folded = word.casefold()
        if folded in VERBS or folded in MORE_VERBS:
            return True
        if word[1:].islower() and _VERB_FORM.match(folded):  # "Reduced", "caching"
            return True
    return False


def has_verb(front: str) -> bool:
    """Whether the front holds a verb of the lists (not a participle: "fully managed and
    [...]" says nothing of its subject)."""
    words = {w.casefold() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", front)}
    return bool(words & (VERBS | MORE_VERBS))


def function_verbs(front: str) -> int:
    """Verbs of the front that are also function words ("must be", "has"): the content
    count leaves them out, yet they make "dict keys must be [...]" a sentence."""
    words = {w.casefold() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", front)}
    return 1 if words & VERBS & STOP else 0


def _boundary(text: str) -> int:
    """The end of the last top-level ", " in ``text`` (-1 if none)."""
    depth = 0
    found = -1
    for index, char in enumerate(text):
        if char in "(（":
            depth += 1
        elif char in ")）":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0 and text[index + 1 : index + 2] == " ":
            found = index + 2
    return found


#: At most this many words in the list items cut from before the blank's clause.
LEAD_ITEM_WORDS = 5


def drop_lead_items(piece: tuple[Inline, ...], blank: Highlight) -> tuple[Inline, ...]:
    """List items before the blank's own clause cut: "wide language support, [...] Image must
    implement the Lambda Runtime API" reads "[...] Image must ...". Only items with no verb
    (a contrast "X can be disabled, [...] cannot" keeps both halves), and only when the
    blank's clause says enough alone."""
    at = next((i for i, span in enumerate(piece) if span is blank), None)
    if at is None:
        return piece
    for index in range(at - 1, -1, -1):
        span = piece[index]
        if not isinstance(span, Text):
            continue
        cut = _boundary(span.text)
        if cut < 0:
            continue
        lead = "".join(_text(s) for s in piece[:index]) + span.text[:cut]
        rest = (Text(span.text[cut:]), *piece[index + 1 :])
        shown = "".join(_text(s) for s in rest if s is not blank)
        # The clause after the items opens a new subject ("Container Image must ..."); a
        # lowercase one continues the lead ("Cookies -, generated by ..."), which stays.
        opens = rest[0].text.strip() if isinstance(rest[0], Text) else ""
        if (
            (opens[:1].islower() if opens else not isinstance(piece[index + 1], Highlight))
            or len(lead.split()) > LEAD_ITEM_WORDS
            or _is_clause(lead)
            or _content(shown) < 3
            or not has_relation(shown)
        ):
            return piece
        return tuple(s for s in rest if not (isinstance(s, Text) and not s.text))
    return piece


#: Verbs that make a lead a clause of its own ("RDS backup can be disabled, [...] cannot"):
#: a list item has none. ("support", "use" are nouns as often as verbs in an item.)
_FINITE = word_set(
    "is are was were be can cannot could may might must should will would has have had does did"
)


#: "Instead of using Public Internet, [...]": a lead opening on these modifies the blank's
#: clause; it is no list item, and the contrast is the cue.
_ADVERBIAL = PREPOSITIONS | word_set("instead unlike rather compared besides")


def _is_clause(lead: str) -> bool:
    words = [w.casefold() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", lead)]
    opens_adverbial = bool(words) and words[0] in _ADVERBIAL
    return bool(_RELATION.search(lead) or set(words) & _FINITE or opens_adverbial)


def _text(span: Inline) -> str:
    return span.text if isinstance(span, Text | Highlight) else ""


def _content(text: str) -> int:
    return sum(1 for w in _WORD.findall(text) if w.casefold() not in STOP)


#: "Fully Managed, automatic scaling, serverless: ...": a list of traits as a line's lead-in.
_LEAD_IN = re.compile(r"^\s*[^:：,()]{1,30}(?:,\s*[^:：,()]{1,30}){2,}[:：]\s+")


def drop_lead_in(piece: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """A lead-in of three or more comma items before a colon, in the line's first text, cut:
    it lists traits of the subject, it is not the blank's cue."""
    if not piece or not isinstance(piece[0], Text):
        return piece
    match = _LEAD_IN.match(piece[0].text)
    left = piece[0].text[match.end() :] if match else ""
    if match is None or (not left and len(piece) == 1):
        return piece
    return (*((Text(left),) if left else ()), *piece[1:])


#: ", for each CIDR", ", per region": a line's last clause that introduced its children.
_INTRO_TAIL = re.compile(r",\s*(?:for|per|in|with|on|at)\b[^,()]{0,40}$", re.I)


def drop_intro_tail(piece: tuple[Inline, ...], raw: str, has_children: bool) -> tuple[Inline, ...]:
    """The line's last clause cut when it only led into the bullets under it: "Max. CIDR per
    VPC is 5, for each CIDR:" (``raw``: the line as the notes have it, colon and all)."""
    if not has_children or not raw.rstrip().endswith((":", "：")):
        return piece
    if not piece or not isinstance(piece[-1], Text):
        return piece
    text = _INTRO_TAIL.sub("", piece[-1].text)
    if text == piece[-1].text:
        return piece
    return (*piece[:-1], Text(text)) if text else piece[:-1]


#: "(customer provided key)" right after a blank: a gloss on it.
_GLOSS = re.compile(r"^(\s*[(（]([^()（）]{2,60})[)）])")
GLOSS_WORDS = 6


def split_gloss(piece: tuple[Inline, ...], blank: Highlight) -> tuple[tuple[Inline, ...], str]:
    """A parenthetical of words right after the blank taken off the front, and its text: it
    expands or defines the blank ("[...] (customer provided key)" spells SSE-C out, "[...]
    (manage access in one place)" says "Centralized Permissions"), so it belongs on the back.
    After a numeric blank, a number in parentheses is ``drop_restating``'s; an acronym was
    folded into the blank."""
    at = next((i for i, span in enumerate(piece) if span is blank), None)
    if at is None or at + 1 >= len(piece):
        return piece, ""
    following = piece[at + 1]
    if not isinstance(following, Text):
        return piece, ""
    match = _GLOSS.match(following.text)
    # After a number, a number in parentheses is ``drop_restating``'s; after a name it is a
    # gloss like any other ("[EBS] (gp2 or io1)" names its volume types).
    numeric = any(c.isdigit() for c in blank.text)
    if match is None or (numeric and any(c.isdigit() for c in match.group(2))):
        return piece, ""
    if len(match.group(2).split()) > GLOSS_WORDS or QUANTITY.fullmatch(match.group(2).strip()):
        # "[Reserved] (min 1 year)": a quantity is a property of the blank, not its name;
        # on the front it is the cue.
        return piece, ""
    left = following.text[match.end() :]
    out = (*piece[: at + 1], *((Text(left),) if left else ()), *piece[at + 2 :])
    return out, match.group(2).strip()


def inside_brackets(before: str) -> bool:
    """Whether the blank sits inside parentheses the front opened before it: an aside of the
    line ("([...] can be separate)"), never its fact."""
    return before.count("(") + before.count("（") > before.count(")") + before.count("）")


#: ", at definition time": a short clause right after a one-word blank that says it again.
_RESTATING = re.compile(
    r"^,\s+((?:at|on|during|before|after|when|while)\s[^,.;:!()]{1,30}?)\s*(?=[,.;!]|$)", re.I
)


def join_restating(piece: tuple[Inline, ...], blank: Highlight) -> tuple[tuple[Inline, ...], str]:
    """A clause right after a one-word blank that restates it ("evaluated [once], at
    definition time") taken off the front, and its text for the blank: shown, it answers the
    blank; blanked with it, the answer is the whole fact."""
    at = next((i for i, span in enumerate(piece) if span is blank), None)
    if at is None or at + 1 >= len(piece) or " " in blank.text.strip():
        return piece, ""
    following = piece[at + 1]
    if not isinstance(following, Text):
        return piece, ""
    match = _RESTATING.match(following.text)
    if match is None:
        return piece, ""
    left = following.text[match.end() :]
    out = (*piece[: at + 1], *((Text(left),) if left else ()), *piece[at + 2 :])
    return out, match.group(1)
