"""Test-only item pipeline: hold the crawl's N-th item forever, so a graceful shutdown cannot
finish (Scrapy waits for items in progress) and only a forced one ends the crawl.

``-s HOLD_AT=N``; logs ``holding item N`` when it starts holding. Placed before the store, so
the items before it are stored (``INGEST_STORE_BATCH`` at a time) and the held one never is.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)


class HoldItem:
    """Pass items through until the ``HOLD_AT``-th, which waits on a Deferred that never fires."""

    def __init__(self, at: int) -> None:
        self.at = at
        self.count = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> HoldItem:
        return cls(crawler.settings.getint("HOLD_AT", 0))

    async def process_item(self, item: Any) -> Any:
        self.count += 1
        if self.at and self.count == self.at:
            logger.warning("holding item %d", self.count)
            await maybe_deferred_to_future(Deferred())
        return item
