"""Crawl summary extension: one readable block at the end of every crawl (articles, drops, time)."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class CrawlSummary:
    """Log the summary, and write the final stats as JSON to ``INGEST_STATS_FILE`` when set."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats_file: str = crawler.settings.get("INGEST_STATS_FILE", "")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlSummary:
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider: Any, reason: str) -> None:
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        logger.info("%s", format_summary(stats, reason))
        if self.stats_file:
            path = Path(self.stats_file)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(stats, default=_jsonable, indent=1, sort_keys=True), "utf-8")


def format_summary(stats: dict[str, Any], reason: str = "") -> str:
    """The crawl in a few lines: what was stored, what was dropped and why, how long it took."""
    dropped = {
        k.removeprefix("ingest/dropped/"): v
        for k, v in stats.items()
        if k.startswith("ingest/dropped/")
    }
    elapsed = stats.get("elapsed_time_seconds")
    lines = [
        f"crawl finished ({reason or stats.get('finish_reason', '?')})"
        + (f" in {float(elapsed):.1f} s" if elapsed is not None else ""),
        f"  pages fetched:     {stats.get('downloader/response_count', 0)}",
        f"  articles extracted:{stats.get('ingest/extracted', 0):>5}",
        f"  stored: {stats.get('ingest/store/inserted', 0)} new, "
        f"{stats.get('ingest/store/updated', 0)} updated, "
        f"{stats.get('ingest/store/unchanged', 0)} unchanged",
        f"  duplicates:        {stats.get('ingest/duplicates/canonical_url', 0)}",
        f"  dropped:           {sum(dropped.values())}"
        + "".join(f"\n    {reason_}: {n}" for reason_, n in sorted(dropped.items())),
    ]
    return "\n".join(lines)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return str(value)
