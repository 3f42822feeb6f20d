"""How a title becomes an id: the domains' ids in the form, and the deck's tags, use one rule."""

from __future__ import annotations

import re
import unicodedata


def slugify(title: str) -> str:
    """A file- and URL-safe id for a title; keeps letters of every script. No spaces (Anki
    splits tags on them) and no ':' (its tag hierarchy marker), so it also serves as a tag."""
    text = unicodedata.normalize("NFKC", title).lower()
    slug = re.sub(r"[^\w]+", "-", text).strip("-_")
    return slug or "untitled"
