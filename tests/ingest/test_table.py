from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsreel.errors import BadInputError, ConfigError
from newsreel.ingest.files import parse_bytes
from newsreel.ingest.formats.metadata import normalize_text
from newsreel.ingest.formats.table import parse_rows, resolve_mapping
from newsreel.models import Record

ROWS = [
    {
        "Video_ID": "RVnQnCcVtek",
        "Video_Title": "Is Qatar 'sportswashing'? | DW News",
        "Transcript": "it's a month until the start of the football World Cup",
        "Transcript_Event": "FIFA World Cup 2022",
    },
    {
        "Video_ID": "x2",
        "Video_Title": "No transcript here",
        "Transcript": "",
        "Transcript_Event": "x",
    },
]


def test_synonyms_map_real_column_names() -> None:
    mapping = resolve_mapping(["Video_ID", "Video_Title", "Transcript", "Topic"], {})
    assert mapping == {"video_id": "Video_ID", "title": "Video_Title", "transcript": "Transcript"}


def test_explicit_mapping_wins_and_is_checked() -> None:
    mapping = resolve_mapping(["id", "body", "Text"], {"transcript": "body"})
    assert mapping["transcript"] == "body"
    with pytest.raises(BadInputError, match="no column 'nope'"):
        resolve_mapping(["id"], {"transcript": "nope"})
    with pytest.raises(ConfigError, match="unknown field 'words'"):
        resolve_mapping(["id"], {"words": "id"})


def test_rows_become_records_and_bad_rows_are_reported() -> None:
    out = list(parse_rows(ROWS, resolve_mapping(ROWS[0].keys(), {})))
    record, error = out
    assert isinstance(record, Record) and isinstance(error, BadInputError)
    assert record.channel == "DW News"
    assert record.extra == {"Transcript_Event": "FIFA World Cup 2022"}
    assert record.locator == "row 1"
    assert error.locator == "row 2, video x2" and "empty" in error.reason


def _csv_bytes(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def test_csv_jsonl_and_parquet_give_the_same_records(tmp_path: Path) -> None:
    import json

    jsonl = "\n".join(json.dumps(r) for r in ROWS).encode()
    buffer = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pylist(ROWS), buffer)
    outputs = {
        kind: [r.text for r in parse_bytes(kind, data, f"t.{kind}", {}) if isinstance(r, Record)]
        for kind, data in (
            ("csv", _csv_bytes(ROWS)),
            ("jsonl", jsonl),
            ("parquet", buffer.getvalue().to_pybytes()),
        )
    }
    assert outputs["csv"] == outputs["jsonl"] == outputs["parquet"] == [ROWS[0]["Transcript"]]


def test_jsonl_bad_line_is_reported_and_the_rest_read() -> None:
    data = (
        b'{"video_id": "a", "transcript": "one two"}\n{broken\n'
        b'{"video_id": "b", "transcript": "x y"}\n'
    )
    out = list(parse_bytes("jsonl", data, "t.jsonl", {}))
    errors = [o for o in out if isinstance(o, BadInputError)]
    assert [o.video_id for o in out if isinstance(o, Record)] == ["a", "b"]
    assert errors[0].line == 2
    assert "column 2" in errors[0].reason and "line 1" not in errors[0].reason  # of line 2


def test_segments_column_gives_a_timed_record() -> None:
    row = {"id": "v1", "segments": '[{"text": "hello there", "start": 1.0, "duration": 2.0}]'}
    (record,) = parse_rows([row], resolve_mapping(row.keys(), {}))
    assert isinstance(record, Record)
    assert record.text == "hello there" and record.segments[0].end == 3.0


@pytest.mark.corpus
def test_sportswashing_csv_reads_all_161_videos(shared: Path) -> None:
    data = (shared / "corpus/sportswashing_youtube/All_YouTube_Transcripts.csv").read_bytes()
    out = list(parse_bytes("csv", data, "All_YouTube_Transcripts.csv", {}))
    records = [r for r in out if isinstance(r, Record)]
    assert len(records) == 161
    assert len({r.video_id for r in records}) == 161
    assert sum(1 for r in records if r.extra.get("Transcript_Event")) >= 150
    assert sum(1 for r in records if r.channel == "DW News") >= 1
    # one video saved each caption line four times over: its text says each once, its
    # raw text keeps every copy (regression, analyst review: RIJC9WzD7tc)
    saved = next(r for r in records if r.video_id == "RIJC9WzD7tc")
    assert saved.text.startswith("What happened in Qatar two years after Messi immortalized")
    assert saved.raw_text.count("What happened in\nQatar two years after") == 4
    shortened = [r.video_id for r in records if r.text != normalize_text(r.raw_text or "")]
    assert shortened == ["RIJC9WzD7tc"]  # no other video loses a word


def test_caption_lines_saved_over_and_over_are_read_once() -> None:
    line = "the minister said the talks would resume on monday morning"
    written = "\u200b ".join([line] * 4 + ["and then it rained"] * 4)
    said = "the minister said the talks would resume on monday morning and then it rained"
    rows = [{"video_id": "abcdefghijk", "transcript": written}]
    (record,) = parse_bytes("csv", _csv_bytes(rows), "x.csv", {})
    assert isinstance(record, Record) and record.text == said
    assert record.raw_text == written  # kept byte for byte


def test_rows_of_one_video_in_a_row_are_one_transcript() -> None:
    """A table of caption lines (one per row) is one transcript per video, in row order,
    not the last line; a video id seen again later, or rows without an id, stay apart."""
    rows = [
        {"video_id": "SEGTEST0001", "start": "0", "text": "Fed officials say"},
        {"video_id": "SEGTEST0001", "start": "2", "text": "rates will hold", "title": "Fed"},
        {"video_id": "OTHER000001", "start": "0", "text": "another video"},
        {"video_id": "", "start": "0", "text": "no id one"},
        {"video_id": "", "start": "0", "text": "no id two"},
    ]
    mapping = resolve_mapping(rows[0].keys() | {"title"}, {})
    records = [r for r in parse_rows(rows, mapping) if isinstance(r, Record)]
    assert [r.text for r in records] == [
        "Fed officials say rates will hold",
        "another video",
        "no id one",
        "no id two",
    ]
    first = records[0]
    assert first.raw_text == "Fed officials say\nrates will hold"
    assert first.title == "Fed" and first.locator == "rows 1-2"


@pytest.mark.parametrize("tsv", [False, True])
def test_a_quote_left_open_names_its_line_not_an_empty_column(tsv: bool) -> None:
    sep = "\t" if tsv else ","
    lines = [
        ["video_id", "title", "transcript"],
        ["aaa12345678", "Zero", "hello world zero"],
        ["abc12345678", '"First title', "hello world one"],
        ["def12345678", "Second", "hello world two"],
    ]
    data = "".join(sep.join(cells) + "\n" for cells in lines).encode()
    with pytest.raises(BadInputError) as caught:
        list(parse_bytes("tsv" if tsv else "csv", data, "t", {}))
    assert "opened on line 3 is never closed" in caught.value.reason


def test_a_stray_quote_inside_a_field_is_named_with_its_line() -> None:
    data = b'video_id,title,transcript\nabc12345678,"Title"x,hello world\n'
    with pytest.raises(BadInputError, match=r"malformed CSV on line 2"):
        list(parse_bytes("csv", data, "t", {}))


def test_a_row_with_more_cells_than_the_header_is_quarantined(tmp_path: Path) -> None:
    """Regression (review): a comma inside an unquoted field cut the transcript short
    ("the minister said") and kept the rest as ``extra["null"]``."""
    from newsreel import open_archive

    table = tmp_path / "in" / "unq.csv"
    table.parent.mkdir()
    table.write_text(
        "video_id,title,transcript\n"
        "uc000000001,Unquoted comma,the minister said, we will act, and then left\n"
        'ok000000002,Fine,"a quoted, fine row"\n',
        encoding="utf-8",
    )
    with open_archive(tmp_path / "a.db") as archive:
        summary = archive.ingest([table.parent])
        assert summary.ingested == 1 and summary.quarantined == 1
        bad = summary.quarantine[0]
        assert bad.locator == "row 1, video uc000000001"
        assert "5 cells and the header 3" in bad.reason and "not quoted" in bad.reason
        assert archive.show("ok000000002").text == "a quoted, fine row"


def test_a_semicolon_separated_csv_is_read_by_its_header() -> None:
    """Regression (review): a European spreadsheet's "video_id;title;transcript" was
    quarantined as having no transcript column."""
    data = b"video_id;title;transcript\nsemicsv0001;Semi;text with a comma, kept\n"
    (record,) = list(parse_bytes("csv", data, "semi.csv", {}))
    assert not isinstance(record, BadInputError)
    assert (record.video_id, record.title, record.text) == (
        "semicsv0001",
        "Semi",
        "text with a comma, kept",
    )
    # a header with commas stays comma-separated, whatever the rows hold
    data = b"video_id,title,transcript\nx1,T,a;b;c\n"
    (record,) = list(parse_bytes("csv", data, "c.csv", {}))
    assert not isinstance(record, BadInputError) and record.text == "a;b;c"


def test_json_lines_rows_are_located_by_their_line() -> None:
    """Regression (review): a JSONL row was located by its count among the parsed
    objects ("row 3" for line 6), so the quarantine pointed at a good line."""
    data = (
        b'{"video_id":"jl1","transcript":"line one ok"}\n'
        b'{"video_id":"jl2","transcript":"line two broken\n'
        b'{"video_id":"jl3","transcript":"line three ok"}\n'
        b"\n"
        b'{"video_id":"jl4"}\n'
    )
    out = list(parse_bytes("jsonl", data, "rows.jsonl", {}))
    assert sorted((o.locator, isinstance(o, BadInputError)) for o in out) == [
        ("line 1", False),
        ("line 2", True),
        ("line 3", False),
        ("line 5, video jl4", True),
    ]


def test_a_csv_export_read_back_is_what_the_archive_held(tmp_path: Path) -> None:
    """Regression (review): an export read back kept the spreadsheet guard ("'@BBC" made
    a new outlet) and nested extra fields one level deeper each time
    ("extra.extra.Transcript_Event")."""
    from newsreel import open_archive

    source = tmp_path / "in" / "inj.csv"
    source.parent.mkdir()
    source.write_text(
        "video_id,title,transcript,channel,Transcript_Event\n"
        '-0qOzx3URO4,=HYPERLINK("x"),- minus forty degrees,@BBC,ev1\n',
        encoding="utf-8",
    )
    exports: list[Path] = []
    for n in range(3):
        with open_archive(tmp_path / f"{n}.db") as archive:
            archive.ingest([source if n == 0 else exports[-1]])
            video = archive.show("-0qOzx3URO4")
            assert (video.title, video.channel, video.text) == (
                '=HYPERLINK("x")',
                "@BBC",
                "- minus forty degrees",
            )
            assert video.extra.get("Transcript_Event") == "ev1"
            exports.append(tmp_path / f"{n}.csv")
            archive.export(exports[-1])
    headers = [path.read_text(encoding="utf-8").splitlines()[0] for path in exports]
    assert headers[0] == headers[1] == headers[2] and "extra.extra." not in headers[2]


def test_an_export_read_back_keeps_the_timed_versions(tmp_path: Path, examples: Path) -> None:
    """Regression (review): re-ingesting an export (no segment times) made every timed
    video a new, untimed current version: search lost its times and links."""
    from newsreel import open_archive

    with open_archive(tmp_path / "a.db") as archive:
        archive.ingest([examples])
        frame = archive.to_pandas()
        timed = list(frame.loc[frame["timed"] == 1, "video_id"])
        assert timed
        archive.export(tmp_path / "a.csv")
        again = archive.ingest([tmp_path / "a.csv"])
        assert (again.ingested, again.new_versions) == (0, 0)
        assert all(archive.show(vid).segments for vid in timed)


def test_rows_of_one_id_under_two_titles_are_two_versions_not_one_text() -> None:
    rows = [
        {"video_id": "DUPTEST0001", "title": "Dup A", "text": "talks in Cairo resumed"},
        {"video_id": "DUPTEST0001", "title": "Dup B", "text": "talks in Doha stalled"},
    ]
    mapping = resolve_mapping(rows[0].keys(), {})
    records = [r for r in parse_rows(rows, mapping) if isinstance(r, Record)]
    assert [(r.title, r.text) for r in records] == [
        ("Dup A", "talks in Cairo resumed"),
        ("Dup B", "talks in Doha stalled"),
    ]


def test_a_duration_column_is_the_videos_length_and_a_bad_one_an_extra_field() -> None:
    rows = [
        {"video_id": "DURTEST0001", "text": "talks resumed", "duration_seconds": "61.5"},
        {"video_id": "DURTEST0002", "text": "talks stalled", "duration_seconds": "n/a"},
    ]
    mapping = resolve_mapping(rows[0].keys(), {})
    first, second = [r for r in parse_rows(rows, mapping) if isinstance(r, Record)]
    assert first.duration_seconds == 61.5 and "duration_seconds" not in first.extra
    assert second.duration_seconds is None and second.extra["duration_seconds"] == "n/a"


def test_json_lines_whose_rows_name_the_text_differently_are_all_read() -> None:
    """Regression (review): rows with the text under "transcript", "text" and
    "captions" (all names of the field) gave "the transcript column is empty" for the
    second and third."""
    lines = [
        {"video_id": "aaaaaaaaaa1", "transcript": "one two three"},
        {"video_id": "aaaaaaaaaa2", "text": "four five six"},
        {"video_id": "aaaaaaaaaa3", "captions": "seven eight nine", "title": "Third"},
    ]
    data = "".join(json.dumps(line) + "\n" for line in lines).encode()
    out = list(parse_bytes("jsonl", data, "rows.jsonl", {}))
    assert [r.text for r in out if isinstance(r, Record)] == [
        "one two three",
        "four five six",
        "seven eight nine",
    ]
    third = [r for r in out if isinstance(r, Record)][2]
    assert "captions" not in third.extra  # the text is not kept twice (review)
    told = list(parse_bytes("jsonl", data, "rows.jsonl", {"transcript": "text"}))
    assert [type(r).__name__ for r in told] == ["BadInputError", "Record", "BadInputError"]


def test_an_edited_record_that_names_no_id_is_a_new_version_not_a_second_video(
    tmp_path: Path,
) -> None:
    """Regression (ingest review): a record with no video id takes its text's hash as its
    id, so fixing a typo in it and ingesting the file again made a second video."""
    from newsreel import open_archive

    seed = tmp_path / "noid.txt"
    body = (
        "<video_title>Talks resume</video_title>\n<doc>\nthe talks in cairo resumed today\n</doc>\n"
    )
    table = tmp_path / "rows.csv"
    table.write_text(
        "title,text\nA,first row said this\nB,second row said that\n", encoding="utf-8"
    )
    seed.write_text(body, encoding="utf-8")
    with open_archive(tmp_path / "a.db") as archive:
        first = archive.ingest([seed, table])
        assert first.ingested == 3
        seed.write_text(body.replace("cairo", "Cairo"), encoding="utf-8")
        table.write_text(
            "title,text\nA,first row said this\nB,second row said that again\n", encoding="utf-8"
        )
        again = archive.ingest([seed, table])
        assert (again.ingested, again.new_versions, again.unchanged) == (0, 2, 1)
        assert archive.stats().videos == 3
        edited = next(r for r in archive.browse(limit=10)[1] if r.title == "Talks resume")
        video = archive.show(edited.video_id)
        assert "Cairo" in video.text and video.version == 2
        # the same edited text read from another file is that video, not a third
        copy = tmp_path / "copy.txt"
        copy.write_text(body.replace("cairo", "Cairo"), encoding="utf-8")
        assert archive.ingest([copy]).ingested == 0 and archive.stats().videos == 3
