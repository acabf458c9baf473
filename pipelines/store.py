"""Write articles to the store in batches; a crawl run twice leaves the same rows."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from ingest.article import Article
from ingest.store import ArticleStore, UpsertResult, open_store

logger = logging.getLogger(__name__)


class SqliteStorePipeline:
    """Buffer articles and upsert them ``INGEST_STORE_BATCH`` at a time (and at close)."""

    def __init__(self, location: str, batch_size: int, stats: StatsCollector) -> None:
        self.location = location
        self.batch_size = max(1, batch_size)
        self.stats = stats
        self.store: ArticleStore | None = None
        self.buffer: list[Article] = []
        self.totals = UpsertResult()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SqliteStorePipeline:
        settings = crawler.settings
        return cls(
            settings.get("INGEST_DATABASE_PATH"),
            settings.getint("INGEST_STORE_BATCH", 50),
            crawler.stats,
        )

    def open_spider(self) -> None:
        self.store = open_store(self.location)
        logger.info("storing articles in %s", self.location)

    def close_spider(self) -> None:
        self._flush()
        if self.store is not None:
            self.store.close()
        logger.info(
            "store %s: %d new, %d updated, %d unchanged",
            self.location,
            self.totals.inserted,
            self.totals.updated,
            self.totals.unchanged,
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
        result = self.store.upsert(self.buffer)
        self.buffer = []
        self.totals += result
        for name in ("inserted", "updated", "unchanged"):
            self.stats.inc_value(f"ingest/store/{name}", getattr(result, name))
