"""429 and 503 answers with ``Retry-After``: the whole domain waits as asked, then the request is
retried; Scrapy's RetryMiddleware retries at once and loses the page after RETRY_TIMES.

A wait longer than ``INGEST_RETRY_AFTER_MAX_SECONDS`` is not honoured (counted
``ingest/retry_after/too_long``; the plain retry rules apply); at most
``INGEST_RETRY_AFTER_TIMES`` such retries per request (``ingest/retry_after/count``).
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import reactor
from twisted.internet.task import deferLater

logger = logging.getLogger(__name__)
_STATUSES = (429, 503)


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` value asks for (delta-seconds or an HTTP date); None if unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - (now or datetime.now(UTC))).total_seconds(), 0.0)


class RetryAfterMiddleware:
    """Hold a domain's requests until the time its last 429/503 asked for; retry the refused one."""

    def __init__(self, crawler: Crawler, max_wait: float, max_times: int) -> None:
        self.crawler = crawler
        self.max_wait = max_wait
        self.max_times = max_times
        self._not_before: dict[str, float] = {}  # host → time.monotonic() it may be asked again

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        settings = crawler.settings
        return cls(
            crawler,
            settings.getfloat("INGEST_RETRY_AFTER_MAX_SECONDS"),
            settings.getint("INGEST_RETRY_AFTER_TIMES"),
        )

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        wait = self._not_before.get(_host(request), 0.0) - time.monotonic()
        if wait > 0:
            await maybe_deferred_to_future(deferLater(reactor, wait, lambda: None))

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        if response.status not in _STATUSES:
            return response
        delay = retry_after_seconds(response.headers.get(b"Retry-After"))
        if delay is None:
            return response
        stats = self.crawler.stats
        assert stats is not None
        if delay > self.max_wait:
            stats.inc_value("ingest/retry_after/too_long")
            logger.warning("%s asks to wait %.0f s: more than allowed", request.url, delay)
            return response
        host = _host(request)
        self._not_before[host] = max(self._not_before.get(host, 0.0), time.monotonic() + delay)
        crawling = self.crawler.spider
        assert crawling is not None  # responses come only while a spider runs
        retry = get_retry_request(
            request,
            spider=crawling,
            reason=f"retry_after_{response.status}",
            max_retry_times=self.max_times,
            stats_base_key="ingest/retry_after",
        )
        return retry or response


def _host(request: Request) -> str:
    return (urlsplit(request.url).hostname or "").lower()
