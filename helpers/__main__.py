"""Command line: ``python -m helpers check|dump [CORPUS_DIR]``."""

import sys

from .cli import main

sys.exit(main())
