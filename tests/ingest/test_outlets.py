"""One name per outlet (shipped and user aliases) and where each field came from."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsreel.errors import ConfigError, NotFoundError
from newsreel.ingest.formats.captions_json import parse_caption_json
from newsreel.ingest.formats.provenance import (
    FROM_FILE_NAME,
    FROM_FOLDER,
    FROM_TITLE,
    GUESSED,
    SOURCE_RECORD,
    field_sources,
)
from newsreel.ingest.outlets import (
    OutletAliases,
    merge_plan,
    outlet_key,
    prepare,
    shipped_aliases,
)
from newsreel.models import Record
from newsreel.store.base import FileResult


def test_outlet_key_ignores_case_underscores_and_spacing() -> None:
    assert outlet_key("en_DW") == outlet_key(" EN  dw ") == "en dw"


@pytest.mark.parametrize("spelling", ["en_DW", "DW", "DW News", "dw  news", "Deutsche Welle"])
def test_the_shipped_table_makes_dw_one_outlet(spelling: str) -> None:
    assert OutletAliases().canonical(spelling) == "DW News"


def test_unknown_outlets_keep_their_name() -> None:
    assert OutletAliases().canonical("Klopp TV") == "Klopp TV"


def test_user_aliases_win_and_chains_end() -> None:
    aliases = OutletAliases(user={"dw news": "Deutsche Welle", "deutsche welle": "Deutsche Welle"})
    assert aliases.canonical("en_DW") == "Deutsche Welle"  # shipped, then the user's
    looping = OutletAliases(user={"a": "B", "b": "A"}, shipped={})
    assert looping.canonical("A") in ("A", "B")


def test_a_broken_alias_file_says_where(tmp_path: Path) -> None:
    bad = tmp_path / "outlets.toml"
    bad.write_text('[[outlet]]\naliases = ["x"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="outlet 1 has no name"):
        shipped_aliases(bad)


def test_merge_plan_moves_earlier_aliases_and_pins_the_target() -> None:
    spellings, name, aliases = merge_plan(
        "dw", "deutsche welle", ["DW", "Deutsche Welle", "BBC News"], {"dw english": "DW"}, "a.db"
    )
    assert (spellings, name) == (["DW"], "Deutsche Welle")
    assert aliases == {
        "dw english": "Deutsche Welle",
        "dw": "Deutsche Welle",
        "deutsche welle": "Deutsche Welle",
    }


def test_merge_plan_refuses_itself_unknown_and_empty() -> None:
    with pytest.raises(ConfigError, match="into itself"):
        merge_plan("DW News", "dw_news", ["DW News"], {}, "a.db")
    unknown = r"no outlet 'Fox' in the archive a\.db; its outlets: DW$"
    with pytest.raises(NotFoundError, match=unknown):
        merge_plan("Fox", "DW", ["DW"], {}, "a.db")
    with pytest.raises(ConfigError, match="name the outlet"):
        merge_plan(" ", "DW", ["DW"], {}, "a.db")


def _record(**fields: object) -> Record:
    return Record(video_id="v", text="t", raw_text="t", **fields)  # type: ignore[arg-type]


def test_field_sources() -> None:
    seed = _record(
        title="Talks resume | DW News",
        channel="DW News",
        channel_code="DW",
        language="en",
        thumbnail_path="en_DW\\x.jpg",
        publish_date=date(2024, 3, 31),
    )
    assert field_sources(seed, "000_ca11e6ccf9581cca.txt") == {
        "title": SOURCE_RECORD,
        "channel": FROM_TITLE,
        "channel_code": FROM_FOLDER,
        "language": FROM_FOLDER,
        "publish_date": SOURCE_RECORD,
    }
    # docs review: a yt-dlp file name's ".fr-orig" said the language, not the record
    named = _record(title="Some title", language="fr")
    assert field_sources(named, "Some title [YYYYYYYYY21].fr-orig.vtt")["language"] == (
        FROM_FILE_NAME
    )
    folder = _record(title="Talks", channel="DW", channel_code="DW", thumbnail_path="en_DW\\x")
    assert field_sources(folder, "x.txt")["channel"] == FROM_FOLDER
    podcast = _record(
        title="Gaza becoming a graveyard",
        publish_date=date(2023, 11, 7),
        language="en",
        extra={"language_source": "guessed from the transcript"},
    )
    assert field_sources(podcast, "2023_11_07_Gaza_becoming_a__graveyard.md") == {
        "title": FROM_FILE_NAME,
        "publish_date": FROM_FILE_NAME,
        "language": GUESSED,
    }
    told = _record(channel="CNN", sources={"channel": "derived from the URL", "x": "y"})
    assert field_sources(told, "a.json") == {"channel": "derived from the URL"}


def test_prepare_names_the_outlet_and_says_so() -> None:
    result = FileResult("/data/en_DW/x.txt", "", 0, 0, "seed", b"")
    result.records.append(_record(channel="DW", channel_code="DW", thumbnail_path="en_DW\\x"))
    prepare([result], OutletAliases())
    record = result.records[0]
    assert record.channel == "DW News" and record.channel_code == "DW"
    assert record.sources["channel"] == f"{FROM_FOLDER}; outlet alias of 'DW'"


def test_a_channel_the_source_names_came_from_the_record_even_where_the_title_agrees() -> None:
    """Regression (review): 152 BBC videos whose JSON says "channel": "BBC News" were
    shown as "channel: derived from the title" (their titles end "| BBC News")."""
    data = {
        "videoId": "bbc00000001",
        "title": "Talks resume | BBC News",
        "channel": "BBC News",
        "segments": [{"start": 0, "dur": 2, "text": "talks resume today"}],
    }
    record = parse_caption_json(data, fallback_id=None)
    assert field_sources(record, "bbc00000001.json")["channel"] == SOURCE_RECORD
    untold = parse_caption_json({**data, "channel": None}, fallback_id=None)
    assert untold.channel == "BBC News"
    assert field_sources(untold, "bbc00000001.json")["channel"] == FROM_TITLE
