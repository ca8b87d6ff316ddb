from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import FIXTURES

from newsreel.errors import BadInputError
from newsreel.ingest.files import FORMATS, InputFile, read_input
from newsreel.ingest.formats.captions_json import NotATranscriptError
from newsreel.ingest.formats.timedtext import parse_timed_text, parse_xml_document

TIMEDTEXT = FIXTURES / "timedtext"
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE transcript [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<transcript><text start="0" dur="1">&lol9;</text></transcript>
"""


def _read(name: str) -> str:
    return (TIMEDTEXT / name).read_text()


def _in_order(times: tuple[tuple[float, float], ...] | None) -> bool:
    assert times is not None
    return all(a[0] <= b[0] and a[0] <= a[1] for a, b in pairwise(times))


def test_srv1_decodes_youtubes_double_escaping() -> None:
    record = parse_timed_text(_read("wyqHuhmsA28.en.srv1"), name="wyqHuhmsA28.en.srv1")
    assert record.video_id == "wyqHuhmsA28"
    assert record.language == "en"
    assert record.text.startswith("media Reports say ceasefire talks between Israel")
    assert record.text.endswith(">> mediators have been trying to to secure a pause it's said")
    assert [s.start for s in record.segments] == [0.32, 2.87, 5.98, 8.38, 11.58]
    assert record.segments[1].end == pytest.approx(5.98)
    assert _in_order(record.word_times)


def test_srv3_keeps_word_offsets_and_skips_empty_lines() -> None:
    record = parse_timed_text(_read("wyqHuhmsA28.en.srv3"), name="wyqHuhmsA28.en.srv3")
    assert record.text == "media Reports say ceasefire talks between Israel and Hamas [Music]"
    assert record.word_times is not None
    words = dict(zip(record.text.split(" "), record.word_times, strict=True))
    assert words["Reports"][0] == 0.48  # 320 ms + the word's 160 ms offset
    assert words["Israel"][0] == 3.24
    assert len(record.segments) == 3
    assert _in_order(record.word_times)


def test_ttml_reads_clock_tick_and_offset_times() -> None:
    record = parse_timed_text(_read("wyqHuhmsA28.ttml"), name="wyqHuhmsA28.ttml")
    assert record.video_id == "wyqHuhmsA28"
    assert record.language == "en-US"  # read_input makes it 'en'
    assert (
        record.text == "media Reports say ceasefire talks between Israel and Hamas resume in Cairo"
    )
    assert [(s.start, s.end) for s in record.segments] == [
        (0.32, 2.869),
        (2.869, 5.98),
        (5.98, pytest.approx(8.38)),
    ]


def test_timed_text_extensions_are_read_and_the_language_normalised() -> None:
    for suffix in (".srv1", ".srv2", ".srv3", ".ttml", ".xml"):
        assert suffix in FORMATS
    path = TIMEDTEXT / "wyqHuhmsA28.ttml"
    result = read_input(InputFile(path, TIMEDTEXT), {})
    assert not result.failures and result.records[0].language == "en"


def test_an_xml_file_of_timed_text_is_read_like_its_youtube_name_says() -> None:
    path = next(TIMEDTEXT.glob("*.xml"))
    result = read_input(InputFile(path, TIMEDTEXT), {})
    record = result.records[0]
    assert (record.video_id, record.title) == ("wyqHuhmsA28", "Egyptian media Cease-fire talks")


def test_srv2_milliseconds() -> None:
    text = '<timedtext><text t="1500" d="2000">ceasefire talks</text></timedtext>'
    record = parse_timed_text(text, name="abc.srv2")
    assert (record.segments[0].start, record.segments[0].end) == (1.5, 3.5)


def test_an_entity_bomb_is_refused_with_a_clear_reason() -> None:
    with pytest.raises(BadInputError, match=r"declares an entity .*billion laughs"):
        parse_timed_text(BILLION_LAUGHS, name="bomb.srv1")


def test_an_external_entity_is_refused_and_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me")
    text = (
        f'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<transcript><text start="0" dur="1">&x;</text></transcript>'
    )
    with pytest.raises(BadInputError, match="external entity") as caught:
        parse_timed_text(text, name="xxe.srv1")
    assert "do not read me" not in caught.value.reason


def test_a_bomb_in_a_file_is_quarantined(tmp_path: Path) -> None:
    path = tmp_path / "bomb.srv3"
    path.write_text(BILLION_LAUGHS)
    result = read_input(InputFile(path, tmp_path), {})
    assert not result.records
    assert "billion laughs" in result.failures[0].reason


def test_broken_timed_text_names_the_problem() -> None:
    with pytest.raises(BadInputError, match=r"not well-formed XML .* line 2") as caught:
        parse_timed_text("<transcript>\n<text start='1'>a</transcript>", name="x.srv1")
    assert caught.value.line == 2
    with pytest.raises(BadInputError, match=r"cue 2 needs a number of seconds in start="):
        parse_timed_text(
            '<transcript><text start="1">a</text><text start="soon">b</text></transcript>',
            name="x.srv1",
        )
    with pytest.raises(BadInputError, match="TTML does not allow"):
        parse_timed_text('<tt><body><p begin="later">a</p></body></tt>', name="x.ttml")
    with pytest.raises(BadInputError, match="not timed text"):
        parse_timed_text("<rss><channel/></rss>", name="x.srv1")
    with pytest.raises(BadInputError, match="no timed cues"):
        parse_timed_text("<transcript></transcript>", name="x.srv1")


def test_other_xml_is_skipped_not_quarantined() -> None:
    with pytest.raises(NotATranscriptError, match="root <rss>"):
        parse_xml_document("<rss><channel/></rss>", name="feed.xml")


# Property tests: generated cues written as srv1, srv3 and TTML read back unchanged.

_WORD = st.text(alphabet="abcxyzABC019'\"<>.,?!éß", min_size=1, max_size=6)
_CUES = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=5000),  # gap before the cue, ms
        st.integers(min_value=0, max_value=4000),  # duration, ms
        st.lists(_WORD, min_size=1, max_size=5),
    ),
    min_size=1,
    max_size=12,
)


def _timed(cues: list[tuple[int, int, list[str]]]) -> list[tuple[int, int, list[str]]]:
    """Absolute start times; each word tagged with its cue so no cue repeats another."""
    out, at = [], 0
    for n, (gap, length, words) in enumerate(cues):
        at += gap
        out.append((at, length, [f"{w}{n}q" for w in words]))
    return out


def _clock(ms: int) -> str:
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def _srv1(cues: list[tuple[int, int, list[str]]]) -> str:
    body = "".join(
        f'<text start="{t / 1000:.3f}" dur="{d / 1000:.3f}">{escape(" ".join(w))}</text>'
        for t, d, w in cues
    )
    return f'<?xml version="1.0" encoding="utf-8" ?><transcript>{body}</transcript>'


def _srv3(cues: list[tuple[int, int, list[str]]]) -> str:
    def spans(d: int, words: list[str]) -> str:
        return "".join(
            f"<s t={quoteattr(str(d * i // len(words)))}>{escape(' ' + w)}</s>"
            for i, w in enumerate(words)
        )

    body = "".join(f'<p t="{t}" d="{d}" w="1">{spans(d, w)}</p>' for t, d, w in cues)
    return f'<timedtext format="3"><body>{body}</body></timedtext>'


def _ttml(cues: list[tuple[int, int, list[str]]]) -> str:
    body = "".join(
        f'<p begin="{_clock(t)}" end="{_clock(t + d)}">{"<br/>".join(map(escape, w))}</p>'
        for t, d, w in cues
    )
    return f'<tt xmlns="http://www.w3.org/ns/ttml"><body><div>{body}</div></body></tt>'


@pytest.mark.parametrize("render", [_srv1, _srv3, _ttml])
@given(generated=_CUES)
def test_generated_cues_round_trip(render, generated) -> None:
    cues = _timed(generated)
    record = parse_timed_text(render(cues), name="abcdefghijk.en.srv3")
    assert record.text.split(" ") == [w for _, _, words in cues for w in words]  # no word lost
    assert [round(s.start * 1000) for s in record.segments] == [t for t, _, _ in cues]
    assert [round(s.end * 1000) for s in record.segments] == [t + d for t, d, _ in cues]
    assert record.word_times is not None and len(record.word_times) == len(record.text.split())
    assert _in_order(record.word_times)  # times in order
