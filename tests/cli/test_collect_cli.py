"""``newsreel collect``: the thin shell over ``Archive.collect`` (yt-dlp stood in for)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from tests.ingest.fake_ytdlp import BOT, CHANNEL_URL, FakeYDL, Site, video, watch

from newsreel.cli import main
from newsreel.ingest import collect


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Site:
    site = Site()
    site.add_channel(video("captioned01"), video("nocaptions1", human=False, auto=False))
    site.pages[watch("privatevid1")] = "ERROR: [youtube] privatevid1: Private video"
    monkeypatch.setattr(collect, "youtube_dl", lambda params: FakeYDL(params, site))
    return site


def _run(tmp_path: Path, *args: str) -> Any:
    db = tmp_path / "news.db"
    return CliRunner().invoke(main, ["collect", *args, "--archive", str(db), "--sleep", "0"])


def test_json_summary_has_exactly_the_counts(tmp_path: Path, site: Site) -> None:
    result = _run(tmp_path, CHANNEL_URL, watch("privatevid1"), "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {
        "found": 3,
        "new": 3,
        "downloaded": 1,
        "no_captions": 1,
        "failed": 1,
        "ingested": 1,
    }
    assert "3 found, 3 new: 1 downloaded, 1 without captions, 1 failed; 1 ingested" in (
        result.stderr
    )
    assert "failed privatevid1: private video: Private video" in result.stderr
    assert "no captions nocaptions1: no en captions on YouTube" in result.stderr
    assert (tmp_path / "news.db.collected" / "collect-report.jsonl").is_file()


def test_no_ingest_and_out(tmp_path: Path, site: Site) -> None:
    result = _run(tmp_path, CHANNEL_URL, "--no-ingest", "--out", str(tmp_path / "dl"), "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["ingested"] == 0
    assert (tmp_path / "dl" / "download-archive.txt").read_text() == "youtube captioned01\n"


def test_sign_in_is_one_clear_line_and_exit_1(tmp_path: Path, site: Site) -> None:
    site.pages[watch("captioned01")] = BOT.format(id="captioned01")
    result = _run(tmp_path, CHANNEL_URL)
    assert result.exit_code == 1
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("Error:")]
    assert "sign in to confirm this is not a bot" in line and "--cookies FILE" in line
    assert "Traceback" not in result.output


def test_a_run_where_every_video_failed_exits_1(tmp_path: Path, site: Site) -> None:
    result = _run(tmp_path, watch("privatevid1"))
    assert result.exit_code == 1, result.stderr
    assert "Error: the video tried failed" in result.stderr
    assert "failed privatevid1: private video" in result.stderr


def test_ctrl_c_exits_130(tmp_path: Path, site: Site) -> None:
    site.pages[watch("nocaptions1")] = KeyboardInterrupt()
    result = _run(tmp_path, CHANNEL_URL)
    assert result.exit_code == 130 and "run the same command to finish" in result.stderr


def test_missing_ytdlp_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "yt_dlp", None)
    result = _run(tmp_path, CHANNEL_URL)
    assert result.exit_code == 1
    assert "pip install 'newsreel[youtube]'" in result.stderr


def test_a_local_path_or_plain_text_is_no_url_and_makes_no_archive(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    for arg, needle in ((str(tmp_path), "newsreel ingest"), ("not a url", "not a YouTube address")):
        result = CliRunner().invoke(main, ["collect", arg, "--archive", str(db)])
        assert result.exit_code == 2 and needle in result.stderr, result.stderr
    assert not list(tmp_path.glob("c.db*"))
