"""Options and helpers shared by every command."""

from __future__ import annotations

import errno
import functools
import json
import os
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click
from tqdm import tqdm

from newsreel.api import Archive, archive_location, default_archive_path, open_archive
from newsreel.errors import ConfigError, LockedError, NewsreelError, StoreError
from newsreel.store.copy import UNFINISHED as UNFINISHED_COPY
from newsreel.store.postgres import database_exists, is_postgres_url, redact

F = TypeVar("F", bound=Callable[..., Any])

# A query may start with '-' ('-Ukraine Gaza', '-hostages Gaza'): unknown dashes pass
# through as the query, and only --help asks for help ("-h" would eat "-hostages").
QUERY_COMMAND: dict[str, Any] = {"ignore_unknown_options": True, "help_option_names": ["--help"]}


class QueryCommand(click.Command):
    """A command whose query may start with "-" ("-hostages" excludes a word), yet a
    mistyped long option ("--jsn") is a usage error naming the options, wherever it
    stands (before the query it would otherwise be read as the query)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        named = [o for p in self.params for o in (*p.opts, *p.secondary_opts)]
        known = {o for o in named if o.startswith("--")} | {"--help"}
        for arg in args:
            if arg == "--":
                break
            name = arg.split("=", 1)[0]
            if arg.startswith("--") and len(arg) > 2 and " " not in arg and name not in known:
                raise click.NoSuchOption(name, possibilities=sorted(known), ctx=ctx)
        return super().parse_args(ctx, args)


def help_asked(*values: str) -> None:
    """Show the command's help and stop where the query is a lone "-h" (a query command
    reads "-hostages" as words, so "-h" is not its option); a usage error for a value
    like "--jsn", which is a mistyped option, not a word to look for."""
    if [v.strip() for v in values] == ["-h"]:
        ctx = click.get_current_context()
        click.echo(ctx.get_help())
        ctx.exit(0)
    for value in values:
        if value.startswith("--") and len(value) > 2 and " " not in value.strip():
            ctx = click.get_current_context()
            known = sorted({o for p in ctx.command.params for o in p.opts if o.startswith("--")})
            name = value.split("=")[0]
            if name in known:  # after "--" every word is a term, the options too
                raise click.UsageError(
                    f"{name} comes after '--', where every word is a term: give the "
                    f"options before it ({ctx.command_path} {name} ... -- -WORD)",
                    ctx=ctx,
                )
            raise click.NoSuchOption(name, possibilities=known, ctx=ctx)


EXIT_ERROR = 1
EXIT_QUARANTINED = 3
EXIT_INTERRUPTED = 130
EXIT_LOCKED = 75  # EX_TEMPFAIL: another process is writing the archive
EXIT_PIPE = 141  # 128 + SIGPIPE: what `grep | head` gives when head stops reading
_WAIT = "newsreel.wait"


if TYPE_CHECKING:
    _DateBase = click.ParamType[date]
else:
    _DateBase = click.ParamType


class DateParam(_DateBase):
    """A calendar date given as YYYY-MM-DD or YYYYMMDD."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        for fmt in ("%Y-%m-%d", "%Y%m%d"):
            try:
                return datetime.strptime(str(value), fmt).date()
            except ValueError:
                pass
        self.fail(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2024-03-31", param, ctx)


def archive_option(func: F) -> F:
    """Add ``--archive FILE`` (default $NEWSREEL_ARCHIVE or ./newsreel.db)."""
    return click.option(
        "--archive",
        type=ArchiveParam(),
        default=None,
        help="Archive file, or a PostgreSQL database (postgresql://USER@HOST/DB). "
        "Default: $NEWSREEL_ARCHIVE, else ./newsreel.db.",
    )(func)


class ArchiveParam(click.ParamType):  # type: ignore[type-arg]
    """An archive file's path or a PostgreSQL URL."""

    name = "ARCHIVE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            location = archive_location(value)
        except ConfigError as err:
            self.fail(str(err), param, ctx)
        if isinstance(location, Path) and location.is_dir():
            self.fail(f"{value!r} is a folder, not an archive file", param, ctx)
        return location


def resolve_archive(path: Path | None) -> Path:
    """The archive path (or PostgreSQL URL, a ``DatabaseURL``) to use."""
    return path or default_archive_path()  # type: ignore[return-value]


def existing_archive(path: Path | None) -> Path:
    """The archive to work on, which must exist (commands that only add derived data):
    a SQLite file, or a PostgreSQL database (a mistyped name is not created)."""
    target = resolve_archive(path)
    if is_postgres_url(str(target)):
        if not database_exists(str(target)):
            raise StoreError(f"no archive at {redact(str(target))}; run 'newsreel ingest' first")
        return target
    if not target.exists():
        raise StoreError(f"no archive at {target}; run 'newsreel ingest' first")
    return target


def _checked_cluster(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A usage error (exit 2) for a --cluster value that names no cluster."""
    from newsreel.pipeline.distributed import parse_cluster

    if value is not None:
        try:
            parse_cluster(value)
        except ConfigError as err:
            raise click.BadParameter(str(err), ctx=ctx, param=param) from None
    return value


def cluster_option(func: F) -> F:
    """Add ``--cluster local:N | tcp://HOST:8786``: do the work on Dask workers."""
    return click.option(
        "--cluster",
        metavar="local:N|tcp://HOST:8786",
        callback=_checked_cluster,
        help="Run on a Dask cluster: local:N starts N worker processes here; "
        "tcp://HOST:8786 uses a running 'dask scheduler' whose workers have Newsreel "
        "installed and reach the archive (a PostgreSQL URL across machines).",
    )(func)


def filter_options(func: F) -> F:
    """Add --channel (repeatable), --lang, --since and --until."""
    func = click.option("--until", type=DateParam(), help="Published on or before this date.")(func)
    func = click.option("--since", type=DateParam(), help="Published on or after this date.")(func)
    func = click.option("--lang", help="Language code, e.g. en.")(func)
    # multiple=True: a plain click option keeps only the last of repeated values
    return click.option(
        "--channel",
        multiple=True,
        callback=_named_outlets,
        help="Outlet name or code, e.g. 'DW News' or DW, or group:NAME for an outlet group; "
        "repeat for several (videos of any of them).",
    )(func)


def _named_outlets(
    _: click.Context, param: click.Parameter, value: tuple[str, ...]
) -> tuple[str, ...]:
    """The --channel values, none blank (--channel '' would search every outlet)."""
    if any(not v.strip() for v in value):
        raise click.BadParameter("names no outlet; give a name or code, e.g. --channel DW")
    return value


def _remember_wait(ctx: click.Context, _: click.Parameter, value: float) -> float:
    ctx.meta[_WAIT] = value
    return value


def wait_option(func: F) -> F:
    """Add --wait SECONDS: how long to wait for another writer of the archive."""
    return click.option(
        "--wait",
        type=click.FloatRange(0),
        default=0,
        show_default=True,
        expose_value=False,
        callback=_remember_wait,
        metavar="SECONDS",
        help="If another process is writing the archive, wait this long for it "
        f"(then exit {EXIT_LOCKED}).",
    )(func)


def open_writable(path: Path) -> Archive:
    """Open an archive to write, waiting for another writer as --wait says."""
    ctx = click.get_current_context(silent=True)
    wait = float(ctx.meta.get(_WAIT, 0)) if ctx is not None else 0.0
    return open_archive(path, wait=wait)


def unfinished_copy_note() -> None:
    """Say on stderr that the archive is a copy that did not finish."""
    click.echo(f"Note: this archive {UNFINISHED_COPY}.", err=True)


def handle_errors(func: F) -> F:
    """Turn Newsreel errors into a one-line message and exit status 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except LockedError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(EXIT_LOCKED)
        except BrokenPipeError:
            _quiet_pipe()
        except KeyboardInterrupt:  # Ctrl-C outside a stage's own handler (a run's end)
            click.echo(
                "\nInterrupted: what was committed is kept; run the same command to finish.",
                err=True,
            )
            sys.exit(EXIT_INTERRUPTED)
        except NewsreelError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(EXIT_ERROR)
        except (OSError, sqlite3.DatabaseError, ValueError) as exc:
            if not disk_full(exc):
                if isinstance(exc, sqlite3.DatabaseError):  # a lost server, a broken file
                    click.echo(f"Error: the archive's database failed: {exc}", err=True)
                    sys.exit(EXIT_ERROR)
                if isinstance(exc, OSError):  # an output path that cannot be written
                    click.echo(f"Error: {_os_error(exc)}", err=True)
                    sys.exit(EXIT_ERROR)
                raise
            click.echo(
                "Error: the disk is full. Everything committed before is kept; free some "
                f"space and run the same command again to finish. ({exc})",
                err=True,
            )
            sys.exit(EXIT_ERROR)
        except Exception as exc:
            if not type(exc).__module__.startswith("psycopg"):
                raise
            click.echo(  # a PostgreSQL server lost mid-run: what was committed is kept
                f"Error: the archive's database failed: {redact(str(exc)).strip()}; what "
                "was committed is kept: run the same command again to finish",
                err=True,
            )
            sys.exit(EXIT_ERROR)

    return wrapper  # type: ignore[return-value]


def _quiet_pipe() -> NoReturn:
    """The reader of stdout went away (``newsreel search x | head``): stop without a
    message, as Unix tools do, and keep Python from complaining when it flushes stdout."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(EXIT_PIPE)


def _os_error(exc: OSError) -> str:
    """One line for a failed file operation: the path and the reason."""
    if exc.filename is None:
        return str(exc)
    path = str(exc.filename) or "''"
    return f"{path}: cannot write or read it ({exc.strerror or exc})"


def disk_full(exc: BaseException) -> bool:
    """Whether an error from SQLite, the index or the OS means the disk is full."""
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    text = str(exc).lower()
    return "disk is full" in text or "no space left" in text


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """ "1 video", "19 videos", "1,024 entities" (``plural`` where "s" is not it)."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def is_tty() -> bool:
    """True when stdout is an interactive terminal."""
    return sys.stdout.isatty()


S = TypeVar("S")


def with_progress(work: Callable[[Callable[[int, int], None]], S], total: int | None = None) -> S:
    """Run an archive stage with a progress bar (on a terminal); Ctrl-C exits 130 and
    says that finished batches are kept, which every stage guarantees."""
    bar = tqdm(total=total, unit="video", disable=not sys.stderr.isatty(), dynamic_ncols=True)

    def progress(count: int, words: int) -> None:
        bar.update(count)
        bar.set_postfix(words=words, refresh=False)

    try:
        return work(progress)
    except KeyboardInterrupt:
        click.echo(
            "\nInterrupted: finished batches are saved; run the same command to finish.", err=True
        )
        sys.exit(EXIT_INTERRUPTED)
    finally:
        bar.close()


def stage_rate(summary: Any, as_json: bool) -> float:
    """Words per second of a stage summary; print the summary as JSON when asked."""
    rate = float(summary.words / summary.seconds) if summary.seconds else 0.0
    if as_json:
        click.echo(json.dumps({**asdict(summary), "words_per_second": round(rate)}))
    return rate
