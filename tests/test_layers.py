"""The layering contract (pyproject.toml, [tool.importlinter]) holds, and breaks on an
upward import."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(src: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run(
        [str(LINT), "--no-cache", str(ROOT / "pyproject.toml")],
        cwd=src.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_package_keeps_its_layers() -> None:
    result = _lint(ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_an_upward_import_breaks_the_contract(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOT / "src" / "newsreel", src / "newsreel")
    sql = src / "newsreel" / "store" / "sql.py"
    sql.write_text(sql.read_text() + "\nimport newsreel.search.query  # upward\n")
    result = _lint(src)
    assert result.returncode != 0
    assert "newsreel.store is not allowed to import newsreel.search" in result.stdout
