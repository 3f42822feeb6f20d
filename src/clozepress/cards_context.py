"""Context: what a card shows above its text so that the blank can be answered.

A line of notes often means nothing alone ("Must setup `CNAME or alias record`"): it continues
its parent bullet, or is one item of the parent's enumeration. The card then needs that parent
(and its parent, when the parent is itself a continuation). Headings give the topic; empty and
repeated levels are dropped. Under an "X vs Y" heading, the card says which side it is on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cards_choice import stems, word_set
from .cards_cleanup import clean_line, clean_spans
from .cards_html import emphasise, escape, plain, render
from .cards_model import Unit
from .form.model import Block, Inline, Section

#: A line starting with one of these continues the line above it ("can be ...", "for ...").
VERBS = word_set(
    """
    is are was were be been being has have had do does did can cannot could may might must
    should shall will would need needs make makes made use uses used using get gets allow
    allows enable enables support supports provide provides give gives let lets keep keeps
    store stores send sends run runs work works become becomes help helps require requires
    define defines create creates set sets move moves take takes add adds remove removes
    include includes contain contains mean means point points map maps only also then
    connect connects integrate integrates invoke invokes launch launches export exports
    import imports query queries scale scales call calls trigger triggers deploy deploys
    protect protects encrypt encrypts replicate replicates migrate migrates
    provision provisions expose exposes host hosts attach attaches deliver delivers
    forward forwards capture captures collect collects detect detects monitor monitors
    automate automates manage manages filter filters deny denies grant grants restrict
    restricts decrypt decrypts rotate rotates serve serves resolve resolves register
    registers poll polls receive receives retain retains delete deletes
    """
)
PREPOSITIONS = word_set(
    """
    to for from in on at by with without into onto via per of about over under between
    across through within after before during against than like as since until upon up
    and or but so because if when while where which that who whose unless
    """
)
#: "You must ...", "It is ...": the subject is in the line above.
PRONOUNS = word_set("you it they this these those that its their them which")
#: A line of at most this many words leans on its parent.
SHORT_LINE_WORDS = 6
#: "eg", "e.g.", "ie", "i.e.", "etc": an example of, or a gloss on, the line above.
EXAMPLE = re.compile(r"^(?:e\.?\s?g|i\.?\s?e|etc|ex)\b\.?", re.I)
_FIRST_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_VS = re.compile(r"\s+(?:vs\.?|versus)\s+", re.I)
#: A line's subject: the label before its colon ("Mitochondria: site of ...").
_SUBJECT = re.compile(r"^([^:：]{2,40}?)\s*[:：]\s*\S")

#: A parent longer than this is cut at a clause boundary: context orients, it does not teach.
PARENT_CHARS = 100
#: At most this many parent lines above a card (the parent, and its parent).
MAX_PARENTS = 2
SEP_HTML = ' <span class="cp-sep">›</span> '


@dataclass(frozen=True)
class Context:
    html: str
    plain: str
    """What the context says, as text: checked against the answer (a card must not show it)."""
    key: str
    """The breadcrumb for identity matching."""
    crumbs: tuple[tuple[str, str], ...] = ()
    """Each crumb as (plain, html), outermost first."""
    parents: int = 0
    """How many of the last crumbs are parent lines (the others are headings)."""

    def lift(self) -> tuple[Context, str, str]:
        """The last crumb taken out to lead the front (its subject), and the context left:
        a front with too few words of its own reads "Subject: ... [...]"."""
        if not self.crumbs:
            return self, "", ""
        rest = self.crumbs[:-1]
        plain_text, html = self.crumbs[-1]
        left = Context(
            html=SEP_HTML.join(h for _, h in rest),
            plain=self.plain,  # still on the card: a giveaway check must see it
            key=self.key,
            crumbs=rest,
            parents=max(0, self.parents - 1),
        )
        # "Mitochondria: site of respiration, make ATP" leads its child as "Mitochondria".
        label = _SUBJECT.match(plain_text)
        if label:
            return left, label.group(1), escape(label.group(1))
        return left, plain_text, html


def reads_as_continuation(spans: tuple[Inline, ...], parent: tuple[Inline, ...] | None) -> bool:
    """Whether a line depends on the line it is nested under to be understood."""
    if parent is None:
        return False
    text = clean_line(plain(spans))
    if not text or is_enumeration_parent(parent):
        return True
    if not text[0].isascii() or text[0].islower():
        return True  # "can be ...", or a gloss in another script
    if EXAMPLE.match(text):
        return True
    word = _FIRST_WORD.match(text)
    if word is not None and word.group(0).lower() in VERBS | PREPOSITIONS | PRONOUNS:
        return True
    # A line of a few words is a fragment of the thought above it ("You must `...`").
    return len(text.split()) <= SHORT_LINE_WORDS


#: A parent opening on one of these sets the scope of every line under it ("to use VPC
#: Origin Access Points" › "The VPC Endpoint Policy must allow ..."): without it, a child
#: states a rule with no "when".
SCOPE_WORDS = word_set("to for if when unless with without after before during in")


def first_word(spans: tuple[Inline, ...]) -> str:
    """The word a line opens with, lowercased; "" when it opens on no word."""
    word = _FIRST_WORD.match(clean_line(plain(spans)))
    return word.group(0).lower() if word else ""


def scopes(parent: tuple[Inline, ...]) -> bool:
    """Whether a parent line is a condition or purpose its children only hold under."""
    return first_word(parent) in SCOPE_WORDS


def is_enumeration_parent(parent: tuple[Inline, ...]) -> bool:
    """A parent that introduces a list: "options:", "Use cases", "Read Replicas deploy options:".
    Its children are items of the enumeration, and each one means nothing without it."""
    text = " ".join(plain(parent).split())
    stripped = text.rstrip("!: ")
    return text.endswith((":", "：")) or len(stripped.split()) <= 4


def vs_sides(text: str) -> list[str]:
    """The sides of an "X vs Y" line ("Tier Options: Web Server Tier VS Worker Tier")."""
    parts = _VS.split(text)
    if len(parts) < 2:
        return []
    parts[0] = re.split(r"[:：]\s*", parts[0])[-1]
    return [p.strip(" .:") for p in parts if p.strip(" .:")]


def context_for(unit: Unit, key_suffix: str = "") -> Context:
    """Headings (non-empty, not repeated), then the parent lines the unit depends on."""
    crumbs_html: list[str] = []
    crumbs_plain: list[str] = []
    for heading in unit.headings:
        text = shorten(clean_line(plain(heading)), PARENT_CHARS)
        if not text or (crumbs_plain and text.casefold() == crumbs_plain[-1].casefold()):
            continue
        crumbs_plain.append(text)
        crumbs_html.append(_crumb_html(heading, text))
    parents = chosen_parents(unit)
    shown = 0
    for parent in parents:
        text = clean_line(plain(parent))
        if len(text) > PARENT_CHARS:
            # A cut-off line reads as a riddle above the card: its subject, or nothing.
            label = _SUBJECT.match(text)
            if not label:
                continue
            text = label.group(1)
            crumbs_plain.append(text)
            crumbs_html.append(escape(text))
        elif text:
            crumbs_plain.append(text)
            crumbs_html.append(_crumb_html(parent, text))
        else:
            continue
        shown += 1
    _mark_side(unit, crumbs_plain, crumbs_html, shown)
    key = " › ".join(plain(c) for c in (*unit.headings, *unit.parents) if plain(c))
    if key_suffix:
        key += " › " + key_suffix
    return Context(
        html=SEP_HTML.join(crumbs_html),
        plain=" › ".join(crumbs_plain),
        key=key,
        crumbs=tuple(zip(crumbs_plain, crumbs_html, strict=True)),
        parents=shown,
    )


def chosen_parents(unit: Unit) -> list[tuple[Inline, ...]]:
    """The parent (and grandparent) lines a unit depends on, outermost first.

    A unit under an "X vs Y" heading also gets the nearest parent that names its side."""
    chosen: list[tuple[Inline, ...]] = []
    parents = unit.parents
    line = unit.spans
    enumeration_item = unit.kind == "items"
    for index in range(len(parents) - 1, -1, -1):
        parent = parents[index]
        if len(chosen) >= MAX_PARENTS:
            break
        if not (enumeration_item or reads_as_continuation(line, parent) or scopes(parent)):
            break
        chosen.insert(0, parent)
        enumeration_item = False
        line = parent
        if index == 0 or not reads_as_continuation(parent, parents[index - 1]):
            break
    sides = [s.casefold() for h in unit.headings for s in vs_sides(plain(h))]
    if sides and not any(s in plain(p).casefold() for p in chosen for s in sides):
        for parent in reversed(parents[: len(parents) - len(chosen)]):
            if any(s in plain(parent).casefold() for s in sides):
                chosen.insert(0, parent)
                break
    return chosen


def _mark_side(unit: Unit, plains: list[str], htmls: list[str], parents: int) -> None:
    """Under "X vs Y", say which side the line is on when no later crumb or the line itself
    already does: "CNAME vs Alias" becomes "CNAME vs Alias → Alias"."""
    headings = len(plains) - parents
    own = clean_line(plain(unit.spans)).casefold()
    for index in range(headings - 1, -1, -1):
        sides = vs_sides(plains[index])
        if not sides:
            continue
        later = " ".join(plains[index + 1 :]).casefold()
        if any(side.casefold() in later for side in sides):
            return
        named = [side for side in sides if own.startswith(side.casefold())]
        if not named:
            named = [side for side in sides if side.casefold() in own]
        if len(named) == 1:
            plains[index] += f" → {named[0]}"
            htmls[index] += f" → {escape(named[0])}"
        return


def _crumb_html(spans: tuple[Inline, ...], text: str) -> str:
    """A crumb as HTML: its highlights emphasised, or (when long) a plain shortened line."""
    if text.endswith(" …"):
        return escape(text)
    html = render(clean_spans(spans), emphasise)
    return html.rstrip(" :：,;")


def shorten(text: str, limit: int) -> str:
    """``text`` cut at the last clause or word boundary before ``limit``, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    for mark in (". ", "; ", ", ", " - ", " "):
        at = cut.rfind(mark)
        if at > limit // 2:
            return cut[:at].rstrip(" ,;:") + " …"
    return cut.rstrip() + " …"


def peer_runs(section: Section, levels: set[int]) -> list[tuple[tuple[Block | Section, ...], bool]]:
    """``section``'s children in runs, each marked whether it holds its peers.

    Notes sometimes put one heading a level too high among its siblings ("## Systems Manager"
    among "### Cost Explorer", "### AWS Batch"): by structure the sections after it nest under
    it, by meaning they are its peers. When ``section``'s earlier siblings (``levels``) sat at
    a deeper level, a child section at that level whose title shares no word with
    ``section``'s title ("SSM - Run Command" does) is taken as a peer."""
    deeper = {level for level in levels if level > section.level}
    runs: list[tuple[tuple[Block | Section, ...], bool]] = []
    for child in section.children:
        peer = (
            bool(deeper)
            and isinstance(child, Section)
            and child.level in deeper
            and not stems(child.title) & stems(section.title)
        )
        if runs and runs[-1][1] == peer:
            runs[-1] = ((*runs[-1][0], child), peer)
        else:
            runs.append(((child,), peer))
    return runs
