"""Pipes, devices, sockets, dangling links, link loops and huge files in an ingest.

Each is quarantined with its reason and never opened (a pipe would block the reader
forever, ``/dev/zero`` never ends), whether found in a folder or named directly.
"""

from __future__ import annotations

import os
import resource
import signal
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.ingest.test_files import SEED_TEXT

from newsreel import open_archive
from newsreel.cli import main
from newsreel.errors import BadInputError
from newsreel.ingest.files import InputFile, find_inputs, read_input
from newsreel.ingest.reading import format_size, read_regular
from newsreel.models import IngestSummary

SECONDS = 20  # far more than any of these takes; a hang fails the test instead


def _mapped_bytes() -> int:
    """The address space this process maps now (VmSize), or 2 GiB where /proc is absent."""
    try:
        status = Path("/proc/self/status").read_text(encoding="utf-8")
    except OSError:
        return 2 * 1024**3
    line = next(x for x in status.splitlines() if x.startswith("VmSize:"))
    return int(line.split()[1]) * 1024


@pytest.fixture(autouse=True)
def no_hang_no_flood() -> Iterator[None]:
    """Fail a test that waits forever (on a pipe) and cap memory (``/dev/zero``)."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"the ingest was still waiting after {SECONDS} s")

    previous = signal.signal(signal.SIGALRM, expire)
    limits = resource.getrlimit(resource.RLIMIT_AS)
    # Reading /dev/zero runs into this instead of the machine's memory; counted above
    # what the process maps already (torch or onnxruntime loaded by earlier tests map
    # gigabytes, and a flat cap then failed SQLite's own mapping: "disk I/O error").
    cap = _mapped_bytes() + 2 * 1024**3
    hard = limits[1]
    resource.setrlimit(
        resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard)
    )
    signal.alarm(SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        resource.setrlimit(resource.RLIMIT_AS, limits)


def ingest(tmp_path: Path, *paths: Path, max_file_size: int | None = None) -> IngestSummary:
    extra = {} if max_file_size is None else {"max_file_size": max_file_size}
    with open_archive(tmp_path / "archive.db") as arch:
        return arch.ingest(list(paths), jobs=0, **extra)  # type: ignore[arg-type]


def reasons(summary: IngestSummary) -> dict[str, str]:
    return {Path(q.path).name: q.reason for q in summary.quarantine}


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stderr


def add_special(root: Path, *names: str) -> None:
    """Put the named special files in ``root``."""
    makers = {
        "dangling.txt": lambda p: os.symlink(root / "nowhere.txt", p),
        "loop.txt": lambda p: os.symlink(p, p),
        "pipe.txt": os.mkfifo,
        "zero.txt": lambda p: os.symlink("/dev/zero", p),
    }
    for name in names:
        makers[name](root / name)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A collection of one good record (tests add what is not one)."""
    root = tmp_path / "in"
    root.mkdir()
    (root / "good.txt").write_text(SEED_TEXT)
    return root


def test_a_dangling_symlink_or_a_loop_is_quarantined_not_a_traceback(
    tmp_path: Path, folder: Path
) -> None:
    # Was: FileNotFoundError (and ELOOP) from a stat outside the per-file guard ended
    # the whole ingest with a traceback.
    add_special(folder, "dangling.txt", "loop.txt")
    summary = ingest(tmp_path, folder)
    assert summary.ingested == 1 and summary.quarantined == 2
    found = reasons(summary)
    assert found["dangling.txt"].startswith("a symbolic link to nothing")
    assert "nowhere.txt" in found["dangling.txt"]
    assert found["loop.txt"].startswith("a symbolic link loop")


def test_a_fifo_is_quarantined_without_being_opened(tmp_path: Path, folder: Path) -> None:
    # Was: the ingest opened the pipe and waited forever for a writer.
    add_special(folder, "pipe.txt")
    summary = ingest(tmp_path, folder)
    assert reasons(summary)["pipe.txt"] == "a named pipe (FIFO), not a regular file"
    assert summary.ingested == 1


def test_a_symlink_to_dev_zero_is_refused_as_a_device(tmp_path: Path, folder: Path) -> None:
    # Was: the ingest read /dev/zero, growing by ~250 MB/s until killed.
    add_special(folder, "zero.txt")
    summary = ingest(tmp_path, folder)
    assert reasons(summary)["zero.txt"] == (
        "a device file (character device), not a regular file "
        "(the symbolic link points to /dev/zero)"
    )
    assert summary.ingested == 1 and summary.quarantined == 1


def test_a_socket_is_quarantined(tmp_path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    path = tmp_path / "s.txt"
    try:
        server.bind(str(path))
    except OSError:  # the path is longer than a socket address may be
        pytest.skip("tmp_path is too long for a Unix socket")
    with server:
        result = read_input(InputFile(path, tmp_path), {})
    assert [q.reason for q in result.failures] == ["a socket, not a regular file"]


@pytest.mark.parametrize("name", ["pipe.txt", "zero.txt", "dangling.txt", "loop.txt"])
def test_a_special_file_named_on_the_command_line_is_reported(
    tmp_path: Path, folder: Path, name: str
) -> None:
    # Was: "0 files: ... 0 quarantined", exit 0 (a pipe or a device named directly),
    # or a traceback (a dangling link or a loop).
    add_special(folder, name)
    code, err = cli("ingest", str(folder / name), "--archive", str(tmp_path / "a.db"))
    assert code == 3, err
    assert "1 file: 0 ingested" in err and "1 quarantined" in err
    assert f"quarantined {folder / name}: a " in err


def test_find_inputs_names_special_files_and_opens_nothing(folder: Path) -> None:
    add_special(folder, "pipe.txt", "zero.txt", "dangling.txt", "loop.txt")
    named = [folder / n for n in ("pipe.txt", "zero.txt", "dangling.txt", "loop.txt")]
    assert [f.path for f in find_inputs(named)] == named
    found = sorted(f.path.name for f in find_inputs([folder]))
    assert found == ["dangling.txt", "good.txt", "loop.txt", "pipe.txt", "zero.txt"]


def test_a_file_over_max_file_size_is_quarantined_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(SEED_TEXT + "<!-- padding -->" * 100)
    size = big.stat().st_size
    code, err = cli("ingest", str(big), "--max-file-size", "1K", "--archive", str(tmp_path / "a"))
    assert code == 3
    assert f"the file is {format_size(size)} ({size:,} bytes), over the 1 KiB limit" in err
    assert "--max-file-size" in err
    code, err = cli("ingest", str(big), "--max-file-size", "1M", "--archive", str(tmp_path / "a"))
    assert code == 0, err
    # docs review: a size under 1 KiB is said once ("56 bytes", not "56 bytes (56 bytes)")
    small = tmp_path / "small.txt"
    small.write_text("<video_id>abc</video_id>\n<doc>\nhello there\n</doc>\n")
    n = small.stat().st_size
    code, err = cli("ingest", str(small), "--max-file-size", "10", "--archive", str(tmp_path / "b"))
    assert code == 3 and f"the file is {n} bytes, over the 10 bytes limit" in err, err


def test_max_file_size_must_be_a_size(tmp_path: Path) -> None:
    code, err = cli("ingest", str(tmp_path), "--max-file-size", "lots")
    assert code == 2 and "'lots' is not a size" in err


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_reading_stops_at_the_limit_when_a_file_is_longer_than_its_stat_said() -> None:
    status = Path("/proc/self/status")  # a regular file of size 0 that has lines
    with pytest.raises(
        BadInputError, match="grew past the 10 bytes limit on one input file while it was read"
    ):
        read_regular(status, 10)
    assert read_regular(status, 1 << 20).startswith(b"Name:")
