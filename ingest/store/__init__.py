"""Storage of clean articles behind one small interface: SQLite (default) or PostgreSQL."""

from ingest.store.base import (
    ArticleStore,
    FetchState,
    StoredArticle,
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
    "StoreError",
    "StoreWriteError",
    "StoredArticle",
    "UpsertResult",
    "open_store",
    "store_location",
]


def open_store(location: str) -> SqlStore:
    """The store at ``location``: ``postgresql://…`` (or ``postgres://…``) for PostgreSQL,
    ``sqlite:///path`` or a plain file path for SQLite. Created or upgraded on open."""
    if location.startswith(("postgresql://", "postgres://")):
        from ingest.store.postgres import PostgresStore

        return PostgresStore(location)
    return SqliteStore(location.removeprefix("sqlite://"))


def store_location(database_url: str, database_path: str) -> str:
    """The one store a crawl or command uses: INGEST_DATABASE_URL when set, else the SQLite path."""
    return database_url.strip() or database_path
