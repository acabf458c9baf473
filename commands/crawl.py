"""``scrapy crawl`` as Scrapy runs it, but the exit code says whether the crawl did its job.

Scrapy exits 0 whenever the crawl ran; ours exits with the code the crawl summary decided
(``ingest/exit_code`` in the stats: 3 articles not stored, 4 nothing stored; see
``ingest.report.outcome``), and keeps Scrapy's 1 (could not start) and 2 (usage).
"""

from __future__ import annotations

import argparse

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.crawler import Crawler
from scrapy.spiders import Spider


class Command(ScrapyCrawl):
    """Scrapy's crawl command; the exit code from the crawl's outcome."""

    crawler: Crawler | None = None

    def _create_crawler(self, spidercls: type[Spider] | str) -> Crawler:
        self.crawler = super()._create_crawler(spidercls)
        return self.crawler

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        super().run(args, opts)
        if self.exitcode == 0 and self.crawler is not None and self.crawler.stats is not None:
            self.exitcode = int(self.crawler.stats.get_value("ingest/exit_code", 0) or 0)
