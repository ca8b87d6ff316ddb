from __future__ import annotations

import csv
import io
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsreel.errors import BadInputError, ConfigError
from newsreel.ingest.files import parse_bytes
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
    assert error.locator == "row 2" and "empty" in error.reason


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
