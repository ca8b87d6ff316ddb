"""``newsreel serve``: the web UI and HTTP API on one archive."""

from __future__ import annotations

import errno
import ipaddress
import socket
from pathlib import Path

import click

from newsreel.api import open_archive
from newsreel.budget import DEFAULT_TIME_BUDGET
from newsreel.cli.common import archive_option, existing_archive, handle_errors
from newsreel.errors import ConfigError


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_port(host: str, port: int) -> None:
    """Fail early, with a clear message, when the port is taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except socket.gaierror as exc:
            raise ConfigError(
                f"cannot listen on {host}:{port} ({exc.strerror}); check --host"
            ) from None
        except OSError as exc:
            fix = "--host" if exc.errno == errno.EADDRNOTAVAIL else "--port"
            raise ConfigError(
                f"cannot listen on {host}:{port} ({exc.strerror}); choose another {fix}"
            ) from None


MIN_TOKEN = 12  # characters of a write token: a one-letter token guards nothing


@click.command()
@archive_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; 0.0.0.0 exposes the archive to the network.",
)
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="Port to listen on.",
)
@click.option(
    "--read-only/--writable",
    "read_only",
    default=True,
    show_default=True,
    help="Serve the archive read-only (default), or allow the write endpoints "
    "(entity merge/split, ingest), which then need --token.",
)
@click.option(
    "--token",
    envvar="NEWSREEL_TOKEN",
    default=None,
    help="Secret the write endpoints require as 'Authorization: Bearer TOKEN' "
    "(default: $NEWSREEL_TOKEN).",
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests for this host name (repeatable); by default only "
    "127.0.0.1, ::1, localhost and the --host address are answered.",
)
@click.option(
    "--time-budget",
    "time_budget",
    type=click.FloatRange(0, min_open=True),
    default=DEFAULT_TIME_BUDGET,
    show_default=True,
    metavar="SECONDS",
    help="Stop a search, trend or export query that runs longer than this and answer "
    "503 with how to narrow it.",
)
@handle_errors
def serve(
    archive: Path | None,
    host: str,
    port: int,
    read_only: bool,
    token: str | None,
    allowed_hosts: tuple[str, ...],
    time_budget: float,
) -> None:
    """Serve the web UI and the HTTP API (/api/v1) on an archive; Ctrl-C stops."""
    import uvicorn

    from newsreel.web import create_app
    from newsreel.web.app import LOCAL_HOSTS

    path = existing_archive(archive)
    if not read_only and not token:
        raise ConfigError("--writable needs a token: pass --token or set NEWSREEL_TOKEN")
    if not read_only and token is not None and len(token) < MIN_TOKEN:
        raise ConfigError(
            f"--token is {len(token)} characters; a write token needs {MIN_TOKEN} or more "
            "(e.g. python -c 'import secrets; print(secrets.token_urlsafe())')"
        )
    with open_archive(path, read_only=read_only) as arch:  # fail now on a broken archive
        arch.stats()
    check_port(host, port)
    if not is_loopback(host):
        click.echo(
            f"Warning: listening on {host}: anyone who can reach it can read the archive.", err=True
        )
    shown = "localhost" if is_loopback(host) else host
    click.echo(
        f"Newsreel is serving {path} at http://{shown}:{port}/ "
        f"({'read-only' if read_only else 'writable, token required'}); Ctrl-C stops."
    )
    uvicorn.run(
        create_app(
            path,
            read_only=read_only,
            token=token,
            allowed_hosts=(*LOCAL_HOSTS, host, *allowed_hosts),
            time_budget=time_budget,
        ),
        host=host,
        port=port,
        log_level="warning",
    )
