"""Write articles to the store in batches; a crawl run twice leaves the same rows.

A batch the database refuses (server restarted, disk full) is retried once on a new connection;
if it fails again its articles are reported as not stored (``ingest/store/not_stored`` and their
URLs in ``ingest/store/not_stored_urls``) and the crawl goes on. Committed batches are never
touched by a later failure.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from ingest.article import Article
from ingest.store import SqlStore, StoreError, UpsertResult, open_store, store_location

logger = logging.getLogger(__name__)


class StorePipeline:
    """Buffer articles and upsert them ``INGEST_STORE_BATCH`` at a time (and at close)."""

    def __init__(self, location: str, batch_size: int, stats: StatsCollector) -> None:
        self.location = location
        self.batch_size = max(1, batch_size)
        self.stats = stats
        self.store: SqlStore | None = None
        self.buffer: list[Article] = []
        self.totals = UpsertResult()
        self.not_stored: list[str] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        settings = crawler.settings
        location = store_location(
            settings.get("INGEST_DATABASE_URL", ""), settings.get("INGEST_DATABASE_PATH")
        )
        return cls(location, settings.getint("INGEST_STORE_BATCH", 50), crawler.stats)

    def open_spider(self) -> None:
        self.store = open_store(self.location)
        logger.info("storing articles in %s", self.store.describe)

    def close_spider(self) -> None:
        self._flush()
        if self.store is not None:
            self.store.close()
        logger.info(
            "store %s: %d new, %d revised, %d unchanged, %d near-duplicates linked",
            self.store.describe if self.store else self.location,
            self.totals.inserted,
            self.totals.updated,
            self.totals.unchanged,
            self.totals.near_duplicates,
        )
        if self.not_stored:
            logger.error(
                "%d articles NOT stored (database failures); their URLs are in the stats under "
                "ingest/store/not_stored_urls",
                len(self.not_stored),
            )

    def process_item(self, item: Any) -> Any:
        if isinstance(item, Article):
            self.buffer.append(item)
            if len(self.buffer) >= self.batch_size:
                self._flush()
        return item

    def _flush(self) -> None:
        if not self.buffer or self.store is None:
            return
        batch, self.buffer = self.buffer, []
        try:
            result = self.store.upsert(batch)
        except StoreError as exc:
            logger.warning("%s; reconnecting and retrying the batch once", exc)
            self.stats.inc_value("ingest/store/retried_batches")
            try:
                self.store.reconnect()
                result = self.store.upsert(batch)
            except StoreError as again:
                self._report_not_stored(batch, again)
                return
        self.totals += result
        for name in ("inserted", "updated", "unchanged"):
            self.stats.inc_value(f"ingest/store/{name}", getattr(result, name))
        if result.near_duplicates:
            self.stats.inc_value("ingest/duplicates/near", result.near_duplicates)

    def _report_not_stored(self, batch: list[Article], exc: StoreError) -> None:
        logger.error("%s", exc)
        for article in batch:
            logger.error("not stored: %s", article.url)
            self.not_stored.append(article.url)
        self.stats.inc_value("ingest/store/not_stored", len(batch))
        self.stats.set_value("ingest/store/not_stored_urls", list(self.not_stored))


# The name settings of version 1 used.
SqliteStorePipeline = StorePipeline
