"""Readers for the gold data repair is trained and measured on.

- IWSLT punctuation files: ``token<TAB>O|COMMA|PERIOD|QUESTION``, one token a line.
- Broadcast rush transcripts: ``SPEAKER, ROLE: text`` lines (fox_msnbc_raw) or
  ``Name: X ; ... ; Dialogue: text`` lines (cnn_cleaned), with stage directions.
- Caption pairs: ``{autogen: {vid: [{text,start,duration}]}, manual: {...}}``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from newsreel.errors import ConfigError
from newsreel.repair.labels import PUNCT

_SPEAKER = re.compile(r"^(?P<who>[A-Z][A-Z .'\-]+(?:\([^)]*\))?)(?:,[^:]{0,80})?:\s*")
_STAGE = re.compile(r"\((?:[A-Z ,'\-]+)\)|\[[^\]]*\]")
_CNN = re.compile(r"^Name:\s*(?P<who>[^;(]+).*?Dialogue:\s*(?P<text>.*)$")
_SKIP = ("Show:", "Watch Videos", "Date:", "Guest:")


def read_iwslt(path: Path) -> tuple[list[str], list[str]]:
    """Tokens and labels of an IWSLT-format file; a bad line is an error naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the gold file ({exc})") from None
    words: list[str] = []
    labels: list[str] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) < 2 or parts[1].strip() not in PUNCT:  # empty tokens occur in real gold
            raise ConfigError(
                f"{path}: line {number} is not 'token<TAB>O|COMMA|PERIOD|QUESTION': {line[:60]!r}"
            )
        words.append(parts[0].strip())
        labels.append(parts[1].strip())
    if not words:
        raise ConfigError(f"{path}: no tokens (expected IWSLT 'token<TAB>LABEL' lines)")
    return words, labels


def broadcast_turns(path: Path) -> list[tuple[str | None, str]]:
    """(speaker label or None, spoken text) per line of a broadcast transcript."""
    out: list[tuple[str | None, str]] = []
    cnn = "cnn_cleaned" in path.parts
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        who: str | None = None
        if cnn:
            match = _CNN.search(line)
            if not match:
                continue
            who, line = match.group("who").strip(), match.group("text")
        elif line.startswith(_SKIP) or line.isupper():
            continue
        else:
            match = _SPEAKER.match(line)
            if match:
                who, line = match.group("who").strip(), line[match.end() :]
        line = _STAGE.sub(" ", line).replace("`", "'").strip()
        if line:
            out.append((who, line))
    return out


def caption_pairs(folder: Path) -> list[tuple[str, str, str]]:
    """(video id, auto-caption text, human caption text) of every pair in ``folder``."""
    if not folder.is_dir():
        raise ConfigError(f"{folder}: not a folder of caption-pair JSON files")
    files = sorted(folder.glob("*.json"))
    if not files:
        raise ConfigError(f"{folder}: no caption-pair .json files")
    out = []
    for path in files:
        try:
            data: Any = json.loads(path.read_text(encoding="utf-8"))
            auto, manual = data["autogen"], data["manual"]
            for vid in sorted(set(auto) & set(manual)):
                out.append(
                    (
                        vid,
                        " ".join(c["text"] for c in auto[vid]),
                        " ".join(c["text"] for c in manual[vid]),
                    )
                )
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not caption-pair JSON ({exc})") from None
        except (KeyError, TypeError) as exc:
            raise ConfigError(
                f"{path}: caption-pair JSON needs 'autogen' and 'manual' maps of video id to "
                f"[{{text, start, duration}}] (missing {exc})"
            ) from None
    return out
