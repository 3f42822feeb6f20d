"""The study policy, one rule at a time: a few lines of notes in, the cards out.

Each test reads as a rule of issue 6; ``front``/``back`` are the card as ``clozepress sample``
shows it (the blank as ``[...]``), ``context`` the line above the card.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clozepress.cards import plan
from clozepress.cards_sample import side, to_text
from clozepress.cards_size import FRONT_CHARS
from clozepress.config import Config
from clozepress.model import all_highlights
from clozepress.parse import parse_file, parse_text

STUDY = Config()
ALL = Config(cloze_policy="all")


def cards(markdown: str, config: Config = STUDY) -> list[dict[str, str]]:
    """Every card of the notes: its context, front, back and extra as plain text."""
    out = []
    for note in plan(parse_text(markdown, "n.md"), config).notes:
        count = 1 if config.cloze == "unit" else note.cards
        for number in range(1, count + 1):
            out.append(
                {
                    "context": to_text(note.context.replace('<span class="cp-sep">›</span>', "›")),
                    "front": side(note.text, number, front=True),
                    "back": side(note.text, number, front=False),
                    "extra": to_text(note.extra),
                }
            )
    return out


def skipped(markdown: str) -> list[str]:
    return [str(d) for d in plan(parse_text(markdown, "n.md"), STUDY).skipped]


# ---------------------------------------------------------------------------------------------
# Context


def test_context_is_the_heading_path_without_empty_or_repeated_levels():
    (card,) = cards("# EC2\n## EC2\n### \n### Spot\n- price is set by `supply and demand`\n")
    assert card["context"] == "EC2 › Spot"


def test_a_continuation_line_gets_its_parent():
    notes = (
        "# Route 53\n- To use your own domain for an ELB\n"
        "    - must set up a `CNAME or alias record`\n"
    )
    (card,) = cards(notes)
    assert card["context"] == "Route 53 › To use your own domain for an ELB"
    assert card["front"] == "must set up a [...]"


def test_a_line_that_stands_alone_does_not_get_its_parent():
    notes = (
        "# S3\n- Storage classes differ by retrieval cost and minimum storage duration\n"
        "    - Glacier Deep Archive is the cheapest class for `long-term archives`\n"
    )
    (card,) = cards(notes)
    assert card["context"] == "S3"


def test_a_continuation_of_a_continuation_also_gets_the_grandparent():
    notes = (
        "# EC2\n- How to terminate Spot Instances\n"
        "    - cancelling a Spot Request does not terminate its instances\n"
        "        - You must `first cancel the Spot Request`\n"
    )
    (card,) = cards(notes)
    assert card["context"] == (
        "EC2 › How to terminate Spot Instances › cancelling a Spot Request does not terminate"
        " its instances"
    )


def test_an_item_of_an_enumeration_gets_the_parent_that_introduces_it():
    notes = "# EC2\n- Hibernate limits:\n    - RAM must be under `150 GB`\n"
    (card,) = cards(notes)
    assert card["context"] == "EC2 › Hibernate limits"


def test_under_x_vs_y_the_card_says_which_side_the_line_is_on():
    notes = "# Route 53\n## CNAME vs Alias\n- Alias records are `free of charge` for queries\n"
    (card,) = cards(notes)
    assert card["context"] == "Route 53 › CNAME vs Alias → Alias"


def test_a_table_row_reads_row_label_column_header_value():
    notes = (
        "# VPC\n| spec | NACL | Security Group |\n|-|-|-|\n| level | `subnet` | EC2 instance |\n"
    )
    (card,) = cards(notes)
    assert card["front"] == "level — NACL: [...]\nlevel — Security Group: EC2 instance"
    assert card["back"] == "level — NACL: [subnet]\nlevel — Security Group: EC2 instance"


def test_a_two_column_comparison_row_names_each_column():
    notes = "# Cache\n| Redis | Memcached |\n|-|-|\n| Multi AZ | `no replication` |\n"
    (card,) = cards(notes)
    assert card["front"] == "Redis: Multi AZ\nMemcached: [...]"


# ---------------------------------------------------------------------------------------------
# What to blank


def test_a_whole_line_blank_with_no_cue_is_skipped_and_reported():
    notes = "# Elastic IP\n- `try to avoid using Elastic IP`\n"
    assert cards(notes) == []
    assert skipped(notes) == [
        "n.md:2: info: highlight not a card: the blank is the whole line: no cue left"
    ]


def test_a_generic_word_is_not_blanked():
    notes = "# Kinesis\n- Data Streams `features` are many\n"
    assert cards(notes) == []
    assert skipped(notes) == [
        "n.md:2: info: highlight not a card: a generic word ('features'): nothing to recall"
    ]


def test_a_blank_whose_text_is_elsewhere_on_the_card_is_not_made():
    notes = "# Hibernate\n- `Hibernate` keeps the RAM in `a file on the root EBS`\n"
    (card,) = cards(notes)
    assert card["front"] == "Hibernate keeps the RAM in [...]"
    assert skipped(notes) == [
        "n.md:2: info: highlight not a card: the answer is shown elsewhere on the card"
    ]


def test_an_acronym_beside_its_expansion_blanks_the_meaning_instead():
    (card,) = cards("# Transfer\n- `FTP` (File Transfer Protocol) is not encrypted\n")
    assert card["front"] == "FTP ([...]) is not encrypted"
    assert card["back"] == "FTP ([File Transfer Protocol]) is not encrypted"


def test_a_function_word_blank_is_not_made():
    notes = "# RDS\n- Multi-AZ is `only` for `disaster recovery`\n"
    (card,) = cards(notes)
    assert card["front"] == "Multi-AZ is only for [...]"


def test_a_blank_of_many_words_is_a_passage_not_a_fact():
    notes = (
        "# S3\n- CORS: `requests from one origin to another are refused unless it allows them`\n"
    )
    assert cards(notes) == []
    assert "too long to recall (12 words)" in skipped(notes)[0]


def test_whole_line_items_of_one_enumeration_share_a_card():
    notes = "# RDS\n- Read Replica deploy options:\n    - `single AZ`\n    - `cross AZ`\n"
    first, second = cards(notes)
    assert first["context"] == "RDS › Read Replica deploy options"
    assert first["front"] == "• [...]\n• cross AZ"
    assert second["front"] == "• single AZ\n• [...]"


def test_the_all_policy_makes_every_highlight_a_card_as_before():
    notes = "# Elastic IP\n- `try to avoid using Elastic IP`\n- Data Streams `features`\n"
    assert [c["back"] for c in cards(notes, ALL)] == [
        "[try to avoid using Elastic IP]",
        "Data Streams [features]",
    ]
    assert plan(parse_text(notes, "n.md"), ALL).skipped == ()


# ---------------------------------------------------------------------------------------------
# Size


def test_a_long_line_is_cut_to_the_clause_holding_the_blank_with_the_line_on_the_back():
    line = (
        "In the past only one TLS certificate could be served per IP address, so a server "
        "hosting many websites needed one IP per site; with SNI the client sends the "
        "`hostname` in the first handshake message"
    )
    (card,) = cards(f"# ELB\n- {line}\n")
    assert card["front"] == "with SNI the client sends the [...] in the first handshake message"
    assert card["extra"].startswith("In the past only one TLS certificate")


def test_the_back_lists_children_one_level_and_at_most_eight():
    children = "".join(f"    - child {i}\n        - grandchild {i}\n" for i in range(10))
    (card,) = cards(f"# D\n- the parent line holds `the fact`\n{children}")
    assert card["extra"].split("\n") == [*(f"- child {i}" for i in range(8)), "- … 2 more"]


# ---------------------------------------------------------------------------------------------
# Clean-up


def test_todo_notes_and_exclamation_marks_are_cleaned_off():
    (card,) = cards("# S3\n- Requester Pays makes `the requester` pay!!! TODO review\n")
    assert card["front"] == "Requester Pays makes [...] pay"


def test_labels_stray_markers_doubled_and_trailing_punctuation_are_cleaned_off():
    (card,) = cards(
        "# Certificates\n- option1 : `ACM` sends daily expiry events ,, to EventBridge,\n"
    )
    assert card["front"] == "[...] sends daily expiry events, to EventBridge"


def test_stray_backticks_and_pipes_never_reach_a_card():
    (card,) = cards("# Redshift\n- faster than Athena | uses `indexes` ` for joins\n")
    assert "`" not in card["front"] and "|" not in card["front"]


# ---------------------------------------------------------------------------------------------
# Notes in other styles (tests/fixtures/cards/)

FIXTURES = Path(__file__).parent / "fixtures" / "cards"


@pytest.mark.parametrize("name", ["python-notes.md", "biology-notes.md"])
def test_notes_in_other_styles_make_clean_cards_and_account_for_every_highlight(name: str):
    document = parse_file(FIXTURES / name)
    planned = plan(document, STUDY)
    assert sorted((f.line, f.highlight) for f in planned.fates) == sorted(
        (h.line, h.text) for h in all_highlights(document)
    )
    assert all(f.answer is not None or f.reason for f in planned.fates)
    made = [f for f in planned.fates if f.answer is not None]
    assert sum(note.cards for note in planned.notes) == len(made) >= 0.85 * len(planned.fates)
    for note in planned.notes:
        front = side(note.text, 1, front=True)
        assert "`" not in front and "TODO" not in front and "!!" not in front, front
        assert len(front) <= 2 * FRONT_CHARS, front


def test_an_expansion_with_small_words_is_still_found_beside_its_acronym():
    (card,) = cards("# Style\n- `EAFP` (Easier to Ask Forgiveness than Permission) wins\n")
    assert card["back"] == "EAFP ([Easier to Ask Forgiveness than Permission]) wins"
