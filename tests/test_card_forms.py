"""Forms: an answer read off another form of it on its card (``clozepress.cards.forms``), each
rule pinned on a small fixture through the public entry point, and switched off."""

from __future__ import annotations

from clozepress.cards.forms import other_form
from clozepress.config import Config

from .test_card_rules import fate, fronts


def test_another_form_of_a_word_is_its_stem_or_its_start_not_another_word():
    assert other_form("Containers", "containerized")
    assert other_form("succinilcolina", "succi")  # a word cut short
    assert other_form("Archiving", "archive")
    assert not other_form("Containers", "container")  # its plural: the repeats' rules
    assert not other_form("provisioner", "provider")  # five letters shared, not most of either
    assert not other_form("stateful", "stateless")
    assert not other_form("IPv4", "IPv6")  # a number is another quantity
    assert not other_form("gc", "gcc")  # under four letters: no stem to tell


def test_a_form_of_a_one_word_answer_in_the_breadcrumb_is_withheld_there():
    notes = (
        "# Compute\n## Containers\n### Orchestration\n"
        "- Kubernetes schedules `containerized` apps on a cluster of `nodes`\n"
    )
    # A heading of the answer's form alone gives way to its parent (a longer one is withheld);
    # in the domain's title it makes no card (``subdeck``).
    assert fronts(notes) == [
        "Compute › Orchestration || Kubernetes schedules [...] apps on a cluster of nodes",
        "Compute › Orchestration || Kubernetes schedules containerized apps on a cluster of [...]",
    ]
    off = Config(disable_rules=("form-crumb",))
    assert fronts(notes, off)[0] == (
        "Compute › Containers › Orchestration || Kubernetes schedules [...] apps on a cluster of "
        "nodes"
    )


def test_a_word_cut_short_under_a_heading_spelling_it_whole_is_withheld():
    notes = (
        "# Drugs\n## Succinylcholine and derivatives, depolarizing agonists\n"
        "- the `succi` is broken down by `butyrylcholinesterase`\n"
    )
    heading = "Drugs › Succinylcholine and derivatives, depolarizing agonists"
    assert fronts(notes) == [
        "Drugs › [–] / the [...] is broken down by butyrylcholinesterase",
        f"{heading} / the succi is broken down by [...]",
    ]
    # A heading that says little else but the answer's form gives way to its parent.
    short = notes.replace(", depolarizing agonists", "")
    assert fronts(short)[0] == "Drugs || the [...] is broken down by butyrylcholinesterase"


def test_a_form_of_one_word_of_a_longer_answer_or_in_the_line_stays():
    # A word of several is the heading's topic (``stem-crumb`` decides); a name described in
    # its own verb is the fact the card asks.
    assert fronts("# Caching\n- reads hit the `cached data` first\n") == [
        "Caching || reads hit the [...] first"
    ]
    assert fronts("# D\n- `taint` marks a resource as tainted\n") == [
        "D || [...] marks a resource as tainted"
    ]


def test_words_whose_initials_spell_a_short_answer_are_withheld():
    notes = "# D\n- the `gc` module runs the cyclic garbage collection of the interpreter\n"
    assert fronts(notes) == ["D || the [...] module runs the cyclic [–] of the interpreter"]
    off = Config(disable_rules=("initialism",))
    assert fronts(notes, off) == [
        "D || the [...] module runs the cyclic garbage collection of the interpreter"
    ]
    # A number in the name is no initial (`gp2` beside gp3); a symbol's letter spells nothing.
    for line in ("`gp2` is older than gp3, the general purpose SSD", "`dw` is the derivative of w"):
        assert "[–]" not in fronts(f"# D\n- {line}\n")[0], line


def test_an_acronym_spelled_out_with_a_word_of_grammar_inside_asks_the_spelled_form():
    notes = "# D\n- `FTPS` (File Transfer Protocol over SSL)\n"
    assert fronts(notes) == ["D || FTPS ([...])"]
    # Asked from its spelling, the acronym is read off it: withheld, the line says nothing
    # else, and no card is left (reported).
    off = Config(disable_rules=("spelled-out",))
    assert fronts(notes, off) == []
    assert fate(notes, "FTPS", off).rule == "initialism"
    both = Config(disable_rules=("spelled-out", "initialism"))
    assert fronts(notes, both) == ["D || [...] (File Transfer Protocol over SSL)"]


def test_the_answers_own_acronym_standing_elsewhere_on_the_card_is_withheld():
    notes = "# D\n## Comprehend\n- detects `Protected Health Information (PHI) – Detect PHI API`\n"
    assert fronts(notes) == ["D › Comprehend || detects [...] – Detect [–] API"]
    assert fronts(notes, Config(disable_rules=("acronym-near",))) == [
        "D › Comprehend || detects [...] – Detect PHI API"
    ]


def test_a_two_word_answer_spelled_by_the_breadcrumb_and_the_line_withholds_the_lines_word():
    notes = "# Terraform Cloud\n- configure a Queue Plan, then run a `Terraform plan` after it\n"
    assert fronts(notes) == ["Terraform Cloud || configure a Queue [–], then run a [...] after it"]
    assert fronts(notes, Config(disable_rules=("across",))) == [
        "Terraform Cloud || configure a Queue Plan, then run a [...] after it"
    ]
    # A name recalled exactly is not spelled by its words as prose; a number is no word.
    for line in ("a Dynamo lock `dynamodb_table` holds the table", "up to 16 replicas: `16 Read`"):
        assert "[–]" not in fronts(f"# Dynamo Read\n- {line}\n")[0], line
