"""clozepress: Markdown study notes into Anki cloze decks and one-page cheat-sheets."""

__version__ = "0.1.0"
