"""SQLite store: the embedded default (``data/articles.sqlite``), WAL mode, one transaction a batch."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ingest.store.base import StoreError, StoreWriteError
from ingest.store.sql import SqlStore

__all__ = ["SqliteStore", "StoreError"]


class SqliteStore(SqlStore):
    """Articles in one SQLite file; safe to re-run: upserts keyed by canonical URL."""

    write_errors = (sqlite3.Error,)
    data_errors = (*SqlStore.data_errors, sqlite3.DataError, sqlite3.IntegrityError)
    clustered = " WITHOUT ROWID"

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        self.describe = str(self.path)
        if not create and not self.path.is_file():
            raise StoreError(
                f"{self.path}: no store there (a crawl creates it; check --db or "
                "INGEST_DATABASE_PATH)"
            )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot create its folder ({exc.strerror})") from exc
        self._db = self._connect()
        try:
            self._prepare(create)
        except (sqlite3.DatabaseError, StoreWriteError) as exc:
            self._db.close()
            cause = exc.__cause__ if isinstance(exc, StoreWriteError) else exc
            raise StoreError(f"{self.path}: not a usable SQLite store ({cause})") from exc
        except StoreError:
            self._db.close()
            raise

    def _connect(self) -> sqlite3.Connection:
        try:
            # Autocommit mode: transactions are explicit (BEGIN IMMEDIATE … COMMIT), DDL included.
            # One user at a time, but not always one thread: pyarrow pulls export rows from its own.
            db = sqlite3.connect(
                self.path, isolation_level=None, timeout=30, check_same_thread=False
            )
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # WAL: a COMMIT survives a killed process
            # A page cache and a WAL that hold a batch's near-duplicate index pages (64 random
            # keys an article): fewer re-reads, and a page rewritten by several batches is copied
            # back once. Durability is the WAL's either way.
            db.execute("PRAGMA cache_size=-32768")  # KiB
            db.execute("PRAGMA wal_autocheckpoint=8000")  # pages
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable SQLite store ({exc})") from exc
        return db

    def run(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        """Execute one statement."""
        return self._db.execute(sql, tuple(params))

    def many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Execute one statement for many parameter rows."""
        self._db.executemany(sql, [tuple(r) for r in rows])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE (the write lock up front) … COMMIT, or ROLLBACK on an exception;
        a database error (disk full, I/O) comes out as StoreWriteError."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise StoreWriteError(f"{self.path}: write failed ({exc})") from exc

    def reconnect(self) -> None:
        """Close and reopen the file."""
        self._db.close()
        self._db = self._connect()

    def close(self) -> None:
        """Close the connection."""
        self._db.close()
