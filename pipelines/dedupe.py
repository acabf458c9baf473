"""Drop a second copy of one URL seen earlier in the same crawl (the record path normalized it).

Identity is ``ingest.normalize.url_key``: tracking parameters, AMP and mobile mirrors and a
trailing slash do not make another article. Across crawls the store upserts by the same key;
near-duplicate copies from other sources are kept and linked there (``duplicate_of``).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from ingest.article import Article
from ingest.normalize import url_key
from pipelines.dropped import ArticleDropped

logger = logging.getLogger(__name__)


class DedupePipeline:
    """One article per URL key per crawl, the others counted and logged."""

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats
        self.seen: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupePipeline:
        return cls(crawler.stats)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        article = item
        key = url_key(article.canonical_url)
        if key in self.seen:
            self.stats.inc_value("ingest/duplicates/canonical_url")
            logger.info("duplicate of %s: %s", self.seen[key], article.url)
            raise ArticleDropped(
                "duplicate", article.url, f"duplicate of {self.seen[key]}: {article.url}"
            )
        self.seen[key] = article.canonical_url
        return article
