"""The ``newsreel`` command's entry point: Ctrl-C while the command line loads ends it
quietly (status 130), as it does once a command runs, never with a traceback."""

from __future__ import annotations

import sys


def main() -> None:
    """Load the command line and run it."""
    try:
        from newsreel.cli import main as cli
    except KeyboardInterrupt:
        sys.stderr.write("newsreel: interrupted\n")
        raise SystemExit(130) from None
    cli()
