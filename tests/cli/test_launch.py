"""The ``newsreel`` command's entry point (``newsreel.launch``)."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest

import newsreel
from newsreel import launch


def test_ctrl_c_while_the_command_line_loads_ends_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ops review: Ctrl-C in the command's first second printed a KeyboardInterrupt
    traceback (the package imported everything at once)."""
    loading = types.ModuleType("newsreel.cli")

    def interrupted(name: str) -> object:
        raise KeyboardInterrupt

    loading.__getattr__ = interrupted  # type: ignore[method-assign]
    monkeypatch.setitem(sys.modules, "newsreel.cli", loading)
    with pytest.raises(SystemExit) as ended:
        launch.main()
    assert ended.value.code == 130
    assert capsys.readouterr().err == "newsreel: interrupted\n"


def test_the_package_loads_its_names_on_first_use() -> None:
    code = "import sys, newsreel; print('newsreel.api' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr
    assert newsreel.open_archive is newsreel.__getattr__("open_archive")
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        newsreel.__getattr__("nothing")


def test_the_installed_command_runs_through_the_launcher() -> None:
    command = Path(sys.executable).parent / "newsreel"
    out = subprocess.run([str(command), "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("newsreel, version"), out.stderr
