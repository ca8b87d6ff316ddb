"""``newsreel search --passages`` and ``newsreel export --passages`` on the examples."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from newsreel.cli import main

SEED_ID = "wyqHuhmsA28"
TIMED_ID = "4emc0CPvQ-0"


def run(*args: str, archive: Path | None = None) -> tuple[int, str, str]:
    argv = list(args) + (["--archive", str(archive)] if archive else [])
    result = CliRunner().invoke(main, argv)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli-passages") / "demo.db"
    examples = Path(__file__).resolve().parents[2] / "examples"
    code, _, err = run("ingest", str(examples), archive=db)
    assert code == 0, err
    return db


def test_search_passages_json_lists_every_passage(demo: Path) -> None:
    code, out, _ = run("search", "Gaza", "--passages", "--json", archive=demo)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    timed = [r for r in rows if r["video_id"] == TIMED_ID]
    assert len(timed) > 1  # not one per video
    assert all(r["start_seconds"] is not None and "&t=" in r["url"] for r in timed)
    untimed = [r for r in rows if r["video_id"] == SEED_ID]
    assert untimed and all(r["start_seconds"] is None for r in untimed)
    assert {
        "video_id",
        "title",
        "channel",
        "publish_date",
        "start_seconds",
        "end_seconds",
        "url",
        "text",
        "first_word",
        "end_word",
        "matched_terms",
    } <= set(rows[0])


def test_search_passages_csv_has_a_header_and_a_row_per_passage(demo: Path) -> None:
    _, out, _ = run("search", "Gaza", "--passages", "--json", archive=demo)
    code, table, _ = run("search", "Gaza", "--passages", "--csv", archive=demo)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(table)))
    assert len(rows) == len(out.splitlines())
    assert rows[0]["url"].startswith("https://www.youtube.com/watch?v=")


def test_search_passages_text_is_readable(demo: Path) -> None:
    code, out, _ = run("search", "Cairo", "--passages", "--limit", "3", archive=demo)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Egyptian media") and f"[{SEED_ID}]" in lines[0]
    assert lines[1].startswith("  1. words ") and lines[1].endswith(SEED_ID)
    assert "[Cairo]" in lines[2]
    assert sum(line.startswith("  ") and ". " in line[:6] for line in lines) == 3


def test_search_passages_offset_and_no_match(demo: Path) -> None:
    _, every, _ = run("search", "Gaza", "--passages", "--json", archive=demo)
    _, page, _ = run("search", "Gaza", "--passages", "--json", "--offset", "2", archive=demo)
    assert page.splitlines() == every.splitlines()[2:]
    code, out, err = run("search", "zzyzxnothing", "--passages", archive=demo)
    assert code == 0 and out == "" and "No passages." in err


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["search", "", "--passages"], "no words"),
        (["search", "Gaza", "--csv"], "--csv lists passages"),
        (["search", "Gaza", "--passages", "--csv", "--json"], "one of --json and --csv"),
        (["search", "Gaza", "--passages", "--mode", "semantic"], "--mode lexical"),
        (["search", "Gaza", "--facets", "--mode", "semantic"], "no such count"),
        (["search", "Gaza", "--passages", "--limit", "0"], "--limit"),
        (["export", "--passages", "--format", "csv", "-o", "x.csv"], "--query"),
        (["export", "--passages", "-q", "Gaza", "--format", "xlsx", "-o", "x"], "xlsx"),
    ],
)
def test_bad_passage_options_are_one_clear_line(demo: Path, args: list[str], needle: str) -> None:
    code, _, err = run(*args, archive=demo)
    assert code != 0
    assert needle in err and "Traceback" not in err


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_passages_in_every_format(demo: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"passages.{fmt}"
    code, _, err = run(
        "export", "--passages", "--query", "Gaza", "--format", fmt, "-o", str(target), archive=demo
    )
    assert code == 0, err
    _, out, _ = run("search", "Gaza", "--passages", "--json", archive=demo)
    expected = [json.loads(line) for line in out.splitlines()]
    assert f"wrote {len(expected)} passages" in err
    if fmt == "csv":
        with target.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert [r["url"] for r in rows] == [e["url"] for e in expected]
    elif fmt == "jsonl":
        lines = target.read_text(encoding="utf-8").splitlines()
        assert [json.loads(line) for line in lines] == expected
    else:
        frame = pq.read_table(target).to_pandas()
        assert list(frame["video_id"]) == [e["video_id"] for e in expected]


def test_export_passages_takes_the_filters(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "dw.jsonl"
    argv = ["export", "--passages", "-q", "Gaza", "--channel", "DW News", "--exact"]
    code, _, err = run(*argv, "--format", "jsonl", "-o", str(target), archive=demo)
    assert code == 0, err
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert rows and {r["channel"] for r in rows} == {"DW News"}


def test_option_combinations_search_does_not_take_are_usage_errors(demo: Path) -> None:
    for args in (["--csv"], ["--passages", "--sort", "date"], ["--facets", "--mode", "semantic"]):
        code, _, err = run("search", "Gaza", *args, archive=demo)
        assert code == 2 and "Usage:" in err, args


@pytest.mark.parametrize("query", ["Gaza", "Qatar", "Rafah", "Newcastle"])
def test_passages_list_videos_in_the_order_search_gives_them(demo: Path, query: str) -> None:
    """Regression (review): passages ranked videos without outlet crowding, so a video's
    `rank` was not its place in the search order."""
    _, hits, _ = run("search", query, "--json", "--limit", "50", archive=demo)
    _, passages, _ = run("search", query, "--passages", "--json", archive=demo)
    order = [json.loads(line)["video_id"] for line in hits.splitlines()]
    listed = list(dict.fromkeys(json.loads(line)["video_id"] for line in passages.splitlines()))
    assert listed == [v for v in order if v in listed] and listed
