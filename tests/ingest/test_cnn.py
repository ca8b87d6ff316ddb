"""CNN transcript JSON: metadata, clock times as segment times, speaker labels as turns."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import FIXTURES

from newsreel import Archive, open_archive
from newsreel.cli import main
from newsreel.errors import BadInputError
from newsreel.ingest.formats.cnn import _MARK, looks_like_cnn, parse_cnn
from newsreel.ingest.formats.metadata import normalize_text
from newsreel.repair.punctuator import Prediction
from newsreel.repair.repairer import assemble

CNN = FIXTURES / "cnn"


def _tiny() -> dict[str, object]:
    data: dict[str, object] = json.loads((CNN / "acd_tiny.json").read_text(encoding="utf-8"))
    return data


def _turns(text: str) -> list[tuple[str, str | None, str | None]]:
    """(first word, speaker, role) of each turn, the punctuation model left out."""
    n = len(text.split())
    rep = assemble(text, Prediction(np.zeros(n, dtype=np.int8), np.zeros(n, dtype=np.int8)))
    return [(rep.raw[t.start], t.speaker, t.role) for t in rep.turns]


def test_metadata_id_and_extra() -> None:
    record = parse_cnn(_tiny())
    assert record.video_id == "cnn-acd-2022-07-25-02"
    assert (record.title, record.channel) == ("Anderson Cooper 360 Degrees", "CNN")
    assert record.publish_date == date(2022, 7, 25)
    assert record.extra["url"].startswith("https://transcripts.cnn.com/show/acd/")
    assert record.extra["aired"] == "Aired July 25, 2022 - 21:00 ET"
    assert record.extra["polarity"] == pytest.approx(0.1477, abs=1e-4)
    assert "sentence_breakdown" not in record.extra
    assert record.sources["channel"] == "derived from the transcript URL"
    assert record.raw_text == _tiny()["transcript"]


def test_clock_marks_are_segment_times_from_the_air_time() -> None:
    record = parse_cnn(_tiny())
    assert [s.start for s in record.segments] == [0.0, 300.0]
    assert record.segments[0].end == 300.0
    assert "[21:05:00]" not in record.text and record.segments[1].text.startswith("COOPER:")
    assert record.word_times is not None
    assert len(record.word_times) == len(record.text.split(" "))
    starts = [s for s, _ in record.word_times]
    assert starts == sorted(starts) and starts[0] == 0.0
    harry = record.text.split(" ").index("Harry,")
    assert record.word_times[harry][0] >= 300.0


def test_labels_get_a_marker_and_name_turns() -> None:
    record = parse_cnn(_tiny())
    assert record.text.startswith(">> ANDERSON COOPER, CNN HOST: Lot happening")
    assert record.text.count(">>") == 5
    assert _turns(record.text) == [
        (">>", "Anderson Cooper", "anchor"),
        ("One", "Harry Enten", "reporter"),
        ("Harry,", "Anderson Cooper", "anchor"),
        ("We", "Donald Trump", "guest"),
        ("Joining", "Anderson Cooper", "anchor"),
    ]


def test_marks_out_of_order_and_past_midnight_keep_time_moving() -> None:
    data = _tiny()
    data["date"] = "Aired July 25, 2022 - 23:00 ET"
    data["transcript"] = "[23:55:00] ANNA: one two. [00:01:00] CARL: four five."
    assert [s.start for s in parse_cnn(data).segments] == [3300.0, 3660.0]


def test_a_stray_mark_out_of_order_is_set_aside_and_no_word_is_timeless() -> None:
    """Regression (review): after "[20:00:28] ... [20:15:07] ... [20:10:06]" the marks
    were held back, and 961 words all got [907.0, 907.0]."""
    data = _tiny()
    data["date"] = "Aired July 18, 2022 - 20:00 ET"
    talk = " ".join(["word"] * 700)
    data["transcript"] = (
        f"[20:00:28] ANNA: {talk} [20:15:07] BOB: {talk} [20:10:06] CARL: {talk} "
        f"[20:15:00] DAN: {talk}"
    )
    record = parse_cnn(data)
    starts = [s.start for s in record.segments]
    assert starts[0] == 28.0 and starts[2:] == [606.0, 900.0] and 28.0 < starts[1] < 606.0
    assert record.word_times is not None
    assert all(end > start for start, end in record.word_times)


_PIECE = st.one_of(
    st.sampled_from(["COOPER:", "ANDERSON COOPER, CNN HOST:", "(BEGIN VIDEO CLIP)", "--"]),
    st.builds("[{}:{:02d}:{:02d}]".format, st.integers(0, 23), st.integers(0, 59), st.just(0)),
    st.text(alphabet="abcXYZ.,?'&;", min_size=1, max_size=8),
)


@settings(max_examples=150)
@given(st.lists(_PIECE, min_size=1, max_size=30), st.integers(0, 23))
def test_times_in_order_and_no_word_lost(pieces: list[str], hour: int) -> None:
    transcript = " ".join(pieces)
    data = {**_tiny(), "transcript": transcript, "date": f"Aired July 1, 2022 - {hour}:00 ET"}
    try:
        record = parse_cnn(data)
    except BadInputError:
        return  # nothing but marks and blanks
    words = record.text.split(" ")
    assert "" not in words
    spoken = [w for w in words if w != ">>"]
    assert spoken == normalize_text(_MARK.sub(" ", transcript)).split(" ")
    if record.word_times is not None:
        assert len(record.word_times) == len(words)
        flat = [t for pair in record.word_times for t in pair]
        assert flat == sorted(flat) and flat[0] >= 0


def test_without_marks_or_url() -> None:
    data = {"transcript": "BERMAN: Good evening. WILD: Hello.", "network": "cnn.com"}
    record = parse_cnn(data)
    assert record.segments == () and record.word_times is None
    assert record.id_source == "content-hash" and record.video_id.startswith("nr_")
    assert record.text == ">> BERMAN: Good evening. >> WILD: Hello."


@pytest.mark.parametrize(
    ("transcript", "reason"),
    [("Did Not Air. ", "empty transcript (Did Not Air.)"), ("  ", "empty transcript")],
)
def test_empty_transcripts_are_bad_input(transcript: str, reason: str) -> None:
    data = {**_tiny(), "transcript": transcript}
    with pytest.raises(BadInputError) as caught:
        parse_cnn(data)
    assert caught.value.reason == reason


def test_only_cnn_objects_are_taken() -> None:
    assert looks_like_cnn(_tiny())
    assert not looks_like_cnn({"transcript": "x", "network": "https://example.org"})
    assert not looks_like_cnn([{"text": "x", "start": 0}])


def test_ingest_reports_did_not_air_as_empty(archive: Archive) -> None:
    summary = archive.ingest([CNN])
    assert (summary.ingested, summary.quarantined) == (1, 1)
    assert summary.quarantine[0].reason == "empty transcript (Did Not Air.)"
    video = archive.show("cnn-acd-2022-07-25-02")
    assert video.channel == "CNN" and video.segments[1].start == 300.0
    assert video.sources["publish_date"] == "source record"
    assert archive.search("landslide")[0].start_seconds == pytest.approx(300, abs=60)


@pytest.mark.corpus
def test_cnn_corpus(shared: Path, tmp_path: Path) -> None:
    """The done-when of issue 14: 6 transcripts under CNN with dates and speaker turns,
    the 7th reported as empty."""
    folder = shared / "corpus" / "cnn_ac360_2022"
    db = tmp_path / "cnn.db"
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(folder), "--archive", str(db), "--json"])
    assert result.exit_code == 3, result.output  # something was quarantined
    summary = json.loads(result.stdout)
    assert (summary["ingested"], summary["quarantined"]) == (6, 1)
    assert summary["quarantine"][0]["path"].endswith("acd_03.json")
    assert summary["quarantine"][0]["reason"] == "empty transcript (Did Not Air.)"
    with open_archive(db, read_only=True) as arch:
        stats = arch.stats()
        assert stats.channels == {"CNN": 6}
        assert (stats.first_date, stats.last_date) == (date(2022, 7, 18), date(2022, 7, 25))
        for row in arch.browse(limit=10)[1]:
            video = arch.show(row.video_id)
            assert video.publish_date is not None and len(video.segments) > 10
            assert video.text.count(">> ") > 100
            assert len(_turns(video.text)) > 100
    assert runner.invoke(main, ["repair", "--archive", str(db)]).exit_code == 0
    shown = runner.invoke(main, ["show", "cnn-acd-2022-07-25-02", "--archive", str(db)])
    assert "Anderson Cooper: Lot happening" in shown.stdout
    assert "Harry Enten: One of the things" in shown.stdout
