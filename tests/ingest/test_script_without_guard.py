"""A script that ingests at its top level, with no ``if __name__ == "__main__":`` guard,
as docs/api.md's first example reads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

RECORD = (
    "<video_id>vid000000{n}</video_id>\n<video_title>t {n}</video_title>\n"
    "<doc>\nfloods {n}\n</doc>\n"
)


def test_a_script_with_no_main_guard_ingests_in_parallel(tmp_path: Path) -> None:
    """Regression (review): the writer process, spawned, ran the script again, found the
    archive locked by the script itself and died ("the writer process ended
    unexpectedly")."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(10, 30):  # 16 files or more: parsed in parallel, written by a process
        (folder / f"v{n}.txt").write_text(RECORD.format(n=n), encoding="utf-8")
    script = tmp_path / "ingest_it.py"
    script.write_text(
        "import newsreel\n"
        f"with newsreel.open_archive({str(tmp_path / 'a.db')!r}) as a:\n"
        f"    print(a.ingest([{str(folder)!r}]).ingested)\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "20"
