"""Collecting from YouTube with yt-dlp: per video its info JSON, captions and thumbnail,
in a folder ``ingest`` reads (``<channel id>/<ID>.info.json``, ``<ID>.en.json3``...).

Incremental: yt-dlp's download archive (``download-archive.txt`` in the folder) records
each video whose captions were saved, so a rerun fetches only new videos; videos without
captions, failed or live are tried again next time. Polite: a pause between requests,
bounded retries with exponential back-off and jitter on HTTP 429 and 5xx, and a stop at
YouTube's "sign in to confirm you're not a bot". Every video tried gets a line in
``collect-report.jsonl`` (id, status, reason); nothing stops the run but Ctrl-C and the
sign-in check. yt-dlp is imported only here, lazily: it is the ``[youtube]`` extra.
"""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from newsreel.errors import ConfigError, NewsreelError
from newsreel.ingest.formats.ytdlp import (
    clean_message,
    failure_reason,
    is_bot_check,
    is_offline,
    is_transient,
    link,
    live_reason,
    outside_dates,
    pick_captions,
    upload_day,
)
from newsreel.ingest.ytdlp_files import ARCHIVE_NAME, REPORT_NAME
from newsreel.models import CollectItem, CollectSummary

OUTPUT_TEMPLATE = "%(channel_id,uploader_id,uploader|unknown)s/%(id)s.%(ext)s"
OLDER_IN_A_ROW = 5  # a channel lists newest first: this many too old in a row ends it
_MAX_PAUSE = 300.0
_SIGN_IN = (
    "YouTube asks to sign in to confirm this is not a bot; collecting stopped (what finished "
    "is kept). Pass --cookies FILE (cookies.txt of a browser signed in to YouTube) or "
    "--proxy URL, or wait and run the same command again"
)

_OFFLINE = (
    "no network: YouTube's address does not resolve, so collecting stopped (what finished "
    "is kept); check the connection or pass --proxy URL, then run the same command again"
)

Progress = Callable[[CollectSummary], None]


class Downloader(Protocol):
    """The part of ``yt_dlp.YoutubeDL`` that collect uses (tests pass a stand-in)."""

    def __enter__(self) -> Downloader: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> Any: ...

    def extract_info(
        self, url: str, download: bool = ..., ie_key: str | None = ..., *, process: bool = ...
    ) -> Any: ...

    def process_ie_result(self, ie_result: Any, download: bool = ...) -> Any: ...

    def in_download_archive(self, info_dict: Any) -> bool: ...

    def record_download_archive(self, info_dict: Any) -> None: ...


Factory = Callable[[dict[str, Any]], Downloader]


@dataclass(frozen=True, slots=True)
class CollectOptions:
    """What to collect and how politely (``newsreel collect``'s options)."""

    since: date | None = None
    until: date | None = None
    lang: str = "en"
    limit: int | None = None
    sleep: float = 1.0
    cookies: str | None = None
    proxy: str | None = None
    retries: int = 3
    backoff: float = 5.0


def backoff(base: float) -> Callable[[int], float]:
    """Seconds to wait before retry ``n`` (0-based): exponential, capped, with jitter."""

    def pause(n: int) -> float:
        return min(_MAX_PAUSE, base * 2.0**n) * random.uniform(0.5, 1.5)

    return pause


class _Log:
    """yt-dlp's logger: prints nothing, keeps the warnings and errors of the last call."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def debug(self, message: str) -> None:
        pass

    def info(self, message: str) -> None:
        pass

    def warning(self, message: str) -> None:
        self.warnings.append(message)

    def error(self, message: str) -> None:
        self.errors.append(message)

    def clear(self) -> None:
        self.errors.clear()
        self.warnings.clear()

    def last(self) -> str:
        return (self.errors or self.warnings or [""])[-1]


def ytdlp_params(out: Path, options: CollectOptions, logger: Any) -> dict[str, Any]:
    """yt-dlp's options for a collect run into ``out``."""
    pause = backoff(options.backoff)
    params: dict[str, Any] = {
        "paths": {"home": str(out)},
        "outtmpl": {"default": OUTPUT_TEMPLATE},
        "skip_download": True,
        "writeinfojson": True,
        "writethumbnail": True,
        "writesubtitles": True,
        "subtitleslangs": ["all"],  # the tracks pick_captions kept
        "ignore_no_formats_error": True,  # captions need no playable format
        "ignoreerrors": True,
        "download_archive": str(out / ARCHIVE_NAME),
        "logger": logger,
        "quiet": True,
        "noprogress": True,
        "sleep_interval": options.sleep,
        "sleep_interval_requests": options.sleep,
        "sleep_interval_subtitles": options.sleep,
        "retries": options.retries,
        "extractor_retries": options.retries,
        "retry_sleep_functions": {"http": pause, "extractor": pause, "fragment": pause},
    }
    if options.cookies:
        params["cookiefile"] = options.cookies
    if options.proxy is not None:
        params["proxy"] = options.proxy
    return params


def youtube_dl(params: dict[str, Any]) -> Downloader:
    """A ``yt_dlp.YoutubeDL``; a clear error naming the extra when yt-dlp is missing."""
    try:
        from yt_dlp import YoutubeDL
        from yt_dlp.cookies import CookieLoadError
    except ImportError:
        raise ConfigError(
            "collecting from YouTube needs yt-dlp: pip install 'newsreel[youtube]'"
        ) from None
    ydl: Any = YoutubeDL(params)
    try:
        _ = ydl.cookiejar  # load --cookies now: a bad file is one error, not one per video
    except CookieLoadError as exc:
        raise ConfigError(
            f"--cookies {params.get('cookiefile')}: yt-dlp cannot read it "
            f"({exc.__context__ or exc}); export a Netscape-format cookies.txt"
        ) from None
    if params.get("proxy") is None:  # a proxy resolves names itself: not asked then
        ydl.newsreel_online = lambda: _resolves("www.youtube.com")
    downloader: Downloader = ydl
    return downloader


def _resolves(host: str) -> bool:
    """Whether a host name resolves: offline, yt-dlp would retry a channel's listing for
    over a minute before saying so (a proxy resolves names itself: not asked then)."""
    import socket

    try:
        socket.getaddrinfo(host, 443)
    except OSError:
        return False
    return True


def _tail(message: str, most: int = 160) -> str:
    """The end of a long error message, cut at a word, not inside one."""
    text = " ".join(message.split())
    if len(text) <= most:
        return text
    cut = text[-most:]
    return "..." + cut[cut.find(" ") + 1 :] if " " in cut else "..." + cut


class _Stop(NewsreelError):
    """The run ends now: YouTube's sign-in check (``why`` says what to do) or --limit."""

    def __init__(self, why: str | None = None) -> None:
        super().__init__(why or "--limit reached")
        self.why = why


class _Report:
    """``collect-report.jsonl``: a line per video tried, appended as the run goes (so
    Ctrl-C keeps them) and reduced to the latest line per video at the end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = path.open("a", encoding="utf-8")

    def add(self, item: CollectItem) -> None:
        line = {
            "id": item.video_id,
            "status": item.status,
            "reason": item.reason,
            "title": item.title,
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        self.file.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.file.flush()

    def close(self) -> None:
        self.file.close()
        latest: dict[str, str] = {}
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                latest.pop(key := str(json.loads(line)["id"]), None)
            except (ValueError, KeyError, TypeError):
                continue
            latest[key] = line
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_text("".join(f"{line}\n" for line in latest.values()), encoding="utf-8")
        os.replace(temporary, self.path)


@dataclass(slots=True)
class _Tally:
    found: int = 0
    new: int = 0
    downloaded: int = 0
    no_captions: int = 0
    failed: int = 0
    problems: list[CollectItem] = field(default_factory=list)

    def summary(self, folder: Path, **outcome: Any) -> CollectSummary:
        return CollectSummary(
            folder=str(folder),
            found=self.found,
            new=self.new,
            downloaded=self.downloaded,
            no_captions=self.no_captions,
            failed=self.failed,
            problems=tuple(self.problems),
            **outcome,
        )


class _Run:
    """One collect run over one downloader: list, fetch, save, report."""

    def __init__(
        self,
        ydl: Downloader,
        log: _Log,
        options: CollectOptions,
        report: _Report,
        out: Path,
        progress: Progress | None,
    ) -> None:
        self.ydl, self.log, self.options, self.report = ydl, log, options, report
        self.out = out
        self.progress = progress
        self.tally = _Tally()
        self.older: dict[str, int] = {}  # too-old videos in a row, per channel listing
        self.pause = backoff(options.backoff)
        self.online: Callable[[], bool] | None = None  # asked once, before a first request

    def _outcome(self, video_id: str, status: str, reason: str, title: Any = None) -> None:
        item = CollectItem(video_id, status, reason, str(title) if title else None)
        self.report.add(item)
        if status in ("no_captions", "failed"):
            setattr(self.tally, status, getattr(self.tally, status) + 1)
            self.tally.problems.append(item)
        elif status == "downloaded":
            self.tally.downloaded += 1
        self._tick()

    def _tick(self) -> None:
        if self.progress:
            self.progress(self.tally.summary(self.out))

    def _extract(self, url: str, ie_key: str | None) -> tuple[Any, str]:
        """yt-dlp's unprocessed result for a URL, or None and why; retries HTTP 429/5xx.
        Before the first request to YouTube, whether its address resolves: offline,
        yt-dlp would retry a channel's listing for over a minute before saying so (a
        video already collected, or a malformed URL, asks nothing of the network)."""
        if self.online is not None and url.startswith(("http://", "https://")):
            online, self.online = self.online, None
            if not online():
                raise _Stop(_OFFLINE)
        for attempt in range(self.options.retries + 1):
            self.log.clear()
            try:
                result = self.ydl.extract_info(url, False, ie_key, process=False)
            except Exception as exc:  # rare with ignoreerrors; a reason all the same
                result = None
                self.log.error(f"{type(exc).__name__}: {exc}")
            if result is not None:
                return result, ""
            message = self.log.last() or "yt-dlp returned nothing"
            if is_bot_check(message):
                raise _Stop(_SIGN_IN)
            if is_offline(message):
                raise _Stop(f"{_OFFLINE} ({_tail(message)})")
            if not is_transient(message) or attempt == self.options.retries:
                return None, message
            time.sleep(self.pause(attempt))
        return None, "no attempt made"  # only with a negative retries

    def walk(self, result: Any, listing: str | None) -> None:
        """Collect every video of a yt-dlp result: a video, a list of them, or a link."""
        kind = result.get("_type", "video")
        if kind == "video":
            self._video(result, listing)
        elif kind in ("playlist", "multi_video"):
            this = f"{result.get('id') or ''}/{result.get('title') or ''}"  # tabs share an id
            for entry in result.get("entries") or ():
                if self.older.get(this, 0) >= OLDER_IN_A_ROW:
                    break
                if entry:
                    self.walk(entry, this)
        else:  # a link: a video to fetch (unless collected before) or a list to open
            self._link(result, listing)

    def _link(self, stub: dict[str, Any], listing: str | None) -> None:
        if stub.get("id") and self.ydl.in_download_archive(stub):
            self.tally.found += 1
            self._tick()
            return
        if stub.get("id") and self._skip_by_date(stub, listing):
            return
        self._check_limit()
        result, why = self._extract(str(stub["url"]), stub.get("ie_key"))
        if result is None:
            self.tally.found += 1
            self.tally.new += 1
            self._outcome(str(stub.get("id") or stub["url"]), "failed", failure_reason(why))
            return
        self.walk(result, listing)

    def _skip_by_date(self, info: dict[str, Any], listing: str | None) -> bool:
        day, since = upload_day(info), self.options.since
        why = outside_dates(day, since, self.options.until)
        if listing is not None and listing[:2] in ("UC", "UU") and day is not None:
            # a channel lists newest first: count the too-old videos in a row
            too_old = since is not None and day < since
            self.older[listing] = self.older.get(listing, 0) + 1 if too_old else 0
        if why is None:
            return False
        self.tally.found += 1
        self._outcome(str(info["id"]), "skipped", why, info.get("title"))
        return True

    def _check_limit(self) -> None:
        if self.options.limit is not None and self.tally.new >= self.options.limit:
            raise _Stop()

    def _video(self, info: dict[str, Any], listing: str | None) -> None:
        if self.ydl.in_download_archive(info):
            self.tally.found += 1
            self._tick()
            return
        if self._skip_by_date(info, listing):
            return
        self._check_limit()  # first: a run ended by --limit counts only what it tried
        self.tally.found += 1
        self.tally.new += 1
        video_id, title = str(info["id"]), info.get("title")
        if why := live_reason(info):
            self._outcome(video_id, "failed", why, title)
            return
        try:
            self._save(info, video_id, title)
        except _Stop:
            raise
        except Exception as exc:  # one video's surprise never ends the run
            self._outcome(video_id, "failed", f"{type(exc).__name__}: {exc}"[:300], title)

    def _save(self, info: dict[str, Any], video_id: str, title: Any) -> None:
        lang = self.options.lang
        tracks = pick_captions(info.get("subtitles"), info.get("automatic_captions"), lang)
        info["subtitles"], info["automatic_captions"] = tracks, {}
        # YouTube may hold captions back from a client without a PO token: say so
        hint = next((w for w in self.log.warnings if "PO token" in w), None)
        self.log.clear()
        saved = self.ydl.process_ie_result(info, True) or {}
        if is_bot_check(self.log.last()):
            raise _Stop(_SIGN_IN)
        if not tracks:
            why = f"no {lang} captions on YouTube" + (f" ({clean_message(hint)})" if hint else "")
            self._outcome(video_id, "no_captions", why, title)
            return
        requested = saved.get("requested_subtitles") or {}
        files = [t.get("filepath") for t in requested.values() if isinstance(t, dict)]
        if any(f and os.path.isfile(f) for f in files):
            self.ydl.record_download_archive(saved)
            self._outcome(video_id, "downloaded", "", title)
        else:
            message = self.log.last() or "yt-dlp saved no caption file"
            why = f"captions could not be downloaded: {failure_reason(message)}"
            self._outcome(video_id, "failed", why, title)


def collect_videos(
    urls: Sequence[str],
    out: Path,
    options: CollectOptions,
    *,
    progress: Progress | None = None,
    factory: Factory | None = None,
) -> CollectSummary:
    """Collect the videos of channel, playlist, ``@handle`` and video URLs into ``out``.

    Never raises for a video: each outcome goes to the report and the summary. Ctrl-C
    ends the run with what finished kept (``interrupted``); YouTube's sign-in check
    ends it with ``stopped`` saying what to do.
    """
    if options.since and options.until and options.since > options.until:
        raise ConfigError(f"--since {options.since} is after --until {options.until}")
    if options.cookies and not Path(options.cookies).is_file():
        raise ConfigError(f"--cookies {options.cookies}: no such file (export cookies.txt)")
    out.mkdir(parents=True, exist_ok=True)
    log = _Log()
    ydl = (factory or youtube_dl)(ytdlp_params(out, options, log))
    report = _Report(out / REPORT_NAME)
    run = _Run(ydl, log, options, report, out, progress)
    run.online = getattr(ydl, "newsreel_online", None)  # the real downloader's check
    outcome: dict[str, Any] = {}
    try:
        with ydl:
            for url in urls:
                run.walk(link(url), None)
    except KeyboardInterrupt:
        outcome["interrupted"] = True
    except _Stop as stop:
        outcome["stopped"] = stop.why
    finally:
        report.close()
    return run.tally.summary(out, **outcome)
