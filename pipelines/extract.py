"""FetchedPage → Article: runs the record path (``ingest.extract.path``), counting drops and flags.

Extraction is CPU-bound, so by default it runs in ``INGEST_EXTRACT_WORKERS`` worker processes
(one per CPU), never in the reactor thread; ``INGEST_EXTRACT_WORKERS=0`` runs it inline.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from ingest.article import Article
from ingest.extract.record import Dropped, extract_record
from ingest.fetched import FetchedPage
from pipelines.dropped import ArticleDropped
from pipelines.extract_pool import ExtractionPool

logger = logging.getLogger(__name__)


class ExtractPipeline:
    """Extract every ``FetchedPage``; anything else passes through untouched."""

    def __init__(self, stats: StatsCollector, workers: int = 0, in_flight: int = 0) -> None:
        self.stats = stats
        self.pool = ExtractionPool(workers, in_flight or 2 * workers) if workers > 0 else None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        settings = crawler.settings
        workers = settings.get("INGEST_EXTRACT_WORKERS")
        workers = (os.cpu_count() or 1) if workers in (None, "") else int(workers)
        return cls(crawler.stats, workers, settings.getint("INGEST_EXTRACT_IN_FLIGHT"))

    def open_spider(self) -> None:
        if self.pool is not None:
            self.pool.start()
            logger.info(
                "extracting in %d worker processes, %d pages in flight at most",
                self.pool.workers,
                self.pool.in_flight,
            )

    def close_spider(self) -> None:
        if self.pool is not None:
            self.pool.close()

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, FetchedPage):
            return item
        if self.pool is None:
            result = extract_record(item)
        else:
            result = await self.pool.call(extract_record, item)
        if isinstance(result, Dropped):
            if result.reason == "extractor_error":
                logger.error("extraction crashed on %s: %s", item.url, result.detail)
            return self._drop(result.reason, item.url, result.detail.split("\n", 1)[0])
        article = Article.from_dict(result.record)
        for kind, count in result.removed.items():  # which boilerplate rules fired, how often
            self.stats.inc_value(f"ingest/boilerplate/{article.source}/{kind}", count)
        for flag in result.flags:  # e.g. ingest/evidence/published_later_than_sitemap
            self.stats.inc_value(f"ingest/evidence/{flag}")
            if any(w in flag for w in ("later", "days_from", "differs", "off_site", "cut_short")):
                logger.info("evidence: %s on %s", flag, item.url)
        self.stats.inc_value("ingest/extracted")
        self.stats.inc_value(f"ingest/parser/{article.parser}")
        return article

    def _drop(self, reason: str, url: str, detail: str) -> None:
        self.stats.inc_value(f"ingest/dropped/{reason}")
        logger.warning("dropped %s: %s", url, reason)
        raise ArticleDropped(reason, url, f"{reason}: {detail}")
