"""Cards read as one clean question: balanced blanks, no markup debris, the answer asked once
(echo, answer-heading), through the public entry point (``plan``) as in ``test_card_rules``."""

from __future__ import annotations

from clozepress.cards.html import CLOZE, cloze
from clozepress.cards.sample import card_lines, side, to_text
from clozepress.config import Config

from .test_card_rules import fate, fronts, rules_of, run


def test_a_repeat_of_the_answer_shows_as_an_echo_not_a_second_blank():
    notes = "# D\n- When you `assume a role`, rights come from the role; a role can assume a role\n"
    (front,) = fronts(notes)
    assert front.count("[...]") == 1 and front.count("[〃]") == 1
    off = Config(disable_rules=("echo",))
    assert fronts(notes, off)[0].count("[...]") == 2
    # The back shows the answer in both places: an echo is a cloze with a hint, not a deletion.
    (note,) = run(notes).notes
    assert side(note.text, 1, front=False).count("[assume a role]") == 2


def test_the_same_highlight_twice_on_one_card_is_asked_once():
    notes = "# D\n- `Resource Policies` or a role, where `Resource Policies` allow a user\n"
    assert fronts(notes) == ["D || [...] or a role, where [〃] allow a user"]


def test_a_heading_that_is_the_answer_gives_way_to_its_parent():
    notes = "# D\n## Terraform plugins\n### PROVIDER\n- A `provider` exposes resources of one API\n"
    assert fronts(notes) == ["D › Terraform plugins || A [...] exposes resources of one API"]
    off = Config(
        disable_rules=("answer-heading", "heading-answer", "withhold-heading", "first-asks")
    )
    assert fronts(notes, off) == [
        "D › Terraform plugins › [〃] / A [...] exposes resources of one API"
    ]


def test_a_heading_holding_the_answer_gives_way_whatever_else_it_says():
    notes = "# D\n## ACM certificate renewal\n- `ACM` sends expiration events daily\n"
    assert fronts(notes) == ["D || [...] sends expiration events daily"]
    off = Config(disable_rules=("heading-answer", "withhold-heading", "first-asks"))
    assert fronts(notes, off) == [
        "D › [〃] certificate renewal / [...] sends expiration events daily"
    ]


def test_the_domain_title_holding_the_answer_gives_way_too():
    # With the card kept: by default the subdeck's own name asks no card (``domain-answer``).
    off = Config(disable_rules=("domain-answer",))
    assert fronts("# Route\n- a `route` sends traffic to a target\n", off) == [
        "a [...] sends traffic to a target"
    ]


def test_a_heading_other_cards_need_is_withheld_whole_on_the_card_it_tells():
    notes = "# D\n## Vault Lock rules\n- a `Vault` keeps objects for `days` set\n"
    vault, days = fronts(notes)
    assert vault == "D › [–] / a [...] keeps objects for days set"
    assert days.startswith("D › Vault Lock rules / a Vault keeps objects for [...]")
    off = Config(disable_rules=("withhold-heading",))
    # Without it the heading shows around the blank, and asks first (``first-asks``).
    assert fronts(notes, off)[0] == "D › [...] Lock rules / a [〃] keeps objects for days set"


def test_a_heading_that_words_the_answer_in_another_order_gives_it_away():
    notes = "# D\n## Tools\n### SHOW WORKSPACE\n- The `workspace show` command prints it\n"
    assert fronts(notes) == ["D › Tools || The [...] command prints it"]
    off = Config(disable_rules=("stem-crumb",))
    assert fronts(notes, off) == ["D › Tools › SHOW WORKSPACE || The [...] command prints it"]


def test_the_first_place_an_answer_stands_in_reading_order_asks_it():
    notes = "# D\n- Terraform makes key names from the `bucket` and `key` values\n"
    (front,) = fronts(notes)
    assert front == "D || Terraform makes [...] names from the [...] and [〃] values"
    off = Config(disable_rules=("first-asks",))
    assert fronts(notes, off) == ["D || Terraform makes [〃] names from the [...] and [...] values"]


def test_an_echo_cloze_is_read_back_as_a_cloze_with_its_hint():
    text = f"a {cloze(1, 'x: y')} b {cloze(1, 'x: y', '〃')}"
    assert [(m.group(1), m.group(3)) for m in CLOZE.finditer(text)] == [("1", None), ("1", "〃")]
    assert side(text, 1, front=True) == "a [...] b [〃]"
    assert side(text, 2, front=True) == "a x: y b x: y"


def test_a_blank_that_opens_a_bracket_is_cut_at_it():
    notes = "# D\n- Integrate with existing `directory services (Active Directory`, LDAP, custom)\n"
    assert fronts(notes) == ["D || Integrate with existing [...] (Active Directory, LDAP, custom)"]
    found = fate(notes, "directory services (Active Directory")
    assert (found.answer, found.rule) == ("directory services", "balanced")
    off = Config(disable_rules=("balanced",))
    assert fronts(notes, off) == ["D || Integrate with existing [...], LDAP, custom)"]


def test_a_blank_of_a_brackets_inside_takes_in_the_whole_bracket():
    notes = "# D\n- a key rotates yearly (`must be enabled` first) for customer keys\n"
    assert fate(notes, "must be enabled").rule == "fact"  # balanced: left alone
    half = "# D\n- a key rotates yearly `(must be enabled` first) for customer keys\n"
    found = fate(half, "(must be enabled")
    assert (found.answer, found.rule) == ("(must be enabled first)", "balanced")


def test_a_blank_that_closes_a_bracket_keeps_the_words_after_it():
    notes = "# D\n- the bucket (for logs`) holds objects` only\n"
    found = fate(notes, ") holds objects")
    assert (found.answer, found.rule) == ("holds objects", "balanced")


def test_a_lone_backtick_of_an_unclosed_code_span_is_no_part_of_the_card():
    notes = "# D\n## `Jump Hosts` reach a private subnet`\n- a `jump host` is in a public subnet\n"
    shown = fronts(notes)
    assert shown and all("`" not in f for f in shown)
    closed = "# D\n- run `plan` then ``x ` y``\n"
    # A code span holding a backtick keeps it.
    assert fronts(closed)[0] == "D || run [...] then x ` y"


def test_a_one_letter_answer_is_a_card_only_where_its_line_defines_it():
    notes = (
        "# D\n- We want to predict `w` and `b` that minimize the cost function.\n"
        "- While `b` is the bias of the layer, a real number\n"
        "- `X` is the input vector of the network\n"
        "- in greek `λ` sets the regularization strength\n- one `n` vs `ñ`\n"
    )
    rules = {(f.line, f.highlight): f.rule for f in run(notes).fates}
    assert rules[(2, "w")] == rules[(2, "b")] == "one-letter"
    assert rules[(3, "b")] == "fact" and rules[(4, "X")] != "one-letter"  # defined there
    assert rules[(5, "λ")] == "one-letter"
    off = Config(disable_rules=("one-letter", "symbol-pair"))
    kept = {(f.line, f.highlight): f.rule for f in run(notes, off).fates}
    assert kept[(2, "w")] == "fact"  # bare-name keeps a line of names only
    # A digit is a value, not a symbol's name: not this rule's.
    assert fate("# D\n- spans `3` zones\n", "3").rule != "one-letter"


def test_an_item_that_is_only_its_highlight_in_a_list_marked_in_part_makes_no_card():
    notes = (
        "# D\n- a managed database:\n    - `multiple zones`\n    - auto scale\n"
        "    - high performance\n    - access control\n"
        "    - `Standard & Infrequent Access` table class\n"
    )
    assert fate(notes, "multiple zones").rule == "bare-item"
    off = Config(disable_rules=("bare-item",))
    assert fate(notes, "multiple zones", off).answer == "multiple zones"
    # A list the learner marked as one (half its items or more) is a set to recite.
    recite = "# D\n- strategies:\n    - `Cluster`\n    - `Spread`\n    - `Partition`\n    - more\n"
    assert all(f.answer for f in run(recite).fates)


def test_a_pointer_speaks_for_its_own_clause_not_for_the_line():
    notes = (
        "# D\n## Out\n- we see the value at `apply`, not at `plan`, because in the next case "
        "the `id` is known only then\n"
        "- the image above shows that `TypeError` is raised\n"
    )
    rules = rules_of(run(notes))
    # Said before the clause that points: the line states it on its own.
    assert rules["apply"] == rules["plan"] == "fact"
    # In the clause that points, or in a sentence opening on the pointer: no card.
    assert rules["id"] == rules["TypeError"] == "deixis"


def test_a_pointer_in_a_condition_silences_the_rest_of_the_line():
    # What follows the condition holds only in the case the unseen figure shows: no card.
    for line, asked in (
        (
            "if we try an inheritance like the one in the image above, it raises `TypeError`",
            "TypeError",
        ),
        ("위 이미지와 같은 상속을 시도하면 `TypeError` 오류가 발생한다.", "TypeError"),
        ("if the `red line` in the image above rises, it fails", "red line"),
    ):
        assert fate(f"# D\n## MRO\n- {line}\n", asked).rule == "deixis", line
    # Said before the clause holding the pointer, a fact still stands on its own.
    before = "# D\n- it raises `TypeError`, if we try the inheritance in the image above\n"
    assert fate(before, "TypeError").rule == "fact"


def test_a_forward_pointer_followed_by_its_highlight_names_it_and_keeps_the_card():
    notes = '# D\n## Maps\n- to read a key we use the next example `m["k"]`\n'
    assert fate(notes, 'm["k"]').rule == "fact"
    # The same pointer with nothing after it points at what follows the line.
    assert (
        fate("# D\n## Maps\n- to read a key, `m` is used as in the next example\n", "m").rule
        == "deixis"
    )


def test_an_example_offered_alone_on_its_line_makes_no_card():
    notes = "# D\n- Drugs that bind DNA\n    - Es: `cisplatin`\n    - e.g. `x = 1` then `y = 2`\n"
    assert fate(notes, "cisplatin").rule == "bare-item"
    # A line with another highlight shows it: that one is a cue (and another card's blank).
    assert fate(notes, "y = 2").rule != "bare-item"


def test_an_item_whose_blank_is_part_of_its_highlight_keeps_the_rest_as_its_cue():
    notes = (
        "# D\n- the modes:\n    - `RCU and WCU are decoupled`\n    - auto scale\n"
        "    - one more\n    - and more\n"
    )
    found = fate(notes, "RCU and WCU are decoupled")
    assert found.rule != "bare-item" and found.answer == "decoupled"


def test_a_line_pointing_at_an_equation_or_a_step_by_its_place_makes_no_card():
    for line in (
        "In the last equation `w` is a vector of `Nx` features",
        "as the next case shows, we see it when we run `apply`",
        "1 번 과정에서 각 객체의 `gc_refs`가 설정된다.",
        "Python 2.3 이후 위 이미지와 같은 상속은 `TypeError`를 낸다",
        "La figura sopra mostra il `recettore`",
    ):
        rules = {f.rule for f in run(f"# D\n- {line}\n").fates}
        assert rules == {"deixis"}, line
    off = Config(disable_rules=("deixis",))
    assert run("# D\n- In the last equation `Nx` is the input size\n", off).notes
    # Pointing back at a part of the text with a line before it: that line is its context.
    (note,) = run(
        "# D\n- Simple equation: y = wx + b\n- In the last equation `Nx` is the input size\n"
    ).notes
    assert to_text(note.context) == "D › Simple equation: y = wx + b"
    # A line before that shows no equation does not show the one it points at: no card.
    words = "# D\n- Y lies between 0 and 1.\n- In the last equation `Nx` is the input size\n"
    assert fate(words, "Nx").rule == "deixis"
    # The same line again under another heading is read against its own line before.
    both = (
        "# D\n## A\n- Simple equation: y = wx + b\n- In the last equation `Nx` is the input size\n"
        "## B\n- Y lies between 0 and 1.\n- In the last equation `Nx` is the input size\n"
    )
    assert [f.rule for f in run(both).fates if f.highlight == "Nx"] == ["fact", "deixis"]
    # Its own image stands on the card: the line keeps its cards.
    shown = "# D\n- the figure below shows the `forward pass`\n\n![](pass.png)\n"
    assert [f.rule for f in run(shown).fates] != ["deixis"]
    # A line introducing what follows as text ("the following process") is not pointing.
    assert run("# D\n- `collect()` 메서드는 다음의 과정을 거친다\n").notes


def test_a_blank_never_splits_a_word_a_highlight_cut_short():
    notes = "# D\n- search any field, even `partially matche`s to another one\n"
    (front,) = fronts(notes)
    assert front == "D || search any field, even [...] to another one"
    found = fate(notes, "partially matche")
    assert (found.answer, found.rule) == ("partially matches", "whole-word")
    off = Config(disable_rules=("whole-word",))
    assert fronts(notes, off) == ["D || search any field, even [...]s to another one"]
    # A word glued on after a lost space stays a word of its own; a particle of another
    # script is a word of its own too.
    assert fronts("# D\n- set up your `multi-account`environment fast\n") == [
        "D || set up your [...] environment fast"
    ]
    assert fronts("# D\n- `young`의 끝으로 보낸다\n") == ["D || [...]의 끝으로 보낸다"]


def test_a_one_letter_answer_is_a_card_where_its_line_says_something_about_it():
    # The symbol is a statement's subject, or what a description before a copula names.
    notes = (
        "# D\n- In binary classification `Y` has to be between zero and one.\n"
        "- The usual learning rate is `α` in most courses\n"
        "- hyper parameters:\n    - Number of hidden units `n`.\n"
    )
    rules = rules_of(run(notes))
    assert rules["Y"] == "fact" and rules["α"] == "fact"
    assert fronts(notes)[0] == "D || In binary classification [...] has to be between zero and one."
    # A symbol only named beside its label says nothing of it: which letter the notes chose.
    assert rules["n"] == "one-letter"
    labelled = "# D\n- the vector `w` has the size of the input\n"
    assert [f.rule for f in run(labelled).fates] == ["one-letter"]


def test_an_example_note_is_asked_from_the_words_it_explains():
    notes = (
        "# D\n- Targets (<) drugs that bind DNA^[Es: `cisplatin`], drugs that bind the"
        " membrane^[Es: `amphotericin`]\n"
    )
    assert sorted(f.split(" || ")[1] for f in fronts(notes)) == [
        "Targets (<) drugs that bind DNA (Es: [...])",
        "drugs that bind the membrane (Es: [...])",
    ]
    # A note that says something of its own is its own cue; a note on a line of its own
    # words only has the line as its context.
    worded = "# D\n- Targets (<) drugs^[Es: `cisplatin` binds DNA in the nucleus], more\n"
    assert [f.split(" || ")[1] for f in fronts(worded)] == ["Es: [...] binds DNA in the nucleus"]


def test_a_named_member_of_a_short_list_under_a_label_is_a_card():
    # The label names the set; the card shows its other members and asks for the one left out.
    notes = (
        "# D\n- purchasing options:\n    - `On-demand`\n    - Reserved: cost savings\n"
        "    - Spot: cheaper\n"
    )
    found = fate(notes, "On-demand")
    assert found.rule != "bare-item" and found.answer == "On-demand"
    # Under a description (not a label), or in a long list, any item fits: no card.
    described = (
        "# D\n- a firewall to subnets\n    - `one per subnet`\n    - default allows all\n"
        "    - rules in order\n"
    )
    assert fate(described, "one per subnet").rule == "bare-item"
    long = "# D\n- use cases:\n    - `tiered storage`\n" + "".join(
        f"    - case {n}\n" for n in range(4)
    )
    assert fate(long, "tiered storage").rule == "bare-item"
    off = Config(disable_rules=("bare-item",))
    assert fate(described, "one per subnet", off).answer == "one per subnet"


def test_a_relation_highlighted_whole_is_asked_by_its_value():
    notes = (
        "# D\n- regions:\n    - `replication lag < 1s`\n    - 16 replicas per region\n"
        "    - one more\n    - and more\n    - yet more\n"
    )
    found = fate(notes, "replication lag < 1s")
    assert (found.answer, found.rule) == ("1s", "predicate")
    off = Config(disable_rules=("predicate",))
    assert fate(notes, "replication lag < 1s", off).rule == "bare-item"


def test_another_word_for_the_answer_in_brackets_goes_to_the_back_not_an_echo():
    notes = "# D\n- 가비지 컬렉터는 `generation`(세대)과 threshold(임계값)로 관리한다.\n"
    assert fronts(notes) == ["D || 가비지 컬렉터는 [...]과 threshold(임계값)로 관리한다."]
    (note,) = run(notes).notes
    assert "generation(세대)" in note.extra
    acronym = "# D\n- communicate, where `Virtual Private Gateway` (VGW) is the hub\n"
    assert fronts(acronym) == ["D || communicate, where [...] is the hub"]
    # Off, the bracket stays hidden on the front: as withheld, never as "the same answer".
    off = Config(disable_rules=("aside-gloss",))
    assert fronts(notes, off) == ["D || 가비지 컬렉터는 [...]([–])과 threshold(임계값)로 관리한다."]
    assert "〃" not in fronts(acronym, off)[0]


def test_a_hidden_word_that_is_not_the_answer_shows_as_withheld():
    # The acronym tells the answer: hidden, but it is not the answer's own words.
    notes = "# D\n- Connect to an AWS Managed Microsoft AD: integrate `Active Directory` fast\n"
    assert fronts(notes) == ["D || Connect to an AWS Managed Microsoft [–]: integrate [...] fast"]
    # The answer's own text again is its echo; in another form (the plural) it is withheld:
    # "[〃]" says "write the same answer here", which would be wrong (``echo-same``).
    again = "# D\n- a `bastion host` is public; connect to Bastion Host with keys\n"
    assert fronts(again) == ["D || a [...] is public; connect to [〃] with keys"]
    plural = "# D\n- a `bastion host` is public; connect to bastion hosts with keys\n"
    assert fronts(plural) == ["D || a [...] is public; connect to [–] with keys"]
    same = Config(disable_rules=("echo-same",))
    assert fronts(plural, same) == ["D || a [...] is public; connect to [〃] with keys"]


def test_a_cell_of_several_marked_items_asks_for_the_cell_that_names_them():
    notes = (
        "# D\n\n| Azione | Ppaa | Effetto |\n| --- | --- | --- |\n"
        "| β2 stimolanti | `salbutamolo`, `formoterolo` | Broncodilatazione |\n"
        "| αβ bloccanti | `carvedilolo` | Anti-ipertensione |\n"
        "| α bloccanti | `prazosina` `urapidil` | Anti-ipertensione |\n"
    )
    result = run(notes)
    shown = {f.highlight: (f.rule, f.answer) for f in result.fates}
    # One card per row: the items shown, the class they belong to asked; each item records it.
    assert shown["salbutamolo"] == shown["formoterolo"] == ("row-class", "β2 stimolanti")
    assert shown["prazosina"] == shown["urapidil"] == ("row-class", "α bloccanti")
    asked = "[...]: / Ppaa: salbutamolo, formoterolo / Effetto: Broncodilatazione"
    assert asked in fronts(notes)[0]
    assert [n.cards for n in result.notes] == [1, 1, 1]
    # A cell of one item keeps its own card, the row head its cue.
    assert shown["carvedilolo"] == ("fact", "carvedilolo")
    off = Config(disable_rules=("row-class",))
    assert "Ppaa: [...], [...]" in fronts(notes, off)[0]


def test_a_comparison_row_is_no_class_to_ask():
    # The cell before lists features of its own: the other side of a comparison, not a name.
    notes = (
        "# D\n\n| Redis | Memcached |\n| --- | --- |\n"
        "| Read Replicas, high availability | `no replication`, `no failover` |\n"
    )
    assert {f.rule for f in run(notes).fates} != {"row-class"}
    assert all(f.answer in ("no replication", "no failover", None) for f in run(notes).fates)


def test_a_comma_ending_a_highlight_is_left_out_of_its_blank():
    notes = "# D\n- The shape of `weights,` is fixed by the layer\n"
    assert fate(notes, "weights,").answer == "weights"
    assert fronts(notes) == ["D || The shape of [...], is fixed by the layer"]
    off = Config(disable_rules=("answer-edge",))
    assert fronts(notes, off) == ["D || The shape of [...] is fixed by the layer"]


def test_a_bullet_typed_inside_a_line_and_a_lone_comma_are_left_out():
    bullet = "# D\n## Producers\n- Producers are the `SDK`, - the `Agent`\n"
    assert fronts(bullet) == [
        "D › Producers || Producers are the [...], the Agent",
        "D › Producers || Producers are the SDK, the [...]",
    ]
    lone = "# D\n## Lambda\nIt runs in a `shared VPC`. , it `cannot reach yours`\n"
    assert fronts(lone) == [
        "D › Lambda || It runs in a [...]. it cannot reach yours",
        "D › Lambda || It runs in a shared VPC. it [...]",
    ]
    off = Config(disable_rules=("stray-marks",))
    assert fronts(bullet, off)[0] == "D › Producers || Producers are the [...], - the Agent"
    assert fronts(lone, off)[0] == "D › Lambda || It runs in a [...]. , it cannot reach yours"


def test_an_inline_note_after_a_stray_mark_moves_with_the_cut():
    # The cut shifts the line's notes too: one left at its old place cut the line's words.
    notes = "# D\n## Producers\n- Producers are the `SDK`, - the `Agent`^[the daemon] here\n"
    assert fronts(notes) == [
        "D › Producers || Producers are the [...], the Agent here",
        "D › Producers || Producers are the SDK, the [...] here",
    ]
    (note,) = run(notes).notes
    assert "the Agent: the daemon</li>" in note.extra


def test_a_word_of_the_answer_hidden_before_its_blank_is_withheld_not_an_echo():
    notes = "# D\n- want to launch an instance here\n  - add a `Launch Permission` to the image\n"
    # The parent line holds the hidden word: it opens the front, "D" is the context line.
    assert fronts(notes) == ["D || want to [–] an instance here / add a [...] to the image"]
    off = Config(disable_rules=("first-asks", "echo-same"))
    assert fronts(notes, off) == ["D || want to [〃] an instance here / add a [...] to the image"]
    glued = Config(disable_rules=("parent-front",))
    assert fronts(notes, glued) == ["D › want to [–] an instance here / add a [...] to the image"]


def test_the_sample_shows_the_extra_under_the_answer_where_anki_shows_it():
    (note,) = run("# D\n- a `Vault` keeps objects\n  - locked for days\n").notes
    *card, label, extra = card_lines(note, 1)
    assert [line.split(":")[0] for line in card] == ["context", "front", "back"]
    assert (label, extra.strip()) == ("back, under the answer:", "- locked for days")
