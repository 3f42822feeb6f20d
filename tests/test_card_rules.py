"""The card policy's rules, each pinned on a small fixture through the public entry point
(``plan``): what it decides, and that the fate names it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clozepress.cards import plan
from clozepress.cards.model import Plan
from clozepress.cards.rules import all_rules, rule_names
from clozepress.cards.sample import side, to_text
from clozepress.cli import main
from clozepress.config import Config, load_config
from clozepress.errors import BuildError
from clozepress.read.cues import load_cues
from clozepress.read.parse import parse_text

STUDY = Config()


def run(markdown: str, config: Config = STUDY):  # type: ignore[no-untyped-def]
    return plan(parse_text(markdown, "n.md"), config)


def fronts(markdown: str, config: Config = STUDY) -> list[str]:
    """Every card's front as a learner reads it: context, then text, one string."""
    out = []
    for note in run(markdown, config).notes:
        for number in sorted({int(n) for n in re.findall(r"\{\{c(\d+)::", note.text)}):
            context = to_text(note.context)
            front = side(note.text, number, front=True).replace("\n", " / ")
            out.append(f"{context} || {front}" if context else front)
    return out


def fate(markdown: str, highlight: str, config: Config = STUDY):  # type: ignore[no-untyped-def]
    (found,) = [f for f in run(markdown, config).fates if f.highlight == highlight]
    return found


def rules_of(planned: Plan) -> dict[str, str]:
    """The rule that decided each highlight of a plan, by its text."""
    return {f.highlight: f.rule for f in planned.fates}


# ---------------------------------------------------------------------------------------------
# Card kinds


def test_fact_one_card_per_highlight_the_others_shown():
    assert fronts("# D\n- `S3` stores `objects`\n") == [
        "D || [...] stores objects",
        "D || S3 stores [...]",
    ]
    assert fate("# D\n- `S3` stores `objects`\n", "objects").rule == "fact"


def test_name_from_description_asks_for_the_name():
    found = fate("# D\n- `Hibernate`: keeps the RAM state on disk\n", "Hibernate")
    assert (found.rule, found.kind) == ("name", "name")


def test_a_name_is_hidden_everywhere_on_its_card_breadcrumb_included():
    (front,) = fronts("# D\n## Hibernate power mode\n- `Hibernate` keeps the RAM state on disk\n")
    assert "Hibernate" not in front
    # A heading holding the answer gives way to its parent (rule heading-answer).
    assert front == "D || [...] keeps the RAM state on disk"


def test_bare_items_of_a_list_are_one_note_with_overlapping_clozes():
    result = run(
        "# D\n- placement strategies:\n    - `Cluster`\n    - `Spread`\n    - `Partition`\n"
    )
    (note,) = result.notes
    assert note.cards == 3 and note.kind == "list"
    assert side(note.text, 2, front=True) == (
        "placement strategies:\n• Cluster\n• [...]\n• Partition"
    )
    assert {f.kind for f in result.fates} == {"list"}


def test_a_table_row_reads_each_cell_under_its_column_head():
    markdown = (
        "# D\n| engine | threads | persistence |\n|---|---|---|\n| Redis | `single` | yes |\n"
    )
    assert fronts(markdown) == ["D || Redis: / threads: [...] / persistence: yes"]
    assert fate(markdown, "single").kind == "table"


def test_a_row_head_is_asked_from_the_cells_describing_it():
    markdown = "# D\n| name | what |\n|---|---|\n| `Redis` | an in-memory key value store |\n"
    assert fate(markdown, "Redis").rule == "row-head"


def test_a_command_blanks_its_subcommand_never_the_slots():
    markdown = (
        "# D\n- `git log [options]` lists\n- `git commit` records\n- `git push` sends\n"
        "- `git push origin main` sends a branch\n"
    )
    result = run(markdown)
    answers = {f.highlight: f.answer for f in result.fates}
    assert answers["git log [options]"] == "log"
    assert answers["git commit"] == "commit"
    assert answers["git push origin main"] == "push origin main" or answers[
        "git push origin main"
    ] in ("push",)
    assert {f.rule for f in result.fates} == {"code-token"}


def test_a_flag_is_blanked_and_its_example_value_shown():
    (front,) = fronts("# D\n- scale with `--replicas=10` to run more pods\n")
    assert front == "D || scale with [...]=10 to run more pods"


def test_a_setting_blanks_its_key_not_its_example_value():
    assert (
        fate("# D\n- log to a file: `LOG_PATH=./x.log`\n", "LOG_PATH=./x.log").answer == "LOG_PATH"
    )


def test_a_formula_blanks_its_right_hand_side():
    found = fate("# D\n- update: `w = w - alpha * dw`\n", "w = w - alpha * dw")
    assert (found.answer, found.rule) == ("w - alpha * dw", "formula")


def test_a_call_with_literal_arguments_blanks_the_name_it_calls():
    found = fate("# D\n- `obj.resize(2,3)` changes the shape\n", "obj.resize(2,3)")
    assert (found.answer, found.rule) == ("resize", "call-name")
    (front,) = fronts("# D\n- `obj.resize(2,3)` changes the shape\n")
    assert front == "D || obj.[...](2,3) changes the shape"


def test_a_keyword_argument_is_the_fact_not_a_sample():
    # The value of a named argument says what the call does: the whole call stays the blank.
    found = fate("# D\n- `obj.total(axis = 0)` adds the columns\n", "obj.total(axis = 0)")
    assert (found.answer, found.rule) == ("obj.total(axis = 0)", "fact")


def test_a_call_of_names_only_is_no_sample():
    found = fate("# D\n- `np.dot(a, b)` multiplies matrices\n", "np.dot(a, b)")
    assert found.rule != "call-name"


def test_a_prefixed_setting_blanks_the_prefix_not_the_authors_name_or_value():
    markdown = "# D\n- override a variable from the shell: `export APP_VAR_region=north`\n"
    found = fate(markdown, "export APP_VAR_region=north")
    assert (found.answer, found.rule) == ("APP_VAR_", "setting-key")


def test_a_command_setting_blanks_its_key():
    found = fate("# D\n- turn logging on: `export LOGLEVEL=debug`\n", "export LOGLEVEL=debug")
    assert (found.answer, found.rule) == ("LOGLEVEL", "setting-key")
    # A variable's bare name is notation: no key to ask.
    assert fate("# D\n- in the shell, `let x=1` sets it\n", "let x=1").rule != "setting-key"


def test_a_value_the_sections_code_sets_makes_no_card():
    markdown = (
        "# D\n- a store keeps its data in a db file\n"
        '## Store\n```\nstore {\n  path = "data/store.db"\n}\n```\n'
        "The `store` block writes to the path `data/store.db`.\n"
    )
    assert fate(markdown, "data/store.db").rule == "sample-setting"
    assert fate(markdown, "store").answer == "store"
    off = Config(disable_rules=("sample-setting",))
    assert fate(markdown, "data/store.db", off).answer == "data/store.db"


def test_commands_offered_with_like_are_examples_not_the_blank():
    markdown = "# D\n- remote runs: steps like `tool plan` or `tool apply` run on the server\n"
    rules = rules_of(run(markdown))
    assert set(rules.values()) <= {"member-class", "offered-items"}
    # "likely" is no marker: the items are asked as before.
    other = "# D\n- remote runs likely `tool plan` or `tool apply` on the server\n"
    assert {f.rule for f in run(other).fates}.isdisjoint({"member-class", "offered-items"})


# ---------------------------------------------------------------------------------------------
# Repairs


def test_a_number_is_blanked_whole_and_its_unit_shown():
    assert fronts("# D\n- items up to `400 KB` each\n") == ["D || items up to [...] KB each"]
    assert fate("# D\n- costs `0`.5 a month\n", "0").answer == "0.5"


def test_a_number_in_a_compound_word_is_no_quantity():
    assert fate("# D\n- a `3-tier architecture` app\n", "3-tier architecture").rule == "fact"


def test_a_highlight_that_is_term_and_description_blanks_the_term():
    found = fate(
        "# D\n- `OLAP – online analytical processing`\n", "OLAP – online analytical processing"
    )
    assert (found.answer, found.rule) == ("OLAP", "split-definition")


def test_a_long_paragraph_is_cut_into_sentences_with_the_whole_on_the_back():
    sentence = "One sentence is long enough to matter here, with many more words in it"
    markdown = f"# D\n\n{sentence} and `one`. {sentence} and `two`. {sentence} too.\n"
    result = run(markdown)
    assert len(result.notes) == 2
    assert all(len(to_text(n.text)) < 100 for n in result.notes)
    assert "too." in to_text(result.notes[0].extra)


def test_a_label_breadcrumb_gives_way_to_the_subject():
    assert fronts(
        "# D\n## Spot Fleets\n### P1\n- options:\n    - lowest: the `cheapest` pool\n"
    ) == ["D › Spot Fleets || lowest: the [...] pool"]


def test_a_line_opening_on_a_pronoun_shows_the_line_before():
    (front,) = fronts("# D\n- The scheduler places pods\n- It picks `a node` for each\n")
    assert front == "D › The scheduler places pods || It picks [...] for each"


def test_an_answer_shown_elsewhere_on_the_card_is_hidden_there():
    (note,) = run("# D\n- `TTL` is the cache lifetime; a TTL of 0 disables caching\n").notes
    front = side(note.text, 1, front=True)
    assert front.count("[...]") == 1 and front.count("[〃]") == 1  # one blank, its echo


# ---------------------------------------------------------------------------------------------
# Skips: only what is no fact, each with its rule


@pytest.mark.parametrize(
    ("markdown", "highlight", "rule"),
    [
        ("# D\n## The `Spot` heading\n### Below\n- a line `x`\n", "Spot", "heading-text"),
        ("# D\n- run `<name>` here\n", "<name>", "placeholder"),
        ("# D\n- then `Foo(0)` is freed\n", "Foo(0)", "example-value"),
        ("# D\n- `c.x` points at `0x7f3a`\n", "0x7f3a", "example-value"),
        ("# D\n- `Only` use is `disaster recovery` by `read replicas`\n", "Only", "emphasis"),
        ("# D\n- a `bee` c\n- a `bee` c\n", "bee", "duplicate"),
        ("# D\n- a line `ex` here <!-- cloze:skip -->\n", "ex", "marker-skip"),
        ("# D\n- a line `ex` and `why` <!-- cloze:skip=why -->\n", "why", "marker-skip"),
    ],
)
def test_what_is_no_fact_is_skipped_and_names_its_rule(markdown: str, highlight: str, rule: str):
    found = [f for f in run(markdown).fates if f.highlight == highlight]
    assert found[-1].answer is None and found[-1].rule == rule


def test_the_learners_keep_marker_overrides_the_skip_rules():
    markdown = "# D\n- `Only` use is `disaster recovery` by `read replicas` <!-- cloze:keep -->\n"
    found = fate(markdown, "Only")
    assert found.answer == "Only"


def test_a_marker_is_invisible_on_the_card():
    (note,) = run("# D\n- a line `ex` and `why` <!-- cloze:skip=why -->\n").notes
    assert "cloze" not in note.text and "<!--" not in note.text


def test_an_unknown_marker_is_a_check_warning_on_its_line(tmp_path: Path, capsys):  # type: ignore[no-untyped-def]
    notes = tmp_path / "n.md"
    notes.write_text("# D\n- a `b`\n- c `d` <!-- cloze:skipp -->\n", encoding="utf-8")
    assert main(["check", str(notes)]) == 0
    assert f"{notes}:3: warning: unknown marker 'cloze:skipp'" in capsys.readouterr().out


# ---------------------------------------------------------------------------------------------
# The registries


def test_every_fate_names_a_rule_of_the_registry():
    result = run("# D\n## `h`\n- `a`: b c d e\n- ` `\n- `<x>` and `5 GB` and `--f=1`\n")
    names = rule_names()
    assert result.fates and all(f.rule in names for f in result.fates)


def test_rule_names_are_unique_and_each_has_a_principle():
    rules = [rule for _, rule in all_rules()]
    assert len({r.name for r in rules}) == len(rules)
    assert all(r.principle and "\n" not in r.principle for r in rules)


def test_a_disabled_rule_decides_nothing():
    markdown = "# D\n- items up to `400 KB` each\n"
    config = Config(disable_rules=("number-unit",))
    assert fate(markdown, "400 KB", config).rule == "fact"
    assert "number-unit" not in run(markdown, config).hits


def test_disable_rules_names_an_unknown_rule_with_its_line(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.clozepress]\ndisable_rules = [\n  "list",\n  "no-such-rule",\n]\n', encoding="utf-8"
    )
    with pytest.raises(BuildError) as caught:
        load_config(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / 'pyproject.toml'}:4: error: ")
    assert "no-such-rule" in str(caught.value)


def test_disable_rules_from_pyproject(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.clozepress]\ndisable_rules = ["list", "emphasis"]\n', encoding="utf-8"
    )
    assert load_config(tmp_path).disable_rules == ("list", "emphasis")


def test_sample_rules_prints_every_rule_with_its_hits(tmp_path: Path, capsys, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    notes = tmp_path / "n.md"
    notes.write_text("# D\n- items up to `400 KB` each\n", encoding="utf-8")
    assert main(["sample", str(notes), "--rules"]) == 0
    out = capsys.readouterr().out
    for _, rule in all_rules():
        assert rule.name in out
    assert re.search(r"number-unit\s+1\s", out)


def test_sample_highlights_shows_each_with_its_line_and_cards_or_the_rule(
    tmp_path: Path, capsys, monkeypatch
):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    notes = tmp_path / "n.md"
    notes.write_text(
        "# D\n## S\n- first line\n- items hold up to `400 KB` and a `<x>` each\n", encoding="utf-8"
    )
    assert main(["sample", str(notes), "--highlights", "-n", "5", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    assert "2 of 2 highlights" in out
    assert "headings:  D › S" in out and "before:    - first line" in out
    assert "line:      - items hold up to `400 KB` and a `<x>` each" in out
    assert "front:   items hold up to [...] KB and a <x> each" in out
    assert "this highlight: no card (rule placeholder:" in out


def test_a_bare_line_shows_its_children_on_the_front():
    markdown = "# D\n- `On-Demand` Mode\n    - scales with the workload\n    - pay per request\n"
    assert fronts(markdown) == ["D || [...] Mode / – scales with the workload / – pay per request"]


def test_a_whole_sentence_highlighted_is_asked_by_its_predicate():
    found = fate(
        "# D\n- intro\n    - `EC2 instance is a virtual machine`\n",
        "EC2 instance is a virtual machine",
    )
    assert (found.answer, found.rule) == ("a virtual machine", "predicate")


def test_an_aside_closing_a_highlight_is_shown_not_hidden():
    assert fronts("# D\n- retries are `handled for you (with backoff)` always\n") == [
        "D || retries are [...] (with backoff) always"
    ]


def test_a_lone_bare_item_is_asked_with_its_list():
    markdown = (
        "# D\n- uses:\n    - send logs to a `central account`\n    - tag for billing\n"
        "    - `Cross account roles`\n    - audit trails\n    - and more\n"
    )
    # The item is its whole highlight in a long list marked in part: bare-item leaves it out.
    assert [f.rule for f in run(markdown).fates if f.line == 5] == ["bare-item"]
    result = run(markdown, Config(disable_rules=("bare-item",)))
    (item,) = [n for n in result.notes if n.line == 5]
    assert side(item.text, 1, front=False).splitlines() == [
        "uses:",
        "• send logs to a central account",
        "• tag for billing",
        "• [Cross account roles]",
        "• audit trails",
        "• and more",
    ]


def test_a_bare_item_with_lines_of_its_own_is_asked_from_them_not_its_siblings():
    markdown = (
        "# D\n- Buckets\n    - `Objects`\n        - a key is the full path\n"
        "        - at most 5 TB each\n    - versioning\n"
    )
    (front,) = fronts(markdown)
    assert front == "D › Buckets || [...] / – a key is the full path / – at most 5 TB each"
    # An image nested under an item is no line describing it: the item stays among its list.
    pictured = "# D\n- uses:\n    - tag for billing\n    - `web session`\n      ![](x.png)\n"
    (front,) = fronts(pictured)
    assert front == "D || uses: / • tag for billing / • [...]"


def test_an_item_is_asked_in_its_own_list_led_by_the_paragraph_before_it():
    markdown = (
        "# D\n## Ca channels\nCa rises to do two things.\n\n- fuse vesicles\n- contract muscle\n\n"
        "Drugs on them are called Ca antagonists.\n\n- Dihydropyridines (`-dipine`)\n"
        "- Others\n"
    )
    (front,) = fronts(markdown)
    assert front == (
        "D › Ca channels || Drugs on them are called Ca antagonists. / "
        "• Dihydropyridines ([...]) / • Others"
    )


def test_a_sentence_pointing_back_in_its_opening_words_gets_the_sentence_before():
    filler = "which is said here only to make this paragraph long enough to be cut apart"
    markdown = (
        f"# D\n\nTerraform limits concurrent operations with the `-parallelism` flag, {filler}. "
        f"The default value for this setting is `10`, {filler}.\n"
    )
    contexts = [to_text(n.context) for n in run(markdown).notes]
    assert contexts[0] == "D"
    assert contexts[1].startswith("D › …") and "-parallelism flag" in contexts[1]


def test_a_line_whose_cards_all_hide_its_opening_word_gets_no_line_before() -> None:
    # The opening word is the answer: the front opens on the question, not on a pronoun.
    hidden = (
        "# D\n- the dose matters\n"
        "- It (drugs with a narrow window, approx. small: `warfa`, `digox`, `lithi`, `pheny`)\n"
    )
    assert fronts(hidden) == [
        "D || [...] (drugs with a narrow window, approx. small: warfa, digox, lithi, pheny)"
    ]
    shown = "# D\n- the dose matters\n- It holds the `value` here\n"
    assert fronts(shown) == ["D › the dose matters || It holds the [...] here"]


def test_a_long_sentence_is_cut_into_clauses_with_its_opening_as_context():
    clause = "with enough words in this clause to make the whole sentence long"
    markdown = (
        f"# D\n\nThe opening names the subject, {clause}, then `first` {clause}, "
        f"and again {clause}, and more {clause}, and more {clause}, finally `second` {clause}\n"
    )
    result = run(markdown)
    assert len(result.notes) == 2
    assert "The opening names the subject" in to_text(result.notes[1].context)
    # Shorter, it is read whole: a clause alone lacks its sentence's subject.
    whole = markdown.replace(f", and more {clause}", "")
    assert len(whole.splitlines()[-1]) > 220 and len(run(whole).notes) == 1


def test_a_full_stop_inside_brackets_ends_no_sentence():
    markdown = (
        "# D\n\n`digoxin` blocks the pump (so the cell keeps its Na. Then Ca stays in the cell, "
        "which raises the force of contraction without more work), and `furosemide` blocks "
        "the reuptake of Na in the loop of Henle, as diuretics of its class do.\n"
    )
    (note,) = run(markdown).notes
    assert "Then Ca stays" in note.text


def test_inline_footnotes_and_fences_of_other_dialects_read_as_text():
    (front,) = fronts("# D\n- diuretics^[Es: `mannitolo`] act fast :::\n")
    # The note holding the highlight is a card of its own, its line the context, asked from
    # the words it explains.
    assert front == "D › diuretics act fast || diuretics (Es: [...])"
    off = Config(disable_rules=("note-to-back", "bare-item"))
    (front,) = fronts("# D\n- diuretics^[Es: `mannitolo`] act fast :::\n", off)
    assert front == "D || diuretics (Es: [...]) act fast"


def test_a_usage_line_under_its_commands_heading_is_a_card():
    markdown = (
        "# D\n- `git log [x]` lists\n- `git commit` records\n- `git push` sends\n"
        "## STATE RM\nUsage: `git state rm [options] ADDRESS...`\n"
    )
    assert fate(markdown, "git state rm [options] ADDRESS...").answer == "state rm"


def test_a_commands_flag_is_the_fact_it_adds():
    markdown = (
        "# D\n- `git log [x]` lists\n- `git commit` records\n"
        "- run `git push --force` to overwrite\n"
    )
    assert fate(markdown, "git push --force").answer == "--force"


def test_a_highlighted_heading_is_asked_from_the_first_lines_of_its_section():
    markdown = (
        "# D\n## E\n### `Keyspaces` (for Cassandra)\n- serverless wide tables\n- it uses CQL\n"
    )
    shown = "[...] (for Cassandra) / – serverless wide tables / – it uses CQL"
    assert fronts(markdown) == [f"D › E || {shown}"]


def test_a_highlight_titling_its_own_list_is_no_fact():
    markdown = (
        "# D\n- `Deployment options`\n    - scratch file system\n    - persistent file system\n"
    )
    assert fate(markdown, "Deployment options").rule == "list-title"


def test_a_series_on_one_line_is_one_card_hiding_it_whole():
    markdown = "# D\n- levels: `TRACE`, `DEBUG` or `INFO`; by default `TRACE level`\n"
    off = Config(disable_rules=("one-answer",))
    (note,) = run(markdown, off).notes
    assert note.cards == 2
    assert side(note.text, 1, front=True) == "levels: [...], [...] or [...]; by default TRACE level"


def test_a_card_asks_at_most_two_different_answers():
    # Three different answers on one card (the series) are a card each, the others shown; the
    # item that the last highlight holds whole is asked with it, a pair read as one.
    markdown = "# D\n- levels: `TRACE`, `DEBUG` or `INFO`; by default `TRACE level`\n"
    assert fronts(markdown) == [
        "D || levels: [...], DEBUG or INFO; by default [...]",
        "D || levels: TRACE, [...] or INFO; by default TRACE level",
        "D || levels: TRACE, DEBUG or [...]; by default TRACE level",
    ]
    assert {f.rule for f in run(markdown).fates} == {"fact"}


def test_answers_read_off_the_one_a_card_asks_are_withheld_on_it():
    # `disable()` stands in `gc.disable()`, `enable()` is its twin: shown, either would give
    # the other away, so the card asks the first and withholds the rest ([–]), the line's
    # other words for them too; they make no card of their own, reported as such.
    markdown = (
        "# D\n- to stop it `gc.disable()` is less sure than `gc.set_threshold(0)`; with"
        " `disable()` a library may `enable()` it again\n"
    )
    assert fronts(markdown) == [
        "D || to stop it [...] is less sure than gc.set_threshold(0); with [–] a library may [–]"
        " it again",
        "D || to stop it gc.disable() is less sure than gc.[...](0); with disable() a library"
        " may enable() it again",
    ]
    off = Config(disable_rules=("one-answer",))
    assert fronts(markdown, off)[0] == (
        "D || to stop it [...] is less sure than gc.set_threshold(0); with [...] a library may"
        " [...] it again"
    )
    assert fate(markdown, "enable()").rule == "one-answer"
    assert fate(markdown, "enable()").answer is None
    # An answer that only holds a withheld one (`unreachable` inside the flag) is not read off
    # it: it keeps a card of its own.
    markdown = (
        "# D\n- `move_unreachable()` moves it to the `unreachable` list, flagged"
        " `TENTATIVELY_UNREACHABLE`\n"
    )
    assert fronts(markdown) == [
        "D || [...] moves it to the [–] list, flagged TENTATIVELY_UNREACHABLE",
        "D || move_unreachable() moves it to the unreachable list, flagged [...]",
    ]


def test_a_series_past_three_items_is_a_card_per_item():
    markdown = (
        "# Log\n## DEBUG\n- the level is one of `TRACE`, `DEBUG`, `INFO` or `ERROR`; by default\n"
    )
    # Closed by "or", the series names every member: one card per item (item-cards), each
    # showing all the others, so one answer fits (closed-series).
    assert fronts(markdown) == [
        "Log › DEBUG || the level is one of [...], DEBUG, INFO or ERROR; by default",
        "Log › DEBUG || the level is one of TRACE, [...], INFO or ERROR; by default",
        "Log › DEBUG || the level is one of TRACE, DEBUG, [...] or ERROR; by default",
        "Log › DEBUG || the level is one of TRACE, DEBUG, INFO or [...]; by default",
    ]
    assert [f.rule for f in run(markdown).fates] == ["fact"] * 4
    # Without it, overlapping cards (overlap): each asks its item from the lead-in and the
    # items before it; the items after it are left out, so no card shows another's answer.
    off = Config(disable_rules=("closed-series",))
    assert fronts(markdown, off) == [
        "Log › DEBUG || the level is one of [...] …; by default",
        "Log || the level is one of TRACE, [...] …; by default",
        "Log › DEBUG || the level is one of TRACE, DEBUG, [...] …; by default",
        "Log › DEBUG || the level is one of TRACE, DEBUG, INFO or [...]; by default",
    ]
    both = Config(disable_rules=("item-cards", "one-answer"))
    assert fronts(markdown, both) == [
        "Log › DEBUG || the level is one of [...], [...], [...] or [...]; by default"
    ]
    # Twins among the items stay one card, and so does a chain of twins past three: cut
    # apart, each card would show the pattern that gives its answer away.
    chain = "# D\n- on alloc `n[0]++`, on free `n[0]--`, then `n[1]++` and at last `n[2]++`\n"
    alone = Config(disable_rules=("one-answer",))
    assert fronts(chain, alone) == [
        "D || on alloc [...], on free [...], then [...] and at last [...]"
    ]
    # That card asks its first answer only (one-answer); each twin is read off it, withheld.
    assert fronts(chain) == ["D || on alloc [...], on free [–], then [–] and at last [–]"]


def test_a_plain_word_as_the_answer_is_hidden_where_it_stands_again_on_its_card():
    notes = "# D\n## Plan\n- run `plan` first; the plan shows changes, for all\n- use `for` loops\n"
    # The heading that is the answer gives way (answer-heading); the repeat is its echo.
    assert fronts(notes)[0] == "D || run [...] first; the [〃] shows changes, for all"
    off = Config(disable_rules=("plain-repeat",))
    assert fronts(notes, off)[0] == "D › Plan || run [...] first; the plan shows changes, for all"


def test_code_is_no_line_for_a_pronoun_to_point_back_at():
    markdown = "# D\n\n```\nx = 1\n```\n\nIt sets `x` to one.\n"
    assert all("x = 1" not in f for f in fronts(markdown))


def test_an_acronym_spelling_the_answers_initials_is_hidden_with_it():
    (front,) = fronts(
        "# D\n- remove `Personally Identifiable Information` (PII) from transcripts\n"
    )
    # Another word for the answer, in brackets beside it: on the back (aside-gloss).
    assert front == "D || remove [...] from transcripts"


def test_a_note_to_self_in_a_heading_stays_off_the_breadcrumb():
    (front,) = fronts("# D\n## SNI -TODO review\n- serves `many certificates` on one listener\n")
    assert front == "D › SNI || serves [...] on one listener"


def test_a_bare_variable_name_is_no_card_unless_its_line_describes_it():
    notes = (
        "# D\n- We want to predict `w` and the bias that minimize the `cost`\n"
        "- `W1` is the matrix of the first hidden layer\n- the shape of `W2` is `(n2, n1)`\n"
        "- `S3` stores objects\n"
    )
    assert fate(notes, "w").rule == "one-letter"  # a single letter: see test_card_tidy
    assert fate(notes, "W2").rule == "bare-name"  # one of a family (W1, W2) of variables
    assert fate(notes, "W1").answer == "W1"  # the line it opens describes it
    # A letter and a digit alone, with no sibling index, is a name.
    assert all(f.rule != "bare-name" for f in run(notes).fates if f.highlight == "S3")
    off = Config(disable_rules=("bare-name",))
    assert fate(notes, "W2", off).answer == "W2"
    # A line that defines the name where it stands keeps its card.
    defined = "# D\n- We use the notation `L` to denote the number of layers in a net\n"
    assert fate(defined, "L").answer == "L"


def test_a_pair_joined_by_and_is_one_card_hiding_both():
    notes = (
        "# D\n- guarantee both `uniqueness` and `ordering` of members\n"
        "- a node has one `static IP per zone`, and `supports fixed addresses`\n"
    )
    assert fronts(notes) == [
        "D || guarantee both [...] and [...] of members",
        "D || a node has one [...], and supports fixed addresses",
        "D || a node has one static IP per zone, and [...]",
    ]
    off = Config(disable_rules=("pair",))
    assert len(fronts(notes, off)) == 4


def test_an_answer_is_not_hidden_inside_a_longer_token_and_an_ellipsis_ends_no_sentence():
    notes = "# D\n- if `a = 2` then f is 4, and at a = 2.0001 f is 4.0004\n"
    assert fronts(notes) == ["D || if [...] then f is 4, and at a = 2.0001 f is 4.0004"]
    long = "word " * 40
    notes = f"# D\n\nFirst. {long}the `loop` for ... in works on it. {long}\n"
    (front,) = fronts(notes)
    assert front.endswith("the [...] for ... in works on it.")


def test_an_acronyms_spelled_out_form_beside_its_blank_is_hidden_too():
    before = "# D\n- clients send Server Name Indication (`SNI`) to name the host\n"
    assert fronts(before) == ["D || clients send [...] to name the host"]
    kept = Config(disable_rules=("aside-gloss",))
    assert fronts(before, kept) == ["D || clients send [–] ([...]) to name the host"]
    off = Config(disable_rules=("acronym-near",))
    assert fronts(before, off) == [
        "D || clients send Server Name Indication ([...]) to name the host"
    ]


def test_a_highlight_repeated_in_one_paragraph_is_tested_once_unless_a_sentence_opens_on_it():
    filler = "more words here " * 12
    notes = (
        f"# D\n\nThe `gc` module controls the collector. {filler}. You may turn `gc` off "
        f"for speed. {filler}. `gc` is also the prefix of its calls. {filler}.\n"
    )
    fates = [f for f in run(notes).fates if f.highlight == "gc"]
    # The sentence opening on it passes ``repeated``; two cards of one line asking one answer
    # keep the first (asked-twice): neither asks it as an item of a series.
    assert [f.rule for f in fates] == ["fact", "repeated", "asked-twice"]
    twice = Config(disable_rules=("asked-twice",))
    assert [f.rule for f in run(notes, twice).fates if f.highlight == "gc"] == [
        "fact",
        "repeated",
        "name",
    ]
    off = Config(disable_rules=("repeated", "asked-twice"))
    rules = [f.rule for f in run(notes, off).fates if f.highlight == "gc"]
    assert rules == ["fact", "fact", "name"]


EXAMPLE_BLOCK = (
    "# D\n## Typing\n```\nclass Duck:\n    def walk(self): pass\n\ndef stroll(x):\n    x.walk()\n"
    "stroll(Duck())\n```\n- `Duck` and `walk()` suit `stroll()`, as `len()` does\n"
    "## Other\n- a `stroll()` is taught here too\n"
)


def test_a_name_an_example_block_makes_up_is_no_card_unless_other_prose_uses_it():
    found = {f.highlight: f for f in run(EXAMPLE_BLOCK).fates if f.line == 11}
    assert found["Duck"].rule == "example-name" and found["Duck"].answer is None
    assert found["walk()"].rule == "example-name"
    # Named in another section's prose: vocabulary the notes teach. Called, never defined: an API.
    assert found["stroll()"].answer is not None
    assert found["len()"].answer is not None
    off = Config(disable_rules=("example-name",))
    assert fate(EXAMPLE_BLOCK, "Duck", off).answer == "Duck"
    # A value the example sets in quotes, with a word of its own, is the example's too.
    markdown = (
        '# D\n## Backends\n```\nbucket = "mybucket"\nregion = "us-east-1"\n```\n'
        "- the backend assumes a bucket called `mybucket` in `us-east-1`\n"
        "## Regions\n- the default region is us-east-1\n"
    )
    rules = rules_of(run(markdown))
    assert rules == {"mybucket": "example-name", "us-east-1": "fact"}
    # A one-letter name the block defines is its own even where other sections use the letter;
    # with the word for its kind ("`b` generator") it still names the example's object.
    kinds = (
        "# D\n## Lazy\n```\nb = (x for x in range(3))\nnext(b)\n```\n"
        "- the `b generator` is used up once\n## Other\n- b is a letter here\n"
    )
    assert fate(kinds, "b generator").rule == "example-name"


def test_a_generated_id_and_a_sample_number_are_no_card_but_a_shape_is():
    markdown = (
        "# D\n- the instance ID (`i-abcd1234`) or the zone ID (`Z12ABC4UGMOZ2N`), from `ec2`\n"
        "- if `a = 2` then `f(a) = 6`\n- and `a = 2.001` gives `f(a) = 6.003`\n"
        "- `X` has the shape `[Nx, m]`; `x0 = 1` by convention\n"
    )
    rules = rules_of(run(markdown))
    assert rules["i-abcd1234"] == rules["Z12ABC4UGMOZ2N"] == "generated-id"
    assert rules["ec2"] == "fact"
    assert rules["a = 2"] == rules["f(a) = 6.003"] == "sample-value"
    assert rules["[Nx, m]"] == "fact" and rules["x0 = 1"] == "fact"
    # A name used as a symbol elsewhere (in a shape) is a variable: its one number is a sample.
    shaped = markdown + "- in the last figure `Nx = 3`\n"
    assert rules_of(run(shaped))["Nx = 3"] == "sample-value"


def test_a_variables_default_blanks_the_value_not_the_name():
    assert fate("# D\n- set `a=None` in the signature\n", "a=None").answer == "None"


def test_a_line_that_is_only_a_link_is_a_reference_not_a_fact():
    markdown = (
        "# D\n## Reference\n* [the `send()` method](https://x.org/a)\n"
        "* [the `next()` method](https://x.org/b)\n- `send()` resumes a generator\n"
    )
    rules = [(f.line, f.rule) for f in run(markdown).fates]
    assert rules == [(3, "reference"), (4, "reference"), (5, "fact")]


# ---------------------------------------------------------------------------------------------
# The learner's cue words (cues.toml beside the notes)


def _cued(tmp_path: Path, cues: str, markdown: str) -> Path:
    (tmp_path / "cues.toml").write_text(cues, encoding="utf-8")
    notes = tmp_path / "n.md"
    notes.write_text(markdown, encoding="utf-8")
    return notes


def test_the_learners_cue_words_name_pointers_labels_and_anaphors(tmp_path: Path):
    notes = _cued(
        tmp_path,
        '[cues]\npointers = ["The Source Below"]\nlabels = ["Docs to study"]\n'
        'anaphors = ["Dies"]\n',
        "# D\n## Docs to study\n\nThe source below is `collect()` simplified.\n\n"
        "The `collect()` call frees cycles of objects.\n\nDies `runs` often.\n",
    )
    cues = load_cues(tmp_path)
    document = parse_text(notes.read_text(encoding="utf-8"), "n.md")
    found = plan(document, STUDY, cues)
    rules = [(f.line, f.rule) for f in found.fates]
    assert rules[0] == (4, "pointer") and rules[1] == (6, "fact")
    contexts = [to_text(n.context) for n in found.notes]
    assert "Docs to study" not in " ".join(contexts)  # a label of the learner's, not a subject
    assert any("collect() call frees" in c for c in contexts)  # "Dies" leans on that line
    # Without the file, the same notes: the pointer line is a card, the label a crumb.
    plain = plan(document, STUDY)
    assert plain.fates[0].rule == "fact"
    assert any("Docs to study" in to_text(n.context) for n in plain.notes)


def test_an_unknown_cue_key_is_a_check_warning_with_its_line(tmp_path: Path, capsys):  # type: ignore[no-untyped-def]
    notes = _cued(tmp_path, '[cues]\nlabels = ["P1"]\nsynonym = ["x"]\n', "# D\n- a `b` c\n")
    assert main(["check", str(notes)]) == 0
    out = capsys.readouterr().out
    assert f"{tmp_path / 'cues.toml'}:3: warning: unknown key 'synonym'" in out


def test_a_cue_that_is_no_list_of_words_stops_the_build_at_its_line(tmp_path: Path):
    _cued(tmp_path, '[cues]\n\npointers = "see below"\n', "# D\n- a `b` c\n")
    with pytest.raises(BuildError) as caught:
        load_cues(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / 'cues.toml'}:3: error: pointers must be")


def test_twin_blanks_each_read_off_the_other_are_one_card():
    notes = (
        "# D\n- `obj.sum(axis = 0)` sums the columns while `obj.sum(axis = 1)` sums the rows\n"
        "- on alloc `count++`, on free `count--` happens\n"
        "- `disable()` may be undone by a library calling `enable()`\n"
        "- `ALB` works at layer 7 and `NLB` at layer 4 of the `TCP` stack\n"
    )
    assert fronts(notes) == [
        "D || [...] sums the columns while [...] sums the rows",
        "D || on alloc [...], on free [...] happens",
        "D || [...] may be undone by a library calling [...]",
        "D || [...] works at layer 7 and NLB at layer 4 of the TCP stack",
        "D || ALB works at layer 7 and [...] at layer 4 of the TCP stack",
        "D || ALB works at layer 7 and NLB at layer 4 of the [...] stack",
    ]
    off = Config(disable_rules=("twins",))
    assert len(fronts(notes, off)) == 9
    # A letter standing for an index: the general case beside its instances.
    general = "# D\n- `n[0]` counts the inputs; `n[L]` counts the outputs\n"
    assert fronts(general) == ["D || [...] counts the inputs; [...] counts the outputs"]
    # Two letters swapped inside a name; one word changed in a phrase.
    swapped = "# D\n- `Py_INCREF()` and then `Py_DECREF()` change the counter\n"
    assert fronts(swapped) == ["D || [...] and then [...] change the counter"]
    phrase = "# D\n- X is `the size of the input vector`, Y is `the size of the output vector`\n"
    assert fronts(phrase) == ["D || X is [...], Y is [...]"]


def test_a_translation_in_brackets_beside_the_blank_is_hidden_with_it():
    notes = (
        "# D\n\n내부적으로 `generation`(세대)으로 객체를 관리한다\n\n세대(`generation`)로 나눈다\n"
    )
    assert fronts(notes) == [
        "D || 내부적으로 [...]으로 객체를 관리한다",
        "D || [...]로 나눈다",
    ]
    same_script = "# D\n- `Sticky Sessions` (session affinity) keep a client on one target\n"
    assert fronts(same_script) == ["D || [...] (session affinity) keep a client on one target"]
    off = Config(disable_rules=("gloss",))
    assert fronts(notes, off)[0] == "D || 내부적으로 [...](세대)으로 객체를 관리한다"


def test_a_term_in_another_script_than_its_line_is_hidden_where_it_repeats():
    notes = "# D\n- `young` 리스트의 스캔이 끝나면 객체들은 young 리스트에서 빠진다\n"
    assert fronts(notes) == ["D || [...] 리스트의 스캔이 끝나면 객체들은 [〃] 리스트에서 빠진다"]
    off = Config(disable_rules=("plain-repeat",))
    assert fronts(notes, off) == fronts(notes)  # a term, not a plain word


def test_an_opening_phrase_set_off_by_a_comma_frames_the_line_and_is_no_card():
    notes = "# D\n- `By default`, the visibility timeout is `30 seconds`\n"
    assert fate(notes, "By default").rule == "frame"
    assert fronts(notes) == ["D || By default, the visibility timeout is [...] seconds"]
    # A fact that opens the line on another word of grammar stays a card.
    facts = "# D\n- `most single-AZ`, some clusters `Multi-AZ`\n"
    assert fate(facts, "most single-AZ").answer == "most single-AZ"
    # Alone on its line, the phrase is what the learner marked: it stays a card.
    alone = "# D\n- `By default` instances in a subnet have no Internet access\n"
    assert fate(alone, "By default").answer == "By default"


def test_a_name_derived_from_a_variable_on_a_line_that_only_uses_the_pair_is_no_card():
    notes = "# D\n- update `W` and `b` with `dW` and `db` after each step\n"
    assert fate(notes, "dW").rule == "derived-name"
    assert fate(notes, "db").rule == "derived-name"
    off = Config(disable_rules=("derived-name", "prefixed-symbol"))
    assert fate(notes, "db", off).answer == "db"
    # A line that defines it keeps its card.
    defined = "# D\n- `w` minus alpha times `dw`, where `dw` is the derivative of w\n"
    assert any(f.answer == "dw" for f in run(defined).fates)
    # A line that says something of it (its shape: a relation of the pair) is no mere use of
    # the pair: ``derived-name`` keeps its cards (``prefixed-symbol`` judges them, see
    # test_card_notation.py).
    stated = "# D\n- `dw` has the same shape as `W`, while `db` is the same shape as `b`\n"
    only = Config(disable_rules=("prefixed-symbol",))
    assert fate(stated, "dw", only).answer == "dw"
    assert fate(stated, "db", only).answer == "db"


def test_an_item_asked_among_its_siblings_does_not_show_its_twin():
    notes = (
        "# D\n- Shapes:\n    - `W1` shape is `(n[1],n[0])`\n    - `b1` shape is `(n[1],1)`\n"
        "    - `W2` shape is `(n[2],n[1])`\n"
    )
    third = [f for f in fronts(notes) if "W2 shape is [...]" in f]
    assert third == ["D || Shapes: / • b1 shape is (n[1],1) / • W2 shape is [...]"]
    off = Config(disable_rules=("mirror-sibling",))
    assert "W1 shape is (n[1],n[0])" in next(
        f for f in fronts(notes, off) if "W2 shape is [...]" in f
    )


def test_a_line_introducing_the_code_after_it_is_no_card_for_what_the_code_defines():
    markdown = (
        "# D\n## GC\n\nThe source below is `collect()` simplified.\n\n"
        "```c\nstatic int\ncollect(void)\n{\n    return 0;\n}\n```\n\n"
        "Then `collect()` frees the cycles of the `young` generation.\n\n"
        "Set `retries` as below.\n\n```\nretries = 3\n```\n"
    )
    rules = [(f.line, f.highlight, f.rule) for f in run(markdown).fates]
    assert rules[0] == (4, "collect()", "code-caption")
    assert rules[1][2] == "fact"  # said of it elsewhere: tested there
    assert rules[3] == (16, "retries", "fact")  # a key the code sets is no routine it defines


def test_a_latin_term_followed_by_a_particle_of_another_script_is_a_whole_word():
    notes = "# D\n- `young` 리스트가 끝나면 young의 끝으로 보낸다\n"
    assert fronts(notes) == ["D || [...] 리스트가 끝나면 [〃]의 끝으로 보낸다"]


def test_an_acronym_before_its_spelled_out_form_asks_for_the_spelled_out_form():
    notes = "# D\n\n`RPO`: Recovery Point Objective\n\n`FTP` (File Transfer Protocol) and more\n"
    assert fronts(notes) == ["D || RPO: [...]", "D || FTP ([...]) and more"]
    assert fate(notes, "RPO").answer == "Recovery Point Objective"
    off = Config(disable_rules=("spelled-out",))
    assert fronts(notes, off)[0] == "D || [...]: [–]"  # acronym-near hides the spelling


def test_an_acronym_and_its_spelled_out_form_near_each_other_are_hidden_together():
    notes = (
        "# D\n## ALB - Application Load Balancer\n"
        "- the `Application Load Balancer` routes by path\n"
        "- service end: `NLB`, a Network Load Balancer\n"
    )
    assert fronts(notes) == [
        "D || the [...] routes by path",  # the heading is the answer: answer-heading
        "D › ALB - Application Load Balancer || service end: [...], a [–]",
    ]
    off = Config(disable_rules=("acronym-near",))
    assert fronts(notes, off)[1].endswith("|| service end: [...], a Network Load Balancer")


def test_a_blank_inside_another_blank_of_its_line_is_one_card_with_it():
    notes = "# D\n- supports `EC2` for worker nodes in `EC2 instances as backbone`, or `Fargate`\n"
    assert fronts(notes) == [
        "D || supports [...] for worker nodes in [...], or Fargate",
        "D || supports EC2 for worker nodes in EC2 instances as backbone, or [...]",
    ]
    off = Config(disable_rules=("contained",))
    assert len(fronts(notes, off)) == 3
    cut = "# D\n- `succinilcolina` acts fast; the `succi` is broken down in plasma\n"
    assert fronts(cut) == ["D || [...] acts fast; the [...] is broken down in plasma"]


def test_a_call_as_the_answer_is_hidden_where_its_name_stands():
    notes = "# D\n- the `range()` function returns a range object\n"
    # "range" is not the answer's text (`range()`): withheld, not "the same answer".
    assert fronts(notes) == ["D || the [...] function returns a [–] object"]


def test_a_line_that_highlights_only_symbols_keeps_its_card_and_a_labels_cases_are_facts():
    markdown = (
        "# D\n- We will use the notation `L` to denote the number of layers.\n"
        "- if `y = 1` then the loss is `-log(p)`\n- if `y = 0` then the loss is `-log(1-p)`\n"
        "- the vector `w` has the size `Nx`\n"
    )
    rules = {(f.line, f.highlight): f.rule for f in run(markdown).fates}
    assert rules[(2, "L")] == "fact"
    assert rules[(3, "y = 1")] == rules[(4, "y = 0")] == "fact"
    assert rules[(5, "w")] == "one-letter"  # beside a fact of its own, the name is no card


def test_a_highlight_in_a_links_text_beside_other_words_names_the_page():
    markdown = (
        "# D\n## GC\n- the [`gc` docs](https://x.org/gc) say `gc.disable()` turns it off\n"
        "- the [`gc`](https://x.org/gc) module finds cycles\n"
    )
    rules = {(f.line, f.highlight): f.rule for f in run(markdown).fates}
    assert rules[(3, "gc")] == "link-title" and rules[(3, "gc.disable()")] == "fact"
    assert rules[(4, "gc")] == "fact"  # the whole link text: the line's own term, linked


def test_an_answer_is_hidden_in_its_other_number_and_inside_a_written_out_link():
    notes = "# D\n- a firewall to `Subnets`; one NACL per subnet\n"
    assert fronts(notes) == ["D || a firewall to [...]; one NACL per [–]"]
    link = "# D\n- the `console` command: https://example.org/docs/commands/console.html\n"
    assert fronts(link) == ["D || the [...] command: https://example.org/docs/commands/[〃].html"]


def test_an_item_of_a_list_to_recite_does_not_hide_a_heading_naming_it():
    notes = "# DEBUG notes\n- the level is one of `TRACE`, `DEBUG`, `INFO`, `WARN` or `ERROR`\n"
    # Each item on its own card (``item-cards``), the heading shown on every one.
    apart = Config(disable_rules=("overlap",))
    assert (
        fronts(notes, apart)[1]
        == "DEBUG notes || the level is one of TRACE, [...], INFO, WARN or ERROR"
    )
    off = Config(disable_rules=("overlap", "item-cards", "one-answer"))
    assert fronts(notes, off) == [
        "DEBUG notes || the level is one of [...], [...], [...], [...] or [...]"
    ]


def test_an_answer_asked_by_two_cards_of_its_section_is_shown_after_them():
    notes = (
        "# D\n## Walk\n- the `gc_refs` field is copied\n- then `gc_refs` is decreased\n"
        "- objects with `gc_refs` at 0 move\n- `gc_refs` is a copy of the count\n"
    )
    decided = [f.rule for f in run(notes).fates]
    assert decided == ["fact", "fact", "tested-enough", "name"]  # the fourth opens on it
    off = Config(disable_rules=("tested-enough",))
    assert "tested-enough" not in [f.rule for f in run(notes, off).fates]


def test_a_literal_value_offered_as_an_example_is_no_card():
    markdown = (
        "# D\n- a constraint is an operator and a version, such as `> 0.12.0`, set in `required`\n"
        "- (eg. no CNAME for `example.com`, but you can map `www.example.com` to `example.com`)\n"
        "- If for example we must copy the plugins by hand, we can do it: we move all the files "
        "into `.tf.d/plugins`\n"
        "- Es: `lidocaina` blocks Na channels\n"
    )
    rules = {(f.line, f.highlight): f.rule for f in run(markdown).fates}
    assert rules[(2, "> 0.12.0")] == "example-literal" and rules[(2, "required")] == "fact"
    assert rules[(3, "www.example.com")] == "example-literal"
    assert [f.rule for f in run(markdown).fates if f.line == 3] == ["example-literal"] * 3
    assert rules[(4, ".tf.d/plugins")] == "fact"  # far from its marker: the fact of the line
    assert rules[(5, "lidocaina")] == "fact"  # a term offered as an example is a fact


def test_this_setting_gets_the_end_of_the_sentence_before_it():
    filler = "walking the graph of resources and their dependencies one by one"
    markdown = (
        f"# D\n\nTerraform limits the operations it runs at once while {filler} with the "
        f"`-parallelism=n` flag. The default value for this setting is `10`, {filler}.\n"
    )
    contexts = [to_text(n.context) for n in run(markdown).notes]
    assert contexts[1].startswith("D › …") and contexts[1].endswith("-parallelism=n flag.")


def test_an_inline_note_goes_to_the_back_unless_it_holds_a_highlight():
    notes = (
        "# D\n- `gc` frees memory^[a long remark nobody asks about] at once\n\n"
        "# D\nThe `succ` acts fast^[it is broken down by `plasma esterase`, not the usual one]\n"
    )
    planned = run(notes)
    assert fronts(notes) == [
        "D || [...] frees memory at once",
        "D || The [...] acts fast",
        "D › The succ acts fast || it is broken down by [...], not the usual one",
    ]
    assert "a long remark nobody asks about" in planned.notes[0].extra
    off = Config(disable_rules=("note-to-back",))
    assert (
        fronts(notes, off)[0] == "D || [...] frees memory (a long remark nobody asks about) at once"
    )


def test_a_sentence_cut_from_its_paragraph_shows_what_follows_on_the_back_not_itself_again():
    filler = "which is said here only to make this paragraph long enough to be cut apart"
    markdown = (
        f"# D\n\nThe first sentence names `alpha`, {filler}. "
        f"The second one names `beta`, {filler}. The third adds a closing remark.\n"
    )
    first, second = run(markdown).notes
    assert to_text(first.extra).startswith("- The second one names beta")
    assert "The first sentence" not in to_text(first.extra)
    assert to_text(second.extra) == "- The third adds a closing remark."


def test_a_line_pointing_at_the_code_block_beside_it_makes_no_card():
    notes = (
        "# D\n## Out\nIf we run `apply` we can see the next message:\n\n```\nDone!\n```\n\n"
        "We can define a `default` value, for example\n\n```\nx = 1\n```\n\n"
        "Each of these is read by `collect()` in turn.\n\n"
        "## Plain\nRun `init` first, then the output shows `ok`:\n\n```\nok\n```\n\n"
        "Create a file called `vars.json`, and we can add maps, for example:\n\n```\nm = 1\n```\n\n"
        "The `plan` command shows changes.\n"
    )
    # Not shown on the card (``code-shown`` off, or a block too long to show).
    rules = rules_of(run(notes, Config(disable_rules=("code-shown",))))
    # Forward pointers right before a block, a backward one right after it.
    assert rules["apply"] == rules["default"] == rules["collect()"] == "code-pointer"
    # No pointer; an example illustrating another clause; no block beside the line.
    assert rules["init"] != "code-pointer" and rules["vars.json"] != "code-pointer"
    assert rules["plan"] != "code-pointer"
    off = Config(disable_rules=("code-pointer", "code-shown"))
    assert fate(notes, "apply", off).answer == "apply"


def test_a_backward_code_pointer_speaks_for_the_sentence_it_opens():
    notes = (
        "# D\n## Defaults\n```\ndef add(items=[]):\n    items.append(1)\n```\n\n"
        "In the above case `append()` grows the list on each call. So we set `items=None` and "
        "test `if items is None` inside.\n"
    )
    planned = run(notes)
    rules = rules_of(planned)
    # The block gives away the answers of the sentence pointing at it: no card for them.
    assert rules["append()"] == "code-pointer"
    # The next sentence speaks of the first, which the card shows, with the block it points at.
    assert rules["items=None"] != "code-pointer" and rules["if items is None"] != "code-pointer"
    (note,) = [n for n in planned.notes if "if items is None" in n.highlights]
    assert to_text(note.text).startswith("def add(items=[]):")
    # The card shows the pointing sentence even when it asks nothing there: the block with it.
    (note,) = run(notes.replace("`append()`", "append()")).notes
    assert to_text(note.text).startswith("def add(items=[]):")
    # Without the block on the card, the later sentence still keeps its cards.
    off = Config(disable_rules=("code-shown",))
    assert fate(notes, "if items is None", off).rule != "code-pointer"
    assert fate(notes, "append()", off).rule == "code-pointer"


def test_a_line_restating_an_earlier_one_of_its_section_asks_no_card_again():
    notes = (
        "# D\n## Cycle\nWhen the count passes `limit 0`, Python runs `collect()` at once.\n\n"
        "In detail: it checks the count against `limit 0`, that `enabled` is set, then runs "
        "`collect()`.\n\n"
        "Later `collect()` scans the old objects; `limit 0` was passed long before.\n\n"
        "The counts are `a.count++` on each allocation.\n\n"
        "Simply put, `b.count > 10` starts a pass.\n"
        "## Other\nIn other words, `c.count` is all there is.\n"
    )
    found = {(f.line, f.highlight): f.rule for f in run(notes).fates}
    # The same two answers in one sentence, in the same order: the first line asks them.
    assert found[(3, "limit 0")] == found[(3, "collect()")] == "fact"
    assert found[(5, "limit 0")] == found[(5, "collect()")] == "restated"
    assert found[(5, "enabled")] != "restated"
    # The same answers in the other order state another relation.
    assert found[(7, "collect()")] != "restated" and found[(7, "limit 0")] == "fact"
    # A line saying it restates those before; not where nothing was asked before it.
    assert found[(11, "b.count > 10")] == "restated"
    assert found[(13, "c.count")] == "fact"
    off = Config(disable_rules=("restated",))
    assert fate(notes, "b.count > 10", off).answer == "b.count > 10"


def test_a_bullet_opening_on_in_short_keeps_its_card():
    notes = "# D\n## S\n- `alpha` is first\n- In short, `beta` only\n"
    assert fate(notes, "beta").answer == "beta"


def test_a_line_pointing_at_a_short_block_without_its_answers_shows_the_block():
    notes = (
        "# D\n## Limits\n```\n>>> limits()\n(700, 10)\n```\n\n"
        "Each of these is `limit 0` and `limit 1` in turn.\n\n"
        "If we run `apply` we can see the next message:\n\n```\nApply complete!\n```\n"
    )
    planned = run(notes)
    rules = rules_of(planned)
    assert rules["limit 0"] == rules["limit 1"] == "fact"
    (note,) = [n for n in planned.notes if "limit 0" in n.highlights]
    # Before the line it points back at, as the notes have it.
    assert note.text.startswith('<pre class="cp-code">&gt;&gt;&gt; limits()\n(700, 10)</pre>')
    assert to_text(note.text).split("\n")[:2] == [">>> limits()", "(700, 10)"]
    # A block holding the answer would give it away: no card.
    assert rules["apply"] == "code-pointer"
    off = Config(disable_rules=("code-shown",))
    assert fate(notes, "limit 0", off).rule == "code-pointer"


def test_label_words_before_a_colon_label_the_line_and_are_no_fact():
    markdown = "# D\n## Mirroring\n- `Use cases`: content inspection, threat monitoring\n"
    assert fate(markdown, "Use cases").rule == "label"
    # A term before a colon is the name the line defines: it stays a card.
    assert fate("# D\n- `DNS Records`: hold routing information\n", "DNS Records").rule != "label"


def test_label_words_after_the_name_they_title_over_a_list_are_no_fact():
    markdown = "# D\n- Data Streams `features`\n    - retention up to 365 days\n    - replay\n"
    assert fate(markdown, "features").rule == "list-title"
