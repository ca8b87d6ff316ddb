"""One version source: the package metadata built from pyproject.toml."""

from __future__ import annotations

import importlib.metadata

from click.testing import CliRunner

import newsreel
from newsreel.cli import main


def test_the_package_version_is_the_installed_metadata() -> None:
    assert newsreel.__version__ == importlib.metadata.version("newsreel")


def test_newsreel_version_prints_it() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"newsreel, version {newsreel.__version__}"
