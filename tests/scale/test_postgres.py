"""The PostgreSQL store as a user meets it: the same commands, search, concurrent
writers, copies both ways, the vector index in the database, and clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from newsreel import open_archive
from newsreel.cli import main
from newsreel.errors import StoreError
from newsreel.search import ivf, vectors

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SEED_ID = "wyqHuhmsA28"


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def _counts(location: str) -> tuple[int, ...]:
    with open_archive(location, read_only=True) as arch:
        db = arch.store.db  # type: ignore[attr-defined]
        return tuple(
            int(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
            for t in ("videos", "transcripts", "segments", "raw_files", "sources")
        )


def test_search_on_postgres_finds_the_seed_and_its_misheard_names(postgres_url: str) -> None:
    code, _ = _cli("ingest", str(EXAMPLES), "--archive", postgres_url)
    assert code == 0
    code, out = _cli("search", "Cairo", "--json", "--archive", postgres_url)
    assert code == 0
    hits = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert hits[0]["video_id"] == SEED_ID
    code, out = _cli("search", "Shin Bet", "--json", "--archive", postgres_url)
    hits = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert hits[0]["video_id"] == SEED_ID
    assert hits[0]["matched_terms"] == ["shim bit"]
    assert hits[0]["heard_as"] == [{"term": "Shin Bet", "heard": "shim bit"}]


def test_phrase_pairs_on_postgres_are_refused_with_the_reason(postgres_url: str) -> None:
    code, _ = _cli("ingest", str(EXAMPLES), "--archive", postgres_url)
    assert code == 0
    code, out = _cli("reindex", "--phrase-pairs", "--archive", postgres_url)
    assert code != 0 and "PostgreSQL" in out and "phrase pairs" in out
    code, out = _cli("search", "Cairo", "--json", "--archive", postgres_url)
    assert code == 0 and SEED_ID in out  # nothing was lost


def test_ranked_on_postgres_takes_the_best_weighted_query(postgres_url: str) -> None:
    from newsreel.models import Filters
    from newsreel.search.query import parse_query

    code, _ = _cli("ingest", str(EXAMPLES), "--archive", postgres_url)
    assert code == 0
    cairo, gaza = parse_query("Cairo").node, parse_query("Gaza").node
    with open_archive(postgres_url, read_only=True) as arch:
        fulltext = arch.indexes.fulltext
        alone = dict(fulltext.ranked([(cairo, 1.0)], Filters(), 50))
        half = dict(fulltext.ranked([(gaza, 0.5)], Filters(), 50))
        both = dict(fulltext.ranked([(cairo, 1.0), (gaza, 0.5)], Filters(), 50))
    assert alone and half and set(both) == set(alone) | set(half)  # either word
    for video, score in both.items():  # the best of the two, not their sum
        assert score == pytest.approx(max(alone.get(video, 0.0), half.get(video, 0.0)), rel=1e-4)


def test_every_stage_and_reader_works_on_postgres(postgres_url: str, tmp_path: Path) -> None:
    with open_archive(postgres_url) as arch:
        arch.ingest([EXAMPLES])
        runs = arch.process()
        assert [r.stage for r in runs] == ["repair", "enrich", "embed", "stories"]
        assert all(r.items == 8 for r in runs[:3])
        assert arch.search("Rafah", mode="semantic")
        assert arch.search('"border crossing"')[0].video_id == "4emc0CPvQ-0"
        assert any(e.name == "Shin Bet" for e in arch.entities(SEED_ID))
        for mode in ("lexical", "semantic", "hybrid"):  # an entity filter, in SQL and index
            hits = arch.search('Israel entity:"Shin Bet"', mode=mode)
            assert [h.video_id for h in hits] == [SEED_ID], mode
        hits = arch.search("Rafah -Netanyahu", mode="semantic")  # a filter's excluded ids
        assert hits and SEED_ID not in {h.video_id for h in hits}
        assert arch.stats().videos == 8
        facets = arch.facets("Rafah")
        assert dict(facets["channel"])["BBC News"] >= 1
        assert arch.export(tmp_path / "all.csv") == 8  # streamed by a server-side cursor
        assert arch.export(tmp_path / "rafah.parquet", query="Rafah") >= 2
        frame = arch.to_pandas(channel="DW News")
        assert SEED_ID in set(frame["video_id"]) and set(frame["channel"]) == {"DW News"}
        assert arch.passages("Rafah")["video_id"].nunique() >= 2
        detail = arch.show(SEED_ID)
        assert detail.video_id == SEED_ID and detail.repair is not None


def test_two_ingests_at_once_give_the_counts_of_one(postgres_url: str, tmp_path: Path) -> None:
    sequential = str(tmp_path / "one.db")
    with open_archive(sequential) as arch:
        arch.ingest([EXAMPLES])
    newsreel = str(Path(sys.executable).parent / "newsreel")
    command = [newsreel, "ingest", str(EXAMPLES), "--archive", postgres_url]
    with ThreadPoolExecutor(2) as pool:  # two processes writing the archive at once
        results = list(
            pool.map(lambda _: subprocess.run(command, capture_output=True, timeout=120), [1, 2])
        )
    for result in results:
        assert result.returncode == 0, result.stderr.decode()
    assert _counts(postgres_url) == _counts(sequential)
    with open_archive(postgres_url, read_only=True) as arch:
        assert arch.search("Cairo")[0].video_id == SEED_ID


def test_copy_to_postgres_and_back_is_verified_and_searchable(
    postgres_url: str, tmp_path: Path
) -> None:
    source = str(tmp_path / "source.db")
    with open_archive(source) as arch:
        arch.ingest([EXAMPLES])
        arch.process()
    code, out = _cli("copy", source, postgres_url, "--json")
    assert code == 0, out
    report = json.loads(out.splitlines()[0])
    assert report["verified"] and report["rows"]["videos"] == 8
    back = str(tmp_path / "back.db")
    code, out = _cli("copy", postgres_url, back, "--json")
    assert code == 0, out
    assert json.loads(out.splitlines()[0])["hashes"] == report["hashes"]
    for location in (postgres_url, back):
        with open_archive(location, read_only=True) as arch:
            assert arch.search("Shin Bet")[0].video_id == SEED_ID
            assert arch.search("Rafah", mode="semantic")
    # ops review: on identical data the stores listed ties in other orders; regrouped,
    # they make the same stories (labels may differ: each store counts its own terms)
    seen = []
    for location in (postgres_url, back):
        with open_archive(location) as arch:
            arch.group_stories(regroup=True)
            stats = arch.stats()
            grouped = sorted(s.videos for s in arch.stories(min_videos=1))
            seen.append((grouped, list(stats.channels), list(stats.languages)))
    assert seen[0] == seen[1]
    code, out = _cli("copy", source, postgres_url)
    assert code == 1 and "already holds videos" in out
    # review: copy printed the password it was given, on success and on refusal
    secret = postgres_url + ("&" if "?" in postgres_url else "?") + "password=Sup3rSecret"
    code, out = _cli("copy", source, secret)
    assert code == 1 and "already holds videos" in out and "Sup3rSecret" not in out
    code, out = _cli("copy", secret, str(tmp_path / "again.db"))
    assert code == 0 and "password=***" not in out and "Sup3rSecret" not in out


def test_the_vector_index_in_postgres_finds_what_exact_search_finds(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_archive(postgres_url) as arch:
        arch.ingest([EXAMPLES])
        arch.embed()
        lists, waiting = arch.store.vector_lists.sizes(arch.indexes.version)  # type: ignore[attr-defined]
        assert (lists, waiting) == (26, 0)  # every passage of the 8 videos is in a list
        exact = [h.video_id for h in arch.search("ceasefire talks", mode="semantic")]
        monkeypatch.setattr(vectors, "EXACT_LIMIT", 0)  # as a large archive searches
        arch.indexes._semantic = None
        listed = [h.video_id for h in arch.search("ceasefire talks", mode="semantic")]
    assert listed == exact


def test_kmeans_lists_cover_every_vector_and_probe_the_nearest() -> None:
    rng = np.random.default_rng(1)
    data = rng.normal(size=(400, 8)).astype(np.float32)
    centroids = ivf.kmeans(data, 10)
    assert centroids.shape == (10, 8)
    assert np.allclose(np.linalg.norm(centroids, axis=1), 1.0, atol=1e-4)
    assert ivf.list_count(1_000_000) == 2000 and ivf.list_count(3) == ivf.MIN_LISTS


def test_a_server_that_refuses_says_which_archive_and_why(postgres_url: str) -> None:
    bad = postgres_url.replace("://", "://no_such_user_xyz@", 1).replace("@@", "@")
    if "@" in postgres_url.split("://", 1)[1].split("/", 1)[0]:
        user = postgres_url.split("://", 1)[1].split("@", 1)[0]
        bad = postgres_url.replace(f"{user}@", "no_such_user_xyz@", 1)
    code, out = _cli("stats", "--archive", bad)
    assert code == 1
    assert "cannot connect to the archive" in out and "no_such_user_xyz" in out
    with pytest.raises(StoreError, match="not set up"):
        open_archive(postgres_url, read_only=True)


def test_the_web_ui_and_api_serve_a_postgres_archive(postgres_url: str) -> None:
    from fastapi.testclient import TestClient

    from newsreel.web import create_app

    with open_archive(postgres_url) as arch:
        arch.ingest([EXAMPLES])
        arch.process()
    with TestClient(create_app(postgres_url), base_url="http://localhost") as client:
        body = client.get("/api/v1/search", params={"q": '"Shin Bet"'}).json()
        assert body["hits"][0]["video_id"] == SEED_ID
        assert [t.lower() for t in body["hits"][0]["matched_terms"]] == ["shim bit"]
        page = client.get("/search", params={"q": "Rafah"})
        assert page.status_code == 200 and "4emc0CPvQ-0" in page.text
        video = client.get(f"/video/{SEED_ID}")
        assert video.status_code == 200 and "Shin Bet" in video.text
        trends = client.get("/api/v1/trends", params={"terms": "Gaza", "per": "month"})
        assert trends.status_code == 200
        for path in ("/", "/entity/Rafah", "/trends?terms=Gaza", "/stories", "/story/1"):
            assert client.get(path).status_code == 200, path


@pytest.mark.postgres
def test_a_reader_needs_no_right_to_write(postgres_url: str) -> None:
    """Regression (review): a database user allowed SELECT alone could not open an
    archive (not stats, search, export or serve): opening always ran CREATE TABLE."""
    import os
    import uuid

    from tests.conftest import POSTGRES_ENV, _admin

    with open_archive(postgres_url) as arch:
        arch.ingest([EXAMPLES])
    role = f"newsreel_reader_{uuid.uuid4().hex[:8]}"
    name = postgres_url.split("?")[0].rsplit("/", 1)[1]
    admin = os.environ[POSTGRES_ENV]
    _admin(admin, f"CREATE ROLE {role}")
    try:
        for grant in (
            f"GRANT CONNECT ON DATABASE {name} TO {role}",
            f"GRANT USAGE ON SCHEMA public TO {role}",
            f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}",
            f"REVOKE CREATE ON SCHEMA public FROM PUBLIC, {role}",
        ):
            _admin(postgres_url, grant)
        joiner = "&" if "?" in postgres_url else "?"
        reader = f"{postgres_url}{joiner}options=-c%20role%3D{role}"  # the reader's rights
        with open_archive(reader, read_only=True) as arch:
            assert arch.stats().videos == 8 and arch.search("Rafah")
    finally:
        _admin(postgres_url, f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}")
        _admin(postgres_url, f"REVOKE ALL ON SCHEMA public FROM {role}")
        _admin(admin, f"REVOKE ALL ON DATABASE {name} FROM {role}")
        _admin(admin, f"DROP ROLE {role}")


@pytest.mark.postgres
def test_a_mistyped_database_is_not_made_by_a_command_that_adds_to_one() -> None:
    """Regression (review): 'newsreel process --archive postgresql://.../typo' created an
    empty database and said "0 videos"; on SQLite it is "no archive at X"."""
    from tests.conftest import scratch_database

    with scratch_database("newsreel_typo", create=False) as url:
        for command in (["process"], ["repair"], ["set", "x", "--title", "y"]):
            result = CliRunner().invoke(main, [*command, "--archive", url])
            assert result.exit_code == 1 and "no archive at" in result.output, command
        with pytest.raises(Exception, match="does not exist"):
            open_archive(url, read_only=True)


@pytest.mark.postgres
def test_a_percent_encoded_database_name_is_one_database() -> None:
    """Regression (review): 'review%20sp' made a database named so, then connected to
    'review sp' and failed after ten seconds of pool errors."""
    from tests.conftest import scratch_database

    with scratch_database("newsreel_enc", create=False) as url:
        head, _, tail = url.partition("?")
        encoded = head + "%20x" + (f"?{tail}" if tail else "")
        try:
            result = CliRunner().invoke(
                main, ["ingest", str(EXAMPLES / "records"), "--archive", encoded]
            )
            assert result.exit_code == 0, result.output
            with open_archive(encoded, read_only=True) as arch:
                assert arch.stats().videos == 3
        finally:
            import os

            from tests.conftest import POSTGRES_ENV, _admin

            name = head.rsplit("/", 1)[1]
            _admin(os.environ[POSTGRES_ENV], f'DROP DATABASE IF EXISTS "{name} x" WITH (FORCE)')


def test_one_stage_run_at_a_time_while_ingests_go_on(postgres_url: str, tmp_path: Path) -> None:
    """Review: two ``newsreel process`` runs on one PostgreSQL archive both did all the
    work; a stage run now holds the archive's stage lock, ingests alongside it."""
    with open_archive(postgres_url) as first:
        first.ingest([EXAMPLES])
        with first.writing("process"):
            code, out = _cli("process", "--archive", postgres_url)
            assert code == 75, out
            assert "is being run by process, pid" in out and "Traceback" not in out
            with open_archive(postgres_url) as second:  # ingests are not held up
                assert second.ingest([EXAMPLES]).unchanged == 8
        code, out = _cli("process", "--archive", postgres_url)  # released: it runs
        assert code == 0, out


def test_a_stage_left_running_is_settled_by_the_next_stage_run(postgres_url: str) -> None:
    """Review: a "running" stage row (a killed run, or copied from a SQLite archive) was
    never settled on PostgreSQL."""
    with open_archive(postgres_url) as arch:
        arch.ingest([EXAMPLES])
        db = arch.store.db  # type: ignore[attr-defined]
        with db:
            db.execute(
                "INSERT INTO stage_versions (stage, version, status, items, started_at) "
                "VALUES ('stories', 'old', 'running', 0, '2026-01-01T00:00:00Z')"
            )
            db.execute(
                "INSERT INTO ingest_runs (status, started_at, paths) VALUES ('running', ?, '[]')",
                ("2026-01-01T00:00:00Z",),
            )
        arch.reindex()
        states = {s.stage: s.status for s in arch.stage_states()}
        assert states["stories"] == "interrupted"
        running = db.execute("SELECT count(*) FROM ingest_runs WHERE status = 'running'")
        assert running.fetchone()[0] == 1  # an ingest may be running alongside: left alone


def test_a_run_copied_while_running_is_interrupted_in_the_copy(
    postgres_url: str, tmp_path: Path
) -> None:
    """Ops review: a "running" ingest row copied into PostgreSQL stayed "running" in the
    copy (until some later ingest there), though no run of the copy ever had it."""
    source = str(tmp_path / "source.db")
    with open_archive(source) as arch:
        arch.ingest([EXAMPLES])
        db = arch.store.db  # type: ignore[attr-defined]
        with db:
            db.execute("UPDATE ingest_runs SET status = 'running'")
    code, out = _cli("copy", source, postgres_url, "--json")
    assert code == 0, out
    assert json.loads(out.splitlines()[0])["verified"]
    with open_archive(postgres_url, read_only=True) as arch:
        copied = arch.store.db  # type: ignore[attr-defined]
        statuses = [r[0] for r in copied.execute("SELECT status FROM ingest_runs")]
    assert statuses and set(statuses) == {"interrupted"}
    with open_archive(source, read_only=True) as arch:  # the source as it was
        kept = arch.store.db  # type: ignore[attr-defined]
        assert {r[0] for r in kept.execute("SELECT status FROM ingest_runs")} == {"running"}


def test_a_starting_ingest_settles_dead_runs_and_leaves_live_ones_running(
    postgres_url: str, tmp_path: Path
) -> None:
    """Ops review: on PostgreSQL a starting ingest marked every running ingest row
    interrupted, a live concurrent ingest's too. Now only runs whose process is gone
    (their lock free) are settled; a live one stays running until it finishes."""
    from newsreel.models import IngestSummary
    from newsreel.store.postgres import PostgresStore

    def statuses() -> dict[int, str]:
        with open_archive(postgres_url, read_only=True) as arch:
            db = arch.store.db  # type: ignore[attr-defined]
            return {int(r[0]): r[1] for r in db.execute("SELECT id, status FROM ingest_runs")}

    live, dead = PostgresStore(postgres_url), PostgresStore(postgres_url)
    try:
        alive = live.videos.begin_run(["a"])
        died = dead.videos.begin_run(["b"])
        assert statuses() == {alive: "running", died: "running"}  # both live: both kept
        dead.close()  # its process ends without finishing the run
        with open_archive(postgres_url) as arch:
            arch.ingest([EXAMPLES / "records"])  # a third ingest starts and ends
        now = statuses()
        assert now[died] == "interrupted"
        assert now[alive] == "running"  # still held by a living process
        live.videos.finish_run(alive, IngestSummary(), "done")
        assert statuses()[alive] == "done"
    finally:
        live.close()
        dead.close()
