"""robots.txt as Scrapy's RobotsTxtMiddleware reads it, bounded for hosts that do not answer.

Scrapy asks for robots.txt with the page's timeout and retries (3 × DOWNLOAD_TIMEOUT for a host
that accepts and never answers, then as much again for the page) and logs the failure with a
traceback. Here robots.txt gets ``INGEST_ROBOTS_TIMEOUT`` seconds and ``INGEST_ROBOTS_RETRY_TIMES``
retries; a failure is one warning line and ``ingest/robots/unreadable/<error>`` (the host is
then crawled as if robots.txt allowed everything, as Scrapy does); a host whose robots.txt timed
out gets no retries on its pages, so a silent host costs two waits, not six.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import DownloadTimeoutError, IgnoreRequest
from scrapy.http import Request
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)


class BoundedRobotsTxtMiddleware(RobotsTxtMiddleware):
    """RobotsTxtMiddleware with its own timeout and retries for robots.txt, and one log line."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        settings = crawler.settings
        self.timeout = min(
            settings.getfloat("INGEST_ROBOTS_TIMEOUT"), settings.getfloat("DOWNLOAD_TIMEOUT")
        )
        self.retries = settings.getint("INGEST_ROBOTS_RETRY_TIMES")
        self.silent_hosts: set[str] = set()

    async def process_request(self, request: Request, spider: Any = None) -> None:
        await super().process_request(request)
        if urlparse_cached(request).netloc in self.silent_hosts:
            request.meta.setdefault("max_retry_times", 0)

    async def robot_parser(self, request: Request) -> Any:
        netloc = urlparse_cached(request).netloc
        if netloc not in self._parsers:
            self._parsers[netloc] = Deferred()
            url = urlparse_cached(request)
            robots = Request(
                f"{url.scheme}://{netloc}/robots.txt",
                priority=self.DOWNLOAD_PRIORITY,
                meta={
                    "dont_obey_robotstxt": True,
                    "download_timeout": self.timeout,
                    "max_retry_times": self.retries,
                    "dont_retry": self.retries == 0,  # nor a "Gave up retrying" line
                },
                callback=NO_CALLBACK,
            )
            try:
                response = await self.crawler.engine.download_async(robots)
                await self._parse_robots(response, netloc, request)
            except Exception as exc:
                if not isinstance(exc, IgnoreRequest):
                    self._unreadable(robots, netloc, exc)
                self._robots_error(exc, netloc)
            self._stats.inc_value("robotstxt/request_count")
        parser = self._parsers[netloc]
        if isinstance(parser, Deferred):
            return await maybe_deferred_to_future(parser)
        return parser

    def _unreadable(self, robots: Request, netloc: str, exc: Exception) -> None:
        silent = isinstance(exc, DownloadTimeoutError)
        name = "TimeoutError" if silent else type(exc).__name__
        self._stats.inc_value(f"ingest/robots/unreadable/{name}")
        if silent:
            self.silent_hosts.add(netloc)
        logger.warning(
            "%s not read (%s: %s); crawling the host as if it allowed everything%s",
            robots.url,
            name,
            str(exc).strip().splitlines()[0] if str(exc).strip() else "no detail",
            ", its pages without retries" if netloc in self.silent_hosts else "",
        )
