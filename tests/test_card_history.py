"""History stays across the new card policy: over a deck built by the old policy (main at
373b635, built by that commit's own code from its identity file), the new deck imports as an
update. Notes whose unit still exists keep their GUID, their cards' ids and due dates; the notes
the new policy adds arrive as new ones; none of the old notes comes back as new.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from clozepress.config import Config
from clozepress.deck import identity
from clozepress.project import Project

from .deck_support import REPO, Anki, build, package_notes

pytestmark = pytest.mark.slow

#: main before the card policy became ``clozepress/cards/``.
OLD = "373b635"


def _git(*args: str) -> bytes:
    return subprocess.run(
        ["git", "-C", str(REPO), *args], check=True, capture_output=True, timeout=60
    ).stdout


def _old_checkout(folder: Path) -> Path:
    """The old commit's code, styles, settings and notes (with their identity file) in
    ``folder``; skips when this clone has no such commit (a shallow one)."""
    try:
        _git("cat-file", "-e", f"{OLD}^{{commit}}")
    except (OSError, subprocess.CalledProcessError):
        pytest.skip(f"commit {OLD} is not in this clone")
    archive = _git("archive", "--format=tar", OLD, "src", "styles", "pyproject.toml", "source")
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def test_the_new_deck_updates_the_old_one_in_place(tmp_path: Path) -> None:
    old = _old_checkout(tmp_path / "old")
    environment = {**os.environ, "PYTHONPATH": str(old / "src")}
    for command in (
        ["parse", "source/aws-saa.md", "-o", "build/aws-saa.json"],
        ["deck", "build/aws-saa.json", "-o", "dist/aws-saa.apkg", "--notes", "source/aws-saa.md"],
    ):
        subprocess.run(
            [sys.executable, "-m", "clozepress", *command],
            cwd=old,
            env=environment,
            check=True,
            capture_output=True,
            timeout=300,
        )
    old_package = old / "dist" / "aws-saa.apkg"
    old_guids = set(package_notes(old_package, tmp_path))

    # The user's project after the upgrade: the same notes and the identity file the old
    # build left beside them; this version's own styles and settings.
    root = tmp_path / "project"
    shutil.copytree(old / "source", root / "source")
    old_ids = old / "source" / "aws-saa.ids.json"
    project = Project(root, root / "dist", root / "build", Config())
    notes = root / "source" / "aws-saa.md"

    anki = Anki(tmp_path / "anki")
    try:
        assert anki.import_(old_package)[0] == len(old_guids)
        anki.col.sched.set_due_date(list(anki.col.find_cards("")), "7")
        before = {c.card_id: (c.guid, c.due) for c in anki.cards()}

        result = build(project, notes)
        new_guids = set(package_notes(result.path, tmp_path))
        new, updated, _ = anki.import_(result.path)

        kept = old_guids & new_guids
        # The old policy cut a few lines into two notes, one per clause; such a line is one
        # note now, which keeps one clause's identity: the other clause's unit is gone.
        records = {r.guid: r for r in identity.read(old_ids, "old").records}
        ids = identity.read(root / "source" / "aws-saa.ids.json", "new")
        new_keys = {r.guid: identity.normalize(r.key) for r in ids.records}
        for guid in old_guids - new_guids:
            clause = identity.normalize(records[guid].key)
            assert any(clause in new_keys[g] for g in kept), records[guid].key
        assert len(kept) >= len(old_guids) - 3
        assert new == len(new_guids - old_guids)  # no old note comes back as new
        assert anki.updated_guids <= kept and updated == len(anki.updated_guids)
        after = {c.card_id: (c.guid, c.due) for c in anki.cards()}
        # Every card of the old deck: the same id, the same note, the same due date.
        assert {cid: after.get(cid) for cid in before} == before
        # A note of the old deck the policy no longer makes is in the package tagged removed
        # (its cards and their history stay in the collection): not one of the build's cards.
        removed = len(anki.col.find_cards("tag:clozepress::removed"))
        assert len(after) == result.cards + removed + len(old_guids - new_guids)
    finally:
        anki.close()
