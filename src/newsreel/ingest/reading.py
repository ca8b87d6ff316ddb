"""Input files read safely: regular files only, each up to a size limit.

A named pipe blocks its reader until something writes to it, a device such as
``/dev/zero`` never ends, and a dangling or looping symbolic link cannot be opened: each
is refused with its reason after a ``stat``, never opened. A file over the limit is
refused unread, and reading stops at the limit should a file grow meanwhile.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from newsreel.errors import BadInputError

DEFAULT_MAX_FILE_SIZE = 2 * 1024**3
_CHUNK = 1 << 20
_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO), not a regular file"),
    (stat.S_ISCHR, "a device file (character device), not a regular file"),
    (stat.S_ISBLK, "a device file (block device), not a regular file"),
    (stat.S_ISSOCK, "a socket, not a regular file"),
    (stat.S_ISDIR, "a folder, not a regular file"),
)
_UNITS = ("bytes", "KiB", "MiB", "GiB", "TiB", "PiB")


def format_size(size: int) -> str:
    """A byte count for people: ``2147483648`` → ``2 GiB``, ``1536`` → ``1.5 KiB``."""
    if size < 1024:
        return f"{size:,} bytes"
    power = min((size.bit_length() - 1) // 10, len(_UNITS) - 1)
    return f"{size / 1024**power:,.1f}".removesuffix(".0") + f" {_UNITS[power]}"


def _link_target(path: Path) -> str | None:
    try:
        return os.readlink(path)
    except OSError:
        return None


def _unreachable(path: Path, exc: OSError) -> str:
    """Why ``stat`` could not follow ``path``."""
    target = _link_target(path)
    if exc.errno == errno.ELOOP:
        return (
            f"a symbolic link loop: following it (to {target!r}) leads back to itself"
            if target is not None
            else "a symbolic link loop: a link on its way leads back to itself"
        )
    if exc.errno in (errno.ENOENT, errno.ENOTDIR) and target is not None:
        return f"a symbolic link to nothing: its target {target!r} does not exist"
    if exc.errno == errno.ENOENT:
        return "the file is gone: it was removed after the folder was listed"
    return f"cannot read the file: {exc.strerror or exc}"


def _kind(mode: int) -> str:
    return next((why for test, why in _KINDS if test(mode)), "not a regular file")


def checked_stat(path: Path, max_size: int = DEFAULT_MAX_FILE_SIZE) -> os.stat_result:
    """``stat`` a file to read (through symbolic links); raise ``BadInputError`` unless it
    is a regular file of at most ``max_size`` bytes. The file is never opened."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise BadInputError(_unreachable(path, exc)) from None
    if not stat.S_ISREG(info.st_mode):
        target = _link_target(path)
        through = f" (the symbolic link points to {target})" if target is not None else ""
        raise BadInputError(_kind(info.st_mode) + through)
    if info.st_size > max_size:
        raise BadInputError(_too_big(info.st_size, max_size))
    return info


def _too_big(size: int, max_size: int) -> str:
    exact = f" ({size:,} bytes)" if size >= 1024 else ""  # not "56 bytes (56 bytes)"
    return (
        f"the file is {format_size(size)}{exact}, over the {format_size(max_size)} "
        "limit on one input file; raise it with --max-file-size to read it"
    )


def read_regular(path: Path, max_size: int = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """The bytes of a regular file of at most ``max_size`` bytes (see ``checked_stat``);
    ``BadInputError`` says why not."""
    expected = checked_stat(path, max_size).st_size
    try:
        # O_NONBLOCK: should the file have become a pipe since the stat, opening it
        # returns at once, and the fstat below refuses it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with open(fd, "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if not stat.S_ISREG(mode):
                raise BadInputError(_kind(mode))
            data = _read_at_most(handle, expected, max_size)
    except OSError as exc:
        raise BadInputError(f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > max_size:
        raise BadInputError(
            f"the file grew past the {format_size(max_size)} limit on one input file while "
            "it was read; raise it with --max-file-size to read it"
        )
    return data


def _read_at_most(handle: BinaryIO, expected: int, max_size: int) -> bytes:
    """Read the whole file, but never more than ``max_size + 1`` bytes."""
    read = handle.read
    parts = [read(min(expected, max_size) + 1)]
    total = len(parts[0])
    while total > expected and total <= max_size:  # it grew since the stat
        chunk = read(min(_CHUNK, max_size + 1 - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)
