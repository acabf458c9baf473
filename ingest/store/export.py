"""Exports of the stored dataset for analysts and downstream systems: JSON Lines, CSV, Parquet.

Every row is the article record (docs/schema.md) plus the store's ``revision``,
``first_stored_at`` and ``changed_at``. Parquet goes through pyarrow with real types (timestamps in
UTC, lists, image structs); to a folder it is partitioned Hive-style by ``source`` and
``published_date``. Every file says which schema version it holds: the ``schema_version`` column,
and in Parquet also the file metadata key ``ingest.schema_version``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from ingest import atomic
from ingest.article import Article
from ingest.store.base import StoredArticle
from ingest.store.export_row import ExportError, rows
from ingest.store.sql import SqlStore

FORMATS = ("jsonl", "parquet", "csv")
STORE_COLUMNS = ("revision", "first_stored_at", "changed_at")
_TIMES = ("published_at", "modified_at", "fetched_at", "first_stored_at", "changed_at")
_LISTS = ("authors", "tags", "images", "translations")
_BATCH = 2000


def export(
    store: SqlStore,
    fmt: str,
    out: str,
    source: str | None = None,
    published_since: str | None = None,
    changed_since: str | None = None,
    progress: bool = True,
) -> int:
    """Write the selected rows to ``out`` (``-`` is stdout for jsonl and csv); the row count."""
    if fmt not in FORMATS:
        raise ExportError(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        from ingest.store.parquet import check_target

        if out == "-":
            raise ExportError("parquet cannot go to stdout: give a file or a folder")
        check_target(Path(out))
    total = store.count_where(source, published_since, changed_since)
    selected = store.iter_stored(source, published_since, changed_since)
    with tqdm(total=total, unit=" rows", desc=f"export {fmt}", disable=not progress) as bar:
        counted = _counting(selected, bar)
        if fmt == "parquet":
            from ingest.store.parquet import write_parquet

            return write_parquet(counted, Path(out))
        with _text_out(out) as stream:
            return (_write_jsonl if fmt == "jsonl" else _write_csv)(counted, stream)


def _counting(stored: Iterator[StoredArticle], bar: tqdm) -> Iterator[StoredArticle]:
    for item in stored:
        yield item
        bar.update(1)


@contextmanager
def _text_out(out: str) -> Iterator[TextIO]:
    if out == "-":
        yield sys.stdout
        return
    try:
        with atomic.text_file(out, newline="") as stream:  # the old file stays until complete
            yield stream
    except OSError as exc:
        raise ExportError(f"{out}: cannot write ({exc.strerror or exc})") from exc


def _write_jsonl(stored: Iterator[StoredArticle], stream: TextIO) -> int:
    n = 0
    for item in stored:
        stream.write(json.dumps(rows(item), ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_csv(stored: Iterator[StoredArticle], stream: TextIO) -> int:
    """Lists and images as JSON text in their cells; nulls as empty cells."""
    writer: csv.DictWriter[str] | None = None
    n = 0
    for item in stored:
        row = rows(item)
        for name in _LISTS:
            row[name] = json.dumps(row[name], ensure_ascii=False)
        if writer is None:
            writer = csv.DictWriter(stream, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        n += 1
    if writer is None:  # no rows: still a header, so readers see the shape
        names = [*Article.__dataclass_fields__, *STORE_COLUMNS]
        csv.DictWriter(stream, fieldnames=names).writeheader()
    return n


def parse_time(text: str, option: str) -> str:
    """A user's date or time (naive means UTC) as the ISO UTC text the store compares with."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ExportError(f"{option} {text!r}: not a date or ISO 8601 time") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()
