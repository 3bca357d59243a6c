"""``python -m transcript_kit``: the same command line as ``transcript-kit``."""

import sys

from transcript_kit.cli import main

sys.exit(main())
