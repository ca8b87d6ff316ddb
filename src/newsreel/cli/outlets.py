"""``newsreel outlets`` and ``newsreel group``: the archive's outlets and named groups of
them, usable wherever an outlet filter is (``--channel group:NAME``)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from newsreel.api import open_archive
from newsreel.cli.common import (
    archive_option,
    existing_archive,
    handle_errors,
    open_writable,
    resolve_archive,
    wait_option,
)
from newsreel.rows import GroupEdit

_JSON = click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
_JSON_EDIT = click.option(
    "--json", "as_json", is_flag=True, help="Print the change as one JSON object."
)


@click.command()
@archive_option
@_JSON
@handle_errors
def outlets(archive: Path | None, as_json: bool) -> None:
    """List the archive's outlets, most videos first, with their channel codes and the
    outlet groups they belong to."""
    with open_archive(resolve_archive(archive), read_only=True) as arch:
        rows = arch.outlets()
    if as_json:
        for row in rows:
            click.echo(json.dumps(row.to_dict(), ensure_ascii=False))
        return
    width = max([6, *(len(r.name) for r in rows)])
    click.echo(f"{'videos':>7}  {'outlet':<{width}}  {'codes':<12}  groups")
    for row in rows:
        click.echo(
            f"{row.videos:>7}  {row.name:<{width}}  {', '.join(row.codes) or '-':<12}  "
            + (", ".join(row.groups) or "-")
        )


@click.group()
def group() -> None:
    """Named groups of outlets: make, change and list them.

    A group filters wherever an outlet does: --channel group:NAME, or group:NAME (also
    channel:group:NAME) in a query; trends --by group draws one line per group.
    """


@group.command("add")
@click.argument("name")
@click.argument("outlet", nargs=-1)
@archive_option
@_JSON_EDIT
@wait_option
@handle_errors
def group_add(name: str, outlet: tuple[str, ...], archive: Path | None, as_json: bool) -> None:
    """Add OUTLETs (names or codes, as --channel takes them) to the group NAME, making
    it if new. NAME is letters, digits, '-', '_' and '.', and no outlet's name."""
    with open_writable(existing_archive(archive)) as arch:
        edit = arch.add_to_group(name, outlet)
    _report(edit, as_json)


@group.command("remove")
@click.argument("name")
@click.argument("outlet", nargs=-1)
@archive_option
@_JSON_EDIT
@wait_option
@handle_errors
def group_remove(name: str, outlet: tuple[str, ...], archive: Path | None, as_json: bool) -> None:
    """Remove OUTLETs from the group NAME, or the whole group when no OUTLET is named
    (a group is removed with its last outlet). Videos are not touched."""
    with open_writable(existing_archive(archive)) as arch:
        edit = arch.remove_from_group(name, outlet)
    _report(edit, as_json)


@group.command("list")
@archive_option
@_JSON
@handle_errors
def group_list(archive: Path | None, as_json: bool) -> None:
    """List the outlet groups with their outlets and videos."""
    with open_archive(resolve_archive(archive), read_only=True) as arch:
        groups = arch.groups()
    if as_json:
        for row in groups:
            click.echo(json.dumps(row.to_dict(), ensure_ascii=False))
        return
    if not groups:
        click.echo("No outlet groups; make one with 'newsreel group add NAME OUTLET...'.", err=True)
        return
    for row in groups:
        click.echo(
            f"{row.name}: {len(row.outlets)} outlet{'' if len(row.outlets) == 1 else 's'}, "
            f"{row.videos} video{'' if row.videos == 1 else 's'}: {', '.join(row.outlets)}"
        )


def _report(edit: GroupEdit, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(edit.to_dict(), ensure_ascii=False))
        return
    changed = [*(f"+ {o}" for o in edit.added), *(f"- {o}" for o in edit.removed)]
    click.echo(f"group {edit.name}: {', '.join(changed) or 'no change'}")
    if edit.outlets:
        click.echo(f"  outlets: {', '.join(edit.outlets)}")
    else:
        click.echo("  (removed: it has no outlets left)")
