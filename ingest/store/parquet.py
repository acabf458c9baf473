"""Parquet through pyarrow: typed columns, one file or a Hive-partitioned folder.

A path ending in ``.parquet`` is one file; anything else is a folder partitioned by ``source``
and ``published_date`` (``source=korrespondent/published_date=2026-11-20/part-0.parquet``; articles
without a publication time under ``published_date=unknown``). The schema version is in every
file's metadata (``ingest.schema_version``) and in the ``schema_version`` column.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from ingest import atomic
from ingest.article import SCHEMA_VERSION
from ingest.store.base import StoredArticle
from ingest.store.export_row import ExportError, rows

_BATCH = 2000
_TIME = pa.timestamp("us", tz="UTC")
_IMAGE = pa.struct([("url", pa.string()), ("caption", pa.string()), ("credit", pa.string())])
_TYPES: dict[str, pa.DataType] = {
    "authors": pa.list_(pa.string()),
    "tags": pa.list_(pa.string()),
    "images": pa.list_(_IMAGE),
    "translations": pa.list_(pa.string()),
    "published_at": _TIME,
    "modified_at": _TIME,
    "fetched_at": _TIME,
    "first_stored_at": _TIME,
    "changed_at": _TIME,
    "schema_version": pa.int32(),
    "revision": pa.int32(),
}
METADATA: dict[bytes | str, bytes | str] = {b"ingest.schema_version": str(SCHEMA_VERSION).encode()}


def arrow_schema(names: list[str], partitioned: bool) -> pa.Schema:
    """The export's Arrow schema: strings unless typed above, plus the partition column."""
    fields = [pa.field(n, _TYPES.get(n, pa.string())) for n in names]
    if partitioned:
        fields.append(pa.field("published_date", pa.string()))
    return pa.schema(fields, metadata=METADATA)


def check_target(out: Path) -> None:
    """A folder target must be new or empty: an export never mixes with older files."""
    if out.suffix != ".parquet" and out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ExportError(f"{out}: exists and is not an empty folder; choose a new one")


def write_parquet(stored: Iterator[StoredArticle], out: Path) -> int:
    """Write ``stored`` to ``out`` (a .parquet file or a folder); the number of rows."""
    check_target(out)
    partitioned = out.suffix != ".parquet"
    from ingest.article import Article

    names = [*Article.__dataclass_fields__, "revision", "first_stored_at", "changed_at"]
    schema = arrow_schema(names, partitioned)
    count = 0

    def batches() -> Iterator[pa.RecordBatch]:
        nonlocal count
        chunk: list[dict[str, Any]] = []
        for item in stored:
            chunk.append(_typed(rows(item), partitioned))
            if len(chunk) >= _BATCH:
                count += len(chunk)
                yield pa.RecordBatch.from_pylist(chunk, schema=schema)
                chunk = []
        count += len(chunk)
        if chunk or not count:
            yield pa.RecordBatch.from_pylist(chunk, schema=schema)

    try:
        # Written under a temporary name beside ``out``, renamed into place when complete.
        with atomic.replacing(out, folder=partitioned) as temp:
            _write(batches(), temp, schema, partitioned)
    except (OSError, pa.ArrowException) as exc:
        raise ExportError(f"{out}: cannot write ({exc})") from exc
    return count


def _write(
    batches: Iterator[pa.RecordBatch], out: Path, schema: pa.Schema, partitioned: bool
) -> None:
    if partitioned:
        ds.write_dataset(
            batches,
            out,
            schema=schema,
            format="parquet",
            partitioning=["source", "published_date"],
            partitioning_flavor="hive",
            existing_data_behavior="overwrite_or_ignore",
        )
    else:
        with pq.ParquetWriter(out, schema) as writer:
            for batch in batches:
                writer.write_batch(batch)


def _typed(row: dict[str, Any], partitioned: bool) -> dict[str, Any]:
    for name in ("published_at", "modified_at", "fetched_at", "first_stored_at", "changed_at"):
        row[name] = datetime.fromisoformat(row[name]) if row[name] else None
    if partitioned:
        published = row["published_at"]
        row["published_date"] = published.date().isoformat() if published else "unknown"
    return row
