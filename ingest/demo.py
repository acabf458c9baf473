"""The main job, offline: serve the bundled snapshot on 127.0.0.1 and crawl it into the store."""

from __future__ import annotations

import logging
import os
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ingest.errors import IngestError
from ingest.replay.server import ReplayServer, Snapshot
from ingest.sites.korrespondent import SITE


def run_demo(snapshot_dir: Path, db_path: str | None = None, days: int = 3) -> int:
    """Crawl ``snapshot_dir`` with the real ``korrespondent`` spider; print the summary."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "ingest.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from commands.crawl import FORCED_SHUTDOWN, forced_shutdown
    from extensions.summary import format_summary

    snapshot = Snapshot.load(snapshot_dir)
    until = snapshot.captured_at.astimezone(ZoneInfo(SITE.timezone)).date()
    since = until - timedelta(days=days - 1)
    started = time.monotonic()
    with ReplayServer(snapshot) as server:
        settings = get_project_settings()
        settings.set("INGEST_REPLAY_PROXY", server.url, priority="cmdline")
        settings.set("AUTOTHROTTLE_ENABLED", False, priority="cmdline")  # loopback needs no manners
        settings.set("LOG_LEVEL", "WARNING", priority="cmdline")
        _use_store(settings, db_path)
        process = CrawlerProcess(settings)
        _say_signals()
        crawler = process.create_crawler("korrespondent")
        process.crawl(crawler, since=since.isoformat(), until=until.isoformat())
        process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    store = _store(settings)
    print(f"snapshot {snapshot_dir} (captured {snapshot.captured_at.isoformat()}) → {store}")
    forced = forced_shutdown(crawler)
    print(format_summary(stats, "forced shutdown" if forced else ""))
    print(f"  wall time:         {time.monotonic() - started:.1f} s")
    if forced:
        print("ingest demo: stopped by a forced shutdown (batches committed before it stay stored)")
        return FORCED_SHUTDOWN
    return 0 if stats.get("finish_reason") == "finished" else 1


def run_generic_demo(snapshot_dir: Path, db_path: str | None = None) -> int:
    """Crawl each site of the generic snapshot with the ``news`` spider from its home page only:
    one site is found by its sitemaps, one by its feeds, one by following links."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "ingest.settings")
    import json

    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from commands.crawl import FORCED_SHUTDOWN, forced_shutdown
    from extensions.summary import format_summary

    snapshot = Snapshot.load(snapshot_dir)
    sites = json.loads((snapshot_dir / "manifest.json").read_text("utf-8"))["sites"]
    until = snapshot.captured_at.date()
    since = until - timedelta(days=2)
    started = time.monotonic()
    with ReplayServer(snapshot) as server:
        settings = get_project_settings()
        settings.set("INGEST_REPLAY_PROXY", server.url, priority="cmdline")
        settings.set("AUTOTHROTTLE_ENABLED", False, priority="cmdline")
        settings.set("LOG_LEVEL", "WARNING", priority="cmdline")
        _use_store(settings, db_path)
        process = CrawlerProcess(settings)
        _say_signals()
        crawlers = []
        for site in sites:
            crawler = process.create_crawler("news")
            process.crawl(crawler, url=site["start_url"], since=str(since), until=str(until))
            crawlers.append((site, crawler))
        process.start()
    store = _store(settings)
    print(f"snapshot {snapshot_dir} (captured {snapshot.captured_at.isoformat()}) → {store}")
    ok = True
    for site, crawler in crawlers:
        stats = crawler.stats.get_stats() if crawler.stats else {}
        ok = ok and stats.get("finish_reason") == "finished"
        print(f"\n{site['start_url']} (discovered by {site['discovery']})")
        print(format_summary(stats, "forced shutdown" if forced_shutdown(crawler) else ""))
    print(f"  wall time:         {time.monotonic() - started:.1f} s")
    if any(forced_shutdown(crawler) for _, crawler in crawlers):
        print("ingest demo: stopped by a forced shutdown (batches committed before it stay stored)")
        return FORCED_SHUTDOWN
    return 0 if ok else 1


def _say_signals() -> None:
    """Show Scrapy's "Received SIGINT, shutting down gracefully" lines although the demo logs
    warnings only: a Ctrl-C that prints nothing while in-flight work drains looks ignored."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.INFO)
    handler.addFilter(lambda record: record.getMessage().startswith("Received "))
    logging.getLogger("scrapy.crawler").addHandler(handler)


def _use_store(settings: Any, db_path: str | None) -> None:
    """``--db`` (an SQLite path) wins over INGEST_DATABASE_URL; a store that cannot be opened
    (a dead database server) is one error line before anything is crawled."""
    from commands.crawl import store_problem

    if db_path:
        settings.set("INGEST_DATABASE_PATH", db_path, priority="cmdline")
        settings.set("INGEST_DATABASE_URL", "", priority="cmdline")
    problem = store_problem(settings)
    if problem:
        raise IngestError(problem)


def _store(settings: Any) -> str:
    from ingest.store import store_location

    return store_location(settings.get("INGEST_DATABASE_URL"), settings.get("INGEST_DATABASE_PATH"))
