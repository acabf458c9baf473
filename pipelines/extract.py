"""FetchedPage → Article: runs the pure extraction, turning failures into counted drops."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from ingest.errors import ExtractionError
from ingest.extract import extract
from ingest.fetched import FetchedPage
from ingest.sites import SITES

logger = logging.getLogger(__name__)


class ExtractPipeline:
    """Extract every ``FetchedPage``; anything else passes through untouched."""

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        return cls(crawler.stats)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, FetchedPage):
            return item
        page = ItemAdapter(item)
        site = SITES.get(page["source"])
        try:
            article = extract(
                page["html"], page["url"], datetime.fromisoformat(page["fetched_at"]), site
            )
        except ExtractionError as exc:
            return self._drop(exc.reason, page["url"], str(exc))
        except Exception as exc:  # a bug on one page must not stop the crawl
            logger.exception("extraction crashed on %s", page["url"])
            return self._drop("extractor_error", page["url"], f"{type(exc).__name__}: {exc}")
        # The response's validators, kept by the store for the next crawl's conditional GET.
        hints = page["hints"] or {}
        article.http_etag = str(hints.get("http_etag") or "")
        article.http_last_modified = str(hints.get("http_last_modified") or "")
        self.stats.inc_value("ingest/extracted")
        self.stats.inc_value(f"ingest/parser/{article.parser}")
        return article

    def _drop(self, reason: str, url: str, detail: str) -> None:
        self.stats.inc_value(f"ingest/dropped/{reason}")
        logger.warning("dropped %s: %s", url, reason)
        raise DropItem(f"{reason}: {detail}")
