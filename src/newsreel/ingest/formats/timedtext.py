"""YouTube timed-text XML (srv1, srv2, srv3) and TTML, read with a hardened parser.

- srv1: ``<transcript><text start="1.2" dur="2.5">words</text>`` (seconds; the text is
  often HTML-escaped twice, ``&amp;#39;``);
- srv2: ``<timedtext><text t="1200" d="2500">words</text>`` (milliseconds);
- srv3: ``<timedtext format="3"><body><p t="1200" d="2500"><s>word</s><s t="480">
  word</s></p>`` (milliseconds; ``<s t>`` is a word's offset from its ``<p>``);
- TTML/DFXP: ``<tt><body><div><p begin="00:00:01.200" end="00:00:03.700">`` with
  clock times, ``1.2s``/``1200ms`` offsets, frames or ticks.
"""

from __future__ import annotations

import math
import re
from xml.etree.ElementTree import Element

from newsreel.errors import BadInputError
from newsreel.ingest.formats.archive_org import archive_meta, describe_meta
from newsreel.ingest.formats.captions_json import NotATranscriptError
from newsreel.ingest.formats.metadata import names_from_filename
from newsreel.ingest.formats.timed import decode_cue_text, seconds, span, timed_record
from newsreel.ingest.formats.xmldoc import XML_LANG, attribute, flat_text, local_name, parse_xml
from newsreel.models import Record, Segment
from newsreel.repair.rolling import Cue

_CLOCK = re.compile(r"^(\d+):(\d{2}):(\d{2})(?:(\.\d+)|:(\d+(?:\.\d+)?))?$")
_OFFSET = re.compile(r"^(\d+(?:\.\d+)?)(h|ms|m|s|f|t)$")
_UNIT_SECONDS = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001}


def is_timed_text(root: Element) -> bool:
    """True for a YouTube timed-text or TTML document root."""
    return local_name(root) in ("transcript", "timedtext", "tt")


def parse_timed_text(text: str, *, name: str) -> Record:
    """Parse a timed-text document; id, language and title come from the file name."""
    return read_timed_text(parse_xml(text), name=name)


def parse_xml_document(text: str, *, name: str) -> Record:
    """Parse an ``.xml`` file: timed text is read; archive.org ``_meta.xml`` and other
    XML documents raise ``NotATranscriptError`` saying what they are."""
    root = parse_xml(text)
    if is_timed_text(root):
        return read_timed_text(root, name=name)
    meta = archive_meta(root)
    if meta is not None:
        raise NotATranscriptError(describe_meta(meta))
    raise NotATranscriptError(
        f"an XML document with root <{local_name(root)}>, not timed text or archive.org metadata"
    )


def read_timed_text(root: Element, *, name: str) -> Record:
    """Build a record from a parsed timed-text document; ``BadInputError`` if it is not."""
    tag = local_name(root)
    language = None
    if tag == "tt":
        segments, cues = _ttml_cues(root)
        language = root.get(XML_LANG)
    elif tag == "transcript" or (tag == "timedtext" and not _srv3(root)):
        segments, cues = _text_cues(root)
    elif tag == "timedtext":
        segments, cues = _srv3_cues(root)
    else:
        raise BadInputError(
            f"an XML document with root <{tag}>, not timed text: expected YouTube's "
            "<transcript> (srv1), <timedtext> (srv2, srv3) or TTML's <tt>"
        )
    if not segments:
        raise BadInputError("no timed cues found: this is not readable timed text")
    video_id, file_language, title = names_from_filename(name)
    return timed_record(
        cues, segments, video_id=video_id, title=title, language=file_language or language
    )


def _number(element: Element, key: str, index: int, scale: float = 1.0) -> float:
    raw = element.get(key)
    try:
        value = float(raw) * scale if raw is not None else None
    except ValueError:
        value = None
    if value is None or not math.isfinite(value) or value < 0:
        found = "none" if raw is None else repr(raw)
        unit = "milliseconds" if scale != 1.0 else "seconds"
        hint = " (srv1 gives start= and dur= in seconds)" if key == "t" else ""
        raise BadInputError(
            f"cue {index} needs a number of {unit} in {key}= (found {found}){hint}",
            locator=f"cue {index}",
        )
    return value


def _cue(start: float, end: float, raw: str, index: int) -> tuple[Segment, Cue]:
    span(start, end, f"cue {index}")
    return Segment(start, end, raw), Cue.from_text(start, end, decode_cue_text(raw))


def _text_cues(root: Element) -> tuple[list[Segment], list[Cue]]:
    """srv1 (``start``/``dur`` in seconds) and srv2 (``t``/``d`` in milliseconds)."""
    segments, cues = [], []
    items = [e for e in root.iter() if local_name(e) == "text"]
    for index, item in enumerate(items, start=1):
        if "start" in item.attrib:
            start = _number(item, "start", index)
            length = _number(item, "dur", index) if "dur" in item.attrib else 0.0
        else:
            start = _number(item, "t", index, 0.001)
            length = _number(item, "d", index, 0.001) if "d" in item.attrib else 0.0
        segment, cue = _cue(start, start + length, flat_text(item), index)
        segments.append(segment)
        if cue.words:
            cues.append(cue)
    return segments, cues


def _srv3(root: Element) -> bool:
    return root.get("format") == "3" or any(local_name(e) == "p" for e in root.iter())


def _srv3_cues(root: Element) -> tuple[list[Segment], list[Cue]]:
    segments, cues = [], []
    paragraphs = [e for e in root.iter() if local_name(e) == "p"]
    for index, p in enumerate(paragraphs, start=1):
        start = _number(p, "t", index, 0.001)
        end = start + (_number(p, "d", index, 0.001) if "d" in p.attrib else 0.0)
        raw = flat_text(p)
        if not raw.strip():  # srv3 keeps empty <p> lines for the caption window
            continue
        segment, _ = _cue(start, end, raw, index)
        words: list[str] = []
        times: list[float | None] = []
        pieces = [(p.text or "", None)] + [
            (flat_text(s) + (s.tail or ""), s.get("t")) for s in p if local_name(s) != "br"
        ]
        for piece, offset in pieces:
            at = start + _offset_seconds(offset, index) if offset is not None else None
            for n, word in enumerate(decode_cue_text(piece).split()):
                words.append(word)
                times.append(at if n == 0 else None)
        segments.append(segment)
        cues.append(Cue(start, end, tuple(words), tuple(times)))
    return segments, cues


def _offset_seconds(offset: str, index: int) -> float:
    return seconds(offset, "a word offset (t=)", f"cue {index}") / 1000


def _rate(root: Element, name: str, default: float) -> float:
    """``ttp:frameRate`` or ``ttp:tickRate``: a finite number above 0 (it divides)."""
    raw = attribute(root, name)
    if raw is None or not raw.strip():
        return default
    try:
        rate = float(raw)
    except ValueError:
        rate = math.nan
    if not math.isfinite(rate) or rate <= 0:
        raise BadInputError(f"the document's {name} is not a number above 0: {raw[:40]!r}")
    return rate


def _ttml_cues(root: Element) -> tuple[list[Segment], list[Cue]]:
    frame_rate = _rate(root, "frameRate", 30.0)
    # TTML's default tick rate: the frame rate where one is given, else 1 per second.
    given = attribute(root, "frameRate") is not None
    tick_rate = _rate(root, "tickRate", frame_rate if given else 1.0)
    segments, cues = [], []
    paragraphs = [e for e in root.iter() if local_name(e) == "p"]
    for index, p in enumerate(paragraphs, start=1):
        begin, end, dur = p.get("begin"), p.get("end"), p.get("dur")
        if begin is None:
            raise BadInputError(f"cue {index} has no begin= time", locator=f"cue {index}")
        start = _ttml_time(begin, index, frame_rate, tick_rate)
        if end is not None:
            stop = _ttml_time(end, index, frame_rate, tick_rate)
        else:
            stop = start + (_ttml_time(dur, index, frame_rate, tick_rate) if dur else 0.0)
        segment, cue = _cue(start, stop, flat_text(p), index)
        segments.append(segment)
        if cue.words:
            cues.append(cue)
    return segments, cues


def _ttml_time(value: str, index: int, frame_rate: float, tick_rate: float) -> float:
    """A TTML time expression in seconds: ``00:00:01.5``, ``00:00:01:12``, ``1.5s``, ``15t``."""
    where = f"cue {index}"
    try:
        found = _ttml_seconds(value.strip(), frame_rate, tick_rate)
    except (ValueError, OverflowError):  # more digits than a number holds
        found = math.inf
    if found is None:
        raise BadInputError(
            f"cue {index} has a time TTML does not allow: {value[:40]!r} "
            "(expected e.g. 00:00:01.500, 1.5s or 1500ms)",
            locator=where,
        )
    return seconds(found, "time", where)


def _ttml_seconds(value: str, frame_rate: float, tick_rate: float) -> float | None:
    clock = _CLOCK.match(value)
    if clock:
        hours, minutes, secs, fraction, frames = clock.groups()
        total = int(hours) * 3600 + int(minutes) * 60 + int(secs)
        whole = float(f"{total}{fraction or ''}")  # "2.869", not 2 + 0.869 = 2.86899...
        return whole + (float(frames) / frame_rate if frames else 0.0)
    offset = _OFFSET.match(value)
    if offset:
        amount, unit = float(offset.group(1)), offset.group(2)
        if unit == "f":
            return amount / frame_rate
        if unit == "t":
            return amount / tick_rate
        return amount * _UNIT_SECONDS[unit]
    return None
