"""The cheat-sheets: one landscape PDF page per domain, laid out by WeasyPrint."""
