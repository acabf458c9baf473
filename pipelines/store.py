"""Write articles to the store in batches, in the crawl store's thread; a crawl run twice leaves
the same rows.

The reactor thread only buffers: a full batch goes to the crawl's store thread
(``pipelines.crawl_store``: its one connection is used from there alone), and the next full batch waits until it is written, so at
most one batch is in the database's hands and one filling (back-pressure: a waiting item keeps
the scraper slot full, and a full slot stops new downloads). A batch the database refuses (server
restarted, disk full) is kept and tried again, on a new connection, with the next batch and once
more at the end of the crawl; what still cannot be written then is reported as not stored
(``ingest/store/not_stored``, the URLs in ``ingest/store/not_stored_urls``, one log line each)
and the crawl goes on. A batch refused for one record's data (``StoreDataError``) is stored article
by article instead: only the refused ones are dropped (``ingest/dropped/unstorable``, logged
with the reason). Committed batches are never touched by a later failure. At most
``INGEST_STORE_MAX_PENDING`` articles wait; older ones beyond that are reported at once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred, DeferredLock

from ingest.article import Article
from ingest.printable import printable_article
from ingest.store import SqlStore, StoreDataError, StoreError, UpsertResult
from pipelines.crawl_store import CrawlStore

logger = logging.getLogger(__name__)


@dataclass
class _Written:
    """What one turn of the writer did, counted into the crawl stats by the reactor thread."""

    results: list[UpsertResult] = field(default_factory=list)
    failed_writes: int = 0
    reconnects: int = 0
    given_up: list[list[Article]] = field(default_factory=list)  # beyond the pending limit
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (URL, why) refused for its data


class StorePipeline:
    """Buffer articles and upsert them ``INGEST_STORE_BATCH`` at a time (and at close)."""

    def __init__(
        self,
        location: str,
        batch_size: int,
        stats: StatsCollector,
        max_pending: int = 5000,
        crawl_store: CrawlStore | None = None,
    ) -> None:
        self.location = location
        self.crawl_store = crawl_store or CrawlStore(location)
        self.batch_size = max(1, batch_size)
        self.stats = stats
        self.max_pending = max_pending
        self.store: SqlStore | None = None
        self.buffer: list[Article] = []
        # Touched by the writer thread while a batch is in its hands, else by the reactor's.
        self.pending: list[list[Article]] = []  # batches the database refused, oldest first
        self.broken = False  # the last write failed: reconnect before the next one
        self.totals = UpsertResult()
        self.not_stored: list[str] = []
        self._writing: Deferred[_Written] | None = None
        self._turn = DeferredLock()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        settings = crawler.settings
        crawl_store = CrawlStore.of(crawler)
        return cls(
            crawl_store.location,
            settings.getint("INGEST_STORE_BATCH"),
            crawler.stats,
            settings.getint("INGEST_STORE_MAX_PENDING"),
            crawl_store,
        )

    async def open_spider(self) -> None:
        # The crawl's one store (pipelines.crawl_store), opened in its thread; a store that
        # cannot be opened fails the crawl at its start.
        self.store = await maybe_deferred_to_future(self.crawl_store.open())
        logger.info("storing articles in %s", self.store.describe)

    async def close_spider(self) -> None:
        if self.store is not None:  # closed by the crawl store when the engine stops
            await self._hand_over(final=True)  # the last articles, refused ones once more
            await self._written()
            for batch in self.pending:
                self._report_not_stored(batch)
            self.pending = []
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

    async def process_item(self, item: Any) -> Any:
        if isinstance(item, Article):
            item = printable_article(item)  # hints added after extraction included; feeds too
            self.buffer.append(item)
            if len(self.buffer) >= self.batch_size:
                await self._hand_over()
        return item

    async def _hand_over(self, final: bool = False) -> None:
        """Give the buffer to the writer once it has finished the batch before. Items are
        processed concurrently (CONCURRENT_ITEMS): one hand-over at a time, the others queue."""
        await maybe_deferred_to_future(self._turn.acquire())
        try:
            await self._written()
            if final or len(self.buffer) >= self.batch_size:  # not taken by the one before
                batch, self.buffer = self.buffer, []
                self._writing = self._in_writer(self._write, batch)
        finally:
            self._turn.release()

    async def _written(self) -> None:
        """Wait for the batch in the writer's hands, then count what became of it."""
        if self._writing is not None:
            writing, self._writing = self._writing, None
            self._count(await maybe_deferred_to_future(writing))

    def _in_writer(self, func: Any, *args: Any) -> Deferred[Any]:
        return self.crawl_store.run(func, *args)

    # --- in the writer thread ---------------------------------------------------------------------
    def _write(self, batch: list[Article]) -> _Written:
        assert self.store is not None
        done = _Written()
        if batch:
            self.pending.append(batch)
        if self.pending and self.broken:
            try:
                self.store.reconnect()
                done.reconnects += 1
            except StoreError as exc:
                logger.warning("%s", exc)
        while self.pending:
            try:
                try:
                    result = self.store.upsert(self.pending[0])
                except StoreDataError:  # a record the database refuses: it alone is dropped
                    result, rejected = self.store.upsert_each(self.pending[0])
                    done.rejected += [(article.url, why) for article, why in rejected]
            except StoreError as exc:
                logger.warning("%s; kept to try again", exc)
                done.failed_writes += 1
                self.broken = True
                while (
                    sum(len(b) for b in self.pending) > self.max_pending and len(self.pending) > 1
                ):
                    done.given_up.append(self.pending.pop(0))
                return done
            self.broken = False
            self.pending.pop(0)
            done.results.append(result)
        return done

    # --- in the reactor thread --------------------------------------------------------------------
    def _count(self, done: _Written) -> None:
        for result in done.results:
            self.totals += result
            for name in ("inserted", "updated", "unchanged"):
                self.stats.inc_value(f"ingest/store/{name}", getattr(result, name))
            if result.near_duplicates:
                self.stats.inc_value("ingest/duplicates/near", result.near_duplicates)
        if done.failed_writes:
            self.stats.inc_value("ingest/store/failed_writes", done.failed_writes)
        if done.reconnects:
            self.stats.inc_value("ingest/store/reconnects", done.reconnects)
        for batch in done.given_up:
            self._report_not_stored(batch)
        for url, why in done.rejected:
            logger.error("dropped %s: the store refused the record (%s)", url, why)
            self.stats.inc_value("ingest/dropped/unstorable")

    def _report_not_stored(self, batch: list[Article]) -> None:
        for article in batch:
            logger.error("not stored: %s", article.url)
            self.not_stored.append(article.url)
        self.stats.inc_value("ingest/store/not_stored", len(batch))
        self.stats.set_value("ingest/store/not_stored_urls", list(self.not_stored))


# The name settings of version 1 used.
SqliteStorePipeline = StorePipeline
