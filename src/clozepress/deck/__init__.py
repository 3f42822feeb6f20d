"""The Anki deck: cards into a .apkg, and the note identity that keeps edits in place."""
