"""Times that are NaN, infinite, negative or backwards, and numbers too big for a float.

Each timed parser refuses them naming the segment, cue or line, so the file is
quarantined; none reaches the archive (a NaN was stored as NULL: "NOT NULL constraint
failed: segments.start"), and none ends the run with a traceback.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from tests.ingest.test_files import SEED_TEXT

from newsreel import open_archive
from newsreel.errors import BadInputError
from newsreel.ingest.files import InputFile, read_input
from newsreel.ingest.formats.archive_org import parse_archive_rows
from newsreel.ingest.formats.cues import parse_cues
from newsreel.ingest.formats.timedtext import parse_timed_text
from newsreel.ingest.formats.whisper_text import parse_whisper_text
from newsreel.models import Record
from newsreel.store.base import FileResult

HUGE = "9" * 400  # a JSON integer or digit run beyond the largest float


def read(tmp_path: Path, name: str, text: str) -> FileResult:
    path = tmp_path / name
    path.write_text(text)
    return read_input(InputFile(path, tmp_path), {})


def reason(result: FileResult) -> str:
    assert not result.records, "a record with a bad time was accepted"
    assert len(result.failures) == 1
    return result.failures[0].reason


def test_a_nan_segment_start_is_quarantined_not_a_not_null_failure(tmp_path: Path) -> None:
    # Was: the run ended with "NOT NULL constraint failed: segments.start".
    text = '[{"text":"x","start":NaN,"duration":1}]'
    assert reason(read(tmp_path, "nan.json", text)).startswith("segment 1: start is NaN")


@pytest.mark.parametrize(
    ("segment", "said"),
    [
        ('{"text":"x","start":Infinity,"duration":1}', "segment 2: start is infinite"),
        ('{"text":"x","start":1,"duration":-Infinity}', "segment 2: duration is negative"),
        ('{"text":"x","start":-2,"duration":1}', "segment 2: start is negative (-2)"),
        ('{"text":"x","start":1,"dur":NaN}', "segment 2: duration is NaN"),
        ('{"text":"x","start":5,"end":2}', "segment 2: ends at 2 s, before it starts at 5 s"),
        ('{"text":"x","start":"1e999","duration":1}', "segment 2: start is infinite"),
        (f'{{"text":"x","start":{HUGE},"duration":1}}', "segment 2: start is infinite"),
    ],
)
def test_an_infinite_negative_or_backwards_segment_is_quarantined(
    tmp_path: Path, segment: str, said: str
) -> None:
    # Was: Infinity stored as is; 1e999 and -2 too; a 400-digit start ended the run
    # (OverflowError outside the per-file guard).
    text = f'[{{"text":"ok","start":0,"duration":1}}, {segment}]'
    assert reason(read(tmp_path, "bad.json", text)).startswith(said)


def test_a_nan_start_among_many_files_is_quarantined_and_the_run_finishes(
    tmp_path: Path,
) -> None:
    # Was: the writer process failed on the NaN; among 3,000 files the ingest deadlocked.
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(20):  # enough for a parser process and the writer process
        (folder / f"{n:03}.txt").write_text(SEED_TEXT.replace("wyqHuhmsA28", f"video{n:06}"))
    (folder / "nan.json").write_text('[{"text":"x","start":NaN,"duration":1}]')
    with open_archive(tmp_path / "a.db") as arch:
        summary = arch.ingest([folder], jobs=1)
    assert summary.ingested == 20 and summary.quarantined == 1
    assert summary.quarantine[0].reason.startswith("segment 1: start is NaN")


@pytest.mark.parametrize(
    ("event", "said"),
    [
        ('{"tStartMs":NaN,"segs":[{"utf8":"x"}]}', "event 0: tStartMs is NaN"),
        ('{"tStartMs":0,"dDurationMs":-5,"segs":[{"utf8":"x"}]}', "event 0: dDurationMs is"),
        ('{"tStartMs":0,"segs":[{"utf8":"x","tOffsetMs":Infinity}]}', "event 0: tOffsetMs is"),
        ('{"tStartMs":0,"segs":[1, 2]}', "event 0: 'segs' is not a list of objects"),
    ],
)
def test_json3_events_with_bad_times_or_pieces_are_quarantined(
    tmp_path: Path, event: str, said: str
) -> None:
    # Was: NaN and Infinity stored; pieces that are not objects ended the whole run
    # (AttributeError outside the per-file guard).
    result = read(tmp_path, "v.en.json3", f'{{"events":[{event}]}}')
    assert reason(result).startswith(said)


def test_a_caption_duration_too_big_for_a_float_is_dropped_not_a_crash(tmp_path: Path) -> None:
    # Was: OverflowError (int too large to convert to float) ended the run.
    text = f'{{"videoId":"v","duration":{HUGE},"segments":[{{"text":"x","start":0}}]}}'
    result = read(tmp_path, "v.json", text)
    assert result.records[0].duration_seconds is None


def test_a_ytdlp_info_with_impossible_timestamp_and_duration_is_read(tmp_path: Path) -> None:
    # Was: OverflowError from datetime.fromtimestamp(1e400) ended the run.
    (tmp_path / "v.en.vtt").write_text("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nhello\n")
    info = '{"id":"v","timestamp":1e400,"duration":NaN}'
    result = read(tmp_path, "v.info.json", info)
    assert not result.failures
    record = read_input(InputFile(tmp_path / "v.en.vtt", tmp_path), {}).records[0]
    assert record.publish_date is None and record.duration_seconds is None


@pytest.mark.parametrize(
    ("xml", "said"),
    [
        (
            '<timedtext format="3"><body><p t="0" d="10"><s>a</s><s t="nan">b</s></p>'
            "</body></timedtext>",
            "cue 1: a word offset (t=) is NaN",
        ),
        (
            '<tt xmlns="http://www.w3.org/ns/ttml" frameRate="0"><body><div>'
            '<p begin="00:00:01:12" end="00:00:02:00">a</p></div></body></tt>',
            "the document's frameRate is not a number above 0",
        ),
        (
            '<tt xmlns="http://www.w3.org/ns/ttml" tickRate="nan"><body><div>'
            '<p begin="10t" end="20t">a</p></div></body></tt>',
            "the document's tickRate is not a number above 0",
        ),
        (
            '<tt xmlns="http://www.w3.org/ns/ttml"><body><div>'
            f'<p begin="{HUGE}s" end="1s">a</p></div></body></tt>',
            "cue 1: time is infinite",
        ),
        (
            '<transcript><text start="1e308" dur="1e308">a</text></transcript>',
            "cue 1: end is infinite",
        ),
    ],
)
def test_timed_text_with_bad_times_is_refused(xml: str, said: str) -> None:
    # Was: NaN word times stored; frameRate="0" ended the run (ZeroDivisionError).
    with pytest.raises(BadInputError) as caught:
        parse_timed_text(xml, name="v.en.srv3")
    assert caught.value.reason.startswith(said)


def test_a_vtt_time_too_long_for_a_float_is_refused_not_a_crash() -> None:
    # Was: OverflowError (integer division result too large for a float).
    text = f"WEBVTT\n\n{HUGE}:00:00.000 --> {HUGE}:00:01.000\nhello\n"
    with pytest.raises(BadInputError, match="unreadable cue timing"):
        parse_cues(text, kind="vtt")


def test_a_whisper_line_that_ends_before_it_starts_is_refused() -> None:
    text = "00:00.000 - 00:02.000: one\n00:05.000 - 00:01.000: two\n"
    with pytest.raises(BadInputError, match="line 2: ends at 1 s, before it starts at 5 s"):
        parse_whisper_text(text, name="2023_11_07_x.md")


@pytest.mark.parametrize(
    ("times", "said"),
    [
        ("0,nan,4", "value 2: time is NaN"),
        ("0,inf", "value 2: time is infinite"),
        ("0,-3", "value 2: time is negative (-3)"),
    ],
)
def test_archive_org_times_that_are_not_finite_leave_the_words_untimed(
    times: str, said: str
) -> None:
    # Was: a NaN line time became a NaN segment start (NOT NULL constraint failed).
    row = {"identifier": "CNN_20200101_000000_X", "contributor": "CNN", "text": "a b c"}
    [record] = parse_archive_rows([{**row, "times": times}])
    assert isinstance(record, Record)
    assert record.segments == () and record.word_times is None
    assert said in record.extra["times_error"]


def test_every_stored_time_is_finite_after_a_json_round_trip(tmp_path: Path) -> None:
    segments = [{"text": f"w{n}", "start": n * 0.5, "duration": 0.5} for n in range(5)]
    result = read(tmp_path, "ok.json", json.dumps(segments))
    [record] = result.records
    times = [t for pair in record.word_times or () for t in pair]
    assert times and all(math.isfinite(t) and t >= 0 for t in times)


def test_a_quarantined_items_place_is_said_once() -> None:
    """Regression (review): "nan.json (segment 1): segment 1: start is NaN"."""
    from newsreel.models import QuarantineItem

    assert QuarantineItem("a.json", "segment 1", "segment 1: start is NaN").describe() == (
        "a.json: segment 1: start is NaN"
    )
    assert QuarantineItem("a.tsv", None, "line 4: ends at 4 s", line=4).describe() == (
        "a.tsv: line 4: ends at 4 s"
    )
    assert QuarantineItem("a.csv", "row 17", "bad cell", line=18).describe() == (
        "a.csv (row 17, line 18): bad cell"
    )
