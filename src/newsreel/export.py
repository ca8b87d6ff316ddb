"""Write archive rows as CSV, JSON Lines or Parquet, streaming: one row per video, per
row of an enrichment table, or per passage."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from newsreel.errors import ConfigError
from newsreel.rows import PassageRow
from newsreel.store.sql import EXPORT_COLUMNS

FORMATS = ("csv", "jsonl", "parquet")
_PARQUET_BATCH = 1000


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


EXTRA_PREFIX = "extra."
_INTEGER = (
    "version",
    "versions",
    "words",
    "first_word",
    "end_word",
    "entity_id",
    "mentions",
    "rank",
)
_FLOAT = ("duration_seconds", "value", "start_seconds", "end_seconds")
_DATE = ("publish_date",)  # ISO dates: Parquet date32 (pandas reads dates)
_TIMESTAMP = ("ingested_at",)  # ISO times with their offset: Parquet UTC timestamps
_BOOL = ("timed",)
# Beyond this many distinct ``extra`` keys (one wide source table can bring 100,000),
# ``extra`` stays one JSON column: the column set of an export stays bounded and stable.
MAX_EXTRA_COLUMNS = 64
# OWASP CSV injection: a cell starting with one of these is a formula to a spreadsheet.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def table_columns(extra_keys: Iterable[str]) -> list[str]:
    """Export columns: the archive's, one per ``extra`` key (or one ``extra`` JSON column
    when there are more than ``MAX_EXTRA_COLUMNS``), the repaired text (punctuated and
    cased; empty before ``newsreel repair``) and the transcript (as ingested) last."""
    base = [c for c in EXPORT_COLUMNS if c not in ("extra", "repaired", "transcript")]
    keys = list(extra_keys)
    if len(keys) > MAX_EXTRA_COLUMNS:
        return [*base, "extra", "repaired", "transcript"]
    return [*base, *(EXTRA_PREFIX + k for k in keys), "repaired", "transcript"]


def flatten(rows: Iterable[dict[str, Any]], columns: list[str]) -> Iterator[dict[str, Any]]:
    """Spread each row's ``extra`` JSON over ``extra.<key>`` columns (None when absent),
    or keep it as one JSON column when ``columns`` has ``extra``."""
    if "extra" in columns:
        yield from rows
        return
    wanted = [c[len(EXTRA_PREFIX) :] for c in columns if c.startswith(EXTRA_PREFIX)]
    for row in rows:
        extra = json.loads(row.pop("extra") or "{}")
        for key in wanted:
            value = extra.get(key)
            row[EXTRA_PREFIX + key] = None if value is None else str(value)
        yield {c: row.get(c) for c in columns}  # in column order: JSON Lines keep it too


PASSAGE_COLUMNS = list(PassageRow.__dataclass_fields__)


def passage_records(rows: Iterable[PassageRow], fmt: str) -> Iterator[dict[str, Any]]:
    """Passages as export rows: JSON Lines keep lists as lists; in CSV and Parquet a
    list (matched terms, heard as, matches) is one cell of JSON text."""
    for row in rows:
        data = row.to_dict()
        if fmt != "jsonl":
            for name in ("matched_terms", "heard_as", "matches"):
                data[name] = json.dumps(data[name], ensure_ascii=False)
        yield data


def neutralise(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, made inert with a leading "'";
    not a word that only starts with "-" (a YouTube id, "-0qOzx3URO4": letters, digits,
    "_" and "-" call nothing), so ids stay as YouTube and the other exports write them."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _BARE.match(value):
        return "'" + value
    return value


_BARE = re.compile(r"^-[A-Za-z0-9_-]+$")


STREAMED = ("csv", "jsonl")


def stream_rows(
    rows: Iterable[dict[str, Any]], columns: list[str], fmt: str, *, raw_csv: bool = False
) -> Iterator[str]:
    """Rows as CSV (header first) or JSON Lines, one text chunk per row. CSV cells that
    start like a formula are neutralised unless ``raw_csv``."""
    if fmt not in STREAMED:
        raise ConfigError(f"cannot stream {fmt!r}; choose one of {', '.join(STREAMED)}")
    if fmt == "jsonl":
        flags = [name for name in _BOOL if name in columns]  # true/false, as Parquet has
        for row in rows:
            for name in flags:
                if row.get(name) is not None:
                    row[name] = bool(row[name])
            yield json.dumps(row, ensure_ascii=False) + "\n"
        return
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    yield _drain(buffer)
    for row in rows:
        writer.writerow(row if raw_csv else {k: neutralise(v) for k, v in row.items()})
        yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


STDOUT = Path("/dev/stdout")  # "-o -": written to the process's standard output as it is


def write_rows(
    rows: Iterable[dict[str, Any]],
    columns: list[str],
    fmt: str,
    path: Path,
    *,
    raw_csv: bool = False,
) -> int:
    """Write rows to ``path`` in ``fmt``; return how many rows were written. CSV cells
    that start like a formula are neutralised unless ``raw_csv``."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if not path.parent.is_dir():  # a typo must not make folders ("/nonexistent/dir")
        what = "is a file, not a folder" if path.parent.exists() else "does not exist"
        raise ConfigError(f"{path}: cannot write it: {path.parent} {what}")
    try:
        if fmt not in STREAMED:
            return _write_parquet(rows, columns, path)
        count = 0
        if path == STDOUT:  # appended where it points ("-o - >> all.csv"), never truncated
            for chunk in stream_rows(rows, columns, fmt, raw_csv=raw_csv):
                sys.stdout.write(chunk)
                count += 1
            sys.stdout.flush()
            return count - (fmt == "csv")
        with path.open("w", encoding="utf-8", newline="") as handle:
            for chunk in stream_rows(rows, columns, fmt, raw_csv=raw_csv):
                handle.write(chunk)
                count += 1
        return count - (fmt == "csv")  # the header is no row
    finally:  # a reader gone ("| head") stops the rows now, while their archive is open
        close = getattr(rows, "close", None)
        if close is not None:
            close()


def _write_parquet(rows: Iterable[dict[str, Any]], columns: list[str], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, _arrow_type(name)) for name in columns])
    typed = [name for name in columns if name in (*_DATE, *_TIMESTAMP, *_BOOL)]
    count = 0
    with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
        for chunk in _chunks(rows, _PARQUET_BATCH):
            for row in chunk if typed else ():
                for name in typed:
                    row[name] = _typed(name, row.get(name))
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            count += len(chunk)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count


def frame_types(columns: Iterable[str]) -> dict[str, str]:
    """The pandas dtypes of a frame's typed export columns, so that an empty frame
    (no rows: every column "object") concatenates with a full one keeping them."""
    types = {"float64": _FLOAT, "int64": _INTEGER, "bool": _BOOL}
    return {c: t for c in columns for t, names in types.items() if c in names}


def _arrow_type(name: str) -> Any:
    """The Parquet type of an export column: numbers, dates, times and flags typed (as
    pandas wants them), the rest text."""
    import pyarrow as pa

    if name in _FLOAT:
        return pa.float64()
    if name in _INTEGER:
        return pa.int64()
    if name in _DATE:
        return pa.date32()
    if name in _TIMESTAMP:
        return pa.timestamp("us", tz="UTC")
    if name in _BOOL:
        return pa.bool_()
    return pa.string()


def _typed(name: str, value: Any) -> Any:
    """A typed column's value as Parquet takes it (the rows hold ISO text and 0/1)."""
    if value is None or value == "":
        return None
    if name in _DATE:
        return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    if name in _TIMESTAMP:
        return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return bool(value)
