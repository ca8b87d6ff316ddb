"""``newsreel repair``, ``repair-text``, ``show`` after repair and ``eval``."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.conftest import SEED

from newsreel import open_archive
from newsreel.cli import main
from newsreel.repair.clean import core


def run(
    *args: str, archive: Path | None = None, stdin: bytes | None = None
) -> tuple[int, str, str]:
    argv = list(args) + (["--archive", str(archive)] if archive else [])
    result = CliRunner().invoke(main, argv, input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def repaired(tmp_path: Path, examples: Path) -> Path:
    db = tmp_path / "demo.db"
    assert run("ingest", str(examples), archive=db)[0] == 0
    code, out, err = run("repair", "--json", archive=db)
    assert code == 0, err
    summary = json.loads(out)
    assert summary["repaired"] >= 3 and summary["already"] == 0
    return db


def test_repair_is_incremental(repaired: Path) -> None:
    code, out, err = run("repair", "--json", archive=repaired)
    assert code == 0 and json.loads(out)["repaired"] == 0
    assert "already up to date" in err


def test_show_prints_repaired_sentences_and_raw_on_request(repaired: Path) -> None:
    code, out, _ = run("show", "wyqHuhmsA28", archive=repaired)
    assert code == 0
    body = out.split("\n", 3)[3]
    first = re.sub(r"^(\[\w+\]|[\w .'-]+:) ", "", body)  # a speaker heading, if any
    assert re.search(r"[.?]\s", body) and first[0].isupper()
    code, raw, _ = run("show", "wyqHuhmsA28", "--raw", archive=repaired)
    assert raw.rstrip("\n") == open_archive(repaired).show("wyqHuhmsA28").raw_text
    code, out, _ = run("show", "wyqHuhmsA28", "--json", archive=repaired)
    data = json.loads(out)
    paragraphs = data["repaired"]["paragraphs"]
    assert paragraphs and data["repaired"]["sentences"] > 5
    words = [core(w) for p in paragraphs for w in p["text"].split()]
    assert len(words) == len(data["text"].split())  # every word kept, in order


def test_clean_view_drops_fillers(repaired: Path) -> None:
    _, full, _ = run("show", "wyqHuhmsA28", archive=repaired)
    _, clean, _ = run("show", "wyqHuhmsA28", "--clean", archive=repaired)
    assert re.search(r"\buh\b", full, re.I) and not re.search(r"\buh\b", clean, re.I)


def test_search_snippets_come_from_repaired_text(repaired: Path) -> None:
    _, out, _ = run("search", "Shin Bet", "--json", archive=repaired)
    hit = json.loads(out.splitlines()[0])
    assert hit["video_id"] == "wyqHuhmsA28" and hit["heard_as"][0]["heard"].casefold() == "shim bit"
    assert re.search(r"[.,?]", hit["snippet"])


def test_timed_video_paragraphs_carry_their_start_time(repaired: Path) -> None:
    with open_archive(repaired) as arch:
        ids = [h.video_id for h in arch.search("the", limit=50, exact=True)]
        timed = [i for i in ids if arch.show(i).word_times]
        assert timed
        rep = arch.repaired(timed[0])
    assert rep is not None and rep.times is not None
    assert rep.times[rep.paragraphs[-1]][0] > 0


def test_repair_text_reads_stdin() -> None:
    raw = SEED.read_text(encoding="utf-8").split("<doc>")[1].split("</doc>")[0]
    code, out, _ = run("repair-text", stdin=raw.encode())
    assert code == 0 and out.count(".") > 10
    code, out, _ = run("repair-text", "--json", stdin=raw.encode())
    assert json.loads(out)["paragraphs"]


@pytest.mark.parametrize(
    ("stdin", "needle"),
    [(b"", "no text to repair"), (b"  \n", "no text to repair"), (b"\xff\xfe\x00x", "not UTF-8")],
)
def test_repair_text_bad_input_is_one_line(stdin: bytes, needle: str) -> None:
    code, _, err = run("repair-text", stdin=stdin)
    assert code == 1 and needle in err and "Traceback" not in err


def test_repair_needs_an_archive(tmp_path: Path) -> None:
    code, _, err = run("repair", archive=tmp_path / "missing" / "x.db")
    assert code == 1 and "Error:" in err


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["eval", "punctuation", "--gold", "nope.tsv"], "does not exist"),
        (["eval", "captions", "--pairs", "nope"], "does not exist"),
    ],
)
def test_eval_bad_paths(args: list[str], needle: str) -> None:
    code, _, err = run(*args)
    assert code == 2 and needle in err


def test_eval_punctuation_bad_file_is_one_line(tmp_path: Path) -> None:
    gold = tmp_path / "g.tsv"
    gold.write_text("word PERIOD\n", encoding="utf-8")
    code, _, err = run("eval", "punctuation", "--gold", str(gold))
    assert code == 1 and "g.tsv: line 1" in err


def test_eval_punctuation_json(tmp_path: Path) -> None:
    gold = tmp_path / "g.tsv"
    gold.write_text(
        "hello\tCOMMA\nworld\tPERIOD\nhow\tO\nare\tO\nyou\tQUESTION\n", encoding="utf-8"
    )
    code, out, _ = run("eval", "punctuation", "--gold", str(gold), "--json")
    data = json.loads(out)
    assert (
        code == 0 and data["words"] == 5 and {"COMMA", "PERIOD", "QUESTION", "overall"} <= set(data)
    )
    code, out, _ = run("eval", "punctuation", "--gold", str(gold))
    assert "overall" in out and "words/s" in out


def test_an_interrupted_stage_exits_130_and_says_what_is_kept(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from newsreel.cli.common import with_progress

    def work(progress: Callable[[int, int], None]) -> None:
        progress(1, 10)
        raise KeyboardInterrupt

    with pytest.raises(SystemExit) as stop:
        with_progress(work, total=3)
    assert stop.value.code == 130
    assert "finished batches are saved" in capsys.readouterr().err


def test_repair_batches_read_text_without_word_times(tmp_path: Path) -> None:
    """Regression: every repair batch fetched the word times and threw them away."""

    examples = Path(__file__).resolve().parents[2] / "examples"
    with open_archive(tmp_path / "t.db") as arch:
        arch.ingest([examples])
        batch = arch.store.repairs.unrepaired("any-version", 0, 100)
    assert batch and all(len(row) == 3 for row in batch)  # id, text, language
    assert all(isinstance(tid, int) and isinstance(text, str) for tid, text, _ in batch)
