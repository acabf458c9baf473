"""The crawl's one store: one connection, used from one thread of its own.

The store pipeline's writes, the incremental middleware's lookups and the crawl summary's rows all
go through it, so the reactor thread never waits on the database and a crawl holds one
connection (it held three). The store is opened on first use, in that thread, and closed when the
engine stops (after the summary's rows); a forced shutdown stops the thread too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from scrapy import signals
from scrapy.crawler import Crawler
from twisted.internet.defer import Deferred
from twisted.internet.interfaces import IReactorFromThreads
from twisted.internet.threads import deferToThreadPool
from twisted.python.threadpool import ThreadPool

from ingest.store import SqlStore, open_store, store_location

T = TypeVar("T")
_ATTRIBUTE = "_ingest_crawl_store"


class CrawlStore:
    """The store at ``location`` behind one worker thread; every call runs there, in order."""

    def __init__(self, location: str) -> None:
        self.location = location
        self.store: SqlStore | None = None
        self._thread = ThreadPool(minthreads=1, maxthreads=1, name="ingest-store")
        self._stopped = False

    @classmethod
    def of(cls, crawler: Crawler) -> CrawlStore:
        """The crawler's store, made on the first ask (by whichever component asks first)."""
        found: CrawlStore | None = getattr(crawler, _ATTRIBUTE, None)
        if found is None:
            settings = crawler.settings
            found = cls(
                store_location(
                    settings.get("INGEST_DATABASE_URL") or "",
                    settings.get("INGEST_DATABASE_PATH") or "",
                )
            )
            setattr(crawler, _ATTRIBUTE, found)
            crawler.signals.connect(found.close, signal=signals.engine_stopped)
        return found

    def run(self, func: Callable[..., T], *args: Any) -> Deferred[T]:
        """``func(*args)`` in the store's thread (it may use ``self.opened()`` there)."""
        from twisted.internet import reactor

        if self._stopped:
            # Items still in flight after a forced shutdown: the reactor is stopping and nothing
            # waits for this work, which is lost as in a kill. Starting the stopped pool again
            # raised AlreadyQuit, a traceback on Ctrl-C.
            return Deferred()
        if not self._thread.started:
            self._thread.start()
            # A forced shutdown (a second Ctrl-C) stops the reactor without engine_stopped: the
            # thread must end too, or the interpreter waits for it forever at exit.
            reactor.addSystemEventTrigger("during", "shutdown", self._stop)
        return deferToThreadPool(IReactorFromThreads(reactor), self._thread, func, *args)

    def opened(self) -> SqlStore:
        """The store, opened now if it is not yet (in the store's thread only); StoreError if
        it cannot be."""
        if self.store is None:
            self.store = open_store(self.location)
        return self.store

    def open(self) -> Deferred[SqlStore]:
        """Open the store in its thread; the Deferred fails with StoreError if it cannot be."""
        return self.run(self.opened)

    async def close(self) -> None:
        """Close the connection in its thread, then end the thread."""
        if not self._thread.started:
            return
        from scrapy.utils.defer import maybe_deferred_to_future

        try:
            await maybe_deferred_to_future(self.run(self._close))
        finally:
            self._stop()

    def _close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def _stop(self) -> None:
        self._stopped = True
        if self._thread.started:
            self._thread.stop()
