"""The store's tables, created and migrated by the project; a schema_info row holds the version.

A new store is created as version 1 was and then migrated, so every store, old or new, takes the
same path to the current version. A store written by a newer version is refused, never guessed at.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ingest.article import SCHEMA_VERSION
from ingest.neardup import body_buckets
from ingest.normalize import url_key
from ingest.store.base import StoreError

if TYPE_CHECKING:
    from ingest.store.sql import SqlStore

_V1_FIELDS = (
    "url", "canonical_url", "source", "source_article_id", "language", "title", "lead", "body",
    "authors", "published_at", "published_at_local", "modified_at", "section", "tags", "images",
    "original_source", "fetched_at", "parser", "content_hash", "schema_version",
)  # fmt: skip
_V1_DDL = [
    "CREATE TABLE IF NOT EXISTS articles ("
    + ", ".join(
        "canonical_url TEXT PRIMARY KEY"
        if f == "canonical_url"
        else ("schema_version INTEGER" if f == "schema_version" else f"{f} TEXT")
        for f in _V1_FIELDS
    )
    + ", first_stored_at TEXT NOT NULL, last_stored_at TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS articles_source_id ON articles (source, source_article_id)",
    "CREATE INDEX IF NOT EXISTS articles_published ON articles (published_at)",
]
_V2_FIELDS = ("duplicate_of", "translations", "http_etag", "http_last_modified")
# The record fields of version 2 as that version stored them (its migration must not change).
_V2_RECORD = (*_V1_FIELDS[:-1], *_V2_FIELDS, "schema_version")
_V3_FIELDS = ("kind",)
# Every record field of the current version, in the record's order, in articles and revisions.
RECORD_COLUMNS = (*_V2_RECORD[:-1], *_V3_FIELDS, "schema_version")


def prepare(store: SqlStore, create: bool = True) -> None:
    """Create (with ``create``) or upgrade the store's tables to SCHEMA_VERSION; refuse a newer
    store, and without ``create`` a database that holds none."""
    if not create and not _has_store(store):
        raise StoreError(
            f"{store.describe}: no store there (a crawl creates it; check --db or "
            "INGEST_DATABASE_URL)"
        )
    with store.transaction():
        store.lock_schema()
        store.run(
            "CREATE TABLE IF NOT EXISTS schema_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
        )
        row = store.one("SELECT value FROM schema_info WHERE key = 'schema_version'")
        version = int(row[0]) if row else None
        if version is not None and version > SCHEMA_VERSION:
            raise StoreError(
                f"{store.describe}: written by schema version {version}; this code writes schema "
                f"version {SCHEMA_VERSION} and will not write to a newer store (upgrade news-ingest)"
            )
        if version is None:
            for statement in _V1_DDL:
                store.run(statement)
            store.run("INSERT INTO schema_info (key, value) VALUES ('schema_version', '1')")
            version = 1
        for step in range(version, SCHEMA_VERSION):
            MIGRATIONS[step](store)
            store.run(
                "UPDATE schema_info SET value = ? WHERE key = 'schema_version'", (str(step + 1),)
            )


def _has_store(store: SqlStore) -> bool:
    """Whether the database holds our tables (a read that fails says no, and changes nothing)."""
    try:
        store.one("SELECT value FROM schema_info WHERE key = 'schema_version'")
    except store.write_errors as exc:
        if "schema_info" in str(exc):  # no such table (SQLite), relation does not exist (psycopg)
            return False
        raise
    return True


def _v1_to_v2(store: SqlStore) -> None:
    """Revisions, URL aliases, LSH buckets, translations, HTTP validators; one row per url_key."""
    for column, kind in (
        ("duplicate_of", "TEXT"),
        ("translations", "TEXT NOT NULL DEFAULT '[]'"),
        ("http_etag", "TEXT NOT NULL DEFAULT ''"),
        ("http_last_modified", "TEXT NOT NULL DEFAULT ''"),
        ("url_key", "TEXT"),
        ("revision", "INTEGER NOT NULL DEFAULT 1"),
        ("changed_at", "TEXT"),
    ):
        store.run(f"ALTER TABLE articles ADD COLUMN {column} {kind}")
    record = ", ".join(
        f"{f} TEXT" if f != "schema_version" else f"{f} INTEGER"
        for f in _V2_RECORD
        if f != "canonical_url"
    )
    store.run(
        f"CREATE TABLE revisions (canonical_url TEXT NOT NULL, revision INTEGER NOT NULL, {record}, "
        "stored_at TEXT NOT NULL, superseded_at TEXT NOT NULL, PRIMARY KEY (canonical_url, revision))"
    )
    store.run(
        "CREATE TABLE article_urls (url TEXT PRIMARY KEY, canonical_url TEXT NOT NULL, "
        "first_seen_at TEXT NOT NULL)"
    )
    store.run("CREATE INDEX article_urls_canonical ON article_urls (canonical_url)")
    # Keyed so that "same bucket, another source" is a range scan of the primary key.
    store.run(
        "CREATE TABLE shingle_bands (band INTEGER NOT NULL, bucket BIGINT NOT NULL, "
        "source TEXT NOT NULL, canonical_url TEXT NOT NULL, "
        f"PRIMARY KEY (band, bucket, source, canonical_url)){store.clustered}"
    )
    _backfill_v2(store)
    store.run("CREATE UNIQUE INDEX articles_url_key ON articles (url_key)")
    store.run("CREATE INDEX articles_changed ON articles (changed_at)")


def _backfill_v2(store: SqlStore) -> None:
    """Keys, aliases, buckets and translations of rows written by version 1."""
    rows = store.all(
        "SELECT canonical_url, url, body, source, source_article_id, language, first_stored_at, "
        "last_stored_at FROM articles ORDER BY first_stored_at, canonical_url"
    )
    by_key: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        by_key[url_key(row[0])].append(row)
    editions: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key, group in by_key.items():
        kept = group[0]
        for revision, merged in enumerate(group[1:], start=1):
            _merge_v1_duplicate(store, merged[0], kept[0], revision)
        store.run(
            "UPDATE articles SET url_key = ?, changed_at = last_stored_at, schema_version = 2, "
            "revision = ? WHERE canonical_url = ?",
            (key, len(group), kept[0]),
        )
        for url in {kept[0], kept[1], *(m[0] for m in group[1:]), *(m[1] for m in group[1:])}:
            store.run(
                "INSERT INTO article_urls (url, canonical_url, first_seen_at) VALUES (?, ?, ?) "
                "ON CONFLICT (url) DO NOTHING",
                (url, kept[0], kept[6]),
            )
        store.many(
            "INSERT INTO shingle_bands (band, bucket, source, canonical_url) "
            "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(band, bucket, kept[3], kept[0]) for band, bucket in body_buckets(kept[2] or "")],
        )
        if kept[4]:
            editions[(kept[3], kept[4])].append((kept[0], kept[5]))
    for group in editions.values():
        for canonical, language in group:
            others = sorted(c for c, lang in group if c != canonical and lang != language)
            if others:
                store.run(
                    "UPDATE articles SET translations = ? WHERE canonical_url = ?",
                    (json.dumps(others), canonical),
                )


def _merge_v1_duplicate(store: SqlStore, merged: str, kept: str, revision: int) -> None:
    """Version 1 keyed rows by exact canonical URL; variants of one URL become earlier revisions."""
    columns = ", ".join(c for c in _V1_FIELDS if c != "canonical_url")
    store.run(
        f"INSERT INTO revisions (canonical_url, revision, {columns}, translations, http_etag, "
        "http_last_modified, stored_at, superseded_at) "
        f"SELECT ?, ?, {columns}, '[]', '', '', first_stored_at, last_stored_at "
        "FROM articles WHERE canonical_url = ?",
        (kept, revision, merged),
    )
    store.run("DELETE FROM articles WHERE canonical_url = ?", (merged,))


def _v2_to_v3(store: SqlStore) -> None:
    """The record's ``kind``: every page stored before was an article (live blogs were refused)."""
    for table in ("articles", "revisions"):
        store.run(f"ALTER TABLE {table} ADD COLUMN kind TEXT NOT NULL DEFAULT 'article'")
    store.run("UPDATE articles SET schema_version = 3")


MIGRATIONS: dict[int, Callable[[SqlStore], None]] = {1: _v1_to_v2, 2: _v2_to_v3}
