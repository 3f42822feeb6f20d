"""A table row's front reads as what the row says: a first column of row heads titles the row,
a first column of values is headed like the others (``table``), through ``plan``."""

from __future__ import annotations

from clozepress.cards import skips
from clozepress.cards.env import Env
from clozepress.cards.table import head_each_cell
from clozepress.cards.units import units
from clozepress.config import Config
from clozepress.read.parse import parse_text

from .test_card_rules import fronts


def test_a_comparison_of_two_columns_names_both_sides():
    # The header names the two things compared; the first column is one of them, not labels.
    markdown = (
        "# Caches\n| Alpha | Beta |\n|-|-|\n"
        "| Data durability using log persistence | `Non persistent` |\n"
        "| keyword: sets and sorted sets | keyword: `multi-threaded architecture` |\n"
    )
    assert fronts(markdown) == [
        "Caches || Alpha: Data durability using log persistence / Beta: [...]",
        "Caches || Alpha: keyword: sets and sorted sets / Beta: keyword: [...]",
    ]


def test_a_marked_first_column_holds_values_not_row_heads():
    markdown = (
        "# Locks\n| Strict mode | Loose mode |\n|-|-|\n"
        "| `anyone` cannot change | admins can change |\n"
    )
    (front,) = fronts(markdown)
    assert front.startswith("Locks || Strict mode: [...] cannot change / Loose mode: admins")


def test_a_row_head_titles_its_row_without_the_header_word_for_row_heads():
    # "spec" names the kind of the row heads; "level" alone on a line would read as debris.
    markdown = (
        "# Net\n| spec | Network ACL | Security Groups |\n|-|-|-|\n"
        "| level | `subnet level` | instance |\n| rule types | allow, deny | allow |\n"
    )
    assert fronts(markdown) == ["Net || level: / Network ACL: [...] / Security Groups: instance"]


def test_an_unnamed_corner_makes_the_first_column_row_heads():
    header = "# Edge\n| | Functions | Workers |\n|-|-|-|\n"
    markdown = header + "| a very long row head here | JS | `Python` |\n"
    assert fronts(markdown) == [
        "Edge || a very long row head here: / Functions: JS / Workers: [...]"
    ]


def test_a_head_spanning_the_rows_below_it_is_a_row_head():
    # A first column with empty cells groups rows under the head above them.
    markdown = (
        "# Drugs\n| Class | Action | Agents |\n|-|-|-|\n"
        "| Adrenergic agonists of the alpha type | alpha1 stimulant | `phenylephrine` |\n"
        "| | beta1 stimulant | `dobutamine` |\n"
    )
    assert fronts(markdown) == [
        "Drugs || Adrenergic agonists of the alpha type: / Action: alpha1 stimulant"
        " / Agents: [...]",
        "Drugs || Action: beta1 stimulant / Agents: [...]",
    ]


def test_switched_off_a_row_reads_as_its_cells():
    markdown = (
        "# Caches\n| Alpha | Beta |\n|-|-|\n| Data durability using logs | `Non persistent` |\n"
    )
    off = Config(disable_rules=("table",))
    assert fronts(markdown, off) == ["Caches || Alpha | Beta / Data durability using logs | [...]"]


def test_a_row_head_with_nothing_beside_it_takes_no_colon():
    markdown = "# Edge\n| | Functions | Workers |\n|-|-|-|\n| `cold start` | | |\n"
    assert fronts(markdown) == ["Edge || [...]"]


def test_a_row_head_ending_in_a_full_width_colon_takes_no_second_one():
    markdown = "# 表\n| 项目 | 值 | 备注 |\n|-|-|-|\n| 级别： | `子网` | 无 |\n"
    assert fronts(markdown) == ["表 || 级别： / 值: [...] / 备注: 无"]
    # row-class asks the head's name, its colon left shown (the blank is not "kinds：").
    markdown = "# T\n| spec | items |\n|-|-|\n| kinds： | `alpha`, `beta`, `gamma` |\n"
    assert fronts(markdown) == ["T || [...]： / items: alpha, beta, gamma"]


def test_a_cell_opens_after_its_column_head_whatever_the_head_holds():
    # tested-enough keeps a card for a line opening on an answer asked twice above; a cell
    # opens after its column head, a head with a full stop inside ("No. of refs") included.
    markdown = (
        "# Memory\n## Collector\n- the collector reads `gc_refs` of each object in turn\n"
        "- it then lowers `gc_refs` for every reference found inside\n\n"
        "| Object | No. of refs |\n|-|-|\n| a list | `gc_refs` held apart |\n"
    )
    document = parse_text(markdown, "n.md")
    env = Env(document, Config(), frozenset())
    lines = [u for u in units(document) if u.kind == "line" and u.marks]
    (row,), _ = head_each_cell([u for u in units(document) if u.kind == "row"], env)
    assert [skips.tested_enough(u, u.marks[0], env) for u in lines] == [None, None]
    assert row.text.splitlines()[1] == "No. of refs: gc_refs held apart"
    assert skips.tested_enough(row, row.marks[0], env) is None
