from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import FIXTURES

from newsreel.errors import BadInputError
from newsreel.ingest.files import parse_bytes
from newsreel.ingest.formats.captions_json import NotATranscriptError, parse_caption_json
from newsreel.ingest.formats.cues import parse_caption_file, parse_cues
from newsreel.models import Record

CAPTIONS = FIXTURES / "captions"


def _words_in_order(times: tuple[tuple[float, float], ...]) -> bool:
    return all(a[0] <= b[0] and a[0] <= a[1] for a, b in pairwise(times))


def test_youtube_rolling_vtt_becomes_one_clean_word_sequence() -> None:
    path = next(CAPTIONS.glob("*.vtt"))
    record = parse_caption_file(path.read_text(), kind="vtt", name=path.name)
    assert record.video_id == "wyqHuhmsA28"
    assert record.language == "en"
    assert record.title == "Egyptian media Cease-fire talks to resume in Cairo"
    assert record.text == (
        "media Reports say ceasefire talks between Israel and Hamas are due to resume in "
        "Cairo [Music] >> mediators have been trying to to secure a pause"
    )
    assert len(record.segments) == 9  # every cue is kept with its times
    assert record.segments[0].start == 0.0 and record.segments[0].end == 2.869
    assert record.word_times is not None
    words = dict(zip(record.text.split(" "), record.word_times, strict=True))
    assert words["Israel"] == (3.24, 3.56)  # the inline <c> timing of that word
    assert _words_in_order(record.word_times)


def test_srt_keeps_cues_and_strips_markup() -> None:
    path = CAPTIONS / "dw_interview.en.srt"
    record = parse_caption_file(path.read_text(), kind="srt", name=path.name)
    assert record.text.startswith("Let's get some more analysis with journalist Kareem Elwari")
    assert "<i>" not in record.text and "Well, first, as now, media reports" in record.text
    assert [s.start for s in record.segments] == [1.0, 3.5, 6.25, 9.0]
    assert record.segments[3].end == 11.8


def test_youtube_transcript_api_list() -> None:
    data = json.loads((CAPTIONS / "wyqHuhmsA28.json").read_text())
    record = parse_caption_json(data, fallback_id="wyqHuhmsA28")
    assert record.video_id == "wyqHuhmsA28"
    assert "fighting & in return" in record.text
    assert record.segments[1].start == 2.88
    assert record.segments[1].end == pytest.approx(5.98)


def test_youtube_json3_keeps_word_offsets() -> None:
    data = json.loads((CAPTIONS / "wyqHuhmsA28.json3").read_text())
    record = parse_caption_json(data, fallback_id="wyqHuhmsA28")
    assert record.text == "media Reports say ceasefire talks between"
    assert record.word_times is not None
    assert record.word_times[1][0] == 0.48


def test_whisper_segments_with_end_times() -> None:
    data = {
        "language": "en",
        "segments": [
            {"start": 0.0, "end": 2.5, "text": " Hello and welcome."},
            {"start": 2.5, "end": 5.0, "text": " This is the Global News Podcast."},
        ],
    }
    record = parse_caption_json(data, fallback_id="episode-1")
    assert record.text == "Hello and welcome. This is the Global News Podcast."
    assert record.language == "en"
    assert record.video_id == "episode-1"


def test_whisper_word_timestamps_are_kept() -> None:
    """Regression (review): a Whisper word at 2.5 s was stored at 1.6 s, the words spread
    evenly over their segment; ``--word_timestamps`` times are now each word's own."""
    words = [(" Talks", 0.0), (" will", 0.4), (" resume", 2.5), (" in", 3.0), (" Cairo.", 3.2)]
    segment = {
        "start": 0.0,
        "end": 4.0,
        "text": " Talks will resume in Cairo.",
        "words": [{"word": w, "start": t, "end": t + 0.3} for w, t in words],
    }
    record = parse_caption_json({"segments": [segment]}, fallback_id="ep-1")
    assert record.word_times is not None
    assert [start for start, _ in record.word_times] == [0.0, 0.4, 2.5, 3.0, 3.2]
    # review: each word's end was the next word's start (a pause counted as speech)
    assert [end for _, end in record.word_times] == [0.3, 0.7, 2.8, 3.2, 3.5]
    other = {**segment, "words": [{"word": " Something", "start": 0.1}]}  # another text
    spread = parse_caption_json({"segments": [other]}, fallback_id="ep-1").word_times
    assert spread is not None and spread[2][0] != 2.5
    broken = {**segment, "words": [{"word": " Talks"}]}
    with pytest.raises(BadInputError, match="segment 1: 'words' is not a list of"):
        parse_caption_json({"segments": [broken]}, fallback_id="ep-1")


@pytest.mark.corpus
def test_real_bbc_transcript_loses_no_spoken_word(shared: Path) -> None:
    path = shared / "corpus/bbc_news_youtube/transcripts/-0qOzx3URO4.json"
    data = json.loads(path.read_text())
    record = parse_caption_json(data, fallback_id=None)
    assert record.video_id == "-0qOzx3URO4"
    assert record.channel == "BBC News"
    assert record.publish_date is not None and record.publish_date.isoformat() == "2026-02-09"
    assert len(record.segments) == len(data["segments"])
    assert record.text.startswith("We should be asking Regina to say Regina please.")
    assert "health. health." not in record.text  # a one-word rolling repeat removed
    assert "Have you have you studied" in record.text  # a real stutter kept
    last_words = data["segments"][-1]["text"].split()
    assert record.text.split()[-len(last_words) :] == last_words
    assert record.word_times is not None and _words_in_order(record.word_times)


@pytest.mark.corpus
def test_manifest_is_recognised_and_skipped(shared: Path) -> None:
    data = json.loads((shared / "corpus/bbc_news_youtube/transcripts/manifest.json").read_text())
    with pytest.raises(NotATranscriptError):
        parse_caption_json(data, fallback_id="manifest")


@pytest.mark.parametrize(
    ("text", "kind", "line"),
    [
        ("00:00:00.000 --> 00:00:01.000\nhi\n", "vtt", 1),
        ("WEBVTT\n\n00:00:0x.000 --> 00:00:01.000\nhi\n", "vtt", 3),
        ("1\n00:00:05,000 --> 00:00:01,000\nbackwards\n", "srt", 2),
    ],
)
def test_bad_cue_files_name_the_line(text: str, kind: str, line: int) -> None:
    with pytest.raises(BadInputError) as info:
        parse_cues(text, kind=kind)
    assert info.value.line == line


def test_bad_json_captions_say_why() -> None:
    with pytest.raises(BadInputError, match="not a caption format"):
        parse_caption_json({"foo": 1}, fallback_id="x")
    with pytest.raises(BadInputError, match="not a number"):
        parse_caption_json([{"text": "a", "start": "soon"}], fallback_id="x")
    with pytest.raises(BadInputError, match="no words"):
        parse_caption_json({"segments": []}, fallback_id="x")


def _stamp(ms: int, sep: str) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


cue_text = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC'.,?", min_size=1, max_size=10),
    min_size=1,
    max_size=8,
).map(" ".join)


@given(
    st.lists(
        st.tuples(st.integers(0, 5_000), st.integers(0, 4_000), cue_text), min_size=1, max_size=20
    ),
    st.sampled_from(["srt", "vtt"]),
)
def test_written_cues_parse_back_exactly(cues: list[tuple[int, int, str]], kind: str) -> None:
    sep = "," if kind == "srt" else "."
    blocks, start = [], 0
    expected = []
    for n, (gap, length, text) in enumerate(cues, start=1):
        start += gap
        end = start + length
        blocks.append(f"{n}\n{_stamp(start, sep)} --> {_stamp(end, sep)}\n{text}\n")
        expected.append((start / 1000, end / 1000, text))
        start = end
    document = ("WEBVTT\n\n" if kind == "vtt" else "") + "\n".join(blocks)
    segments, _ = parse_cues(document, kind=kind)
    assert [(s.start, s.end, s.text) for s in segments] == expected


WHISPER_MD = (
    "*00:00.060- 00:05.560* :  Hello, this is the Global News Podcast from the BBC\n"
    "*00:05.560- 00:08.740* :  from across the world, the latest news.\n"
    "*59:58.000- 1:00:01.500* :  Goodbye.\n"
)


def test_whisper_text_lines_in_both_styles() -> None:
    from newsreel.ingest.formats.whisper_text import looks_like_whisper_text, parse_whisper_text

    txt = "00:00.060 - 00:05.560:  Hello there\n00:05.560 - 00:07.000:  and welcome\n"
    assert looks_like_whisper_text(WHISPER_MD) and looks_like_whisper_text(txt)
    assert not looks_like_whisper_text("<video_id>x</video_id><doc>a</doc>")
    record = parse_whisper_text(WHISPER_MD, name="2023_11_07_Gaza_becoming_a__graveyard_-_UN.md")
    assert record.video_id == "2023_11_07_Gaza_becoming_a__graveyard_-_UN"
    assert record.publish_date is not None and record.publish_date.isoformat() == "2023-11-07"
    assert record.title == "Gaza becoming a graveyard - UN"
    assert record.segments[2].end == 3601.5
    assert record.text.endswith("the latest news. Goodbye.")
    assert parse_whisper_text(txt, name="ep.txt").text == "Hello there and welcome"


def test_broken_whisper_line_names_the_line() -> None:
    from newsreel.ingest.formats.whisper_text import parse_whisper_text

    with pytest.raises(BadInputError) as info:
        parse_whisper_text(WHISPER_MD + "no time here\n", name="x.md")
    assert info.value.line == 4


@pytest.mark.corpus
def test_real_podcast_folder_reads_every_episode(shared: Path, tmp_path: Path) -> None:
    from newsreel import open_archive

    folder = shared / "corpus/bbc_global_news_podcast/transcripts/2023/11"
    with open_archive(tmp_path / "p.db") as archive:
        summary = archive.ingest([folder])
        episodes = len(list(folder.iterdir()))
        assert summary.ingested == episodes and summary.quarantined == 0
        hit = archive.search('"graveyard for children"')[0]
        assert hit.publish_date is not None and hit.publish_date.isoformat() == "2023-11-07"


def test_a_json3_named_by_ytdlp_takes_title_and_language_from_its_name() -> None:
    data = b'{"events":[{"tStartMs":0,"dDurationMs":2000,"segs":[{"utf8":"the talks resume"}]}]}'
    (record,) = list(parse_bytes("json", data, "Some title [AbCdEfGhIj2].en.json3", {}))
    assert isinstance(record, Record)
    assert (record.video_id, record.title, record.language) == ("AbCdEfGhIj2", "Some title", "en")


def test_whisper_keeps_phrases_said_again_across_segments() -> None:
    """Whisper never rolls: a chant said twice stays twice; a list of cues is judged by
    its cues, and two repeats of four cues are no rolling captions."""
    segments = [
        {"start": 0, "end": 2, "text": " Protesters chanted: free Palestine,"},
        {"start": 2, "end": 4, "text": " free Palestine, free Palestine."},
        {"start": 4, "end": 6, "text": " We will never give up,"},
        {"start": 6, "end": 8, "text": " never give up."},
    ]
    data = {"language": "en", "segments": segments}
    whisper = parse_caption_json(data, fallback_id="whispREP001")
    assert whisper.text.count("free Palestine") == 3 and whisper.text.count("give up") == 2
    listed = [{"text": s["text"], "start": s["start"], "duration": 2} for s in segments]
    api = parse_caption_json(listed, fallback_id="apiREP00001")
    assert api.text == whisper.text


def test_two_plain_srt_cues_that_repeat_a_phrase_keep_it_and_style_codes_go() -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}officials in Doha said free Palestine\n\n"
        "2\n00:00:02,000 --> 00:00:04,000\nfree Palestine as the minister arrived\n"
    )
    record = parse_caption_file(text, kind="srt", name="srtREP00001.srt")
    assert record.text == (
        "officials in Doha said free Palestine free Palestine as the minister arrived"
    )


def test_cues_out_of_time_order_are_read_in_time_order() -> None:
    text = (
        "WEBVTT\n\n00:00:05.000 --> 00:00:07.000\nthird part here\n\n"
        "00:00:01.000 --> 00:00:03.000\nfirst part here\n\n"
        "00:00:02.000 --> 00:00:06.000\nsecond overlapping part\n"
    )
    record = parse_caption_file(text, kind="vtt", name="orderVTT001.vtt")
    assert record.text == "first part here second overlapping part third part here"
    assert record.word_times is not None
    assert record.word_times[0][0] == 1.0 and 2.0 <= record.word_times[3][0] < 5.0
    assert record.word_times[6][0] == 5.0  # "third", at its cue's start
    assert _words_in_order(record.word_times)


def test_srt_text_after_a_blank_line_in_a_cue_is_kept_and_cue_numbers_are_no_words() -> None:
    """Regression (review): an SRT cue with a blank line in it lost its second part
    without a word, and cue numbers with no blank line before them became words."""
    from newsreel.ingest.formats.cues import parse_cues

    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\nfirst cue\n\nwith a blank line inside\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nsecond cue text\n"
        "3\n00:00:05,000 --> 00:00:06,000\nthird cue\n"
    )
    segments, cues = parse_cues(srt, kind="srt")
    assert [s.text for s in segments] == [
        "first cue\nwith a blank line inside",
        "second cue text",
        "third cue",
    ]
    assert [w for c in cues for w in c.words][:6] == "first cue with a blank line".split()
    vtt = "WEBVTT\n\nNOTE a comment\nspanning two lines\n\nid-1\n00:00.000 --> 00:01.000\nhello\n"
    assert [s.text for s in parse_cues(vtt, kind="vtt")[0]] == ["hello"]  # no note, no id


def test_missing_times_are_no_silent_zeros() -> None:
    """Regression (review): a json3 event with no tStartMs started at 0.0, and rows with
    no duration (youtube-transcript-api) or Whisper segments with no end lasted no time."""
    rows = [{"text": "first words", "start": 1.0}, {"text": "second words", "start": 4.0}]
    record = parse_caption_json(rows, fallback_id="clip")
    assert [(s.start, s.end) for s in record.segments] == [(1.0, 4.0), (4.0, 4.0)]
    events = {"events": [{"tStartMs": 0, "segs": [{"utf8": "one"}]}, {"segs": [{"utf8": "two"}]}]}
    with pytest.raises(BadInputError, match="event 1 has words but no 'tStartMs'"):
        parse_caption_json(events, fallback_id="clip")
    blank = {"events": [{"tStartMs": 0, "segs": [{"utf8": "one"}]}, {"segs": [{"utf8": "\n"}]}]}
    assert parse_caption_json(blank, fallback_id="clip").text == "one"  # a line break: fine


@pytest.mark.parametrize(
    "tail",
    ["3", "3\n00:00:0", "3\n00:00:05,000 --> 00:0", "3\n00:00:05,000 --> 00:00:06,000", "00:00:0"],
)
def test_a_file_cut_inside_a_cue_says_so_and_its_start_is_no_word(
    tail: str, tmp_path: Path
) -> None:
    """Regression (review): an SRT cut off after a cue's number or inside its timing
    line was read silently, the number and the cut time becoming words."""
    from newsreel import open_archive

    whole = (
        "1\n00:00:01,000 --> 00:00:02,000\nhello there\n\n2\n00:00:02,000 --> 00:00:03,500\nsaid\n"
    )
    record = parse_caption_file(whole + "\n" + tail, kind="srt", name="abc.srt")
    assert record.text == "hello there said"
    assert (
        "cut short" in record.extra["cut_short"]
        and repr(tail.replace("\n", " ")) in (record.extra["cut_short"])
    )
    assert "cut_short" not in parse_caption_file(whole, kind="srt", name="abc.srt").extra
    path = tmp_path / "abc.srt"
    path.write_text(whole + "\n" + tail)
    with open_archive(tmp_path / "a.db") as archive:
        summary = archive.ingest([path])
    assert summary.ingested == 1
    assert any("abc.srt" in w and "looks cut short" in w for w in summary.warnings)


def test_a_lone_number_closing_a_cue_with_no_blank_line_is_not_a_cut() -> None:
    """A number written as the cue's own last line is a word of the cue."""
    srt = "1\n00:00:01,000 --> 00:00:02,000\nthe year was\n1990\n"
    record = parse_caption_file(srt, kind="srt", name="abc.srt")
    assert record.text == "the year was 1990" and "cut_short" not in record.extra


def test_whisper_tsv_is_one_timed_video_not_a_table(tmp_path: Path) -> None:
    """Regression (review): Whisper's ``--output_format tsv`` was read as a table,
    each line a video of its own."""
    from newsreel import open_archive

    path = tmp_path / "2024_03_01_Talk.tsv"
    path.write_text("start\tend\ttext\n0\t2500\tHello and welcome.\n2500\t5200\tWe go on.\n")
    with open_archive(tmp_path / "a.db") as archive:
        assert archive.ingest([path]).ingested == 1
        video = archive.show("2024_03_01_Talk")
    assert video.text == "Hello and welcome. We go on."
    assert video.title == "Talk" and str(video.publish_date) == "2024-03-01"
    assert [(s.start, s.end) for s in video.segments] == [(0.0, 2.5), (2.5, 5.2)]


@pytest.mark.parametrize(
    ("line", "problem"),
    [("0\tx\tHello", "not a Whisper TSV line"), ("900\t100\tHello", "before it starts")],
)
def test_a_bad_whisper_tsv_line_is_named(line: str, problem: str) -> None:
    from newsreel.ingest.formats.whisper_text import parse_whisper_tsv

    with pytest.raises(BadInputError, match=problem) as caught:
        parse_whisper_tsv(f"start\tend\ttext\n0\t100\tok\n{line}\n", name="a.tsv")
    assert caught.value.line == 3


def test_a_webvtt_voice_is_said_where_the_speaker_changes_only() -> None:
    """Regression (review): "<v Lyse Doucet>" on each of her cues put ">> Lyse Doucet:"
    into the words every time, counted, searched and exported as speech."""
    text = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v Lyse Doucet>We are in Rafah</v>\n\n"
        "00:00:02.000 --> 00:00:04.000\n<v Lyse Doucet>where the crossing</v>\n\n"
        "00:00:04.000 --> 00:00:06.000\n<v Crowd>Open the gate!</v>\n\n"
        "00:00:06.000 --> 00:00:08.000\n<v Lyse Doucet>is closed</v>\n"
    )
    _, cues = parse_cues(text, kind="vtt")
    words = [w for cue in cues for w in cue.words]
    assert " ".join(words) == (
        ">> Lyse Doucet: We are in Rafah where the crossing >> Crowd: Open the gate! "
        ">> Lyse Doucet: is closed"
    )


def test_a_webvtt_header_names_the_language() -> None:
    """Regression (review): "Language: de" in a WebVTT header was ignored."""
    text = "WEBVTT\nKind: captions\nLanguage: de\n\n00:00:00.000 --> 00:00:02.000\nGuten Abend\n"
    assert parse_caption_file(text, kind="vtt", name="tagesschau.vtt").language == "de"
    plain = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nLanguage: de is no header\n"
    assert parse_caption_file(plain, kind="vtt", name="clip.vtt").language is None
    named = parse_caption_file(text, kind="vtt", name="Title [abcdefghijk].en.vtt")
    assert named.language == "en"  # the file name says it first
