"""Test-only extension: SIGKILL the crawl at a chosen point, so a crash is reproducible.

``-s CRASH_AT=response:N`` (N-th response received: mid-fetch, requests in flight),
``item:N`` (N-th item through every pipeline: articles buffered, not yet written),
``sql:N`` (N-th data-writing SQL statement: inside a store transaction, before its COMMIT).
"""

from __future__ import annotations

import os
import signal
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler


class CrashPoint:
    """Kill this very process (no clean-up, no flush) when the configured event's count is hit."""

    def __init__(self, crawler: Crawler, event: str, at: int) -> None:
        self.crawler = crawler
        self.event = event
        self.at = at
        self.count = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrashPoint:
        event, _, n = crawler.settings.get("CRASH_AT", "").partition(":")
        ext = cls(crawler, event, int(n or 0))
        if event == "response":
            crawler.signals.connect(ext.hit, signal=signals.response_received)
        elif event == "item":
            crawler.signals.connect(ext.hit, signal=signals.item_scraped)
        elif event == "sql":
            crawler.signals.connect(ext.trace_store, signal=signals.spider_opened)
        return ext

    def hit(self, *args: Any, **kwargs: Any) -> None:
        self.count += 1
        if self.count >= self.at:
            os.kill(os.getpid(), signal.SIGKILL)

    def trace_store(self, *args: Any, **kwargs: Any) -> None:
        """Count INSERT/UPDATE statements on the store pipeline's SQLite connection."""
        for pipe in self.crawler.engine.scraper.itemproc.middlewares:
            db = getattr(getattr(pipe, "store", None), "_db", None)
            if db is not None:
                db.set_trace_callback(self._statement)

    def _statement(self, sql: str) -> None:
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE")):
            self.hit()
