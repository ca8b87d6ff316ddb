from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreel import open_archive
from newsreel.errors import ConfigError
from newsreel.pipeline.stage import run_stage
from newsreel.search.embed import EmbedStage
from newsreel.search.indexes import Indexes, IndexPaths
from newsreel.search.semantic import STRIDE, VERSION, WINDOW, embed, windows
from newsreel.search.vectors import quantize
from newsreel.store.sqlite import SQLiteStore


@given(st.integers(min_value=0, max_value=2000))
def test_windows_cover_every_word_with_bounded_passages(words: int) -> None:
    text = " ".join(f"w{i}" for i in range(words))
    spans = windows(text)
    covered = {i for first, count in spans for i in range(first, first + count)}
    assert covered == set(range(words))
    assert all(0 < count <= WINDOW for _, count in spans)
    assert all(b[0] - a[0] == STRIDE for a, b in itertools.pairwise(spans))


def test_embeddings_put_related_sentences_closer() -> None:
    vectors = embed(
        [
            "hostages released under the ceasefire deal",
            "captives freed during the truce",
            "the football club bought a new striker",
        ]
    )
    assert vectors.shape == (3, 256)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_quantized_vectors_keep_cosine_order() -> None:
    vectors = embed(["a ceasefire in Gaza", "a truce in Gaza", "stock markets fell"])
    q = quantize(vectors).astype(np.float32) / 127.0
    assert (q[0] @ q[1] > q[0] @ q[2]) == (vectors[0] @ vectors[1] > vectors[0] @ vectors[2])


def _archive_with(tmp_path: Path, texts: dict[str, str]) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for vid, text in texts.items():
        (folder / f"{vid}.txt").write_text(
            f"<video_id>{vid}</video_id>\n<video_title>t {vid}</video_title>\n"
            f"<publish_date>20240301</publish_date>\n<doc>\n{text}\n</doc>\n",
            encoding="utf-8",
        )
    db = tmp_path / "a.db"
    with open_archive(db) as arch:
        arch.ingest([folder])
        arch.embed()
    return db


TEXTS = {
    "vidAAAAAAAA": "the hostages were released under the ceasefire deal in Gaza " * 5,
    "vidBBBBBBBB": "the football club bought a new striker for the league season " * 5,
    "vidCCCCCCCC": "stock markets fell sharply as investors feared higher interest rates " * 5,
}


def test_semantic_search_finds_by_meaning_without_shared_words(tmp_path: Path) -> None:
    db = _archive_with(tmp_path, TEXTS)
    with open_archive(db) as arch:
        hits = arch.search("captives freed during a truce", mode="semantic", limit=3)
        assert hits[0].video_id == "vidAAAAAAAA"
        assert hits[0].match == "semantic"
        assert arch.search("captives freed during a truce", mode="lexical") == []
        assert arch.search("soccer transfer", mode="hybrid")[0].video_id == "vidBBBBBBBB"


def test_exclusions_hold_in_every_mode(tmp_path: Path) -> None:
    """Regression (review): "Gaza -Cairo" left the excluded videos in semantic and
    hybrid results, which read no words."""
    texts = {**TEXTS, "vidDDDDDDDD": "hostages freed in Gaza as talks in Cairo went on " * 5}
    db = _archive_with(tmp_path, texts)
    with open_archive(db) as arch:
        for mode in ("semantic", "hybrid"):
            every = {h.video_id for h in arch.search("hostages Gaza", mode=mode, limit=10)}
            assert "vidDDDDDDDD" in every, mode
            found = {h.video_id for h in arch.search("hostages Gaza -Cairo", mode=mode, limit=10)}
            assert "vidDDDDDDDD" not in found and "vidAAAAAAAA" in found, mode


def test_an_entity_filter_holds_in_every_mode(tmp_path: Path) -> None:
    """``entity:NAME`` keeps only videos that mention it, by meaning too (the filter's
    transcripts reach the passage vectors' SQL, not only the word index)."""
    texts = {**TEXTS, "vidDDDDDDDD": "hostages freed in Gaza as talks in Cairo went on " * 5}
    db = _archive_with(tmp_path, texts)
    with open_archive(db) as arch:
        arch.enrich()
        for mode in ("lexical", "semantic", "hybrid"):
            found = [h.video_id for h in arch.search("hostages Gaza entity:Cairo", mode=mode)]
            assert found == ["vidDDDDDDDD"], mode


def test_a_missing_or_stale_vector_index_is_rebuilt(tmp_path: Path) -> None:
    db = _archive_with(tmp_path, TEXTS)
    path = IndexPaths.beside(str(db)).vectors
    assert path is not None and path.exists()
    path.unlink()
    with open_archive(db, read_only=True) as arch:  # read-only: rebuilt in memory
        assert arch.search("interest rates", mode="semantic")[0].video_id == "vidCCCCCCCC"
    with open_archive(db) as arch:
        arch.embed()  # a run brings the index file back
    assert path.exists()


def test_new_videos_are_added_to_the_index(tmp_path: Path) -> None:
    db = _archive_with(tmp_path, dict(list(TEXTS.items())[:2]))
    more = tmp_path / "more"
    more.mkdir()
    (more / "c.txt").write_text(
        "<video_id>vidCCCCCCCC</video_id>\n<doc>\n" + TEXTS["vidCCCCCCCC"] + "\n</doc>\n"
    )
    with open_archive(db) as arch:
        arch.ingest([more])
        found = [h.video_id for h in arch.search("interest rates", mode="semantic")]
        assert "vidCCCCCCCC" not in found  # not embedded yet
        assert arch.embed().items == 1  # only the new video
        assert arch.search("interest rates", mode="semantic")[0].video_id == "vidCCCCCCCC"
        hits = arch.search("interest rates", mode="semantic", since=date(2999, 1, 1))
        assert hits == []  # filters apply to semantic search


def test_bad_mode_and_sort_combinations_are_clear_errors(tmp_path: Path) -> None:
    with open_archive(tmp_path / "x.db") as arch:
        with pytest.raises(ConfigError, match="mode must be one of lexical, semantic, hybrid"):
            arch.search("gaza", mode="fuzzy")
        with pytest.raises(ConfigError, match="sort date orders lexical matches"):
            arch.search("gaza", mode="semantic", sort="date")


def test_a_new_version_replaces_the_passages_of_the_old(tmp_path: Path) -> None:
    db = _archive_with(tmp_path, {"vidAAAAAAAA": TEXTS["vidAAAAAAAA"]})
    changed = tmp_path / "v2"
    changed.mkdir()
    (changed / "a.txt").write_text(
        "<video_id>vidAAAAAAAA</video_id>\n<doc>\n" + TEXTS["vidCCCCCCCC"] + "\n</doc>\n"
    )
    with open_archive(db) as arch:
        arch.ingest([changed])
        arch.embed()
        assert isinstance(arch.store, SQLiteStore)
        rows = arch.store.db.execute(
            "SELECT DISTINCT t.version FROM passages p JOIN transcripts t ON t.id = p.transcript_id"
        ).fetchall()
        assert [r[0] for r in rows] == [2]
        hit = arch.search("interest rates and investors", mode="semantic")[0]
        assert "investors" in hit.snippet


def test_ingest_leaves_words_searchable_and_embedding_to_its_stage(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "<video_id>vidAAAAAAAA</video_id>\n<doc>\n" + TEXTS["vidAAAAAAAA"] + "\n</doc>\n"
    )
    with open_archive(tmp_path / "a.db") as arch:
        arch.ingest([folder])
        assert arch.search("hostages")[0].video_id == "vidAAAAAAAA"
        assert arch.store.passages.passage_count(VERSION) == (0, 0)
        run = arch.embed()
        assert (run.stage, run.version, run.items) == ("embed", VERSION, 1)
        assert arch.embed().items == 0  # nothing left for this version
        states = {s.stage: s for s in arch.stage_states()}
        assert states["embed"].status == "done" and states["embed"].version == VERSION


def test_a_new_embedder_version_reembeds_and_never_mixes_vectors(tmp_path: Path) -> None:
    db = _archive_with(tmp_path, TEXTS)
    with open_archive(db) as arch:
        store = arch.store
        before, _ = store.passages.passage_count(VERSION)
        assert before > 0
        newer = EmbedStage(store, "static-test-2")
        newer_pending = store.passages.unembedded("static-test-2", 0, 10)
        assert len(newer_pending) == 3  # a new version redoes every transcript
        newer.start(None)
        first = newer.pending()[:1]  # an interrupted run: one transcript re-embedded
        newer.save(first, newer.process(first))
        assert store.passages.passage_count("static-test-2")[0] > 0
        assert store.passages.passage_count(VERSION)[0] < before
        # each index holds the vectors of its own version only
        old_index = Indexes(store)
        old_index.sync_vectors()
        new_index = Indexes(store, version="static-test-2")
        new_index.sync_vectors()
        assert len(new_index.semantic._hnsw()) == store.passages.passage_count("static-test-2")[0]
        assert len(old_index.semantic._hnsw()) == store.passages.passage_count(VERSION)[0]
        run = run_stage(store, EmbedStage(store, "static-test-2"))
        assert run.items == 2  # the rest, not the one already done
        assert store.passages.passage_count(VERSION)[0] == 0


def test_semantic_pages_join_up_though_one_video_holds_many_passages(tmp_path: Path) -> None:
    """Regression (review): a long video's many passages filled the nearest passages, so
    "--limit 5 --offset 20" found nothing that "--limit 30" listed."""
    texts = {
        f"vid{n:08d}": f"the weather report {n} and some ceasefire news " * 30 for n in range(1, 8)
    }
    texts["vid00000000"] = "ceasefire talks " * 1500  # 40 passages, each nearer than any other
    db = _archive_with(tmp_path, texts)
    with open_archive(db) as arch:
        every = [h.video_id for h in arch.search("ceasefire", mode="semantic", limit=30)]
        pages = [
            h.video_id
            for start in range(0, 8, 3)
            for h in arch.search("ceasefire", mode="semantic", limit=3, offset=start)
        ]
        assert len(every) == 8 and pages == every


def test_hybrid_adds_only_the_nearest_by_meaning_and_pages_read_as_one_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (web review): hybrid listed every video of the archive, those past the
    SEMANTIC_DEPTH nearest with a score of 0 ("Gaza": 95 hits, 83 by meaning alone, and
    an export of all of them); it is the keyword matches and the nearest by meaning, as
    documented, and a page's order is that of reading all at once."""
    from newsreel.search import engine

    texts = {f"vid{n:08d}": f"the weather report {n} and some market news " * 20 for n in range(9)}
    texts["vidSTOCK001"] = "stock prices fell sharply on the exchange today " * 20
    db = _archive_with(tmp_path, texts)
    monkeypatch.setattr(engine, "SEMANTIC_DEPTH", 3)
    with open_archive(db) as arch:
        every = arch.search("stock prices", mode="hybrid", limit=10)
        pages = [
            h.video_id
            for start in (0, 2)
            for h in arch.search("stock prices", mode="hybrid", limit=2, offset=start)
        ]
    assert every[0].video_id == "vidSTOCK001" and every[0].match == "exact"
    assert 2 <= len(every) <= 4 and all(h.score > 0 for h in every)
    assert pages == [h.video_id for h in every]


def test_hybrid_says_which_hits_hold_only_some_of_the_words(tmp_path: Path) -> None:
    """Regression (review): hybrid hits with some of the query's words were labelled
    "exact", as if they held every word."""
    db = _archive_with(tmp_path, TEXTS)
    with open_archive(db) as arch:
        hits = {h.video_id: h.match for h in arch.search("hostages striker", mode="hybrid")}
    assert hits["vidAAAAAAAA"] == "partial" and hits["vidBBBBBBBB"] == "partial"
