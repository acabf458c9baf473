"""Storage of clean articles behind one small interface."""

from ingest.store.base import ArticleStore, UpsertResult
from ingest.store.sqlite import SqliteStore

__all__ = ["ArticleStore", "SqliteStore", "UpsertResult", "open_store"]


def open_store(location: str) -> ArticleStore:
    """The store at ``location`` (an SQLite file path; other backends plug in here)."""
    return SqliteStore(location)
