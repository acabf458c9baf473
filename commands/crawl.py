"""``scrapy crawl`` as Scrapy runs it, but the exit code says whether the crawl did its job.

Scrapy exits 0 whenever the crawl ran; ours exits with the code the crawl summary decided
(``ingest/exit_code`` in the stats: 3 articles not stored, 4 nothing stored; see
``ingest.report.outcome``), and keeps Scrapy's 1 (could not start) and 2 (usage). A crawl
stopped by a forced shutdown (a second Ctrl-C or SIGTERM) never closed: 130.
"""

from __future__ import annotations

import argparse
import logging
import sys

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings
from scrapy.spiders import Spider


class Command(ScrapyCrawl):
    """Scrapy's crawl command; the exit code from the crawl's outcome."""

    crawler: Crawler | None = None

    def _create_crawler(self, spidercls: type[Spider] | str) -> Crawler:
        self.crawler = super()._create_crawler(spidercls)
        return self.crawler

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) == 1 and not self._arguments_ok(args[0], opts.spargs):
            self.exitcode = 2
            return
        assert self.settings is not None
        problem = store_problem(self.settings)
        if len(args) == 1 and problem:
            print(f"scrapy crawl {args[0]}: error: {problem}", file=sys.stderr)
            self.exitcode = 1
            return
        super().run(args, opts)
        if self.exitcode == 0 and self.crawler is not None and self.crawler.stats is not None:
            if forced_shutdown(self.crawler):
                self.exitcode = FORCED_SHUTDOWN
            else:
                self.exitcode = int(self.crawler.stats.get_value("ingest/exit_code", 0) or 0)

    def _arguments_ok(self, name: str, spargs: dict[str, str]) -> bool:
        """Build the spider once before the crawl, so that a mistaken ``-a`` is one line here
        rather than an asyncio "Task exception was never retrieved" traceback from the crawl."""
        assert self.crawler_process
        try:
            spidercls = self.crawler_process.spider_loader.load(name)
        except KeyError:
            return True  # Scrapy's own "Spider not found" line
        try:
            spidercls(**spargs)
        except (ValueError, KeyError, TypeError) as exc:
            message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
            print(f"scrapy crawl {name}: error: {message}", file=sys.stderr)
            return False
        return True


def store_problem(settings: BaseSettings) -> str:
    """Why the crawl's store cannot be opened (a dead database server, a folder for a file), in
    one line, or "": checked before crawling, since a store failing to open inside the crawl
    ends in three tracebacks and a misleading "store …: 0 new" line."""
    from ingest.store import StoreError, open_store, store_location

    location = store_location(
        settings.get("INGEST_DATABASE_URL"), settings.get("INGEST_DATABASE_PATH")
    )
    try:
        open_store(location).close()
    except StoreError as exc:
        return " ".join(str(exc).split())
    return ""


FORCED_SHUTDOWN = 130


def forced_shutdown(crawler: Crawler) -> bool:
    """Whether the crawl was stopped before its spider closed (Scrapy's forced shutdown); the
    asyncio tasks it left pending are then not worth a log line each at exit."""
    if crawler.spider is None or (crawler.stats and crawler.stats.get_value("finish_reason")):
        return False  # never started, or closed
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    return True
