"""Blanks with no single answer, or with an answer any learner gets for free.

Each rule looks at the blank and the words right around it on the front (``before`` and
``after``): a filler word the subject already implies ("AWS", "Managed", "EC2" before
"instance"), the other half of a fixed pair ("Primary or [...]"), an example value ("eg
[France]", "/health:4567"), or one item of a list the notes leave open ("A, B, [...], etc").
A strict reviewer drops each of these: the first kind tests nothing, the second has many
right answers.
"""

from __future__ import annotations

import functools
import re

from .cards_choice import normalize, word_set

#: Blanks that say nothing in these notes: every card is about AWS, on-premises, instances.
FILLER = frozenset(
    normalize(text)
    for text in (
        "AWS",
        "Amazon",
        "on premise",
        "on premises",
        "on-premise",
        "on-premises",
        "EC2 instance",
        "EC2 instances",
        "instance",
        "instances",
        "Managed",
        "fully managed",
        "resource",
        "resources",
        "AWS resource",
        "AWS resources",
        "DNS record",
        "DNS records",
        "Name Server",
        "Name Servers",
        "22",
        "80",
        "443",
        # "should [NOT] have": the polarity is the only thing the front leaves to guess.
        "not",
        "no",
        "never",
        "only",
    )
)
#: A name the next word already says: "[Lambda] function", "[EC2] instance".
IMPLIED_BY_NEXT = {
    "lambda": word_set("function functions fucntion"),
    "ec2": word_set("instance instances"),
    "s3": word_set("bucket buckets object objects"),
}
#: Fixed pairs: after "Primary or", the blank can only be "Secondary".
PAIRS = (
    word_set("primary secondary"),
    word_set("on demand spot"),
    word_set("public private"),
    word_set("master slave"),
    word_set("synchronous asynchronous"),
    word_set("sync async"),
    word_set("stateless stateful"),
    word_set("inbound outbound"),
    word_set("read write"),
    word_set("encrypted unencrypted"),
    word_set("supply demand"),
)
_JOIN = re.compile(r"(?:\bor|\band|/|\bvs\.?|\bto)\s*$|^\s*(?:or\b|and\b|/|vs\b|to\b)", re.I)
#: "eg", "e.g.", "such as", "for example", "like": what follows is an example, not the fact.
_EXAMPLE = re.compile(r"\b(?:e\.?\s?g\b\.?|for example|for instance|such as|example:?|ex\.)", re.I)
#: A clause boundary: an example marker before it belongs to another clause.
_CLAUSE_END = re.compile(r"(?<!\be\.g)(?<!\beg)(?<!\be)[.;:!?]\s|\s[-–—=]>?\s", re.I)
#: A path, a port or a host:port: "/health:4567", "/api/users", ":8080".
_PATH_OR_PORT = re.compile(r"^(?:/[\w./-]*(?::\d+)?|[\w.-]*:\d{2,5}|/\w.*)$")
#: A sequence of keywords or steps: "try/except/else/finally" (the blank is one of them).
_SEQUENCE_BEFORE = re.compile(r"(?:[\w*]+\s*/\s*){1,}$")
_SEQUENCE_AFTER = re.compile(r"^(?:\s*/\s*[\w*]+){1,}")
_ENDING = re.compile(r"[a-z]{5}$")
_ASIDE = re.compile(r"[(（][^()（）]*[)）]")
#: An open list: "…", "...", "etc" in the clause holding the blank.
_OPEN = re.compile(r"…|\.\.\.|\betc\b", re.I)

#: A comma list this long has no single member to recall, closed or not.
LONG_LIST = 5
#: "/28 ([...] IP addresses)": a number worked out from the number just before it.
_DERIVED = re.compile(r"\d\S*\s*[(（]\s*$")
REASON_DERIVED = "a number worked out from the one beside it: arithmetic, not recall"
#: "[Alternative to Amazon Kinesis]", "[most single-AZ]": a paraphrase, not a term.
QUALIFIERS = word_set("alternative most some pay similar like mostly usually")
REASON_PARAPHRASE = "a paraphrase opening with a qualifier, not a term to recall"
#: "[EC2 instance in an AZ]", "[VPN /Direct Connect from on-premises]": a term and a tail.
RUN_ON_WORDS = 4
_RUN_ON = re.compile(r"\s(?:in|from|for|with|of|on|at)\s(?:an?\s|the\s)?\S")
REASON_RUN_ON = "the blank runs on past its term into a phrase"
REASON_FILLER = "a filler word the card's subject already implies: nothing to recall"
REASON_PAIR = "the other half of a fixed pair on the front: no recall needed"
REASON_EXAMPLE = "an example value: many answers are right"
REASON_OPEN = "one item of an open list: many answers are right"
REASON_SEQUENCE = "one item of a keyword sequence (a/b/c): the others give it away"


@functools.lru_cache(maxsize=16384)
def single_answer(answer: str, before: str, after: str) -> str | None:
    """Why ``answer`` between ``before`` and ``after`` has no single answer worth recalling;
    None when it has one."""
    folded = normalize(answer)
    if folded in FILLER:
        return REASON_FILLER
    words = folded.split()
    if len(words) >= 2 and words[0] in QUALIFIERS:
        return REASON_PARAPHRASE
    if len(words) >= RUN_ON_WORDS and _RUN_ON.search(answer):
        return REASON_RUN_ON
    following = normalize(after).split()[:1]
    implied = IMPLIED_BY_NEXT.get(folded)
    if implied and following and following[0] in implied:
        return REASON_FILLER
    if _pair_shown(folded, before, after):
        return REASON_PAIR
    if _DERIVED.search(before) and any(c.isdigit() for c in answer):
        return REASON_DERIVED
    if _PATH_OR_PORT.match(answer.strip()):
        return REASON_EXAMPLE
    clause = _CLAUSE_END.split(before)[-1]
    if _EXAMPLE.search(clause):
        return REASON_EXAMPLE
    if _open_list(clause, _CLAUSE_END.split(after)[0]):
        return REASON_OPEN
    sequence = _SEQUENCE_BEFORE.search(before), _SEQUENCE_AFTER.match(after)
    items = sum(m.group(0).count("/") for m in sequence if m)
    if items >= 2:
        return REASON_SEQUENCE
    return None


def other_half(answer: str, shown: str) -> str | None:
    """The blank is one half of a pair whose other half the card shows, sharing its ending:
    "diploid" beside "haploid" in a comparison table's other column."""
    word = answer.strip().casefold()
    if " " in word or not _ENDING.search(word) or len(word) < 6:
        return None
    for other in re.findall(r"[A-Za-z]{6,}", shown):
        other = other.casefold()
        if other != word and other[-5:] == word[-5:] and other[0] != word[0]:
            return REASON_PAIR
    return None


def _pair_shown(folded: str, before: str, after: str) -> bool:
    """The blank is one half of a fixed pair and the other half stands beside it."""
    near_before = normalize(before).split()[-3:]
    near_after = normalize(after).split()[:3]
    for pair in PAIRS:
        if folded not in pair:
            continue
        other = pair - {folded}
        joined = _JOIN.search(before) or _JOIN.search(after)
        if joined and other & (set(near_before) | set(near_after)):
            return True
        # "On Demand" is two words: the pair's other half may be two words too.
        if joined and " ".join(near_before[-2:]) in other | {" ".join(other)}:
            return True
    return False


def _open_list(before: str, after: str) -> bool:
    """The blank is an item of a list that the notes leave open ("…", "etc"), or of four or
    more comma items with no "and"/"or" to close them."""
    # An aside's commas are not the list's: "of [...] (eg, size, class)".
    clause = _ASIDE.sub("", f"{before} ␣ {after}")
    if _OPEN.search(clause) and "," in clause:
        return True
    items = [item for item in clause.split(",") if item.strip()]
    if len(items) >= LONG_LIST:
        return True  # "Salesforce, SAP, [...], Slack, and ServiceNow": any member fits
    if len(items) < 4:
        return False
    return not re.search(r"\b(?:and|or)\b", items[-1])
