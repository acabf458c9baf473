"""The storage logic both backends share: upserts with revisions, links, reads. SQL is portable
between SQLite and PostgreSQL; a backend supplies the connection, placeholders and transactions."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from ingest.article import SCHEMA_VERSION, Article
from ingest.neardup import body_buckets, buckets_of, shingles
from ingest.normalize import url_key
from ingest.store import links
from ingest.store.base import FetchState, StoredArticle, StoreWriteError, UpsertResult
from ingest.store.schema import RECORD_COLUMNS, prepare

_JSON = ("authors", "tags", "images", "translations")
# What makes a new revision: the article's content and editorial metadata. Not the fetch (url,
# fetched_at, validators), the parser version, modified_at (set by the store on a revision) or the
# links the store maintains.
COMPARED = (
    "source", "source_article_id", "language", "title", "lead", "body", "authors",
    "published_at", "published_at_local", "section", "tags", "images", "original_source",
    "content_hash",
)  # fmt: skip
_STORE = ("revision", "first_stored_at", "changed_at")
_SELECT = ", ".join((*RECORD_COLUMNS, *_STORE))


class SqlStore:
    """Articles in SQL tables; subclasses connect and say how to run statements."""

    describe = "store"
    # Appended to CREATE TABLE of pure key tables (SQLite: WITHOUT ROWID, one B-tree not two).
    clustered = ""
    _sources: set[str]  # the stored sources, read at the start of each batch
    write_errors: tuple[type[BaseException], ...] = ()

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

    def _prepare(self) -> None:
        prepare(self)

    def upsert(self, articles: Sequence[Article]) -> UpsertResult:
        """Insert new articles, revise changed ones, leave identical ones alone; one transaction."""
        result = UpsertResult()
        now = datetime.now(UTC).isoformat()
        try:
            with self.transaction():
                self._sources = links.sources(self)
                for article in articles:
                    self._upsert_one(article, now, result)
        except (StoreWriteError, *self.write_errors) as exc:
            cause = exc.__cause__ if isinstance(exc, StoreWriteError) and exc.__cause__ else exc
            text = str(cause).strip().splitlines()[0] if str(cause).strip() else repr(cause)
            raise StoreWriteError(
                f"{self.describe}: batch of {len(articles)} not stored "
                f"({type(cause).__name__}: {text})"
            ) from exc
        return result

    def _upsert_one(self, article: Article, now: str, result: UpsertResult) -> None:
        key = url_key(article.canonical_url or article.url)
        new = _to_row(article)
        old = self.one(
            "SELECT canonical_url, modified_at, http_etag, http_last_modified, "
            f"{', '.join(COMPARED)} FROM articles WHERE url_key = ?",
            (key,),
        )
        if old is None:
            canonical = article.canonical_url
            self._insert(article, new, key, now, result)
        else:
            canonical = old[0]
            if tuple(old[4:]) == tuple(new[f] for f in COMPARED):
                result.unchanged += 1
                if (old[2], old[3]) != (new["http_etag"], new["http_last_modified"]):
                    self.run(
                        "UPDATE articles SET http_etag = ?, http_last_modified = ? "
                        "WHERE canonical_url = ?",
                        (new["http_etag"], new["http_last_modified"], canonical),
                    )
            else:
                stored = dict(zip(COMPARED, old[4:], strict=True))
                self._revise(article, new, canonical, old[1], now)
                links.unindex_body(self, canonical, stored["source"], body_buckets(stored["body"]))
                links.index_body(self, canonical, article.source, body_buckets(article.body))
                result.updated += 1
        self.run(
            "INSERT INTO article_urls (url, canonical_url, first_seen_at) VALUES (?, ?, ?) "
            "ON CONFLICT (url) DO NOTHING",
            (article.url, canonical, now),
        )

    def _insert(
        self, article: Article, new: dict[str, Any], key: str, now: str, result: UpsertResult
    ) -> None:
        found = shingles(article.body)
        buckets = buckets_of(found)
        match = links.best_match(self, article, found, buckets, self._sources - {article.source})
        if match is not None:
            new["duplicate_of"] = links.link_copy(self, article, match)
            result.near_duplicates += 1
        editions = links.editions_of(self, article)
        new["translations"] = json.dumps(editions)
        new["schema_version"] = SCHEMA_VERSION
        columns = (*RECORD_COLUMNS, "url_key", "revision", "first_stored_at", "last_stored_at")
        self.run(
            f"INSERT INTO articles ({', '.join(columns)}, changed_at) "
            f"VALUES ({', '.join('?' * (len(columns) + 1))})",
            (*[new[c] for c in RECORD_COLUMNS], key, 1, now, now, now),
        )
        links.index_body(self, article.canonical_url, article.source, buckets)
        links.link_editions(self, article.canonical_url, editions)
        self._sources.add(article.source)
        result.inserted += 1

    def _revise(
        self, article: Article, new: dict[str, Any], canonical: str, modified: str | None, now: str
    ) -> None:
        """Keep the current version in revisions, then overwrite it with the new one."""
        kept = [c for c in RECORD_COLUMNS if c != "canonical_url"]
        self.run(
            f"INSERT INTO revisions (canonical_url, revision, {', '.join(kept)}, stored_at, "
            f"superseded_at) SELECT canonical_url, revision, {', '.join(kept)}, changed_at, ? "
            "FROM articles WHERE canonical_url = ?",
            (now, canonical),
        )
        new["modified_at"] = _revised_at(article, modified, now)
        changed = [c for c in kept if c not in ("duplicate_of", "translations", "schema_version")]
        self.run(
            f"UPDATE articles SET {', '.join(f'{c} = ?' for c in changed)}, "
            "revision = revision + 1, changed_at = ?, last_stored_at = ? WHERE canonical_url = ?",
            (*[new[c] for c in changed], now, now, canonical),
        )

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


def _revised_at(article: Article, stored: str | None, now: str) -> str:
    """A revision's modified_at: the page's own when it moved forward, else when we saw it."""
    declared = article.modified_at
    if declared and (stored is None or _instant(declared) > _instant(stored)):
        return declared
    return article.fetched_at or now


def _instant(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _to_row(article: Article) -> dict[str, Any]:
    data = article.to_dict()
    for name in _JSON:
        data[name] = json.dumps(data[name], ensure_ascii=False)
    return data


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
