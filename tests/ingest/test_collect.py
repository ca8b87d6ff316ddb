"""``collect`` with a stand-in for yt-dlp: outcomes, report, incremental reruns, the
sign-in check, Ctrl-C, retries and limits (the real yt-dlp: test_collect_ytdlp.py)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.ingest.fake_ytdlp import BOT, CHANNEL_ID, CHANNEL_URL, FakeYDL, Site, video, watch

from newsreel import Archive
from newsreel.errors import ConfigError
from newsreel.ingest.collect import CollectOptions, collect_videos, youtube_dl

QUICK = CollectOptions(sleep=0, backoff=0)


def _factory(site: Site) -> Callable[[dict[str, Any]], FakeYDL]:
    return lambda params: FakeYDL(params, site)


def _report(folder: Path) -> dict[str, dict[str, Any]]:
    lines = (folder / "collect-report.jsonl").read_text(encoding="utf-8").splitlines()
    return {row["id"]: row for row in map(json.loads, lines)}


@pytest.fixture
def site() -> Site:
    site = Site()
    site.add_channel(
        video("captioned01"),
        video("nocaptions1", human=False, auto=False),
        video("privatevid1"),
        video("livenowvid1", live_status="is_live"),
        video("oldvideo001", upload_date="20200101"),
    )
    site.pages[watch("privatevid1")] = (
        "ERROR: [youtube] privatevid1: Private video. Sign in if you've been granted access"
    )
    return site


def test_channel_is_collected_reported_and_ingested(
    archive: Archive, tmp_path: Path, site: Site
) -> None:
    out = tmp_path / "collected"
    summary = archive.collect(
        [CHANNEL_URL], out=out, since=date(2024, 1, 1), sleep=0, downloader=_factory(site)
    )
    assert summary.to_dict() == {
        "found": 5,
        "new": 4,
        "downloaded": 1,
        "no_captions": 1,
        "failed": 2,
        "ingested": 1,
    }
    report = _report(out)
    assert {k: r["status"] for k, r in report.items()} == {
        "captioned01": "downloaded",
        "nocaptions1": "no_captions",
        "privatevid1": "failed",
        "livenowvid1": "failed",
        "oldvideo001": "skipped",
    }
    assert report["privatevid1"]["reason"].startswith("private video: Private video.")
    assert report["livenowvid1"]["reason"].startswith("live stream")
    assert report["oldvideo001"]["reason"] == "published 2020-01-01, before --since 2024-01-01"
    assert [p.video_id for p in summary.problems] == ["nocaptions1", "privatevid1", "livenowvid1"]
    # Only the video whose captions were saved is recorded as collected.
    assert (out / "download-archive.txt").read_text() == "youtube captioned01\n"
    folder = out / CHANNEL_ID
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith("captioned01")) == [
        "captioned01.en.auto.vtt",
        "captioned01.en.json3",
        "captioned01.info.json",
        "captioned01.jpg",
    ]
    shown = archive.show("captioned01")
    assert shown.channel == "DW News" and shown.publish_date == date(2024, 3, 31)
    assert shown.thumbnail_file and shown.thumbnail_file.endswith("captioned01.jpg")
    assert "Cairo" in shown.text and len(shown.versions) == 2  # human current, auto kept
    (quarantined,) = archive.quarantined()
    assert "nocaptions1.info.json" in quarantined.path
    assert quarantined.reason.startswith("no captions")


def test_rerun_fetches_only_new_videos_and_ingest_is_unchanged(
    archive: Archive, tmp_path: Path, site: Site
) -> None:
    out = tmp_path / "collected"
    archive.collect([CHANNEL_URL], out=out, sleep=0, downloader=_factory(site))
    site.calls.clear()
    again = archive.collect([CHANNEL_URL], out=out, sleep=0, downloader=_factory(site))
    assert (again.found, again.new, again.downloaded, again.ingested) == (5, 3, 0, 0)
    assert watch("captioned01") not in site.calls  # collected: not even asked for
    assert again.ingest is not None and again.ingest.unchanged == 4  # 2 videos, 2 versions
    assert len(_report(out)) == 5  # one line per video, the latest outcome


def test_sign_in_check_stops_the_run_and_keeps_what_finished(
    archive: Archive, tmp_path: Path, site: Site
) -> None:
    site.pages[watch("nocaptions1")] = BOT.format(id="nocaptions1")
    summary = archive.collect([CHANNEL_URL], out=tmp_path / "c", sleep=0, downloader=_factory(site))
    assert summary.stopped and "--cookies FILE" in summary.stopped
    assert (summary.downloaded, summary.ingested) == (1, 1)
    assert watch("privatevid1") not in site.calls
    assert archive.show("captioned01").channel == "DW News"


def test_ctrl_c_keeps_what_finished_and_a_rerun_finishes(
    archive: Archive, tmp_path: Path, site: Site
) -> None:
    out = tmp_path / "collected"
    kept = site.pages[watch("nocaptions1")]
    site.pages[watch("nocaptions1")] = KeyboardInterrupt()
    summary = archive.collect([CHANNEL_URL], out=out, sleep=0, downloader=_factory(site))
    assert summary.interrupted and summary.ingest is None and summary.downloaded == 1
    assert (out / "download-archive.txt").read_text() == "youtube captioned01\n"
    assert list(_report(out)) == ["captioned01"]

    site.pages[watch("nocaptions1")] = kept
    site.calls.clear()
    again = archive.collect([CHANNEL_URL], out=out, sleep=0, downloader=_factory(site))
    assert not again.interrupted and again.ingested == 2
    assert watch("captioned01") not in site.calls and again.downloaded == 1  # oldvideo001
    assert archive.show("captioned01").channel == "DW News"


def test_transient_errors_are_retried_with_back_off_then_reported(
    tmp_path: Path, site: Site
) -> None:
    too_many = "ERROR: [youtube] captioned01: Unable to download webpage: HTTP Error 429: Too Many"
    site.pages[watch("captioned01")] = [too_many, too_many, video("captioned01")]
    site.pages[watch("nocaptions1")] = "ERROR: [youtube] nocaptions1: HTTP Error 503: Unavailable"
    summary = collect_videos(
        [CHANNEL_URL], tmp_path, replace(QUICK, retries=2), factory=_factory(site)
    )
    assert summary.downloaded == 2  # captioned01 and oldvideo001
    assert site.calls.count(watch("captioned01")) == 3
    assert site.calls.count(watch("nocaptions1")) == 3  # bounded: 1 + 2 retries
    assert _report(tmp_path)["nocaptions1"]["reason"].endswith("HTTP Error 503: Unavailable")


def test_a_surprise_in_one_video_fails_only_that_video(tmp_path: Path, site: Site) -> None:
    site.fail_processing.add("captioned01")
    summary = collect_videos([CHANNEL_URL], tmp_path, QUICK, factory=_factory(site))
    assert summary.problems[0].reason == "RuntimeError: the fake site broke"
    assert summary.failed == 3 and summary.no_captions == 1


def test_captions_held_back_for_a_po_token_are_said_to_be(tmp_path: Path) -> None:
    warning = (
        "WARNING: [youtube] potoken0001: There are missing subtitles languages because a PO "
        "token was not provided."
    )
    site = Site()
    site.add_channel(video("potoken0001", human=False, auto=False, _warnings=[warning]))
    summary = collect_videos([CHANNEL_URL], tmp_path, QUICK, factory=_factory(site))
    assert summary.problems[0].reason == (
        "no en captions on YouTube (There are missing subtitles languages because a PO "
        "token was not provided.)"
    )


def test_limit_and_a_single_video_url(tmp_path: Path, site: Site) -> None:
    limited = collect_videos(
        [CHANNEL_URL], tmp_path / "a", replace(QUICK, limit=1), factory=_factory(site)
    )
    assert (limited.found, limited.new, limited.downloaded) == (1, 1, 1)
    assert watch("nocaptions1") not in site.calls
    single = collect_videos([watch("captioned01")], tmp_path / "b", QUICK, factory=_factory(site))
    assert (single.found, single.new, single.downloaded) == (1, 1, 1)
    site.calls.clear()
    again = collect_videos([watch("captioned01")], tmp_path / "b", QUICK, factory=_factory(site))
    assert (again.found, again.new, site.calls) == (1, 0, [])  # known by its URL's id


def test_since_ends_a_channel_listing_after_older_videos_in_a_row(tmp_path: Path) -> None:
    site = Site()
    site.add_channel(*(video(f"old{n:08d}") for n in range(8)), upload_date="20200101")
    summary = collect_videos(
        [CHANNEL_URL], tmp_path, replace(QUICK, since=date(2024, 1, 1)), factory=_factory(site)
    )
    assert summary.found == 5 and summary.new == 0 and site.calls == [CHANNEL_URL]


def test_a_url_that_cannot_be_listed_is_reported(tmp_path: Path) -> None:
    site = Site(pages={"https://www.youtube.com/@nobody": "ERROR: [youtube:tab] @nobody: 404"})
    summary = collect_videos(
        ["https://www.youtube.com/@nobody"], tmp_path, QUICK, factory=_factory(site)
    )
    assert summary.failed == 1 and summary.problems[0].video_id == "https://www.youtube.com/@nobody"


def test_missing_ytdlp_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "yt_dlp", None)
    with pytest.raises(ConfigError, match=r"pip install 'newsreel\[youtube\]'"):
        youtube_dl({})


def test_bad_options_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--since"):
        collect_videos(
            ["x"], tmp_path, CollectOptions(since=date(2024, 2, 1), until=date(2024, 1, 1))
        )
    with pytest.raises(ConfigError, match="--cookies"):
        collect_videos(["x"], tmp_path, CollectOptions(cookies=str(tmp_path / "none.txt")))


def test_an_unreadable_cookies_file_is_one_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("yt_dlp")
    cookies = tmp_path / "cookies.txt"
    cookies.write_text("not\ta cookies file\n")
    with pytest.raises(ConfigError, match="yt-dlp cannot read it"):
        collect_videos(["x"], tmp_path, replace(QUICK, cookies=str(cookies)))


def test_an_exception_while_listing_is_a_reason_not_a_traceback(tmp_path: Path) -> None:
    site = Site(pages={CHANNEL_URL: OSError("disk on fire")})
    summary = collect_videos([CHANNEL_URL], tmp_path, QUICK, factory=_factory(site))
    assert summary.failed == 1 and summary.problems[0].reason == "OSError: disk on fire"


def test_no_network_stops_at_once_with_the_reason(tmp_path: Path, site: Site) -> None:
    """Regression (review): offline, a DNS failure was retried as if it were HTTP 429,
    for 80 seconds, video after video."""
    offline = (
        "ERROR: [youtube] captioned01: Unable to download webpage: <urlopen error [Errno -3] "
        "Temporary failure in name resolution>"
    )
    site.pages[watch("captioned01")] = offline
    summary = collect_videos([CHANNEL_URL], tmp_path, QUICK, factory=_factory(site))
    assert summary.stopped and summary.stopped.startswith("no network")
    assert site.calls.count(watch("captioned01")) == 1  # no retry


def test_offline_collect_says_so_before_yt_dlp_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression (docs review): offline, a channel's listing was retried by yt-dlp for
    80 s before a garbled error; now YouTube's name is resolved first (not with a
    proxy, which resolves names itself)."""
    pytest.importorskip("yt_dlp")
    import socket

    def no_dns(*_: object, **__: object) -> None:
        raise socket.gaierror(-3, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    assert youtube_dl({}).newsreel_online() is False  # type: ignore[attr-defined]
    assert not hasattr(youtube_dl({"proxy": "http://127.0.0.1:9"}), "newsreel_online")


def test_offline_a_rerun_and_a_malformed_url_ask_nothing_of_the_network(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Regression (docs review): offline, a rerun for a video already collected and a
    malformed URL both stopped at once with "no network", not as the docs say; the
    address is resolved before the first request only."""
    pytest.importorskip("yt_dlp")
    import socket

    from newsreel.ingest.collect import CollectOptions, collect_videos

    def no_dns(*_: object, **__: object) -> None:
        raise socket.gaierror(-3, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    (tmp_path / "download-archive.txt").write_text("youtube wyqHuhmsA28\n")
    known = "https://www.youtube.com/watch?v=wyqHuhmsA28"
    done = collect_videos([known], tmp_path, CollectOptions())
    assert (done.found, done.new, done.failed, done.stopped) == (1, 0, 0, None)
    bad = collect_videos(["notaurl"], tmp_path, CollectOptions())
    assert bad.failed == 1 and bad.stopped is None
    assert "not a valid URL" in bad.problems[0].reason
    listing = collect_videos(["https://www.youtube.com/@dwnews"], tmp_path, CollectOptions())
    assert listing.stopped is not None and listing.stopped.startswith("no network")


def test_a_long_error_is_cut_at_a_word() -> None:
    from newsreel.ingest.collect import _tail

    said = _tail("x" * 50 + " Temporary failure in name resolution (caused by Unknown)", 40)
    assert said.startswith("...") and said.endswith("(caused by Unknown)")
    assert said.split()[0] in ("...failure", "...in", "...name", "...resolution")
