"""The read: notes (Markdown) into the intermediate form; the only stage that knows Markdown."""
