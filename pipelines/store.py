"""Write articles to the store in batches; a crawl run twice leaves the same rows.

A batch the database refuses (server restarted, disk full) is kept and tried again, on a new
connection, with the next batch and once more at the end of the crawl; what still cannot be
written then is reported as not stored (``ingest/store/not_stored``, the URLs in
``ingest/store/not_stored_urls``, one log line each) and the crawl goes on. Committed batches are
never touched by a later failure. At most ``INGEST_STORE_MAX_PENDING`` articles wait; older ones
beyond that are reported at once.
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

    def __init__(
        self, location: str, batch_size: int, stats: StatsCollector, max_pending: int = 5000
    ) -> None:
        self.location = location
        self.batch_size = max(1, batch_size)
        self.stats = stats
        self.max_pending = max_pending
        self.store: SqlStore | None = None
        self.buffer: list[Article] = []
        self.pending: list[list[Article]] = []  # batches the database refused, oldest first
        self.broken = False  # the last write failed: reconnect before the next one
        self.totals = UpsertResult()
        self.not_stored: list[str] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        settings = crawler.settings
        location = store_location(
            settings.get("INGEST_DATABASE_URL", ""), settings.get("INGEST_DATABASE_PATH")
        )
        return cls(
            location,
            settings.getint("INGEST_STORE_BATCH", 50),
            crawler.stats,
            settings.getint("INGEST_STORE_MAX_PENDING", 5000),
        )

    def open_spider(self) -> None:
        self.store = open_store(self.location)
        logger.info("storing articles in %s", self.store.describe)

    def close_spider(self) -> None:
        self._flush()
        for batch in self.pending:
            self._report_not_stored(batch)
        self.pending = []
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
        if self.store is None:
            return
        if self.buffer:
            self.pending.append(self.buffer)
            self.buffer = []
        if self.pending and self.broken:
            self._reconnect()
        while self.pending:
            try:
                result = self.store.upsert(self.pending[0])
            except StoreError as exc:
                logger.warning("%s; kept to try again", exc)
                self.stats.inc_value("ingest/store/failed_writes")
                self.broken = True
                self._drop_oldest_beyond_limit()
                return
            self.broken = False
            self.pending.pop(0)
            self._count(result)

    def _reconnect(self) -> None:
        assert self.store is not None
        try:
            self.store.reconnect()
            self.stats.inc_value("ingest/store/reconnects")
        except StoreError as exc:
            logger.warning("%s", exc)

    def _count(self, result: UpsertResult) -> None:
        self.totals += result
        for name in ("inserted", "updated", "unchanged"):
            self.stats.inc_value(f"ingest/store/{name}", getattr(result, name))
        if result.near_duplicates:
            self.stats.inc_value("ingest/duplicates/near", result.near_duplicates)

    def _drop_oldest_beyond_limit(self) -> None:
        while sum(len(b) for b in self.pending) > self.max_pending and len(self.pending) > 1:
            self._report_not_stored(self.pending.pop(0))

    def _report_not_stored(self, batch: list[Article]) -> None:
        for article in batch:
            logger.error("not stored: %s", article.url)
            self.not_stored.append(article.url)
        self.stats.inc_value("ingest/store/not_stored", len(batch))
        self.stats.set_value("ingest/store/not_stored_urls", list(self.not_stored))


# The name settings of version 1 used.
SqliteStorePipeline = StorePipeline
