"""The ``newsreel`` command line: a thin shell over the Python API."""

from __future__ import annotations

from newsreel.cli.main import main

__all__ = ["main"]
