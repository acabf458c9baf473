"""The storage logic both backends share: upserts (``ingest.store.write``), reads. SQL is portable
between SQLite and PostgreSQL; a backend supplies the connection, placeholders and transactions."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from ingest.article import Article
from ingest.normalize import url_key
from ingest.store.base import (
    FetchState,
    StoredArticle,
    StoreDataError,
    StoreWriteError,
    UpsertResult,
)
from ingest.store.schema import RECORD_COLUMNS, prepare
from ingest.store.write import upsert_batch

_JSON = ("authors", "tags", "images", "translations")
_STORE = ("revision", "first_stored_at", "changed_at")
_SELECT = ", ".join((*RECORD_COLUMNS, *_STORE))


class SqlStore:
    """Articles in SQL tables; subclasses connect and say how to run statements."""

    describe = "store"
    # Appended to CREATE TABLE of pure key tables (SQLite: WITHOUT ROWID, one B-tree not two).
    clustered = ""
    write_errors: tuple[type[BaseException], ...] = ()
    # Errors that say a value of the batch is wrong, not the database: no retry will store it.
    data_errors: tuple[type[BaseException], ...] = (UnicodeError, ValueError, OverflowError)

    # --- what a backend provides ----------------------------------------------------------------
    def run(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Execute one statement with ``?`` placeholders; returns the cursor."""
        raise NotImplementedError

    def many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Execute one statement for many parameter rows."""
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[Any]:
        """A write transaction: committed on exit, rolled back on an exception."""
        raise NotImplementedError

    def lock_schema(self) -> None:
        """Serialize concurrent schema set-up (inside a transaction)."""

    def reconnect(self) -> None:
        """Drop the connection and open a new one."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the connection."""
        raise NotImplementedError

    # --- shared ---------------------------------------------------------------------------------
    def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first row of a query, or None."""
        return self.run(sql, params).fetchone()

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Every row of a query."""
        return list(self.run(sql, params).fetchall())

    def _prepare(self, create: bool = True) -> None:
        prepare(self, create)

    def upsert(self, articles: Sequence[Article]) -> UpsertResult:
        """Insert new articles, revise changed ones, leave identical ones alone; one transaction."""
        now = datetime.now(UTC).isoformat()
        errors: tuple[type[BaseException], ...] = (
            StoreWriteError,
            *self.write_errors,
            *self.data_errors,
        )
        try:
            with self.transaction():
                result = upsert_batch(self, articles, now)
        except errors as exc:
            cause = exc.__cause__ if isinstance(exc, StoreWriteError) and exc.__cause__ else exc
            kind = StoreDataError if isinstance(cause, self.data_errors) else StoreWriteError
            raise kind(
                f"{self.describe}: batch of {len(articles)} not stored ({_reason(cause)})"
            ) from exc
        return result

    def upsert_each(self, articles: Sequence[Article]) -> tuple[UpsertResult, list[Rejected]]:
        """Upsert the articles one by one (after StoreDataError): what was stored, and each
        article the database refused for its data, with the reason. A database failure
        (StoreWriteError) still stops it, as it stops ``upsert``."""
        result, rejected = UpsertResult(), []
        for article in articles:
            try:
                result += self.upsert([article])
            except StoreDataError as exc:
                rejected.append((article, _reason(exc.__cause__ or exc)))
        return result, rejected

    # --- reads ----------------------------------------------------------------------------------
    def get(self, canonical_url: str) -> Article | None:
        """The stored article for ``canonical_url`` or any variant of it, or None."""
        row = self.one(
            f"SELECT {_SELECT} FROM articles WHERE url_key = ?", (url_key(canonical_url),)
        )
        return _stored(row).article if row else None

    def iter_articles(self, source: str | None = None) -> Iterator[Article]:
        """Every stored article (optionally of one source), in canonical-URL order."""
        for stored in self.iter_stored(source):
            yield stored.article

    def iter_stored(
        self,
        source: str | None = None,
        published_since: str | None = None,
        changed_since: str | None = None,
    ) -> Iterator[StoredArticle]:
        """Stored articles with their store times, filtered, in canonical-URL order."""
        where, params = _filters(source, published_since, changed_since)
        cursor = self.run(f"SELECT {_SELECT} FROM articles{where} ORDER BY canonical_url", params)
        while rows := cursor.fetchmany(500):
            for row in rows:
                yield _stored(row)

    def count_where(
        self,
        source: str | None = None,
        published_since: str | None = None,
        changed_since: str | None = None,
    ) -> int:
        """How many articles ``iter_stored`` with the same filters yields."""
        where, params = _filters(source, published_since, changed_since)
        return int(self.one(f"SELECT COUNT(*) FROM articles{where}", params)[0])

    def revisions(self, canonical_url: str) -> list[Article]:
        """Earlier versions of an article, oldest first."""
        rows = self.all(
            f"SELECT {', '.join(RECORD_COLUMNS)} FROM revisions r "
            "WHERE canonical_url = (SELECT canonical_url FROM articles WHERE url_key = ?) "
            "ORDER BY revision",
            (url_key(canonical_url),),
        )
        return [_article(row) for row in rows]

    def fetch_state(self, url: str) -> FetchState | None:
        """What is stored for the article fetched from ``url`` (or a variant), or None."""
        columns = "canonical_url, http_etag, http_last_modified, published_at, first_stored_at"
        row = self.one(f"SELECT {columns} FROM articles WHERE url_key = ?", (url_key(url),))
        if row is None:
            row = self.one(
                f"SELECT {columns} FROM articles WHERE canonical_url = "
                "(SELECT canonical_url FROM article_urls WHERE url = ?)",
                (url,),
            )
        return FetchState(*row) if row else None

    def count(self) -> int:
        """Number of stored articles."""
        return int(self.one("SELECT COUNT(*) FROM articles")[0])


Rejected = tuple[Article, str]  # an article the database refused, and why


def _reason(exc: BaseException) -> str:
    """``Type: first line of the message``, the cause of an exception chain."""
    while isinstance(exc, StoreWriteError) and exc.__cause__ is not None:
        exc = exc.__cause__
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _filters(
    source: str | None, published_since: str | None, changed_since: str | None
) -> tuple[str, tuple[Any, ...]]:
    clauses, params = [], []
    for clause, value in (
        ("source = ?", source),
        ("published_at >= ?", published_since),
        ("changed_at >= ?", changed_since),
    ):
        if value:
            clauses.append(clause)
            params.append(value)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)


def _article(row: Sequence[Any]) -> Article:
    data = dict(zip(RECORD_COLUMNS, row, strict=True))
    for name in _JSON:
        data[name] = json.loads(data[name] or "[]")
    for name in ("http_etag", "http_last_modified"):
        data[name] = data[name] or ""
    return Article.from_dict(data)


def _stored(row: Sequence[Any]) -> StoredArticle:
    n = len(RECORD_COLUMNS)
    return StoredArticle(_article(row[:n]), int(row[n]), row[n + 1], row[n + 2])
