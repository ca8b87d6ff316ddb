"""The Archive: collect, ingest, run the stages, read videos and counts."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from newsreel.api.analysis import AnalysisMethods
from newsreel.api.entities import EntityMethods
from newsreel.api.outlets import OutletMethods
from newsreel.api.reading import ReadingMethods
from newsreel.entities.stage import EnrichStage, EnrichSummary
from newsreel.ingest.collect import CollectOptions, Factory, collect_videos
from newsreel.ingest.collect import Progress as CollectProgress
from newsreel.ingest.files import InputFile
from newsreel.ingest.reading import DEFAULT_MAX_FILE_SIZE
from newsreel.ingest.runner import Dispatch, Progress, ingest_paths
from newsreel.models import (
    CollectSummary,
    IngestSummary,
    QuarantineItem,
    StageState,
    Stats,
    VideoDetail,
)
from newsreel.pipeline.distributed import (
    PARALLEL_STAGES,
    cluster_client,
    ingest_on_cluster,
    make_stage,
    run_stage_on_cluster,
)
from newsreel.pipeline.stage import StageRun
from newsreel.repair.document import Repaired
from newsreel.repair.stage import RepairStage, RepairSummary
from newsreel.repair.view import from_stored
from newsreel.search.embed import EmbedStage
from newsreel.store.copy import PENDING as COPY_PENDING
from newsreel.store.postgres import is_postgres_url
from newsreel.stories.stage import StoriesStage, StorySummary


class Archive(EntityMethods, OutletMethods, AnalysisMethods, ReadingMethods):
    """A Newsreel archive: ingest, search, read and export."""

    def ingest(
        self,
        paths: Sequence[str | Path] | str | Path,
        *,
        mapping: Mapping[str, str] | None = None,
        jobs: int | None = None,
        progress: Progress | None = None,
        on_start: Callable[[int], None] | None = None,
        on_index: Callable[[int], None] | None = None,
        max_file_size: int = DEFAULT_MAX_FILE_SIZE,
        cluster: str | None = None,
    ) -> IngestSummary:
        """Ingest files and folders; see ``IngestSummary`` for what happened.

        Named pipes, devices, dangling links and files over ``max_file_size`` bytes
        are quarantined with their reason, unopened. ``cluster`` (``local:N`` or
        ``tcp://HOST:8786``) reads and archives the files on Dask workers.
        """
        paths = [paths] if isinstance(paths, str | Path) else paths  # one path, not letters
        with self.writing("ingest"), self._dispatcher(cluster, mapping, progress) as dispatch:
            return ingest_paths(
                self.indexes,
                [Path(p) for p in paths],
                mapping=mapping,
                jobs=jobs,
                progress=progress,
                on_start=on_start,
                on_index=on_index,
                max_file_size=max_file_size,
                dispatch=dispatch,
            )

    def _location(self) -> str:
        """Where workers find this archive: its URL, or its file's absolute path."""
        path = self.store.path
        return path if is_postgres_url(path) else os.path.abspath(path)

    @contextmanager
    def _dispatcher(
        self, cluster: str | None, mapping: Mapping[str, str] | None, progress: Progress | None
    ) -> Iterator[Dispatch | None]:
        """Reading and archiving files on the cluster's workers (None: here)."""
        if cluster is None:
            yield None
            return
        with cluster_client(cluster) as client:

            def dispatch(run_id: int, todo: Sequence[InputFile], size: int) -> IngestSummary:
                return ingest_on_cluster(
                    client, self._location(), run_id, todo, mapping or {}, size, progress
                )

            yield dispatch

    def collect(
        self,
        urls: Sequence[str],
        *,
        out: str | Path | None = None,
        since: date | None = None,
        until: date | None = None,
        lang: str = "en",
        limit: int | None = None,
        sleep: float = 1.0,
        cookies: str | Path | None = None,
        proxy: str | None = None,
        ingest: bool = True,
        progress: CollectProgress | None = None,
        downloader: Factory | None = None,
    ) -> CollectSummary:
        """Collect from YouTube (channel, playlist, @handle, video URLs) with yt-dlp into
        ``out`` (default ``<archive>.collected/``, for a PostgreSQL archive
        ``<database>.collected/`` here): per video its info JSON, captions
        and thumbnail; then ingest that folder unless ``ingest=False`` or interrupted.
        ``downloader(params)`` makes the ``yt_dlp.YoutubeDL`` (tests pass a stand-in)."""
        folder = Path(out) if out is not None else collected_folder(str(self.store.path))
        options = CollectOptions(
            since, until, lang, limit, sleep, str(cookies) if cookies else None, proxy
        )
        summary = collect_videos(urls, folder, options, progress=progress, factory=downloader)
        if not ingest or summary.interrupted:
            return summary
        result = self.ingest([folder])
        return replace(
            summary,
            ingested=result.ingested,
            ingest=result,
            interrupted=result.interrupted,
        )

    def reindex(self, phrase_pairs: bool | None = None) -> int:
        """Rebuild the full-text index, sound-alike vocabulary and vector index from the
        archive's records; return the number of videos indexed. With ``phrase_pairs``,
        rebuild the full-text index alone, with (True) or without (False) the pair terms
        that make phrases of frequent words fast (``search.pairs``); the choice stays
        with the index."""
        with self.writing("reindex"):
            if phrase_pairs is not None:
                return self.indexes.phrase_pairs(phrase_pairs)
            return self.indexes.rebuild()

    def repair(self, progress: Callable[[int, int], None] | None = None) -> RepairSummary:
        """Repair every current transcript that is new or was repaired by an older
        model; ``progress(transcripts, words)`` is called after each batch."""
        stage = RepairStage(self.store)
        run = self._run(stage, progress)
        if run.items:
            with self.writing("repair"):
                self.indexes.sync()  # repaired text replaces the raw words in the index
        return RepairSummary(run.items, run.words, run.seconds, stage.already, stage.version)

    def repaired(self, video_id: str) -> Repaired | None:
        """The repaired transcript of a video (None until ``repair`` has run on it)."""
        video = self.store.videos.get_video(video_id)
        return from_stored(video.repair, video.word_times)

    def enrich(self, progress: Callable[[int, int], None] | None = None) -> EnrichSummary:
        """Find entities, claims and quotes in transcripts that are new or were enriched
        by an older version (repaired text where ``repair`` has run)."""
        stage = EnrichStage(self.store)
        run = self._run(stage, progress)
        return EnrichSummary(run.items, run.words, **stage.counts, seconds=run.seconds)

    def group_stories(
        self, progress: Callable[[int, int], None] | None = None, *, regroup: bool = False
    ) -> StorySummary:
        """Put every video not in a story yet into one (a new story if none is close);
        ``regroup`` starts over."""
        stage = StoriesStage(self.store, self.indexes.term_doc_freqs, regroup=regroup)
        run = self._run(stage, progress)
        stage.summary.seconds = run.seconds
        return stage.summary

    def embed(self, progress: Callable[[int, int], None] | None = None) -> StageRun:
        """Cut transcripts that are new (or embedded by another embedder version) into
        passages, embed them, and bring the vector index up to date."""
        with self.writing("embed"):
            run = self._run(EmbedStage(self.store, self.indexes.version), progress)
            self.indexes.sync_vectors()
        return run

    def process(
        self,
        progress: Callable[[str, int, int], None] | None = None,
        cluster: str | None = None,
    ) -> list[StageRun]:
        """Run every stage in order (repair, enrich, embed, stories), each doing only what
        its version has not done; ``progress(stage, items, words)``. ``cluster``
        (``local:N`` or ``tcp://HOST:8786``) runs repair, enrich and embed on Dask
        workers."""
        if cluster is not None:
            return self._process_on_cluster(progress, cluster)
        runs: list[StageRun] = []
        self.finished_runs = runs  # what an interrupted process had done (the CLI says)
        steps: list[tuple[str, Callable[..., Any]]] = [
            ("repair", self.repair),
            ("enrich", self.enrich),
            ("embed", self.embed),
            ("stories", self.group_stories),
        ]
        with self.writing("process"):
            for name, step in steps:
                report = None if progress is None else functools.partial(progress, name)
                step(report)
                assert self.last_run is not None
                runs.append(self.last_run)
        return runs

    def _process_on_cluster(
        self, progress: Callable[[str, int, int], None] | None, cluster: str
    ) -> list[StageRun]:
        runs: list[StageRun] = []
        with self.writing("process"), cluster_client(cluster) as client:
            for name in PARALLEL_STAGES:
                report = None if progress is None else functools.partial(progress, name)
                stage = make_stage(self.store, name)
                runs.append(
                    run_stage_on_cluster(client, self._location(), self.store, stage, report)
                )
                if name in ("repair", "embed"):  # re-index repaired text; list new vectors
                    self.indexes.sync()
            report = None if progress is None else functools.partial(progress, "stories")
            self.group_stories(report)
            assert self.last_run is not None
            runs.append(self.last_run)
        return runs

    def semantic_notice(self, mode: str) -> str | None:
        """What to tell a user whose semantic or hybrid search cannot find by meaning
        because no passage is embedded yet; None when it can (or for lexical search)."""
        if mode == "lexical" or self.store.passages.passage_count(self.indexes.version)[0]:
            return None
        return (
            "no passages are embedded yet, so nothing is found by meaning: run "
            "'newsreel embed' (or 'newsreel process') on the archive"
        )

    def unfinished_copy(self) -> bool:
        """Whether this archive is the destination of a ``copy`` that did not finish
        (interrupted, or its check failed): running the same copy again finishes it."""
        return bool(self.store.search.state(COPY_PENDING))

    def stage_states(self) -> list[StageState]:
        """How each stage last ran on this archive (version, status, items)."""
        return self.store.stages.states()

    def show(self, video_id: str, version: int | None = None) -> VideoDetail:
        """Return one video with its current transcript (or transcript ``version``, one
        of ``versions``) and its versions."""
        return self.store.videos.get_video(video_id, version)

    def source_bytes(self, video_id: str, version: int | None = None) -> bytes:
        """Return the original file bytes the video's current transcript (or transcript
        ``version``) came from."""
        return self.store.videos.source_bytes(video_id, version)

    def stats(self) -> Stats:
        """Return archive-wide counts, with quarantined files no longer there and each
        stage's state (as ``newsreel stats --json`` and ``/api/v1/stats`` give them)."""
        stats = self.store.videos.stats()
        gone = len(self.quarantined_gone()) if stats.quarantined else 0
        return replace(stats, quarantined_missing=gone, stages=tuple(self.stage_states()))

    def quarantined(self) -> list[QuarantineItem]:
        """Return every input that could not be read, with the reason."""
        return self.store.videos.quarantined()

    def quarantined_gone(self) -> list[str]:
        """The paths of quarantine entries whose files are no longer there (moved or
        deleted since: a rerun cannot retry them)."""
        return sorted({q.path for q in self.quarantined() if not os.path.lexists(q.path)})

    def forget_missing_quarantine(self) -> int:
        """Forget the quarantine entries of files no longer there (their bytes stay in
        the archive); returns how many entries went."""
        with self.writing("forget quarantine entries"):
            gone = self.quarantined_gone()
            return self.store.videos.forget_quarantined(gone) if gone else 0


def collected_folder(archive: str) -> Path:
    """Where ``collect`` puts its files by default: beside a SQLite archive, and for a
    PostgreSQL one a folder named after its database in the working directory (never
    the URL, which may hold a password)."""
    if not is_postgres_url(archive):
        return Path(f"{archive}.collected")
    name = unquote(urlsplit(archive).path.strip("/")) or "newsreel"
    return Path(f"{Path(name).name}.collected")
