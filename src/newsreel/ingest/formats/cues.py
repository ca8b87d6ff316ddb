"""WebVTT and SRT: blocks of a timing line ('start --> end') and text lines.

Our own reader rather than webvtt-py/srt: errors must name the line, and YouTube's
rolling VTT carries inline ``<00:00:01.500><c> word</c>`` word timings we keep.
"""

from __future__ import annotations

import re

from newsreel.errors import BadInputError
from newsreel.ingest.formats.metadata import names_from_filename
from newsreel.ingest.formats.timed import decode_cue_text, timed_record
from newsreel.models import Record, Segment
from newsreel.repair.rolling import Cue

# Hours have at most 9 digits: a longer run is not a time (and would overflow a float).
_TIME = r"(?:(\d{1,9}):)?(\d{1,2}):(\d{2})[.,](\d{1,3})"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}")
_INLINE = re.compile(r"<(\d{1,9}:)?(\d{1,2}):(\d{2})\.(\d{1,3})>")
_TAG = re.compile(r"</?[a-zA-Z][^>\n]*>")
_VOICE = re.compile(r"<v(?:\.[^ >]+)?\s+([^>]+)>")
_STYLE = re.compile(r"\{\\[^{}\n]*\}")  # SRT's ASS-style codes: "{\an8}", "{\i1}"
# A cue's start with no timing line after it: its number, or a timing cut off.
_CUT = re.compile(r"^\d{1,9}(?::[\d:.,]*)?(?:\s*-[->]*\s*[\d:.,]*)?$")


def _seconds(h: str | None, m: str, s: str, frac: str) -> float:
    millis = ((int(h or 0) * 60 + int(m)) * 60 + int(s)) * 1000 + int(frac.ljust(3, "0"))
    return millis / 1000


def _cue_words(
    text: str, voice: list[str] | None = None
) -> tuple[tuple[str, ...], tuple[float | None, ...]]:
    """Split cue text into words, keeping inline timestamps as word start times. A
    WebVTT voice (``<v Lyse Doucet>``) is written ">> Lyse Doucet:" where the speaker
    changes, once: ``voice`` holds the last one of the cues before (not on every cue
    she speaks)."""
    voice = voice if voice is not None else []

    def spoken(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        if voice and voice[-1] == name:
            return " "
        voice[:] = [name]
        return f">> {name}: "

    words: list[str] = []
    times: list[float | None] = []
    pending: float | None = None
    for piece in re.split(r"(<\d*:?\d{1,2}:\d{2}\.\d{1,3}>)", text):
        stamp = _INLINE.fullmatch(piece)
        if stamp:
            h, m, s, frac = stamp.groups()
            pending = _seconds(h.rstrip(":") if h else None, m, s, frac)
            continue
        plain = decode_cue_text(_STYLE.sub("", _TAG.sub("", _VOICE.sub(spoken, piece))))
        for n, word in enumerate(plain.split()):
            words.append(word)
            times.append(pending if n == 0 else None)
        if plain.split():
            pending = None
    return tuple(words), tuple(times)


def parse_cues(text: str, *, kind: str) -> tuple[list[Segment], list[Cue]]:
    """Parse a VTT (``kind='vtt'``) or SRT (``kind='srt'``) document into cues; see
    ``read_cues``, which also says whether the file looks cut short."""
    segments, cues, _ = read_cues(text, kind=kind)
    return segments, cues


def read_cues(text: str, *, kind: str) -> tuple[list[Segment], list[Cue], str | None]:
    """Parse a VTT (``kind='vtt'``) or SRT (``kind='srt'``) document into cues.

    Text after a blank line inside a cue, up to the next cue's number or identifier and
    timing line, is the cue's still (an SRT cue with a blank line in it); an SRT cue
    number written right after the text before it, with no blank line, is no word.

    The third value says why the file looks cut short (None when it does not): it
    ends with a cue's number or a part of a timing line, which is then no word."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = _cut_short(lines)
    if cut is not None:
        lines = lines[: cut[0]]
    if kind == "vtt" and not lines[0].lstrip("\ufeff").startswith("WEBVTT"):
        raise BadInputError("a WebVTT file must start with 'WEBVTT'", line=1)
    segments: list[Segment] = []
    cues: list[Cue] = []
    voice: list[str] = []  # the speaker of the cues so far (WebVTT's <v Name>)
    for start, end, body in _blocks(lines):
        words, times = _cue_words(" ".join(body), voice)
        segments.append(Segment(start, end, "\n".join(body)))
        if words:
            cues.append(Cue(start, end, words, times))
    if not segments:
        raise BadInputError(f"no timed cues found: this is not a readable {kind.upper()} file")
    if cut is None:
        return segments, cues, None
    return (
        segments,
        cues,
        (
            f"the file looks cut short: it ends with {cut[1]!r}, the start of a cue with "
            f"no words; the {len(segments)} cues before it are kept"
        ),
    )


def _blocks(lines: list[str]) -> list[tuple[float, float, list[str]]]:
    """Each cue's start, end and text lines; raises ``BadInputError`` naming the line
    of a timing that cannot be read."""
    blocks: list[tuple[float, float, list[str]]] = []
    i = 0
    aside = False  # inside a VTT NOTE, STYLE or REGION block
    while i < len(lines):
        match = _TIMING.match(lines[i])
        if not match:
            if "-->" in lines[i]:
                raise BadInputError(f"unreadable cue timing {lines[i].strip()!r}", line=i + 1)
            aside = (aside and lines[i] != "") or lines[i].startswith(_ASIDES)
            if blocks and not aside and _stray(lines, i):
                blocks[-1][2].append(lines[i])
            i += 1
            continue
        g = match.groups()
        start, end = _seconds(*g[:4]), _seconds(*g[4:])
        if end < start:
            raise BadInputError("a cue ends before it starts", line=i + 1)
        i += 1
        body: list[str] = []
        # A cue ends at an empty line; YouTube starts cues with a line of one space.
        while i < len(lines) and lines[i] != "" and not _TIMING.match(lines[i]):
            body.append(lines[i])
            i += 1
        if body and i < len(lines) and _TIMING.match(lines[i]) and body[-1].strip().isdigit():
            body.pop()  # "2" of the next cue, with no blank line before it
        blocks.append((start, end, body))
    return blocks


def _cut_short(lines: list[str]) -> tuple[int, str] | None:
    """Where the file's last block starts, and its text, when that block is only a
    cue's start (its number, a timing line, or a part of either) with no words after
    it; None when the file ends with a whole cue."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled:
        return None
    start = filled[-1]
    while start > 0 and lines[start - 1].strip():
        start -= 1
    tail = [line.strip() for line in lines[start : filled[-1] + 1]]
    if start == 0 or len(tail) > 2 or not all(_CUT.match(line) for line in tail):
        return None
    return start, " ".join(tail)


_ASIDES = ("NOTE", "STYLE", "REGION")


def _stray(lines: list[str], i: int) -> bool:
    """Whether non-empty line ``i`` between cues is cue text (kept with the cue before),
    not the next cue's number or identifier (a line right before a timing line)."""
    if not lines[i].strip():
        return False
    return not (i + 1 < len(lines) and _TIMING.match(lines[i + 1]))


def parse_caption_file(text: str, *, kind: str, name: str) -> Record:
    """Parse a VTT or SRT file; id, language and title come from a yt-dlp style name,
    the language else from a WebVTT header's "Language: de" (YouTube writes one)."""
    segments, cues, cut = read_cues(text, kind=kind)
    video_id, language, title = names_from_filename(name)
    if language is None and kind == "vtt":
        language = header_language(text)
    extra = {"cut_short": cut} if cut else None
    return timed_record(
        cues, segments, video_id=video_id, title=title, language=language, extra=extra
    )


_HEADER_LANGUAGE = re.compile(r"^Language:\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\s*$")


def header_language(text: str) -> str | None:
    """The language a WebVTT header names ("Language: de"), if any: the header is the
    lines after "WEBVTT" up to the first blank line."""
    for line in text.replace("\r\n", "\n").split("\n")[1:]:
        if not line.strip():
            return None
        found = _HEADER_LANGUAGE.match(line.strip())
        if found:
            return found.group(1)
    return None
