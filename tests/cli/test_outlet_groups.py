"""Several outlets in one filter and named outlet groups, end to end on the examples."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsreel.cli import main

BOTH = {"DW News", "BBC News"}


def run(*args: str, archive: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [*args, "--archive", str(archive)])
    return result.exit_code, result.stdout, result.stderr


def found(*args: str, archive: Path) -> list[tuple[str, str | None]]:
    """(video id, outlet) of every hit of a JSON search."""
    code, out, err = run("search", *args, "--json", "--limit", "100", archive=archive)
    assert code == 0, err
    return [(d["video_id"], d["channel"]) for d in map(json.loads, out.splitlines())]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import ROOT

    db = tmp_path_factory.mktemp("groups") / "demo.db"
    code, _, err = run("ingest", str(ROOT / "examples"), archive=db)
    assert code == 0, err
    return db


@pytest.fixture
def grouped(demo: Path) -> Iterator[Path]:
    """The examples with the group Europe (DW News, FRANCE 24 English); removed after."""
    code, _, err = run("group", "add", "Europe", "DW", "france 24 english", archive=demo)
    assert code == 0, err
    yield demo
    run("group", "remove", "Europe", archive=demo)


def test_a_second_channel_option_is_no_longer_ignored(demo: Path) -> None:
    """Regression: click kept only the last of repeated --channel values."""
    hits = found("the", "--channel", "DW", "--channel", "BBC News", archive=demo)
    assert {c for _, c in hits} == BOTH
    each = found("the", "--channel", "DW", archive=demo)
    each += found("the", "--channel", "BBC News", archive=demo)
    assert sorted(hits) == sorted(each)


def test_channel_or_in_the_query_and_in_brackets(demo: Path) -> None:
    wanted = sorted(found("the", "--channel", "DW", "--channel", "BBC News", archive=demo))
    for query in (
        'the channel:DW OR channel:"BBC News"',
        'the (channel:DW OR channel:"bbc news")',
        '(channel:"BBC News" OR channel:dw) the',
    ):
        assert sorted(found(query, archive=demo)) == wanted, query


def test_two_channels_in_export_trends_and_stories(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "two.csv"
    code, _, err = run(
        "export", "--format", "csv", "-o", str(out), "--channel", "dw",
        "--channel", "BBC News", archive=demo,
    )  # fmt: skip
    assert code == 0, err
    with out.open(encoding="utf-8") as handle:
        assert {r["channel"] for r in csv.DictReader(handle)} == BOTH
    code, out_csv, err = run(
        "trends", "the", "--by", "channel", "--csv", "--no-chart", "--channel", "DW",
        "--channel", "BBC News", archive=demo,
    )  # fmt: skip
    assert code == 0, err
    assert {r["channel"] for r in csv.DictReader(out_csv.splitlines())} == BOTH


def test_group_add_list_outlets_and_remove(demo: Path) -> None:
    code, out, err = run("group", "add", "Europe", "DW", "--json", archive=demo)
    assert code == 0, err
    assert json.loads(out) == {
        "name": "Europe",
        "added": ["DW News"],
        "removed": [],
        "outlets": ["DW News"],
    }
    code, out, _ = run("group", "add", "europe", "FRANCE24", "dw news", archive=demo)
    assert code == 0 and "+ FRANCE 24 English" in out and "+ DW News" not in out
    code, out, _ = run("group", "list", "--json", archive=demo)
    assert [json.loads(line) for line in out.splitlines()] == [
        {"name": "Europe", "outlets": ["DW News", "FRANCE 24 English"], "videos": 4}
    ]
    code, out, _ = run("outlets", "--json", archive=demo)
    rows = {r["name"]: r for r in map(json.loads, out.splitlines())}
    assert rows["DW News"] == {
        "name": "DW News",
        "codes": ["DW"],
        "videos": 2,
        "groups": ["Europe"],
    }
    assert rows["BBC News"]["groups"] == [] and rows["(unknown)"]["videos"] == 2
    code, out, _ = run("outlets", archive=demo)
    assert code == 0 and "DW News" in out and "Europe" in out
    code, out, _ = run("group", "remove", "Europe", "dw", archive=demo)
    assert code == 0 and "- DW News" in out and "FRANCE 24 English" in out
    code, out, _ = run("group", "remove", "EUROPE", archive=demo)
    assert code == 0 and "removed" in out
    code, out, err = run("group", "list", archive=demo)
    assert code == 0 and out == "" and "No outlet groups" in err


def test_a_group_filters_search_wherever_an_outlet_does(grouped: Path) -> None:
    europe = {"DW News", "FRANCE 24 English"}
    wanted = sorted(found("the", "--channel", "group:Europe", archive=grouped))
    assert {c for _, c in wanted} == europe
    for query in ("the group:europe", "the channel:group:Europe", "(group:Europe) the"):
        assert sorted(found(query, archive=grouped)) == wanted, query
    mixed = found("the", "--channel", "group:Europe", "--channel", "BBC News", archive=grouped)
    assert {c for _, c in mixed} == europe | {"BBC News"}
    either = found('the (group:Europe OR channel:"BBC News")', archive=grouped)
    assert sorted(either) == sorted(mixed)


def test_a_group_filters_export_and_trends(grouped: Path, tmp_path: Path) -> None:
    out = tmp_path / "europe.jsonl"
    code, _, err = run(
        "export", "--format", "jsonl", "-o", str(out), "--channel", "group:europe", archive=grouped
    )
    assert code == 0, err
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 4 and {r["channel"] for r in rows} == {"DW News", "FRANCE 24 English"}
    code, text, err = run(
        "trends", "the", "--by", "channel", "--channel", "group:Europe", "--csv", "--no-chart",
        archive=grouped,
    )  # fmt: skip
    assert code == 0, err
    # only DW News is dated among Europe's videos: trends place videos in time
    assert {r["channel"] for r in csv.DictReader(text.splitlines())} == {"DW News"}


def test_trends_by_group_draw_one_line_per_group(grouped: Path) -> None:
    code, _, err = run("group", "add", "BBC", "BBC News", "BBC Newsnight", archive=grouped)
    assert code == 0, err
    try:
        code, text, err = run(
            "trends", "the", "--by", "group", "--csv", "--no-chart", archive=grouped
        )
        assert code == 0, err
        rows = list(csv.DictReader(text.splitlines()))
        assert {r["channel"] for r in rows} == {"group:BBC", "group:Europe"}
        europe = [r for r in rows if r["channel"] == "group:Europe"]
        assert sum(int(r["total_videos"]) for r in europe) == 2  # DW's two dated videos
        code, text, _ = run(
            "trends", "the", "--by", "group", "--channel", "BBC News", "--csv", "--no-chart",
            archive=grouped,
        )  # fmt: skip
        assert {r["channel"] for r in csv.DictReader(text.splitlines())} == {"group:BBC"}
    finally:
        run("group", "remove", "BBC", archive=grouped)


def test_trends_by_group_without_groups_says_how_to_make_one(demo: Path) -> None:
    code, _, err = run("trends", "the", "--by", "group", "--no-chart", archive=demo)
    assert code == 1 and "no outlet groups" in err and "newsreel group add" in err


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("search", "the", "--channel", "group:nowhere"), "no outlet group 'nowhere'"),
        (("search", "the group:nowhere"), "no outlet group 'nowhere'"),
        (("search", "the channel:group:"), "names no group"),
        (("search", "the group:Europe", "--channel", "BBC News"), "clashes"),
        (("search", "the channel:DW channel:BBC"), "write channel:DW OR channel:BBC"),
        (("search", "the OR channel:DW"), "only with each other"),
        (
            ("export", "--format", "csv", "-o", os.devnull, "--channel", "group:none"),
            "no outlet group",
        ),
        (("group", "add", "Asia"), "name the outlets to put in the group 'Asia'"),
        (("group", "add", "public tv", "DW"), "cannot name a group"),
        (("group", "add", "group:x", "DW"), "cannot name a group"),
        (("group", "add", "dw", "BBC News"), "taken by the outlet 'DW News'"),
        (("group", "add", "Dw_News", "BBC News"), "taken by the outlet 'DW News'"),
        (("group", "add", "UK", "bbc"), "did you mean 'BBC News' or 'BBC Newsnight'"),
        (("group", "add", "UK", "Al Jazeera"), "no outlet 'Al Jazeera'"),
        (("group", "remove", "nowhere"), "no outlet group 'nowhere'; the archive's groups: Europe"),
        (("group", "remove", "Europe", "BBC News"), "no outlet 'BBC News' in the group 'Europe'"),
    ],
)
def test_bad_outlet_and_group_input_gets_a_clear_error(
    grouped: Path, args: tuple[str, ...], needle: str
) -> None:
    code, _, err = run(*args, archive=grouped)
    assert code == 1 and needle in err, err
    assert "Traceback" not in err
