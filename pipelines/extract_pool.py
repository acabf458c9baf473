"""Extraction worker processes for a crawl: off the reactor thread, at most N pages in flight."""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from scrapy.utils.asyncio import is_asyncio_available
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred, DeferredSemaphore
from twisted.internet.interfaces import IReactorFromThreads

logger = logging.getLogger(__name__)


class ExtractionPool:
    """A process pool awaited from the reactor; a semaphore caps the pages handed to it.

    The cap is the back-pressure: a page waiting for a slot keeps its response in Scrapy's
    scraper slot, and a full scraper slot stops new downloads, so memory stays flat however
    far the downloader could run ahead of extraction.
    """

    def __init__(self, workers: int, in_flight: int) -> None:
        self.workers = workers
        self.in_flight = max(1, in_flight)
        self._executor: ProcessPoolExecutor | None = None
        self._slots: asyncio.Semaphore | DeferredSemaphore | None = None

    def start(self) -> None:
        """Start the worker processes (from a clean server process, not a fork of the crawl)."""
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if "forkserver" in methods:
            context.set_forkserver_preload(["ingest.extract.record", __name__])
        self._executor = ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=_exit_with, initargs=(os.getpid(),)
        )
        from twisted.internet import reactor

        # A forced shutdown (a second Ctrl-C) skips close(): drop the queued pages, end at once.
        reactor.addSystemEventTrigger("during", "shutdown", self._abandon)

    def _abandon(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def close(self) -> None:
        """Stop the workers once the pages handed to them are done."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    async def call(self, func: Callable[..., Any], *args: Any) -> Any:
        """``func(*args)`` in a worker, awaited without blocking the reactor."""
        if is_asyncio_available():
            if self._slots is None:
                self._slots = asyncio.Semaphore(self.in_flight)
            assert isinstance(self._slots, asyncio.Semaphore)
            async with self._slots:
                return await asyncio.wrap_future(self._submit(func, args))
        if self._slots is None:
            self._slots = DeferredSemaphore(self.in_flight)
        assert isinstance(self._slots, DeferredSemaphore)
        await maybe_deferred_to_future(self._slots.acquire())
        try:
            return await maybe_deferred_to_future(_deferred(self._submit(func, args)))
        finally:
            self._slots.release()

    def _submit(self, func: Callable[..., Any], args: tuple[Any, ...]) -> Future[Any]:
        if self._executor is None:
            raise RuntimeError("extraction pool used before start() or after close()")
        try:
            return self._executor.submit(func, *args)
        except BrokenProcessPool:
            # A worker died (killed, out of memory): start fresh ones rather than fail every page.
            logger.error("extraction workers died; starting %d new ones", self.workers)
            self._executor.shutdown(wait=False, cancel_futures=True)
            self.start()
            return self._executor.submit(func, *args)


def _exit_with(crawl_pid: int) -> None:
    """In a worker: exit when the crawl process is gone (killed, not closed), never linger."""

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(crawl_pid, 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:
                pass  # the pid exists (reused by another user's process: rare; keep going)

    threading.Thread(target=watch, name="exit-with-crawl", daemon=True).start()


def _deferred(future: Future[Any]) -> Deferred[Any]:
    """A Deferred fired in the reactor thread when ``future`` (done in another thread) is."""
    from twisted.internet import reactor

    deferred: Deferred[Any] = Deferred()
    threads = IReactorFromThreads(reactor)

    def done(finished: Future[Any]) -> None:
        exc = finished.exception()
        if exc is None:
            threads.callFromThread(deferred.callback, finished.result())
        else:
            threads.callFromThread(deferred.errback, exc)

    future.add_done_callback(done)
    return deferred
