"""``python -m newsreel``: the same command line as ``newsreel``."""

from __future__ import annotations

import sys

from newsreel.cli import main

if __name__ == "__main__":
    sys.exit(main(prog_name="newsreel"))
