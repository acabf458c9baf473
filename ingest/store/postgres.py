"""PostgreSQL store (psycopg 3): the same tables and logic as SQLite, for a shared server."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg

from ingest.store.base import StoreError, StoreWriteError
from ingest.store.sql import SqlStore

_SCHEMA_LOCK = 0x1A9E57  # advisory lock id: one process at a time creates or migrates tables


class PostgresStore(SqlStore):
    """Articles in a PostgreSQL database given by URL (``postgresql://user@host:port/db``)."""

    write_errors = (psycopg.Error,)
    data_errors = (*SqlStore.data_errors, psycopg.DataError, psycopg.IntegrityError)

    def __init__(self, url: str, *, create: bool = True) -> None:
        self.url = url
        self.describe = _without_password(url)
        self._db = self._connect()
        try:
            self._prepare(create)
        except (psycopg.Error, StoreWriteError) as exc:
            self._db.close()
            raise StoreError(f"{self.describe}: cannot set up the store ({exc})") from exc
        except StoreError:
            self._db.close()
            raise

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            return psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            # The first line says what failed ("… port 5432 failed: Connection refused"); the
            # last is libpq's generic hint.
            text = str(exc).strip()
            reason = text.splitlines()[0].removeprefix("connection failed: ") if text else ""
            raise StoreError(
                f"{self.describe}: cannot connect ({reason or type(exc).__name__})"
            ) from exc

    def run(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[Any]:
        """Execute one statement (``?`` placeholders become ``%s``)."""
        return self._db.execute(sql.replace("?", "%s"), tuple(params))

    def many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Execute one statement for many parameter rows."""
        if rows:
            with self._db.cursor() as cur:
                cur.executemany(sql.replace("?", "%s"), [tuple(r) for r in rows])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN … COMMIT, or ROLLBACK on an exception; a database error (connection lost,
        disk full) comes out as StoreWriteError."""
        try:
            with self._db.transaction():
                yield
        except psycopg.Error as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreWriteError(f"{self.describe}: write failed ({reason})") from exc

    def lock_schema(self) -> None:
        """Two crawls starting at once must not both create the tables."""
        self.run("SELECT pg_advisory_xact_lock(?)", (_SCHEMA_LOCK,))

    def reconnect(self) -> None:
        """Open a new connection (after a server restart the old one is dead)."""
        try:
            self._db.close()
        finally:
            self._db = self._connect()

    def close(self) -> None:
        """Close the connection."""
        self._db.close()


def _without_password(url: str) -> str:
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)
