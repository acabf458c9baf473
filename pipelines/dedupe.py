"""Normalize articles and drop the second copy of one seen earlier in the same crawl."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from ingest.article import Article
from ingest.normalize import normalize_article

logger = logging.getLogger(__name__)


class DedupePipeline:
    """Canonicalize URLs; one article per canonical URL per crawl (the store upserts across crawls)."""

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupePipeline:
        return cls(crawler.stats)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        article = normalize_article(item)
        if article.canonical_url in self.seen:
            self.stats.inc_value("ingest/duplicates/canonical_url")
            logger.info("duplicate of %s: %s", article.canonical_url, article.url)
            raise DropItem(f"duplicate: {article.canonical_url}")
        self.seen.add(article.canonical_url)
        return article
