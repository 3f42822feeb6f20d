"""Golden files: each ``tests/golden/X.md`` parses to exactly ``tests/golden/X.json``.

To accept a deliberate change of the parse, run
``python -m tests.test_golden --update`` and review the diff before committing it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from clozepress.form.model import dumps, loads
from clozepress.read.parse import parse_file

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(GOLDEN.glob("*.md"))


def parse_case(md: Path) -> str:
    return dumps(parse_file(md, md.name))


@pytest.mark.parametrize("md", CASES, ids=[c.stem for c in CASES])
def test_golden(md: Path) -> None:
    expected = md.with_suffix(".json").read_text(encoding="utf-8")
    assert parse_case(md) == expected
    assert loads(expected) == parse_file(md, md.name)


def test_there_are_golden_cases() -> None:
    assert len(CASES) >= 3


if __name__ == "__main__" and "--update" in sys.argv:
    for case in CASES:
        case.with_suffix(".json").write_text(parse_case(case), encoding="utf-8")
        print(f"wrote {case.with_suffix('.json')}")
