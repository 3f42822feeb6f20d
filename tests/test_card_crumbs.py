"""Answers read off the breadcrumb: the domain's title (``clozepress.cards.subdeck``), a heading
that holds every word of the answer (``leaks.stem_crumb``), a short word in its other number
(``repairs.plain_repeat``); each pinned on a small fixture through the public entry point, and
switched off."""

from __future__ import annotations

from clozepress.cards.repairs import _forms
from clozepress.config import Config

from .test_card_rules import fate, fronts

STEP = (
    "# Serverless\n## Step Functions\n"
    "- build `serverless` visual workflows that `orchestrate` jobs\n"
)


def test_an_answer_the_domains_title_gives_makes_no_card_and_says_why():
    assert fronts(STEP) == [
        "Serverless › Step Functions || build serverless visual workflows that [...] jobs"
    ]
    decided = fate(STEP, "serverless")
    assert decided.answer is None and decided.rule == "domain-answer"
    # Off, the card withholds the subdeck's own name and still asks what it is about.
    assert fronts(STEP, Config(disable_rules=("domain-answer",)))[0] == (
        "[–] › Step Functions / build [...] visual workflows that orchestrate jobs"
    )


def test_a_line_whose_only_card_asks_its_domain_makes_no_note():
    assert fronts("# Serverless\n## Step Functions\n- build `serverless` visual workflows\n") == []


def test_a_domain_the_card_need_not_hide_keeps_its_card():
    # Two letters tell nothing by sight: the domain stays shown, and reviewers kept such cards.
    assert fronts("# GC internals\n- the `gc` module controls the collector\n") == [
        "GC internals || the [...] module controls the collector"
    ]


def test_an_answer_a_section_heading_gives_is_no_domain_answer():
    notes = (
        "# Compute\n## Serverless\n- build `serverless` visual workflows that `orchestrate` jobs\n"
    )
    assert fate(notes, "serverless").answer == "serverless"


def test_one_card_per_line_keeps_the_card_that_hides_everything():
    assert fronts(STEP, Config(cloze="unit")) == [
        "Step Functions || build [...] visual workflows that [...] jobs"
    ]


def test_a_three_letter_word_and_its_plural_are_one_answer():
    assert _forms("key") == ["key", "keys"]
    assert _forms("keys") == ["keys", "key"]
    assert _forms("bus") == ["bus", "buss"]  # three letters ending in s: no singular cut
    notes = (
        "# Storage\n## Encryption\n- Keys the customer provides and manages\n"
        "    - your own `key`, managed outside the cloud\n"
    )
    assert fronts(notes) == [
        "Storage › Encryption || [–] the customer provides and manages / "
        "your own [...], managed outside the cloud"
    ]
