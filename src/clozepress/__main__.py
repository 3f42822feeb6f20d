"""``python -m clozepress``."""

import sys

from .cli import main

# Guarded: sheet workers start as fresh interpreters that import the main module again.
if __name__ == "__main__":
    sys.exit(main())
