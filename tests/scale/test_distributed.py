"""Stages and ingest on Dask workers: the same archive as one process makes, a worker
killed mid-run changes nothing, and clear errors for a cluster that is not there."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsreel import open_archive
from newsreel.cli import main
from newsreel.errors import ConfigError
from newsreel.pipeline.distributed import ONE_THREAD, parse_cluster, ranges, task_size

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
RECORD = (
    "<video_id>{vid}</video_id>\n<video_title>{title}</video_title>\n"
    "<thumbnail_path>en_DW\\\\{vid}.jpg</thumbnail_path>\n<publish_date>202403{day:02d}"
    "</publish_date>\n\n<doc>\n{text}\n</doc>\n"
)


def _records(folder: Path, count: int = 40, words: int = 250) -> Path:
    """``count`` seed-format records cut from the bundled examples' real captions."""
    with open_archive(":memory:") as arch:
        arch.ingest([EXAMPLES])
        texts = [arch.show(r.video_id).text.split() for r in arch.browse(limit=10)[1]]
    pool = [w for text in texts for w in text]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        start = (i * 97) % max(1, len(pool) - words)
        text = " ".join(pool[start : start + words])
        (folder / f"r{i:03d}.txt").write_text(
            RECORD.format(vid=f"vid{i:08d}", title=f"Story {i % 7}", day=1 + i % 28, text=text)
        )
    return folder


def _result(location: str) -> dict[str, Any]:
    """What the stages made, comparable across stores and runs."""
    with open_archive(location, read_only=True) as arch:
        db = arch.store.db  # type: ignore[attr-defined]

        def one(sql: str) -> Any:
            return db.execute(sql).fetchone()[0]

        return {
            "repairs": one("SELECT count(*) FROM repairs"),
            "repaired": sorted(
                str(r[0]) for r in db.execute("SELECT text FROM repairs ORDER BY transcript_id")
            ),
            "enriched": one("SELECT count(*) FROM enrichments"),
            "mentions": one("SELECT count(*) FROM mentions"),
            "claims": one("SELECT count(*) FROM claims"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "passages": one("SELECT count(*) FROM passages"),
            "story_videos": one("SELECT count(*) FROM story_videos"),
        }


def test_cluster_specs_are_checked() -> None:
    assert parse_cluster("local:2") == ("local", 2)
    assert parse_cluster("tcp://10.0.0.5:8786") == ("tcp", "tcp://10.0.0.5:8786")
    for bad in (
        "local:0",
        "local:x",
        "2",
        "http://host:8786",
        "tcp://",
        "tcp://10.0.0.5",
        "tcp://h:99999",
    ):
        with pytest.raises(ConfigError, match="--cluster"):
            parse_cluster(bad)


def test_ranges_cover_every_transcript_once() -> None:
    ids = [3, 5, 8, 9, 12, 20, 21]
    cut = ranges(ids, 3)
    assert cut == [(0, 8), (8, 20), (20, 21)]
    covered = [i for after, until in cut for i in ids if after < i <= until]
    assert covered == ids
    assert task_size(100_000) == 256 and task_size(40) == 2 and task_size(3) == 1


def test_a_bad_cluster_is_a_clear_error(tmp_path: Path) -> None:
    archive = str(tmp_path / "a.db")
    result = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--archive", archive])
    assert result.exit_code == 0
    result = CliRunner().invoke(main, ["process", "--archive", archive, "--cluster", "local:x"])
    assert result.exit_code == 2 and "--cluster local:x" in result.output  # a usage error


def test_a_scheduler_without_workers_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression (review): a scheduler no worker had joined made --cluster wait forever,
    silently."""
    from distributed import LocalCluster

    from newsreel.pipeline import distributed

    monkeypatch.setattr(distributed, "WORKERS_WAIT", 1)
    with LocalCluster(
        n_workers=0, processes=False, protocol="tcp", dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address
        with pytest.raises(ConfigError, match="no workers"), distributed.cluster_client(address):
            pass


@pytest.mark.distributed
@pytest.mark.postgres
@pytest.mark.slow
def test_process_on_two_workers_equals_one_process(postgres_url: str, tmp_path: Path) -> None:
    records = _records(tmp_path / "records")
    sequential = str(tmp_path / "one.db")
    with open_archive(sequential) as arch:
        arch.ingest([records])
        arch.process()
    runner = CliRunner()
    result = runner.invoke(
        main, ["ingest", str(records), "--archive", postgres_url, "--cluster", "local:2"]
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["process", "--archive", postgres_url, "--cluster", "local:2"])
    assert result.exit_code == 0, result.output
    on_cluster, alone = _result(postgres_url), _result(sequential)
    # The enrich stage learns spellings as it reads: one process carries them from each
    # transcript to the next, a cluster's tasks each start from the run's first state
    # (so that a task's result never depends on which worker ran it, or how often).
    # Mentions found from spellings learnt in another task may differ, by a little.
    learnt = ("mentions",)
    assert {k: v for k, v in on_cluster.items() if k not in learnt} == {
        k: v for k, v in alone.items() if k not in learnt
    }
    assert abs(int(on_cluster["mentions"]) - int(alone["mentions"])) <= 0.02 * int(
        alone["mentions"]
    )
    with open_archive(postgres_url, read_only=True) as arch:
        assert arch.stats().videos == 40
        assert {s.stage: s.status for s in arch.stage_states()} == dict.fromkeys(
            ("repair", "enrich", "embed", "stories"), "done"
        )


@pytest.mark.distributed
@pytest.mark.postgres
@pytest.mark.slow
def test_a_worker_killed_mid_run_changes_nothing(postgres_url: str, tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    records = _records(tmp_path / "records", count=48)
    undisturbed = str(tmp_path / "undisturbed.db")  # the same run on a SQLite file, no kill
    with open_archive(undisturbed) as arch:
        arch.ingest([records])
        arch.process(cluster="local:2")
    with open_archive(postgres_url) as arch:
        arch.ingest([records])
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, dashboard_address=None, silence_logs=50, env=ONE_THREAD
    )
    killed: list[int] = []
    try:
        with Client(cluster) as client:
            pids = list(client.run(os.getpid).values())

            def kill_when_work_is_saved() -> None:
                with open_archive(postgres_url, read_only=True) as watch:
                    db = watch.store.db  # type: ignore[attr-defined]
                    deadline = time.monotonic() + 120
                    while time.monotonic() < deadline:
                        done = int(db.execute("SELECT count(*) FROM repairs").fetchone()[0])
                        if 0 < done < 48:
                            os.kill(pids[0], signal.SIGKILL)
                            killed.append(done)
                            return
                        time.sleep(0.05)

            watcher = threading.Thread(target=kill_when_work_is_saved)
            watcher.start()
            with open_archive(postgres_url) as arch:
                runs = arch.process(cluster=cluster.scheduler_address)
            watcher.join()
    finally:
        cluster.close()
    assert killed, "the run ended before a worker could be killed"
    assert [r.stage for r in runs] == ["repair", "enrich", "embed", "stories"]
    assert _result(postgres_url) == _result(undisturbed)


def test_a_cluster_ingest_stopped_early_is_recorded_interrupted(tmp_path: Path) -> None:
    """Regression (review): Ctrl-C during 'ingest --cluster local:2' exited 130 but the
    run was recorded "done" in ingest_runs."""
    import sqlite3

    from newsreel.ingest.runner import ingest_paths

    def stopped(*args: object) -> object:
        raise KeyboardInterrupt

    db = tmp_path / "a.db"
    with open_archive(db) as arch, pytest.raises(KeyboardInterrupt):
        ingest_paths(arch.indexes, [EXAMPLES], dispatch=stopped)  # type: ignore[arg-type]
    statuses = [r[0] for r in sqlite3.connect(db).execute("SELECT status FROM ingest_runs")]
    assert statuses == ["interrupted"]


@pytest.mark.distributed
def test_local_workers_ignore_ctrl_c_and_this_process_gets_it_back() -> None:
    """Regression (review): Ctrl-C during a --cluster local:N run printed a traceback from
    every worker process; they now ignore it, and this process stops the work."""
    from newsreel.pipeline import distributed

    before = signal.getsignal(signal.SIGINT)
    with distributed.cluster_client("local:1") as client:
        assert signal.getsignal(signal.SIGINT) == before
        handlers = client.run(lambda: int(signal.getsignal(signal.SIGINT)))  # type: ignore[arg-type]
    assert list(handlers.values()) == [int(signal.SIG_IGN)]
