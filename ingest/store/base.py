"""The storage interface every backend implements, and what its calls return."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from ingest.article import Article
from ingest.errors import IngestError


class StoreError(IngestError):
    """The store cannot be used: unreachable, unreadable, or written by a newer schema."""


class StoreWriteError(StoreError):
    """A batch could not be written; nothing of it was stored, earlier batches are intact."""


class StoreDataError(StoreWriteError):
    """A batch holds a record the database cannot take (a value it refuses, text it cannot
    encode): trying again will not help, storing the records one by one isolates it."""


@dataclass
class UpsertResult:
    """How a batch landed: new rows, new revisions, identical re-crawls, near-duplicates linked."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    near_duplicates: int = 0

    def __iadd__(self, other: UpsertResult) -> UpsertResult:
        self.inserted += other.inserted
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.near_duplicates += other.near_duplicates
        return self


@dataclass(frozen=True)
class StoredArticle:
    """An article as stored: the record plus when it was first stored and last changed."""

    article: Article
    revision: int
    first_stored_at: str
    changed_at: str


@dataclass(frozen=True)
class FetchState:
    """What a re-crawl needs to know about a URL already stored (see middlewares.incremental)."""

    canonical_url: str
    http_etag: str
    http_last_modified: str
    published_at: str | None
    first_stored_at: str


class ArticleStore(Protocol):
    """Articles keyed by canonical URL (one row for all its URL variants); writes are upserts."""

    def upsert(self, articles: Sequence[Article]) -> UpsertResult:
        """Insert, revise or leave ``articles`` in one transaction; StoreWriteError if it fails."""
        ...

    def get(self, canonical_url: str) -> Article | None:
        """The stored article for ``canonical_url`` or any variant of it, or None."""
        ...

    def iter_articles(self, source: str | None = None) -> Iterator[Article]:
        """Every stored article, optionally of one source, in canonical-URL order."""
        ...

    def iter_stored(
        self,
        source: str | None = None,
        published_since: str | None = None,
        changed_since: str | None = None,
    ) -> Iterator[StoredArticle]:
        """Stored articles with their store times, filtered, in canonical-URL order."""
        ...

    def revisions(self, canonical_url: str) -> list[Article]:
        """Earlier versions of an article, oldest first (the current one is not among them)."""
        ...

    def fetch_state(self, url: str) -> FetchState | None:
        """What is stored for the article fetched from ``url`` (or a variant), or None."""
        ...

    def count(self) -> int:
        """Number of stored articles."""
        ...

    def reconnect(self) -> None:
        """Drop the connection and open a new one (after the server went away)."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...
