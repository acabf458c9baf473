"""Crawl summaries kept in the store (table ``crawls``), one row per crawl and source.

The table has its own version (``crawls_version`` in schema_info), migrated the way the article
tables are, so adding it does not change the article record's ``schema_version``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ingest.store.base import StoreError
from ingest.store.sql import SqlStore

CRAWLS_VERSION = 1


@dataclass
class CrawlRecord:
    """One source's part of one crawl: when, how it ended, and its summary numbers."""

    crawl_id: str
    source: str
    spider: str
    started_at: str  # ISO UTC
    finished_at: str
    finish_reason: str
    summary: dict[str, Any] = field(default_factory=dict)


def _v0_to_v1(store: SqlStore) -> None:
    store.run(
        "CREATE TABLE crawls (crawl_id TEXT NOT NULL, source TEXT NOT NULL, spider TEXT NOT NULL, "
        "started_at TEXT NOT NULL, finished_at TEXT NOT NULL, finish_reason TEXT NOT NULL, "
        "summary TEXT NOT NULL, PRIMARY KEY (crawl_id, source))"
    )
    store.run("CREATE INDEX crawls_finished ON crawls (finished_at)")


MIGRATIONS: dict[int, Callable[[SqlStore], None]] = {0: _v0_to_v1}


def prepare_crawls(store: SqlStore) -> None:
    """Create or upgrade the crawls table; refuse one written by a newer version."""
    with store.transaction():
        store.lock_schema()
        row = store.one("SELECT value FROM schema_info WHERE key = 'crawls_version'")
        version = int(row[0]) if row else 0
        if version > CRAWLS_VERSION:
            raise StoreError(
                f"{store.describe}: crawls table version {version} is newer than this code's "
                f"{CRAWLS_VERSION} (upgrade news-ingest)"
            )
        for step in range(version, CRAWLS_VERSION):
            MIGRATIONS[step](store)
        if version == 0:
            store.run(
                "INSERT INTO schema_info (key, value) VALUES ('crawls_version', ?)",
                (str(CRAWLS_VERSION),),
            )
        elif version < CRAWLS_VERSION:
            store.run(
                "UPDATE schema_info SET value = ? WHERE key = 'crawls_version'",
                (str(CRAWLS_VERSION),),
            )


def record_crawl(store: SqlStore, records: list[CrawlRecord]) -> None:
    """Save one crawl's per-source rows (a re-run of the same crawl id replaces them)."""
    prepare_crawls(store)
    with store.transaction():
        for r in records:
            store.run(
                "DELETE FROM crawls WHERE crawl_id = ? AND source = ?", (r.crawl_id, r.source)
            )
            store.run(
                "INSERT INTO crawls (crawl_id, source, spider, started_at, finished_at, "
                "finish_reason, summary) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (r.crawl_id, r.source, r.spider, r.started_at, r.finished_at, r.finish_reason,
                 json.dumps(r.summary, ensure_ascii=False, sort_keys=True)),
            )  # fmt: skip


def recent_crawls(store: SqlStore, since: str = "") -> list[CrawlRecord]:
    """Rows of crawls finished at or after ``since`` (ISO UTC), oldest first."""
    prepare_crawls(store)
    rows = store.all(
        "SELECT crawl_id, source, spider, started_at, finished_at, finish_reason, summary "
        "FROM crawls WHERE finished_at >= ? ORDER BY finished_at, source",
        (since,),
    )
    return [
        CrawlRecord(crawl_id, source, spider, started, finished, reason, json.loads(summary))
        for crawl_id, source, spider, started, finished, reason, summary in rows
    ]


def store_outcomes(store: SqlStore, since: str) -> dict[str, dict[str, int]]:
    """Per source: articles first stored and revisions made at or after ``since``."""
    out: dict[str, dict[str, int]] = defaultdict(lambda: {"new": 0, "revised": 0})
    for source, n in store.all(
        "SELECT source, COUNT(*) FROM articles WHERE first_stored_at >= ? GROUP BY source", (since,)
    ):
        out[source]["new"] = int(n)
    for source, n in store.all(
        "SELECT a.source, COUNT(*) FROM revisions r JOIN articles a ON a.canonical_url = "
        "r.canonical_url WHERE r.superseded_at >= ? GROUP BY a.source",
        (since,),
    ):
        out[source]["revised"] = int(n)
    return dict(out)


def articles_per_hour(store: SqlStore, since: str) -> dict[str, dict[str, int]]:
    """Per source: new articles stored in each UTC hour (``YYYY-MM-DDTHH``) since ``since``."""
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for source, hour, n in store.all(
        "SELECT source, substr(first_stored_at, 1, 13) AS h, COUNT(*) FROM articles "
        "WHERE first_stored_at >= ? GROUP BY source, h ORDER BY h",
        (since,),
    ):
        out[source][hour] = int(n)
    return dict(out)
