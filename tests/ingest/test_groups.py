"""Outlet groups: the pure rules, the Python API on the examples, and what the store keeps."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsreel import Archive, open_archive
from newsreel.errors import ConfigError, NotFoundError
from newsreel.ingest.groups import check_group_name, expand_groups, is_group, match_outlets
from newsreel.rows import OutletRow

OUTLETS = [
    OutletRow("DW News", ("DW",), 2, ()),
    OutletRow("BBC News", (), 1, ()),
    OutletRow("BBC Newsnight", (), 1, ()),
    OutletRow("(unknown)", (), 2, ()),
]


def test_outlets_are_named_by_name_or_code_case_insensitively() -> None:
    names = match_outlets(["dw", "BBC NEWS", "DW News", "(unknown)"], OUTLETS, "the archive")
    assert names == ["DW News", "BBC News", "(unknown)"]


def test_an_unknown_outlet_lists_close_names() -> None:
    with pytest.raises(NotFoundError, match="did you mean 'BBC News' or 'BBC Newsnight'"):
        match_outlets(["BBC"], OUTLETS, "the archive x.db")
    with pytest.raises(NotFoundError, match="no outlet 'Reuters' in the archive x; its outlets"):
        match_outlets(["Reuters"], OUTLETS, "the archive x")


@pytest.mark.parametrize("name", ["europe", "public-tv", "EU_27", "v2.0", "Öffentlich", "x" * 64])
def test_good_group_names(name: str) -> None:
    assert check_group_name(name, OUTLETS) == name


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("", "cannot name a group"),
        ("two words", "cannot name a group"),
        ("group:x", "cannot name a group"),
        ("-x", "cannot name a group"),
        ("x" * 65, "cannot name a group"),
        ("dw", "taken by the outlet 'DW News'"),
        ("dw_news", "taken by the outlet 'DW News'"),
        ("bbc news", "cannot name a group"),
        ("BBC_News", "taken by the outlet 'BBC News'"),
    ],
)
def test_bad_group_names(name: str, needle: str) -> None:
    with pytest.raises(ConfigError, match=needle):
        check_group_name(name, OUTLETS)


def test_groups_expand_to_their_outlets_once() -> None:
    groups = {"Europe": ("DW News", "FRANCE 24 English"), "uk": ("BBC News",)}
    assert is_group("group:x") and is_group("GROUP:x") and not is_group("DW")
    assert expand_groups(["dw news", "group:europe", "GROUP:UK", "BBC News"], groups) == (
        "dw news",
        "FRANCE 24 English",
        "BBC News",
    )
    with pytest.raises(
        ConfigError, match="no outlet group 'asia'; the archive's groups: Europe, uk"
    ):
        expand_groups(["group:asia"], groups)


@pytest.fixture
def examples_archive(tmp_path: Path, examples: Path) -> Iterator[Archive]:
    with open_archive(tmp_path / "groups.db") as arch:
        arch.ingest([examples])
        yield arch


def test_the_python_api_takes_one_outlet_or_several(examples_archive: Archive) -> None:
    arch = examples_archive
    both = arch.search("the", channel=["DW", "BBC News"], limit=100)
    assert {h.channel for h in both} == {"DW News", "BBC News"}
    assert {h.channel for h in arch.search("the", channel="DW", limit=100)} == {"DW News"}
    frame = arch.to_pandas(channel=("dw", "bbc news"))
    assert set(frame.channel) == {"DW News", "BBC News"}
    total, rows = arch.browse(channel=["DW", "(unknown)"])
    assert total == 4 and {r.channel for r in rows} == {"DW News", None}
    facets = arch.facets("the", channel=["DW", "BBC News"])
    assert dict(facets["channel"]) == {"DW News": 2, "BBC News": 1}
    trend = arch.trends(["the"], channel=["DW", "BBC News"])
    assert set(trend.channel) == {"DW News", "BBC News"}


def test_the_python_api_edits_and_uses_groups(examples_archive: Archive) -> None:
    arch = examples_archive
    edit = arch.add_to_group("Europe", ["DW", "FRANCE24"])
    assert (edit.name, edit.added, edit.outlets) == (
        "Europe",
        ("DW News", "FRANCE 24 English"),
        ("DW News", "FRANCE 24 English"),
    )
    assert [g.to_dict() for g in arch.groups()] == [
        {"name": "Europe", "outlets": ["DW News", "FRANCE 24 English"], "videos": 4}
    ]
    hits = arch.search("the", channel="group:Europe", limit=100)
    assert {h.channel for h in hits} == {"DW News", "FRANCE 24 English"}
    assert len(arch.to_pandas(channel="group:europe")) == 4
    assert arch.trends(["the"], by_group=True).channel.unique().tolist() == ["group:Europe"]
    gone = arch.remove_from_group("europe", ["dw"])
    assert gone.removed == ("DW News",) and gone.outlets == ("FRANCE 24 English",)
    last = arch.remove_from_group("Europe", ["France 24 English"])
    assert last.outlets == () and arch.groups() == []
    with pytest.raises(ConfigError, match="no outlet group 'Europe'"):
        arch.search("the", channel="group:Europe")


def test_groups_follow_an_outlet_merge(examples_archive: Archive) -> None:
    arch = examples_archive
    arch.add_to_group("uk", ["BBC Newsnight"])
    arch.add_to_group("both", ["BBC Newsnight", "BBC News"])
    arch.merge_outlets("BBC Newsnight", "BBC News")
    members = {g.name: g.outlets for g in arch.groups()}
    assert members == {"both": ("BBC News",), "uk": ("BBC News",)}
    assert [o.groups for o in arch.outlets() if o.name == "BBC News"] == [("both", "uk")]


def test_an_archive_made_before_groups_gets_the_table(tmp_path: Path) -> None:
    """Migration 10 adds outlet_groups to an existing archive."""
    import sqlite3

    path = tmp_path / "old.db"
    open_archive(path).close()
    db = sqlite3.connect(path)
    db.execute("DROP TABLE outlet_groups")
    db.execute("DELETE FROM schema_migrations WHERE version = 10")
    db.commit()
    db.close()
    with open_archive(path) as arch:
        assert arch.groups() == []
