from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.conftest import FIXTURES

from newsreel import Archive, TimeBudgetError
from newsreel.cli import main


def run(*args: str, archive: Path | None = None) -> tuple[int, str, str]:
    argv = list(args) + (["--archive", str(archive)] if archive else [])
    result = CliRunner().invoke(main, argv)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def demo(tmp_path: Path, examples: Path) -> Path:
    db = tmp_path / "demo.db"
    code, _, err = run("ingest", str(examples), archive=db)
    assert code == 0, err
    return db


COMMANDS = [
    "ingest",
    "search",
    "show",
    "stats",
    "export",
    "reindex",
    "repair",
    "repair-text",
    "embed",
    "process",
    "eval",
]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert (code == 0 and "Usage: main" in out) or "Usage: newsreel" in out


def test_examples_ingest_and_search(demo: Path) -> None:
    code, out, _ = run("search", "Cairo", "--json", archive=demo)
    assert code == 0
    hits = [json.loads(line) for line in out.splitlines()]
    assert hits[0]["video_id"] == "wyqHuhmsA28"
    assert {"video_id", "title", "channel", "publish_date", "score", "snippet"} <= set(hits[0])
    assert "<mark>Cairo</mark>" in hits[0]["snippet"]


def test_search_plain_output_and_filters(demo: Path) -> None:
    code, out, _ = run("search", "Qatar", "--channel", "DW News", archive=demo)
    assert code == 0 and "RVnQnCcVtek" in out and "[Qatar]" in out
    code, out, err = run("search", "Qatar", "--since", "2030-01-01", archive=demo)
    assert code == 0 and out == "" and "No results" in err
    # search review: "No results." alone for words no video holds together
    code, out, err = run("search", "Cairo sportswashing", archive=demo)
    assert code == 0 and "no video holds every word" in err and "--mode hybrid" in err
    # search review: a date filter leaves undated videos out without a word
    code, out, err = run("search", "the", "--until", "2030-01-01", archive=demo)
    assert code == 0 and "5 matching videos without a date are left out by --since/--until" in err


def test_show_text_raw_json_and_source(demo: Path, examples: Path) -> None:
    code, out, _ = run("show", "wyqHuhmsA28", archive=demo)
    assert code == 0 and "DW News" in out and "media Reports say" in out
    _, raw, _ = run("show", "wyqHuhmsA28", "--raw", archive=demo)
    assert raw.startswith("media Reports say ceasefire talks")
    code, out, _ = run("show", "4emc0CPvQ-0", "--json", archive=demo)
    data = json.loads(out)
    assert data["channel"] == "BBC News" and len(data["segments"]) == 60
    assert len(data["word_times"]) == len(data["text"].split(" "))
    result = CliRunner().invoke(main, ["show", "wyqHuhmsA28", "--source", "--archive", str(demo)])
    seed = (examples / "records" / "000_ca11e6ccf9581cca.txt").read_bytes()
    assert result.stdout_bytes == seed


def test_stats_json(demo: Path) -> None:
    code, out, _ = run("stats", "--json", archive=demo)
    assert code == 0
    data = json.loads(out)
    assert data["videos"] == 8 and data["quarantined"] == 0
    assert data["channels"]["DW News"] >= 2
    assert data["first_date"] <= data["last_date"]


def test_stats_say_what_a_new_version_waits_for(tmp_path: Path, examples: Path) -> None:
    """Regression (review): after a changed transcript was ingested its entities were
    gone and stats still said every stage was done."""
    db = tmp_path / "a.db"
    seed = next(examples.rglob("*.txt"))
    run("ingest", str(seed), archive=db)
    # review (ops): before any process, stats had no stage line and said nothing waits
    stages = json.loads(run("stats", "--json", archive=db)[1])["stages"]
    assert {(s["stage"], s["status"], s["waiting"]) for s in stages} == {
        (name, "never run", 1) for name in ("embed", "enrich", "repair", "stories")
    }
    assert "repair   never run; 1 transcript waits" in run("stats", archive=db)[1]
    run("process", archive=db)
    stages = json.loads(run("stats", "--json", archive=db)[1])["stages"]
    assert stages and all(s["waiting"] == 0 for s in stages)
    changed = tmp_path / "changed" / seed.name
    changed.parent.mkdir()
    changed.write_bytes(seed.read_bytes().replace(b"</doc>", b"and one more word\n</doc>"))
    run("ingest", str(changed), archive=db)
    stages = json.loads(run("stats", "--json", archive=db)[1])["stages"]
    assert {s["stage"]: s["waiting"] for s in stages} == dict.fromkeys(
        ("embed", "enrich", "repair", "stories"), 1
    )
    assert "1 transcript waits for 'newsreel process'" in run("stats", archive=db)[1]


def test_export_formats(demo: Path, tmp_path: Path) -> None:
    for fmt in ("csv", "jsonl", "parquet"):
        out = tmp_path / f"x.{fmt}"
        code, _, err = run(
            "export", "--format", fmt, "-o", str(out), "--channel", "DW", archive=demo
        )
        assert code == 0, err
        assert "wrote 2 videos" in err
    rows = [json.loads(line) for line in (tmp_path / "x.jsonl").read_text().splitlines()]
    assert {r["channel"] for r in rows} == {"DW News"}


def test_a_search_past_its_last_result_says_how_many_there_are(demo: Path) -> None:
    code, out, err = run("search", "Cairo", "--offset", "100", archive=demo)
    assert code == 0 and not out and "the query matches 2 videos, all before --offset 100" in err


def test_export_has_the_repaired_text_and_reads_back_without_it(demo: Path, tmp_path: Path) -> None:
    """Regression (review): exports had no punctuated text, and JSON Lines put the
    extra.* keys after the transcript that docs/formats.md says comes last."""
    out = tmp_path / "x.jsonl"
    assert run("export", "-o", str(out), "--channel", "DW", archive=demo)[0] == 0
    before = json.loads(out.read_text().splitlines()[0])
    assert before["repaired"] is None and list(before)[-2:] == ["repaired", "transcript"]
    assert run("repair", archive=demo)[0] == 0
    table = tmp_path / "x.csv"
    assert run("export", "-o", str(table), "--channel", "DW", archive=demo)[0] == 0
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    assert list(rows[0])[-2:] == ["repaired", "transcript"]
    seed = next(r for r in rows if r["video_id"] == "wyqHuhmsA28")
    assert seed["repaired"].startswith("Media reports say") and "Cairo." in seed["repaired"]
    code, _, err = run("ingest", str(table), archive=tmp_path / "back.db")
    assert code == 0, err
    _, shown, _ = run("show", "wyqHuhmsA28", "--json", archive=tmp_path / "back.db")
    extra = json.loads(shown)["extra"]
    assert not {"repaired", "content_sha256", "versions"} & set(extra)


def test_broken_folder_is_reported_not_crashed(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    shutil.copytree(FIXTURES / "broken", folder)
    code, out, err = run("ingest", str(folder), "--json", archive=tmp_path / "b.db")
    assert code == 3
    summary = json.loads(out)
    assert summary["quarantined"] == 20 and summary["ingested"] == 0
    assert len({q["path"] for q in summary["quarantine"]}) == 20
    assert "Traceback" not in err
    code, out, _ = run("stats", "--json", "--quarantine", archive=tmp_path / "b.db")
    assert json.loads(out)["quarantined"] == 20


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["search", '"unclosed'], "never closed"),
        (["search", "-only"], "only excludes"),
        (["search", "--limit", "0", "x"], "0 is not in the range"),
        (["show", "nope"], "no video 'nope'"),
        (["search", "x", "--since", "yesterday"], "is not a date"),
        (["search", "x", "--since", "2024-05-01", "--until", "2024-01-01"], "after until"),
        (["ingest", "/no/such/place"], "no such file or folder"),
        (["ingest", "/dev/null", "--map", "transcript"], "FIELD=COLUMN"),
        (["ingest", "/dev/null", "--map", "words=Text"], "no field 'words'"),
        (["ingest", ""], "an empty path names no file or folder"),  # an unset "$DIR"
        (["serve", "--host", "999.1.1.1", "--port", "18439"], "check --host"),
        (["serve", "--writable", "--token", "a", "--port", "18439"], "needs 12 or more"),
        (["search", "Cairo", "--channel", "NoSuch"], "no outlet 'NoSuch' in the archive"),
        (["trends", "Cairo", "--channel", "Reuters"], "its outlets: "),
        (["trends", "Cairo", "--chart", "x.txt"], "x.txt: a chart is written as .png or .svg"),
        (
            ["trends", "Cairo", "--channel", "Newsnight"],
            "did you mean 'BBC Newsnight'? Its outlets",
        ),
        (["search", "Cairo channel:Nope"], "no outlet 'Nope'"),
        (["search", "Cairo", "--lang", "xx"], "no video in language 'xx' in the archive"),
        (["export", "-o", "/tmp/x.csv", "--lang", "xx"], "its languages: en"),
        (["search", "Cairo NEAR/x Gaza"], "NEAR/ takes a number of words"),
        (["show", "4emc0CPvQ-0", "--raw", "--clean"], "use one"),
        (["trends", "Cairo", "--jsn"], "No such option '--jsn'"),
        (["search", "--jsn", "Cairo"], "No such option '--jsn'"),  # before the query
        (["search", "Cairo", "--jsn"], "Did you mean one of: '--csv', '--json'"),
        (["show", "-ugz3j9I-80"], "then -- before it, e.g. newsreel show "),
        (["claims", "-ugz3j9I-80", "--json"], "e.g. newsreel claims --json "),  # options first
        (["trends", "Cairo", "--json", "--csv"], "use one"),
        (["show", "4emc0CPvQ-0", "--source", "--json"], "drop --json"),
        # review: "No such option '--archive'. Did you mean '--archive'?"
        (["trends", "--", "-Gaza"], "--archive comes after '--', where every word is a term"),
        (["story", "-1"], "a story id must be a whole number from 1, not -1"),  # as the API
    ],
)
def test_user_errors_are_one_clear_line(demo: Path, args: list[str], needle: str) -> None:
    code, _, err = run(*args, archive=demo)
    assert code in (1, 2)
    assert needle in err and "Traceback" not in err


def test_ingest_of_a_missing_path_makes_no_archive(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    code, _, err = run("ingest", str(tmp_path / "nope.txt"), archive=db)
    assert code == 2 and "nope.txt: no such file or folder" in err
    assert not db.exists() and not list(tmp_path.glob("c.db*"))


@pytest.mark.parametrize(
    "args",
    [
        ["claims", "4emc0CPvQ-0", "--entity", "Cairo"],
        ["quotes", "4emc0CPvQ-0", "--query", "Cairo"],
        ["quotes", "4emc0CPvQ-0", "--channel", "DW News"],
        ["search", "Gaza", "--sort", "date", "--mode", "semantic"],
        ["set", "4emc0CPvQ-0"],
        ["export", "-o", "-", "--format", "csv", "--mode", "semantic"],
        ["export", "-o", "-", "--format", "csv", "-q", "Gaza", "--passages", "--mode", "hybrid"],
    ],
)
def test_options_that_do_not_go_together_are_usage_errors(demo: Path, args: list[str]) -> None:
    """Regression (review): these exited 1, as a failure, where cli.md says 2."""
    code, _, err = run(*args, archive=demo)
    assert code == 2 and "Usage:" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "archive"),
    [
        (["--map", "words=Text"], "c.db"),
        (["--map", "transcript"], "c.db"),
        ([], "mysql://x/y"),
    ],
)
def test_a_bad_map_or_archive_url_makes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], archive: str
) -> None:
    """Regression (review): a bad --map exited 1 leaving an empty archive and its lock
    file; a mysql:// URL made folders mysql:/x holding an archive y."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    code, _, err = run("ingest", "in", *args, "--archive", archive)
    assert code == 2 and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_an_output_that_cannot_be_written_is_one_line(demo: Path) -> None:
    under_a_file = demo / "x"  # the archive is a file: nothing can be made under it
    for args in (
        ["export", "--format", "csv", "-o", f"{under_a_file}.csv"],
        ["export", "--format", "jsonl", "-o", f"{under_a_file}.jsonl"],
        ["trends", "Cairo", "--chart", f"{under_a_file}.png"],
    ):
        code, _, err = run(*args, archive=demo)
        assert code == 1 and "Traceback" not in err, args
        assert f"Error: {demo}" in err and "cannot" in err, err


def test_a_query_past_its_time_budget_is_one_line(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow(*_: object, **__: object) -> None:
        raise TimeBudgetError(10)

    monkeypatch.setattr(Archive, "search", slow)
    code, _, err = run("search", "Cairo", archive=demo)
    assert code == 1 and "Traceback" not in err
    assert err.count("\n") == 1 and "time budget of 10 s" in err
    code, _, err = run("serve", "--time-budget", "0", archive=demo)
    assert code == 2 and "--time-budget" in err


def test_query_may_start_with_an_exclusion(demo: Path) -> None:
    code, out, _ = run("search", "-Cairo Qatar", "--json", archive=demo)
    assert code == 0
    ids = [json.loads(line)["video_id"] for line in out.splitlines()]
    assert ids and "wyqHuhmsA28" not in ids


def test_a_query_starting_with_h_is_a_query_and_a_lone_h_is_help(demo: Path) -> None:
    code, out, _ = run("search", "-hamas Cairo", "--json", archive=demo)
    assert code == 0 and "Usage" not in out
    ids = [json.loads(line)["video_id"] for line in out.splitlines()]
    assert "wyqHuhmsA28" not in ids  # the seed says Hamas
    code, out, err = run("trends", "-Ukraine Gaza", "--no-chart", "--csv", archive=demo)
    assert code == 0 and out.startswith("term,") and "No such option" not in err
    for command in ("search", "trends"):
        code, out, _ = run(command, "-h", archive=demo)
        assert code == 0 and out.startswith("Usage:") and f" {command} [OPTIONS]" in out


def test_filters_and_near_inside_the_query(demo: Path) -> None:
    code, out, _ = run("search", "Qatar channel:DW lang:en date:2022", "--json", archive=demo)
    assert code == 0
    assert [json.loads(line)["video_id"] for line in out.splitlines()] == ["RVnQnCcVtek"]
    code, out, _ = run("search", "Netanyahu NEAR/10 Rafa", "--json", archive=demo)
    assert json.loads(out.splitlines()[0])["video_id"] == "wyqHuhmsA28"
    code, _, err = run("search", "Qatar channel:DW", "--channel", "BBC News", archive=demo)
    assert code == 1 and "clashes" in err
    code, out, _ = run("search", "Qatar channel:dw", "--channel", "DW News", "--json", archive=demo)
    assert code == 0 and [json.loads(x)["video_id"] for x in out.splitlines()] == ["RVnQnCcVtek"]


def test_facets_count_matching_videos(demo: Path) -> None:
    code, out, _ = run("search", "Qatar", "--facets", "--json", archive=demo)
    assert code == 0
    facets = json.loads(out.splitlines()[-1])["facets"]
    hits = [json.loads(line) for line in out.splitlines()[:-1]]
    assert sum(n for _, n in facets["channel"]) == len(hits) == 3
    assert ["DW News", 1] in facets["channel"] and ["2022-10", 1] in facets["month"]


def test_read_commands_on_a_missing_archive(tmp_path: Path) -> None:
    code, _, err = run("stats", archive=tmp_path / "none.db")
    assert code == 1 and "no archive at" in err


def test_archive_from_environment(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSREEL_ARCHIVE", str(demo))
    code, out, _ = run("stats", "--json")
    assert code == 0 and json.loads(out)["videos"] == 8


@pytest.mark.corpus
def test_shared_corpora_give_365_videos_and_rerun_changes_nothing(
    shared: Path, tmp_path: Path
) -> None:
    db = tmp_path / "corpus.db"
    paths = [
        str(shared / "seed"),
        str(shared / "corpus/sportswashing_youtube"),
        str(shared / "corpus/bbc_news_youtube"),
    ]
    code, out, err = run("ingest", *paths, "--json", archive=db)
    assert code == 0, err
    first = json.loads(out)
    assert first["ingested"] == 365 and first["quarantined"] == 0
    code, out, _ = run("ingest", *paths, "--json", archive=db)
    again = json.loads(out)
    assert (again["ingested"], again["new_versions"], again["unchanged"]) == (0, 0, 365)
    code, out, _ = run("search", "Cairo", "--json", archive=db)
    assert json.loads(out.splitlines()[0])["video_id"] == "wyqHuhmsA28"
    code, out, _ = run("stats", "--json", archive=db)
    assert json.loads(out)["videos"] == 365


def test_a_deleted_index_is_a_clear_error_until_reindex(demo: Path) -> None:
    assert run("embed", archive=demo)[0] == 0
    assert Path(str(demo) + ".vectors").exists()
    shutil.rmtree(str(demo) + ".fulltext")
    Path(str(demo) + ".vectors").unlink()
    code, _, err = run("search", "Cairo", archive=demo)
    assert code == 1 and "newsreel reindex" in err and "Traceback" not in err
    code, out, err = run("reindex", archive=demo)
    assert code == 0, err
    assert "videos indexed" in out
    code, out, _ = run("search", "Cairo", "--json", archive=demo)
    assert code == 0 and json.loads(out.splitlines()[0])["video_id"] == "wyqHuhmsA28"
    assert Path(str(demo) + ".vectors").exists()


def test_reindex_without_an_archive_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run("reindex", archive=tmp_path / "none.db")
    assert code == 1 and "no archive at" in err


def test_a_known_outlet_by_code_or_any_case_is_no_error(demo: Path) -> None:
    for channel in ("DW", "dw news", "group:nope"):
        code, _, err = run("search", "Cairo", "--channel", channel, archive=demo)
        assert code == (1 if channel.startswith("group:") else 0), err
        assert ("no outlet group" in err) == channel.startswith("group:"), err
        assert "no outlet '" not in err


def test_a_reader_that_stops_reading_ends_the_command_quietly(demo: Path) -> None:
    """``newsreel search x | head``: the reader goes away; no message, exit 141."""
    newsreel = Path(sys.executable).with_name("newsreel")  # the installed command
    for args in (["search", "Cairo"], ["stats"]):
        command = [str(newsreel), *args, "--archive", str(demo)]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # before the command writes a byte
        err = process.stderr.read()
        process.stderr.close()
        assert process.wait() == 141 and err == b"", (args, err)


def test_export_to_standard_output_and_to_a_reader_that_stops(demo: Path) -> None:
    """Regression (review): ``export -o -`` wrote a file named "-", and ``export -o
    /dev/stdout | head -1`` printed "Exception ignored ... closed database"."""
    newsreel = Path(sys.executable).with_name("newsreel")
    base = [str(newsreel), "export", "--format", "jsonl", "--archive", str(demo)]
    done = subprocess.run([*base, "-o", "-"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "wrote 8 videos" in done.stderr
    assert len([json.loads(line) for line in done.stdout.splitlines()]) == 8
    process = subprocess.Popen([*base, "-o", "-"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first row is written
    said = process.stderr.read()
    process.stderr.close()
    assert process.wait() == 141 and b"Exception" not in said, said
    code, _, err = run("export", "--format", "parquet", "-o", "-", archive=demo)
    assert code == 2 and "Parquet needs a file" in err


def test_export_to_standard_output_appends_where_it_is_redirected(
    demo: Path, tmp_path: Path
) -> None:
    """Regression (docs review): ``echo PRE > f; export -o - >> f`` lost "PRE": the
    export opened /dev/stdout anew, truncating the file it pointed to."""
    newsreel = Path(sys.executable).with_name("newsreel")
    out = tmp_path / "all.csv"
    out.write_text("PRE\n", encoding="utf-8")
    with out.open("a", encoding="utf-8") as handle:
        done = subprocess.run(
            [str(newsreel), "export", "--format", "csv", "-o", "-", "--archive", str(demo)],
            stdout=handle,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
        handle.write("POST\n")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert done.returncode == 0 and "to standard output" in done.stderr
    assert lines[0] == "PRE" and lines[1].startswith("video_id") and lines[-1] == "POST"
    code, _, err = run("export", "--passages", "-o", "x.csv", archive=demo)
    assert code == 2 and "give --query" in err  # a usage error, as --exact without -q


def test_a_possessive_is_the_word_not_a_heard_variant(demo: Path) -> None:
    code, out, _ = run("search", "Gaza", "--json", "--limit", "50", archive=demo)
    hits = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and any("Gaza's" in h["matched_terms"] for h in hits)
    heard = [h["heard"].lower() for hit in hits for h in hit["heard_as"]]
    assert not [h for h in heard if h.startswith("gaza")], heard


def test_a_record_with_a_bad_date_is_kept_undated_with_a_warning(tmp_path: Path) -> None:
    table = tmp_path / "dates.csv"
    table.write_text(
        "video_id,title,publish_date,transcript\n"
        "aaa12345678,Zero,soon,hello world zero\n"
        "bbb12345678,One,2024-01-02,hello world one\n",
        encoding="utf-8",
    )
    code, out, err = run("ingest", str(table), "--json", archive=tmp_path / "d.db")
    summary = json.loads(out)
    assert code == 0 and summary["ingested"] == 2
    assert len(summary["warnings"]) == 1 and summary["warnings"][0].startswith("aaa12345678 (")
    assert "row 1): publish date 'soon' is not a date" in summary["warnings"][0]
    code, _, err = run("ingest", str(table), archive=tmp_path / "e.db")
    assert "warning: aaa12345678" in err


@pytest.mark.parametrize(
    ("day", "why"), [("20990101", "is in the future"), ("18000101", "is before 1900")]
)
def test_an_impossible_publish_date_is_kept_undated_with_a_warning(
    tmp_path: Path, day: str, why: str
) -> None:
    """Regression (review): ingest stored 2099-01-01 and 1800-01-01 without a word,
    where ``set --date`` refuses them."""
    record = tmp_path / "odd.txt"
    record.write_text(
        f"<video_id>odd00000001</video_id>\n<publish_date>{day}</publish_date>\n"
        "<doc>\nhello from another time\n</doc>\n",
        encoding="utf-8",
    )
    code, out, _ = run("ingest", str(record), "--json", archive=tmp_path / "o.db")
    summary = json.loads(out)
    assert code == 0 and summary["ingested"] == 1
    assert f"publish date '{day}' {why}" in summary["warnings"][0]
    code, out, _ = run("show", "odd00000001", "--json", archive=tmp_path / "o.db")
    assert json.loads(out)["publish_date"] is None


def test_two_caption_files_naming_one_video_id_warn(tmp_path: Path) -> None:
    """Regression (review): "a/clip.vtt" and "b/clip.srt" became two versions of a video
    "clip" without a word, the first one no longer searchable."""
    (tmp_path / "in" / "a").mkdir(parents=True)
    (tmp_path / "in" / "b").mkdir()
    (tmp_path / "in" / "a" / "clip.vtt").write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nfloods hit the town\n", encoding="utf-8"
    )
    (tmp_path / "in" / "b" / "clip.srt").write_text(
        "1\n00:00:01,000 --> 00:00:03,000\nthe election result is in\n", encoding="utf-8"
    )
    code, out, _ = run("ingest", str(tmp_path / "in"), "--json", archive=tmp_path / "c.db")
    summary = json.loads(out)
    assert code == 0 and summary["new_versions"] == 1
    assert (
        len(summary["warnings"]) == 1 and "both name the video id 'clip'" in summary["warnings"][0]
    )
    code, out, _ = run("ingest", str(tmp_path / "in"), "--json", archive=tmp_path / "c.db")
    assert json.loads(out)["warnings"] == []  # the same files again: nothing new


def test_trends_json_has_the_rows_the_csv_has(demo: Path) -> None:
    code, out, _ = run("trends", "Cairo", "--by", "channel", "--json", "--no-chart", archive=demo)
    data = json.loads(out)
    assert code == 0 and data["terms"] == ["Cairo"] and data["by"] == "channel"
    code, table, _ = run("trends", "Cairo", "--by", "channel", "--csv", "--no-chart", archive=demo)
    assert len(data["rows"]) == len(table.splitlines()) - 1 > 0
    assert sum(r["hits"] for r in data["rows"]) > 0
    assert {r["channel"] for r in data["rows"]} <= {
        "DW News",
        "BBC News",
        "FRANCE 24 English",
        "BBC Newsnight",
        "(unknown)",
    }


def test_a_table_ingested_again_with_another_map_is_read_again(tmp_path: Path) -> None:
    table = tmp_path / "m.csv"
    table.write_text(
        "video_id,title,summary,body\naaa12345678,Zero,a summary,hello world zero is the body\n",
        encoding="utf-8",
    )
    db = tmp_path / "m.db"
    first = json.loads(
        run("ingest", str(table), "--map", "transcript=summary", "--json", archive=db)[1]
    )
    again = json.loads(
        run("ingest", str(table), "--map", "transcript=body", "--json", archive=db)[1]
    )
    plain = json.loads(run("ingest", str(table), "--json", archive=db)[1])
    assert (first["ingested"], again["new_versions"], plain["unchanged"]) == (1, 1, 1)
    assert json.loads(run("show", "aaa12345678", "--json", archive=db)[1])["text"].endswith("body")


def test_an_outlet_code_selects_the_whole_outlet(demo: Path, tmp_path: Path) -> None:
    counts = []  # one of the outlet's two videos carries the code, one does not
    for channel in ("france24", "FRANCE 24 English", "france 24 english"):
        out = tmp_path / f"{channel}.jsonl"
        code, _, err = run(
            "export", "--format", "jsonl", "-o", str(out), "--channel", channel, archive=demo
        )
        assert code == 0, err
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert {r["channel"] for r in rows} == {"FRANCE 24 English"}
        counts.append(len(rows))
    assert counts[0] == counts[1] == counts[2] == 2


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--format", "csv", "-o", "x.parquet"], "would write CSV into 'x.parquet'"),
        (["-o", "x.txt"], "has no suffix that names one"),
        (["-o", "x.csv", "--exact"], "give --query too"),
        (["-o", "no/such/folder/x.csv"], "cannot write it: no/such/folder does not exist"),
    ],
)
def test_export_refuses_what_it_would_get_wrong(
    demo: Path, args: list[str], needle: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("export", *args, archive=demo)
    assert code in (1, 2) and needle in err, err
    assert not (tmp_path / "no").exists() and not list(tmp_path.glob("x.*"))
    code, _, err = run("export", "-o", "x.parquet", archive=demo)  # the format from the name
    assert code == 0 and "wrote 8 videos to x.parquet" in err


def test_semantic_search_before_embed_says_to_embed(demo: Path) -> None:
    code, _, err = run("search", "Rafah", "--mode", "semantic", archive=demo)
    assert code == 0 and "run 'newsreel embed'" in err
    code, _, err = run("search", "Rafah", archive=demo)
    assert "embed" not in err  # lexical search needs no vectors


def test_ctrl_c_anywhere_in_a_command_exits_130_with_a_line() -> None:
    from newsreel.cli.common import EXIT_INTERRUPTED, handle_errors

    @handle_errors
    def stopped() -> None:
        raise KeyboardInterrupt

    with pytest.raises(SystemExit) as caught:
        stopped()
    assert caught.value.code == EXIT_INTERRUPTED == 130


def test_a_new_version_naming_other_metadata_warns_what_was_kept(tmp_path: Path) -> None:
    record = tmp_path / "c.txt"
    text = "<video_id>chvid000001</video_id>\n<video_title>{}</video_title>\n<doc>\n{}\n</doc>\n"
    record.write_text(text.format("Original title | DW News", "the talks resume"), "utf-8")
    db = tmp_path / "c.db"
    assert json.loads(run("ingest", str(record), "--json", archive=db)[1])["warnings"] == []
    record.write_text(text.format("Corrected title | BBC News", "the talks resume today"), "utf-8")
    summary = json.loads(run("ingest", str(record), "--json", archive=db)[1])
    assert summary["new_versions"] == 1 and len(summary["warnings"]) == 1
    warning = summary["warnings"][0]
    assert "kept the archive's title 'Original title | DW News', not 'Corrected title" in warning
    assert "channel 'DW News', not 'BBC News'" in warning


def test_show_version_prints_an_earlier_transcript_and_names_a_missing_one(
    tmp_path: Path,
) -> None:
    """Regression (review): no command showed a version that is no longer current."""
    record = tmp_path / "c.txt"
    text = "<video_id>chvid000001</video_id>\n<doc>\n{}\n</doc>\n"
    db = tmp_path / "c.db"
    for words in ("the talks resume", "the talks resume today"):
        record.write_text(text.format(words), "utf-8")
        assert run("ingest", str(record), archive=db)[0] == 0
    code, out, _ = run("show", "chvid000001", "--version", "1", archive=db)
    assert code == 0 and "version 1 of 2 (current: 2)" in out and "the talks resume\n" in out
    assert "version 2 of 2\n" in run("show", "chvid000001", archive=db)[1]
    data = json.loads(run("show", "chvid000001", "--version", "1", "--json", archive=db)[1])
    assert (data["text"], data["version"], data["shown_version"]) == ("the talks resume", 2, 1)
    source = run("show", "chvid000001", "--version", "1", "--source", archive=db)[1]
    assert source == text.format("the talks resume")
    code, _, err = run("show", "chvid000001", "--version", "3", archive=db)
    assert code == 1 and "has no version 3: its versions are 1 to 2" in err
    assert run("show", "chvid000001", "--version", "0", archive=db)[0] == 2


def test_quarantine_entries_of_deleted_files_are_forgotten_on_the_next_run(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.vtt").write_text("WEBVTT\n\nbad timing line\n", encoding="utf-8")
    db = tmp_path / "q.db"
    assert run("ingest", str(folder), archive=db)[0] == 3
    (folder / "bad.vtt").unlink()
    (folder / "ok.txt").write_text("<video_id>okvid000001</video_id>\n<doc>\nhi there\n</doc>\n")
    code, out, _ = run("ingest", str(folder), "--json", archive=db)
    summary = json.loads(out)
    assert code == 0 and summary["ingested"] == 1
    assert any("forgot 1 quarantine entry" in w for w in summary["warnings"])
    assert json.loads(run("stats", "--json", archive=db)[1])["quarantined"] == 0


def test_quarantine_entries_of_moved_files_are_counted_and_forgotten(tmp_path: Path) -> None:
    """Regression (review): after a folder was moved, `stats` still said "quarantined 19"
    of which 10 could never be retried, and nothing forgot them."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(b"garbage\x00\x01")
    db = tmp_path / "q.db"
    assert run("ingest", str(folder), archive=db)[0] == 3
    folder.rename(tmp_path / "moved")
    code, out, _ = run("stats", "--json", archive=db)
    data = json.loads(out)
    assert code == 0 and data["quarantined"] == 1 and data["quarantined_missing"] == 1
    code, out, err = run("stats", "--forget-missing", archive=db)
    assert code == 0 and "forgot 1 quarantine entry of files no longer there" in err
    assert "quarantined  0" in out


def test_trends_say_how_many_videos_have_no_date(demo: Path) -> None:
    """Regression (review): trends printed 0.00 everywhere for a term only undated
    videos hold, with no word that undated videos are in no period."""
    code, out, err = run("trends", "Cairo", "--no-chart", archive=demo)
    assert code == 0 and "note: 5 videos of the archive have no date" in err
    code, out, _ = run("trends", "Cairo", "--no-chart", "--json", archive=demo)
    assert code == 0 and json.loads(out)["undated_videos"] == 5


def test_the_heard_hint_names_the_misheard_word_of_a_phrase() -> None:
    """Regression (review): for "Peter Mandelson" the hint said -heard:peter, which drops
    nothing; it names the misheard word."""
    from newsreel.cli.search import _heard_word

    assert _heard_word("Peter Mandelson", "Peter Mandlesson's") == "mandlesson"
    assert _heard_word("Rafah", "Rafa") == "rafa"
    assert _heard_word("Peter Mandelson", "Peter Mandelson") == "peter"  # no other word


def test_export_never_writes_over_the_archive_it_reads(demo: Path) -> None:
    """Regression (review): ``export --format csv -o demo.db`` truncated the archive
    (966 KB -> 278 bytes: "file is not a database")."""
    size = demo.stat().st_size
    for args in (
        ["export", "--format", "csv", "-o", str(demo)],
        ["export", "--format", "jsonl", "-o", f"{demo}-wal"],
        ["export", "--table", "claims", "--format", "csv", "-o", str(demo)],
        ["export", "--passages", "--query", "Cairo", "--format", "csv", "-o", str(demo)],
    ):
        code, _, err = run(*args, archive=demo)
        assert code != 0 and "is the archive's own file" in err, args
    assert demo.stat().st_size == size
    code, out, _ = run("stats", archive=demo)
    assert code == 0 and "videos       8" in out


def test_trends_draws_a_chart_only_where_asked(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (review): ``trends --json`` wrote ./trends.png unasked, and
    ``--chart /nonexistent/x.png`` made the missing folder."""
    monkeypatch.chdir(tmp_path)
    for flag in ("--json", "--csv"):
        code, _, err = run("trends", "Cairo", flag, archive=demo)
        assert code == 0 and not (tmp_path / "trends.png").exists(), flag
    code, _, err = run("trends", "Cairo", "--json", "--chart", "c.png", archive=demo)
    assert code == 0 and (tmp_path / "c.png").exists() and "chart -> c.png" in err
    code, _, err = run("trends", "Cairo", "--chart", "nowhere/c.png", archive=demo)
    assert code == 1 and "nowhere does not exist" in err
    assert not (tmp_path / "nowhere").exists()


def test_a_typo_that_finds_nothing_gets_a_suggestion(demo: Path) -> None:
    code, _, err = run("search", "Kairo talks", "--exact", archive=demo)
    assert code == 0 and "did you mean: 'Cairo talks'" in err and "No results." in err
    code, _, err = run("search", "xqzzyq", archive=demo)
    assert "did you mean" not in err and "No results." in err


@pytest.mark.parametrize("spec", ["local:0", "local:abc", "udp://x:1", "tcp://127.0.0.1"])
def test_a_cluster_that_is_no_cluster_is_a_usage_error(tmp_path: Path, spec: str) -> None:
    """Regression (review): these exited 1, and "tcp://HOST" without its port printed a
    traceback."""
    code, _, err = run("ingest", str(tmp_path), "--cluster", spec, archive=tmp_path / "a.db")
    assert code == 2 and "--cluster" in err and "Traceback" not in err
    assert not (tmp_path / "a.db").exists()


def test_a_lost_database_server_is_one_line(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression (review): a PostgreSQL connection dropped during process printed a
    77-line traceback."""
    import psycopg

    from newsreel.api import Archive

    def lost(*args: object, **kwargs: object) -> None:
        raise psycopg.OperationalError("the connection is lost")

    monkeypatch.setattr(Archive, "stats", lost)
    code, _, err = run("stats", archive=demo)
    assert code == 1 and "the connection is lost" in err and "run the same command" in err
    assert "Traceback" not in err


def test_python_dash_m_newsreel_is_the_same_command(tmp_path: Path) -> None:
    """``python -m newsreel`` runs the command line (it had said "cannot be directly
    executed"), named as the command is, and fails as it does."""
    done = subprocess.run(
        [sys.executable, "-m", "newsreel", "stats", "--archive", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1 and "no archive at" in done.stderr
    usage = subprocess.run(
        [sys.executable, "-m", "newsreel", "--help"], capture_output=True, text=True, check=True
    )
    assert usage.stdout.startswith("Usage: newsreel ")


def test_an_interrupted_process_says_which_stages_finished(
    tmp_path: Path, examples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (review, ops): Ctrl-C during enrich printed nothing of the repair
    that had finished, even with --json."""
    from newsreel.api.archive import Archive as ArchiveClass

    db = tmp_path / "a.db"
    run("ingest", str(examples), archive=db)

    def interrupted(self: ArchiveClass, progress: object = None) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(ArchiveClass, "enrich", interrupted)
    code, out, err = run("process", "--json", archive=db)
    assert code == 130 and "Interrupted" in err
    assert [json.loads(line)["stage"] for line in out.splitlines()] == ["repair"]


def test_no_quotes_says_whether_enrich_has_read_the_videos(tmp_path: Path) -> None:
    """Regression (fact-checker review): a video without quotes said "'newsreel enrich'
    finds them" after enrich had read it."""
    record = tmp_path / "q.txt"
    record.write_text("<video_id>noquote0001</video_id>\n<doc>\nthe river rose overnight\n</doc>\n")
    db = tmp_path / "q.db"
    run("ingest", str(record), archive=db)
    code, _, err = run("quotes", "noquote0001", archive=db)
    assert code == 0 and "'newsreel enrich' finds them" in err
    run("enrich", archive=db)
    code, _, err = run("quotes", "noquote0001", archive=db)
    assert code == 0 and "every transcript is enriched" in err and "finds them" not in err


def test_trend_rows_say_which_periods_fall_below_min_words(demo: Path) -> None:
    """Regression (review): the table shows "·" for a period under --min-words, and the
    CSV gave its rate with no flag, so a chart drawn from it plotted what was hidden."""
    code, out, _ = run(
        "trends", "Cairo", "--csv", "--no-chart", "--min-words", "1000000", archive=demo
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows and all(r["below_min_words"] == "True" for r in rows)
    code, out, _ = run("trends", "Cairo", "--json", "--no-chart", "--min-words", "0", archive=demo)
    data = json.loads(out)
    assert data["min_words"] == 0 and not any(r["below_min_words"] for r in data["rows"])


def test_a_language_no_video_has_lists_unknown_where_a_video_has_none(tmp_path: Path) -> None:
    """Regression (review, stop 61): "--lang fr" listed "its languages: en" though a
    video of no known language is there, which "--lang (unknown)" selects."""
    from newsreel.api import open_archive

    archive = tmp_path / "a.db"
    text = (
        "<video_id>abcdefghijk</video_id>\n<video_title>A test</video_title>\n"
        "<thumbnail_path>Some Channel\\A test.jpg</thumbnail_path>\n"
        "<publish_date>20240101</publish_date>\n\n<doc>\nhello there this is a test of "
        "the language list\n</doc>\n"
    )
    (tmp_path / "one.txt").write_text(text, encoding="utf-8")
    with open_archive(archive) as arch:
        arch.ingest(tmp_path / "one.txt")
    result = CliRunner().invoke(main, ["search", "test", "--lang", "fr", "--archive", str(archive)])
    assert result.exit_code != 0
    assert "(unknown)" in result.output
