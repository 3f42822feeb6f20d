"""The intermediate form on disk: a lossless, versioned round trip refusing what it cannot read."""

from __future__ import annotations

import json

import pytest

from clozepress.form.model import FORMAT_VERSION, Document, FormatError, dumps, loads
from clozepress.read.parse import parse_file

from .conftest import NOTES


def test_the_notes_survive_a_json_round_trip() -> None:
    document = parse_file(NOTES, "source/aws-saa.md")
    assert loads(dumps(document)) == document


def test_every_node_on_disk_names_its_type_and_every_block_its_line() -> None:
    payload = json.loads(dumps(parse_file(NOTES, "source/aws-saa.md")))
    assert payload["version"] == FORMAT_VERSION
    assert payload["document"]["path"] == "source/aws-saa.md"
    blocks = {"bullet", "paragraph", "table", "quote", "image", "code", "highlight", "row"}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            assert "type" in node
            if node["type"] in blocks:
                assert isinstance(node["line"], int) and node["line"] >= 1, node
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(payload["document"])


def test_an_unknown_version_is_refused() -> None:
    payload = json.loads(dumps(Document("x.md", "x", ())))
    payload["version"] = FORMAT_VERSION + 1
    with pytest.raises(FormatError, match="version"):
        loads(json.dumps(payload))


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[]",
        '{"format": "other", "version": 1}',
        json.dumps({"format": "clozepress", "version": FORMAT_VERSION, "document": {"type": "x"}}),
        json.dumps(
            {"format": "clozepress", "version": FORMAT_VERSION, "document": {"type": "text"}}
        ),
    ],
)
def test_anything_else_is_refused_with_format_error(text: str) -> None:
    with pytest.raises(FormatError):
        loads(text)


def test_nodes_are_frozen() -> None:
    document = Document("x.md", "x", ())
    with pytest.raises(AttributeError):
        document.title = "y"  # type: ignore[misc]
