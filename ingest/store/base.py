"""The storage interface every backend implements."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from ingest.article import Article


@dataclass
class UpsertResult:
    """How a batch landed: new rows, changed rows, rows that were already identical."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0

    def __iadd__(self, other: UpsertResult) -> UpsertResult:
        self.inserted += other.inserted
        self.updated += other.updated
        self.unchanged += other.unchanged
        return self


class ArticleStore(Protocol):
    """Articles keyed by canonical URL; writes are idempotent upserts."""

    def upsert(self, articles: Sequence[Article]) -> UpsertResult:
        """Insert or update ``articles`` in one transaction."""
        ...

    def get(self, canonical_url: str) -> Article | None:
        """The stored article for ``canonical_url``, or None."""
        ...

    def iter_articles(self, source: str | None = None) -> Iterator[Article]:
        """Every stored article, optionally of one source, in canonical-URL order."""
        ...

    def count(self) -> int:
        """Number of stored articles."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...
