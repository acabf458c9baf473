"""Incremental crawls: article URLs already stored are skipped, or re-checked with a conditional GET.

Only requests the spider marks as article pages (``meta["ingest_article"]``) are touched; feeds,
sitemaps and archives are always read. A stored article older than ``INGEST_RECHECK_HOURS`` (by
its publication time, else when it was first stored) is not fetched again
(``ingest/incremental/skipped``); a younger one is fetched with If-None-Match / If-Modified-Since,
and a 304 answer ends there (``ingest/http/not_modified``), with no item.

A crawl that writes a feed export (``-o``/``-O``, ``FEEDS``) is not incremental: whoever asks for
a file wants the articles in it, and a skipped or 304 page yields none. Every article page is
fetched; the store keeps one row each (``ingest/store/unchanged``).

Lookups run in the crawl store's thread (``pipelines.crawl_store``), on its one connection: the
reactor thread never waits on the database.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.statscollectors import StatsCollector
from scrapy.utils.defer import maybe_deferred_to_future

from ingest.store import FetchState, StoreError
from pipelines.crawl_store import CrawlStore

logger = logging.getLogger(__name__)
# Set on a request this middleware ended, so the spider's errback does not count it as a drop.
UNCHANGED_META = "ingest_unchanged"


class IncrementalMiddleware:
    """Skip or conditionally re-fetch article pages the store already holds."""

    def __init__(self, store: CrawlStore, recheck: timedelta, stats: StatsCollector) -> None:
        self.store = store
        self.recheck = recheck
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncrementalMiddleware:
        settings = crawler.settings
        if not settings.getbool("INGEST_INCREMENTAL"):
            raise NotConfigured("INGEST_INCREMENTAL is off")
        if settings.getdict("FEEDS"):
            logger.info(
                "feed export configured: incremental skipping is off, every article page is "
                "fetched so the export holds them all"
            )
            raise NotConfigured("a feed export wants every article")
        recheck = timedelta(hours=settings.getfloat("INGEST_RECHECK_HOURS"))
        return cls(CrawlStore.of(crawler), recheck, crawler.stats)

    async def process_request(self, request: Request) -> None:
        if not request.meta.get("ingest_article") or request.meta.get("ingest_conditional"):
            return
        state = await self._state(request.url)
        if state is None:
            return
        if self._age(state) > self.recheck:
            self.stats.inc_value("ingest/incremental/skipped")
            request.meta[UNCHANGED_META] = "skipped"
            raise IgnoreRequest(f"stored and older than the re-check window: {request.url}")
        if state.http_etag:
            request.headers[b"If-None-Match"] = state.http_etag
        if state.http_last_modified:
            request.headers[b"If-Modified-Since"] = state.http_last_modified
        if state.http_etag or state.http_last_modified:
            request.meta["ingest_conditional"] = True
            self.stats.inc_value("ingest/http/conditional")

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status == 304 and request.meta.get("ingest_conditional"):
            self.stats.inc_value("ingest/http/not_modified")
            request.meta[UNCHANGED_META] = "not_modified"
            raise IgnoreRequest(f"not modified: {request.url}")
        return response

    async def _state(self, url: str) -> FetchState | None:
        """The stored state of ``url``; a store that cannot answer means "fetch it"."""
        try:
            return await maybe_deferred_to_future(self.store.run(self._lookup, url))
        except StoreError as exc:
            self.stats.inc_value("ingest/incremental/lookup_failed")
            logger.warning("cannot look %s up in the store, fetching it: %s", url, exc)
        except _LookupFailed as failed:  # the database went away mid-crawl
            self.stats.inc_value("ingest/incremental/lookup_failed")
            if failed.reconnected:
                self.stats.inc_value("ingest/store/reconnects")
            logger.warning("store lookup of %s failed (%s), fetching it", url, failed.reason)
        return None

    def _lookup(self, url: str) -> FetchState | None:
        """In the store's thread: the lookup; after a database error, a new connection for the
        next one (the writer's next batch uses it too)."""
        store = self.store.opened()
        try:
            return store.fetch_state(url)
        except store.write_errors as exc:
            try:
                store.reconnect()
            except StoreError as again:
                logger.warning("%s", again)
                raise _LookupFailed(exc, reconnected=False) from exc
            raise _LookupFailed(exc, reconnected=True) from exc

    @staticmethod
    def _age(state: FetchState) -> timedelta:
        born = state.published_at or state.first_stored_at
        moment = datetime.fromisoformat(born)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return datetime.now(UTC) - moment


class _LookupFailed(Exception):
    """A lookup the database failed, and whether a new connection was opened after it."""

    def __init__(self, exc: BaseException, reconnected: bool) -> None:
        super().__init__(str(exc))
        self.reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        self.reconnected = reconnected
