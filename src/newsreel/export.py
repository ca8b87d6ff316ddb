"""Write archive rows as CSV, JSON Lines or Parquet, streaming, one row per video."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from newsreel.errors import ConfigError
from newsreel.store.sql import EXPORT_COLUMNS

FORMATS = ("csv", "jsonl", "parquet")
_PARQUET_BATCH = 1000


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, path: Path) -> int:
    """Write rows to ``path`` in ``fmt``; return how many rows were written."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    if fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=EXPORT_COLUMNS)
            writer.writeheader()
            for row in rows:
                writer.writerow(row)
                count += 1
    elif fmt == "jsonl":
        with path.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
    else:
        count = _write_parquet(rows, path)
    return count


def _write_parquet(rows: Iterable[dict[str, Any]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            (
                name,
                pa.float64()
                if name == "duration_seconds"
                else pa.int64()
                if name in ("version", "versions", "words", "timed")
                else pa.string(),
            )
            for name in EXPORT_COLUMNS
        ]
    )
    count = 0
    with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
        for chunk in _chunks(rows, _PARQUET_BATCH):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            count += len(chunk)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count
