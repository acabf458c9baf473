"""Storage of clean articles behind one small interface: SQLite (default) or PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from ingest.store.base import (
    ArticleStore,
    FetchState,
    StoredArticle,
    StoreDataError,
    StoreError,
    StoreWriteError,
    UpsertResult,
)
from ingest.store.sql import SqlStore
from ingest.store.sqlite import SqliteStore

__all__ = [
    "ArticleStore",
    "FetchState",
    "SqlStore",
    "SqliteStore",
    "StoreDataError",
    "StoreError",
    "StoreWriteError",
    "StoredArticle",
    "UpsertResult",
    "as_store_errors",
    "command_location",
    "open_store",
    "opened",
    "store_location",
]


def open_store(location: str, *, create: bool = True) -> SqlStore:
    """The store at ``location``: ``postgresql://…`` (or ``postgres://…``) for PostgreSQL,
    ``sqlite:///path`` or a plain file path for SQLite. Upgraded on open; created only with
    ``create`` (a crawl), else a StoreError says there is no store there."""
    if location.startswith(("postgresql://", "postgres://")):
        from ingest.store.postgres import PostgresStore

        return PostgresStore(location, create=create)
    return SqliteStore(location.removeprefix("sqlite://"), create=create)


@contextmanager
def opened(location: str, *, create: bool = False) -> Iterator[SqlStore]:
    """The store for one command, closed after; a database error while using it (a damaged
    page, a lost connection) comes out as one StoreError line naming the store."""
    store = open_store(location, create=create)
    try:
        with as_store_errors(store):
            yield store
    finally:
        store.close()


@contextmanager
def as_store_errors(store: SqlStore) -> Iterator[None]:
    """A database error inside (a damaged page, a lost connection) as one StoreError line."""
    try:
        yield
    except store.write_errors as exc:
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"{store.describe}: cannot read the store ({text})") from exc


def store_location(database_url: str, database_path: str) -> str:
    """The one store a crawl or command uses: INGEST_DATABASE_URL when set, else the SQLite path."""
    return database_url.strip() or database_path


def command_location(db: str | None) -> str:
    """A command's store: its ``--db``, else the environment as a crawl reads it."""
    from ingest import settings

    return db or store_location(
        os.environ.get("INGEST_DATABASE_URL", ""),
        os.environ.get("INGEST_DATABASE_PATH", "") or settings.INGEST_DATABASE_PATH,
    )
