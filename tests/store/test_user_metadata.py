"""Metadata users fix: one name per outlet, overrides that survive re-ingest, provenance."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsreel import Archive, NotFoundError
from newsreel.cli import main
from newsreel.errors import ConfigError


@pytest.fixture
def archive(any_archive: Archive) -> Archive:
    """Every test here runs on a SQLite file and on a PostgreSQL database."""
    return any_archive


SEED = (
    "<video_id>{vid}</video_id>\n<video_title>{title}</video_title>\n"
    "<thumbnail_path>en_DW\\x.jpg</thumbnail_path>\n<publish_date>20240331</publish_date>\n"
    "<doc>\n{text}\n</doc>\n"
)


def _collection(folder: Path) -> Path:
    """DW three ways: a title suffix, a thumbnail folder alone, a table's channel 'DW'."""
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text(
        SEED.format(vid="vidA", title="Talks resume | DW News", text="talks resume in Cairo")
    )
    (folder / "b.txt").write_text(
        SEED.format(vid="vidB", title="Rafah offensive", text="the offensive in Rafah")
    )
    (folder / "c.csv").write_text(
        "video_id,title,channel,transcript\nvidC,Gaza aid,DW,aid trucks wait at the border\n"
    )
    return folder


@pytest.fixture
def dw(archive: Archive, tmp_path: Path) -> Archive:
    archive.ingest([_collection(tmp_path / "in")])
    return archive


def test_dw_spellings_become_one_outlet(dw: Archive) -> None:
    assert dw.stats().channels == {"DW News": 3}
    assert {h.video_id for h in dw.search("the OR in OR at", channel="DW News")} == {
        "vidA",
        "vidB",
        "vidC",
    }
    assert dw.show("vidB").sources == {
        "title": "source record",
        "channel": "derived from the thumbnail folder; outlet alias of 'DW'",
        "channel_code": "derived from the thumbnail folder",
        "language": "derived from the thumbnail folder",
        "publish_date": "source record",
    }
    assert dw.show("vidA").sources["channel"] == "derived from the title"
    assert dw.show("vidC").sources["channel"] == "source record; outlet alias of 'DW'"


def test_set_changes_the_archive_and_the_index_at_once(dw: Archive) -> None:
    edit = dw.set_metadata(
        "vidB", channel="France 24", publish_date="April 2, 2024", title="Rafah tonight", lang="fra"
    )
    assert [(c.field, c.old, c.new) for c in edit.changes] == [
        ("title", "Rafah offensive", "Rafah tonight"),
        ("channel", "DW News", "France 24"),
        ("publish_date", "2024-03-31", "2024-04-02"),
        ("language", "en", "fr"),
    ]
    video = dw.show("vidB")
    assert (video.title, video.channel, video.publish_date, video.language) == (
        "Rafah tonight",
        "France 24",
        date(2024, 4, 2),
        "fr",
    )
    assert set(video.sources.values()) == {"user override", "derived from the thumbnail folder"}
    assert [h.video_id for h in dw.search("tonight")] == ["vidB"]  # the title is indexed
    assert [h.video_id for h in dw.search("Rafah", channel="France 24")] == ["vidB"]
    assert dw.search("Rafah", channel="DW News") == []
    assert dw.store.metadata.overrides("vidB")["language"] == "fr"


def test_an_alias_given_to_set_becomes_its_outlet(dw: Archive) -> None:
    dw.set_metadata("vidA", channel="en_DW")
    assert dw.show("vidA").channel == "DW News"


def test_overrides_survive_reingest_and_new_versions(dw: Archive, tmp_path: Path) -> None:
    dw.set_metadata("vidB", title="Rafah tonight", channel="France 24")
    again = dw.ingest([tmp_path / "in"])
    assert (again.ingested, again.new_versions) == (0, 0)
    changed = tmp_path / "v2"
    changed.mkdir()
    (changed / "b.txt").write_text(
        SEED.format(vid="vidB", title="Rafah offensive | DW News", text="the offensive goes on")
    )
    assert dw.ingest([changed]).new_versions == 1
    video = dw.show("vidB")
    assert (video.title, video.channel, len(video.versions)) == ("Rafah tonight", "France 24", 2)
    assert [h.video_id for h in dw.search("goes", channel="France 24")] == ["vidB"]


def test_unknown_is_no_outlet_and_a_case_only_merge_respells(dw: Archive) -> None:
    """Regression (review): ``outlet-merge "DW News" "(unknown)"`` made a real outlet
    "(unknown)" that hid the videos without one; "BBC News" -> "BBC NEWS" was refused
    as a merge into itself."""
    with pytest.raises(ConfigError, match="without an outlet"):
        dw.merge_outlets("DW News", "(unknown)")
    with pytest.raises(ConfigError, match="without an outlet"):
        dw.set_metadata("vidA", channel="(Unknown)")
    merged = dw.merge_outlets("DW News", "DW NEWS")
    assert merged.target == "DW NEWS" and dw.stats().channels == {"DW NEWS": 3}
    with pytest.raises(ConfigError, match="into itself"):
        dw.merge_outlets("DW NEWS", "DW  NEWS")


def test_a_new_outlet_drops_the_old_outlet_s_code(dw: Archive, tmp_path: Path) -> None:
    """Regression (review): after ``set --channel "BBC News"`` a DW video kept its code
    "DW", so ``--channel DW`` and groups of DW took in BBC News videos."""
    dw.set_metadata("vidB", channel="BBC News")
    assert {o.name: o.codes for o in dw.outlets()}["BBC News"] == ()
    assert "vidB" not in {h.video_id for h in dw.search("the OR in OR at", channel="DW")}
    dw.ingest([tmp_path / "in"])  # a re-ingest does not bring the code back
    assert {o.name: o.codes for o in dw.outlets()}["BBC News"] == ()


@pytest.mark.parametrize(
    ("edit", "error", "message"),
    [
        ({"title": "x"}, NotFoundError, "no video 'nope'"),
        ({"publish_date": "2024-13-01"}, ConfigError, "'2024-13-01' is not a date"),
        ({"publish_date": "soon"}, ConfigError, "is not a date; use YYYY-MM-DD"),
        ({"publish_date": "2999-01-01"}, ConfigError, "is in the future"),
        ({"publish_date": "0024-03-31"}, ConfigError, "before 1900"),
        ({"lang": "klingonese"}, ConfigError, "is not a language"),
        ({"title": "  "}, ConfigError, "--title needs a value"),
        ({}, ConfigError, "nothing to set"),
    ],
)
def test_set_refuses_bad_input(
    dw: Archive, edit: dict[str, str], error: type[Exception], message: str
) -> None:
    video_id = "nope" if error is NotFoundError else "vidA"
    with pytest.raises(error, match=message):
        dw.set_metadata(video_id, **edit)
    assert dw.show("vidA").title == "Talks resume | DW News"


def test_outlet_merge_relabels_now_and_in_later_ingests(dw: Archive, tmp_path: Path) -> None:
    dw.set_metadata("vidA", channel="DW News")  # an override moves with its outlet
    merged = dw.merge_outlets("dw news", "Deutsche Welle TV")
    assert (merged.target, merged.spellings, merged.videos) == (
        "Deutsche Welle TV",
        ("DW News",),
        3,
    )
    assert dw.stats().channels == {"Deutsche Welle TV": 3}
    assert dw.store.metadata.overrides("vidA")["channel"] == "Deutsche Welle TV"
    assert len(dw.search("Cairo", channel="Deutsche Welle TV")) == 1
    assert "(outlet-merge)" in dw.show("vidB").sources["channel"]
    later = tmp_path / "later"
    later.mkdir()
    (later / "d.txt").write_text(SEED.format(vid="vidD", title="Aid | DW News", text="aid"))
    dw.ingest([later])
    assert dw.show("vidD").channel == "Deutsche Welle TV"


def test_outlet_merge_refuses_itself_and_unknown_outlets(dw: Archive) -> None:
    with pytest.raises(ConfigError, match="into itself"):
        dw.merge_outlets("DW News", "dw_news")
    with pytest.raises(ConfigError, match="into itself"):
        dw.merge_outlets("dw", "DW News")  # a code names its outlet here too
    with pytest.raises(NotFoundError, match=r"no outlet 'Fox News'.*its outlets: DW News"):
        dw.merge_outlets("Fox News", "DW News")
    assert dw.stats().channels == {"DW News": 3}


def test_cli_set_and_outlet_merge(dw: Archive) -> None:
    db = dw.store.path
    dw.close()  # the CLI opens the archive (and its index writer) itself
    runner = CliRunner()
    ok = runner.invoke(main, ["set", "vidC", "--date", "2024-04-05", "--archive", db, "--json"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["changes"] == [
        {"field": "publish_date", "old": None, "new": "2024-04-05"}
    ]
    bad = runner.invoke(main, ["set", "vidC", "--date", "31/31/2024", "--archive", db])
    assert bad.exit_code == 1 and "is not a date" in bad.stderr
    missing = runner.invoke(main, ["set", "nope", "--title", "x", "--archive", db])
    assert missing.exit_code == 1 and "no video 'nope'" in missing.stderr
    merged = runner.invoke(main, ["outlet-merge", "DW News", "DW", "--archive", db])
    assert merged.exit_code == 0 and "3 videos relabelled" in merged.stdout
    itself = runner.invoke(main, ["outlet-merge", "DW", " DW ", "--archive", db])
    assert itself.exit_code == 1 and "into itself" in itself.stderr
    # another case respells the outlet (regression, review: it was "into itself")
    respelt = runner.invoke(main, ["outlet-merge", "DW", "dw", "--archive", db])
    assert respelt.exit_code == 0 and "3 videos relabelled" in respelt.stdout
    unknown = runner.invoke(main, ["outlet-merge", "Sky", "DW", "--archive", db])
    assert unknown.exit_code == 1 and "no outlet 'Sky'" in unknown.stderr
