"""The crawl's store is opened from one place: pipeline, incremental lookups and summary share it."""

from __future__ import annotations

import asyncio
from pathlib import Path

from scrapy.utils.test import get_crawler

from extensions.summary import CrawlSummary
from ingest import settings
from middlewares.incremental import IncrementalMiddleware
from pipelines.crawl_store import CrawlStore
from pipelines.store import StorePipeline


def test_one_store_per_crawl_shared_by_every_component(tmp_path: Path) -> None:
    ours = {k: getattr(settings, k) for k in dir(settings) if k.startswith("INGEST_")}
    ours["INGEST_DATABASE_PATH"] = str(tmp_path / "a.sqlite")
    crawler = get_crawler(settings_dict=ours)
    pipeline = StorePipeline.from_crawler(crawler)
    middleware = IncrementalMiddleware.from_crawler(crawler)
    summary = CrawlSummary.from_crawler(crawler)
    assert pipeline.crawl_store is middleware.store is summary.store is CrawlStore.of(crawler)
    assert pipeline.crawl_store.location == str(tmp_path / "a.sqlite")
    assert CrawlStore.of(get_crawler()) is not pipeline.crawl_store  # one per crawler
    # Lookups are awaited (run in the store's thread), never a blocking call on the reactor's.
    assert asyncio.iscoroutinefunction(middleware.process_request)


def test_work_handed_over_after_a_forced_shutdown_is_dropped_without_a_traceback(
    tmp_path: Path,
) -> None:
    store = CrawlStore(str(tmp_path / "a.sqlite"))
    store.run(store.opened)  # the store's thread started
    store._stop()  # what the reactor's shutdown trigger does on a second Ctrl-C
    # An item still in flight reaches the store pipeline: its batch is not written (as in a
    # kill); it raised twisted's AlreadyQuit (restarting the stopped thread) before.
    later = store.run(store.opened)
    assert not later.called
    assert not store._thread.started
