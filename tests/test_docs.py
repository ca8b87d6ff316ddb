"""Every command and every option of the CLI is documented in docs/cli.md."""

from __future__ import annotations

import click
import pytest
from tests.conftest import ROOT

from newsreel.cli import main

CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_is_documented(name: str) -> None:
    assert f"## `newsreel {name}" in CLI_DOC


@pytest.mark.parametrize(
    ("command", "option"),
    [
        (name, opt)
        for name, command in sorted(main.commands.items())
        for param in command.params
        if isinstance(param, click.Option)
        for opt in param.opts
        if opt.startswith("--") and opt != "--help"
    ],
)
def test_option_is_documented(command: str, option: str) -> None:
    assert f"`{option}" in CLI_DOC, f"{command} {option} is missing from docs/cli.md"


def test_readme_has_the_two_setup_commands() -> None:
    assert "make demo" in README and "make test" in README
