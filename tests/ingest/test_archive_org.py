from __future__ import annotations

import csv
import shutil
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import FIXTURES

from newsreel import Archive
from newsreel.errors import BadInputError
from newsreel.ingest.files import InputFile, find_inputs, read_input
from newsreel.ingest.formats.archive_org import (
    Snippet,
    is_archive_table,
    outlet_name,
    parse_archive_rows,
    show_record,
    timed_words,
)
from newsreel.ingest.formats.archive_page import page_record, read_caption_page
from newsreel.models import Record

DATA = FIXTURES / "archive_org" / "data"
JEANINE = "FOXNEWS_20130203_050000_Justice_With_Judge_Jeanine"
CASHIN = "FOXNEWS_20130914_153000_Cashin_In"
RED_EYE = "FOXNEWS_20130818_060000_Red_Eye"


def _rows() -> list[Record | BadInputError]:
    with (DATA / "archive-out.csv").open(newline="") as handle:
        return list(parse_archive_rows(csv.DictReader(handle)))


def _read(path: Path, root: Path = DATA) -> tuple[list[Record], list[str], str | None]:
    result = read_input(InputFile(path, root), {})
    return result.records, [f.reason for f in result.failures], result.skipped


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("FOXNEWS", "FOX News"),
        ("CNN", "CNN"),
        ("CNNW", "CNN"),
        ("MSNBC", "MSNBC"),
        ("CSPAN", "C-SPAN"),
        ("BBCNEWS", "BBC News"),
        ("ALJAZAM", "Al Jazeera America"),
        ("KQED", "KQED"),
        ("SOMECHANNEL", "Somechannel"),
    ],
)
def test_channel_codes_become_readable_outlets(code: str, name: str) -> None:
    assert outlet_name(code) == name


def test_a_table_row_is_a_timed_show_of_its_channel_never_the_cable_provider() -> None:
    record = _rows()[0]
    assert isinstance(record, Record)
    assert record.video_id == JEANINE and record.id_source == "source"
    assert (record.channel, record.channel_code, record.language) == ("FOX News", "FOXNEWS", "en")
    assert record.publish_date == date(2013, 2, 3)
    assert (
        record.title
        == "Justice With Judge Jeanine : FOXNEWS : February 3, 2013 12:00am-12:02am EST"
    )
    assert record.duration_seconds == 120.0
    assert record.extra["start_time"] == "2013-02-03T05:00:00Z"
    assert record.extra["program"] == "Justice With Judge Jeanine"
    assert "Comcast Cable" not in repr(record)
    assert record.locator == "row 1"


def test_caption_line_times_are_spread_over_the_words_by_their_share_of_text() -> None:
    record = _rows()[0]
    assert isinstance(record, Record) and record.word_times is not None
    words = record.text.split(" ")
    assert len(record.word_times) == len(words)
    assert [s.start for s in record.segments] == [1, 3, 4, 6, 7, 61, 63, 65, 67, 68]
    assert record.word_times[0][0] == 1.0
    assert record.word_times[-1][1] <= 120.0
    # The table joins the page's minutes without a space ("guns.testify"); the words
    # after it are the second minute's, whose caption lines begin at 61 s.
    after = words.index("guns.testify") + 1
    assert words[after] == "about" and 60 <= record.word_times[after][0] <= 65
    assert all(a[0] <= b[0] for a, b in pairwise(record.word_times))


def test_a_row_without_captions_names_the_show() -> None:
    error = _rows()[1]
    assert isinstance(error, BadInputError)
    assert error.locator == "row 2"
    assert RED_EYE in error.reason and "no captions" in error.reason


def test_the_table_shape_is_known_by_its_columns() -> None:
    assert is_archive_table(["identifier", "contributor", "times", "text", "source"])
    assert not is_archive_table(["video_id", "title", "transcript"])


def test_a_list_of_show_ids_is_skipped_not_quarantined() -> None:
    records, failures, skipped = _read(DATA / "search-test.csv")
    assert (records, failures) == ([], [])
    assert skipped == "not a transcript table (a list of 3 show ids)"


def test_a_caption_page_gives_each_minute_its_span() -> None:
    page = read_caption_page((DATA / "html" / f"{CASHIN}.html").read_text())
    assert page.identifier == CASHIN and page.archive_org
    assert page.title == "Cashin' In : FOXNEWS : September 14, 2013 11:30am-11:32am EDT"
    assert [(s.start, s.end) for s in page.snippets] == [(0.0, 60.0), (60.0, 120.0)]
    assert page.snippets[1].text.strip().startswith(">> eric: a warning sign")


def test_a_page_is_read_with_its_metadata_file(tmp_path: Path) -> None:
    shutil.copytree(DATA / "html", tmp_path / "html")
    shutil.copytree(DATA / "meta", tmp_path / "meta")
    records, failures, skipped = _read(tmp_path / "html" / f"{CASHIN}.html", tmp_path)
    assert (failures, skipped) == ([], None)
    record = records[0]
    assert (record.video_id, record.channel, record.language) == (CASHIN, "FOX News", "en")
    assert record.publish_date == date(2013, 9, 14)
    assert record.text.startswith("thank you for watching. have a wonderful weekend. keep it here.")
    assert record.word_times is not None
    words = dict(zip(record.text.split(" "), record.word_times, strict=True))
    assert words[">>"][0] >= 60  # the second minute's words start in the second minute
    assert words["thank"][0] == 1.0  # its first caption line, from the metadata's times


def test_a_page_alone_takes_channel_and_date_from_its_identifier(tmp_path: Path) -> None:
    page = tmp_path / f"{CASHIN}.html"
    shutil.copy(DATA / "html" / f"{CASHIN}.html", page)
    record = _read(page, tmp_path)[0][0]
    assert (record.channel, record.channel_code) == ("FOX News", "FOXNEWS")
    assert record.publish_date == date(2013, 9, 14)
    assert record.title == "Cashin' In : FOXNEWS : September 14, 2013 11:30am-11:32am EDT"
    assert record.segments[0].start == 0.0 and record.segments[1].start == 60.0


def test_a_page_whose_show_is_a_table_row_of_the_same_run_is_skipped() -> None:
    records, failures, skipped = _read(DATA / "html" / f"{JEANINE}.html")
    assert (records, failures) == ([], [])
    assert skipped == "same show as row 1 of archive-out.csv"


def test_a_table_outside_the_run_does_not_hide_a_page() -> None:
    records, _, skipped = _read(DATA / "html" / f"{JEANINE}.html", DATA / "html")
    assert skipped is None and records[0].video_id == JEANINE


def test_a_page_without_captions_is_skipped_saying_so() -> None:
    _, failures, skipped = _read(DATA / "html" / f"{RED_EYE}.html")
    assert failures == []
    assert skipped is not None and "archive.org has no captions for this show" in skipped
    assert "closed_captioning: no" in skipped


def test_a_metadata_file_alone_is_skipped_pointing_at_its_page() -> None:
    _, failures, skipped = _read(DATA / "meta" / f"{JEANINE}_meta.xml")
    assert failures == []
    assert skipped == f"archive.org metadata; its captions are in {JEANINE}.html"


def test_other_html_is_skipped(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text("<html><head><title>Hello</title></head><body><p>hi</p></body></html>")
    assert _read(page, tmp_path)[2] == "an HTML page, not an archive.org TV caption page"


def test_a_page_and_a_metadata_file_that_disagree_is_quarantined() -> None:
    page = read_caption_page((DATA / "html" / f"{CASHIN}.html").read_text())
    with pytest.raises(BadInputError, match="names 'OTHER'"):
        page_record(page, identifier=CASHIN, meta={"identifier": "OTHER"})


def test_every_file_of_the_collection_is_accounted_for(archive: Archive) -> None:
    summary = archive.ingest([DATA.parent], jobs=0)
    assert summary.ingested == 2  # the table's show, and a page of a show it lacks
    skipped = {Path(s.path).name: s.reason for s in summary.skipped}
    quarantined = {Path(q.path).name for q in summary.quarantine}
    paths = [str(item.path) for item in find_inputs([DATA.parent])]
    read = {Path(p).name for p in archive.store.videos.source_states(paths)}
    assert f"{CASHIN}.html" in read and "archive-out.csv" in quarantined  # row 2: no captions
    assert {Path(p).name for p in paths} == set(skipped) | quarantined | read
    assert skipped[f"{JEANINE}.html"] == "same show as row 1 of archive-out.csv"
    assert summary.to_dict()["skipped"][0] == {
        "path": summary.skipped[0].path,
        "reason": summary.skipped[0].reason,
    }
    hit = archive.search("sheriffs")[0]
    assert hit.video_id == JEANINE and hit.start_seconds is not None


@given(
    st.lists(st.text(alphabet="ab .,>", max_size=40), min_size=1, max_size=6),
    st.lists(st.integers(min_value=0, max_value=400), max_size=30),
    st.booleans(),
)
def test_timed_words_lose_no_word_and_keep_times_in_order(
    texts: list[str], times: list[int], minutes: bool
) -> None:
    snippets = [
        Snippet(text, 60.0 * n, 60.0 * (n + 1)) if minutes else Snippet(text)
        for n, text in enumerate(texts)
    ]
    words, stamps, segments = timed_words(snippets, sorted(map(float, times)), 400.0)
    assert words == " ".join(texts).split()
    if segments:
        assert len(stamps) == len(words)
        assert all(a[0] <= b[0] and a[0] <= a[1] for a, b in pairwise(stamps))
        assert sum(len(s.text.split()) for s in segments) == len(words)
    else:
        assert stamps == []


@pytest.mark.parametrize(
    ("meta", "aired"),
    [
        ({"start_localtime": "2013-02-15 22:00:00", "utc_offset": "-500"}, date(2013, 2, 15)),
        ({"utc_offset": "-500"}, date(2013, 2, 15)),  # 03:00 UTC less five hours
        ({"utc_offset": "+100"}, date(2013, 2, 16)),
        ({}, date(2013, 2, 16)),  # no local time said: the UTC day
        ({"utc_offset": "five"}, date(2013, 2, 16)),
    ],
)
def test_a_show_is_dated_the_day_it_aired_where_it_aired(meta: dict[str, str], aired: date) -> None:
    """Regression (review): Greta Van Susteren's 10 pm show of 2013-02-15 was dated
    2013-02-16, its UTC start's day."""
    start = {"start_time": "2013-02-16 03:00:00", "contributor": "FOXNEWS", **meta}
    record = show_record(
        "FOXNEWS_20130216_030000_On_the_Record", [Snippet("good evening")], start, raw_text=""
    )
    assert record.publish_date == aired


def test_a_table_read_after_a_shows_page_leaves_the_page_current(
    archive: Archive, tmp_path: Path
) -> None:
    """Regression (review): the archive.org table's row of a show, read after its caption
    page, became current with its words run together ("thesuspect")."""
    root = tmp_path / "data"
    shutil.copytree(DATA / "html", root / "html")
    shutil.copytree(DATA / "meta", root / "meta")
    archive.ingest([root / "html" / f"{JEANINE}.html"])
    page = archive.show(JEANINE).text
    shutil.copy(DATA / "archive-out.csv", root / "archive-out.csv")
    summary = archive.ingest([root / "archive-out.csv"])
    assert any("caption page's stays current" in w for w in summary.warnings)
    shown = archive.show(JEANINE)
    assert shown.text == page and shown.current_version == 1 and len(shown.versions) == 2
