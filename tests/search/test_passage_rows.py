"""Every passage out (Archive.iter_passages / passages / export_passages) on the bundled
examples: a timed BBC caption file and untimed seed-format records."""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsreel import Archive, open_archive
from newsreel.errors import ConfigError, QueryError
from newsreel.rows import PassageRow
from newsreel.text import tokens

SEED_ID = "wyqHuhmsA28"  # the seed record: no word times
TIMED_ID = "4emc0CPvQ-0"  # BBC json captions: word times


@pytest.fixture(scope="module")
def examples_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """The examples, ingested (not repaired: passages are the normalised text)."""
    root = Path(__file__).resolve().parents[2]
    path = tmp_path_factory.mktemp("passages") / "examples.db"
    with open_archive(path) as arch:
        arch.ingest([root / "examples"])
    with open_archive(path, read_only=True) as arch:
        yield arch


def first_row(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.DictReader(handle))


def by_video(rows: list[PassageRow], video_id: str) -> list[PassageRow]:
    return [r for r in rows if r.video_id == video_id]


def test_a_timed_input_gives_seconds_and_a_link_at_that_second(examples_archive: Archive) -> None:
    rows = by_video(list(examples_archive.iter_passages("Gaza")), TIMED_ID)
    assert len(rows) > 1  # every passage, not one per video
    times = examples_archive.show(TIMED_ID).word_times
    assert times is not None
    for row in rows:
        assert row.start_seconds == times[row.first_word][0]
        assert row.end_seconds == times[row.end_word - 1][1]
        assert row.url == f"https://www.youtube.com/watch?v={TIMED_ID}&t={int(row.start_seconds)}s"
        assert row.channel == "BBC News" and str(row.publish_date) == "2026-02-02"


def test_an_untimed_seed_record_has_null_seconds_and_a_plain_link(
    examples_archive: Archive,
) -> None:
    rows = by_video(list(examples_archive.iter_passages("Cairo")), SEED_ID)
    assert rows
    for row in rows:
        assert row.start_seconds is None and row.end_seconds is None
        assert row.url == f"https://www.youtube.com/watch?v={SEED_ID}"


def test_every_occurrence_is_in_a_passage_traceable_to_the_transcript(
    examples_archive: Archive,
) -> None:
    words = examples_archive.show(SEED_ID).text.split(" ")
    rows = by_video(list(examples_archive.iter_passages("Cairo", exact=True)), SEED_ID)
    where = [i for i, w in enumerate(words) if "cairo" in tokens(w)]
    assert [a for r in rows for a, _ in r.matches] == where
    for row in rows:
        assert row.text == " ".join(words[row.first_word : row.end_word])
        assert row.matched_terms == ("Cairo",)
        assert row.end_word - row.first_word <= 40


def test_videos_in_search_order_passages_in_transcript_order(examples_archive: Archive) -> None:
    rows = list(examples_archive.iter_passages("Qatar OR Gaza"))
    videos = list(dict.fromkeys(r.video_id for r in rows))
    ranked = [h.video_id for h in examples_archive.search("Qatar OR Gaza", limit=100)]
    assert videos == [v for v in ranked if v in videos]
    assert [r.rank for r in rows] == sorted(r.rank for r in rows)
    for video in videos:
        mine = by_video(rows, video)
        assert all(a.end_word <= b.first_word for a, b in itertools.pairwise(mine))


def test_heard_variants_unless_exact(examples_archive: Archive) -> None:
    rows = list(examples_archive.iter_passages("Rafah"))
    assert ("Rafah", "Rafa") in {pair for r in rows for pair in r.heard_as}
    exact = list(examples_archive.iter_passages("Rafah", exact=True))
    assert not any(r.heard_as for r in exact)
    assert len(exact) < len(rows)


def test_carry_is_no_longer_heard_for_cairo(examples_archive: Archive) -> None:
    """Regression (issue 17): a common English word never stands in alone for a name."""
    heard = by_video(list(examples_archive.iter_passages("Cairo")), TIMED_ID)
    assert ("Cairo", "carry") not in {pair for r in heard for pair in r.heard_as}


def test_a_phrase_matches_as_a_phrase(examples_archive: Archive) -> None:
    rows = list(examples_archive.iter_passages('"Gaza Strip"', exact=True))
    assert rows
    for row in rows:
        assert all(b - a == 2 for a, b in row.matches)
        assert {t.lower() for t in row.matched_terms} == {"gaza strip"}


def test_filters_limit_and_offset(examples_archive: Archive) -> None:
    everything = list(examples_archive.iter_passages("Gaza OR Cairo"))
    dw = list(examples_archive.iter_passages("Gaza OR Cairo", channel="DW News"))
    assert dw and {r.channel for r in dw} == {"DW News"}
    assert dw == [r for r in everything if r.channel == "DW News"]
    page = list(examples_archive.iter_passages("Gaza OR Cairo", limit=3, offset=2))
    assert page == everything[2:5]


def test_passages_as_a_dataframe(examples_archive: Archive) -> None:
    frame = examples_archive.passages("Cairo")
    assert len(frame) == len(list(examples_archive.iter_passages("Cairo")))
    assert {"video_id", "channel", "start_seconds", "end_seconds", "url", "text"} <= set(
        frame.columns
    )
    assert str(frame["publish_date"].dtype).startswith("datetime64")
    assert frame["start_seconds"].isna().any() and frame["start_seconds"].notna().any()


def test_export_passages_to_csv_jsonl_and_parquet(
    examples_archive: Archive, tmp_path: Path
) -> None:
    expected = [r.to_dict() for r in examples_archive.iter_passages("Gaza")]
    count = examples_archive.export_passages(tmp_path / "p.csv", query="Gaza")
    with (tmp_path / "p.csv").open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert count == len(table) == len(expected)
    assert table[0]["url"] == expected[0]["url"] and "&t=" in table[0]["url"]
    assert json.loads(table[0]["matched_terms"]) == expected[0]["matched_terms"]
    examples_archive.export_passages(tmp_path / "p.jsonl", query="Gaza")
    lines = (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == expected
    examples_archive.export_passages(tmp_path / "p.parquet", query="Gaza")
    frame = pq.read_table(tmp_path / "p.parquet").to_pandas()
    assert len(frame) == len(expected)
    assert str(frame["start_seconds"].dtype) == "float64"
    assert str(frame["first_word"].dtype) == "int64"


def test_csv_cells_that_look_like_formulas_are_neutralised(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "f.txt").write_text(
        "<video_id>formula0001</video_id>\n<video_title>=1+1 talks</video_title>\n"
        "<publish_date>20240401</publish_date>\n\n<doc>\n=HYPERLINK(x) Rafah talks\n</doc>\n",
        encoding="utf-8",
    )
    with open_archive(tmp_path / "f.db") as arch:
        arch.ingest([tmp_path / "in"])
        arch.export_passages(tmp_path / "safe.csv", query="Rafah")
        arch.export_passages(tmp_path / "raw.csv", query="Rafah", raw_csv=True)
    safe = first_row(tmp_path / "safe.csv")
    raw = first_row(tmp_path / "raw.csv")
    assert safe["text"].startswith("'=HYPERLINK") and safe["title"] == "'=1+1 talks"
    assert raw["text"].startswith("=HYPERLINK")


@pytest.mark.parametrize(
    ("options", "error", "words"),
    [
        ({"query": ""}, QueryError, "no words"),
        ({"query": "-Gaza"}, QueryError, "at least one word"),
        ({"query": "Gaza", "limit": 0}, ConfigError, "limit"),
        ({"query": "Gaza", "offset": -1}, ConfigError, "offset"),
        ({"query": "Gaza", "width": 0}, ConfigError, "width"),
    ],
)
def test_bad_input_is_a_clear_error(
    examples_archive: Archive, options: dict[str, object], error: type[Exception], words: str
) -> None:
    query = str(options.pop("query"))
    with pytest.raises(error, match=words):
        examples_archive.iter_passages(query, **options)  # type: ignore[arg-type]


def test_an_unknown_export_format_is_a_clear_error(
    examples_archive: Archive, tmp_path: Path
) -> None:
    with pytest.raises(ConfigError, match="unknown export format 'xlsx'"):
        examples_archive.export_passages(tmp_path / "p.xlsx", query="Gaza")
    assert not (tmp_path / "p.xlsx").exists()
