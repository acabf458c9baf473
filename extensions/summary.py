"""Crawl summary extension: one readable block at the end of every crawl (articles, drops, time),
per source too, kept in the stats and in the store for ``ingest report``."""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future

from ingest import atomic
from ingest.article import Article
from ingest.report.outcome import crawl_outcome
from ingest.report.tally import CrawlTally
from ingest.store import StoreError, as_store_errors
from ingest.store.crawls import CrawlRecord, record_crawl, store_outcomes
from pipelines.crawl_store import CrawlStore
from pipelines.dropped import ArticleDropped

logger = logging.getLogger(__name__)


class CrawlSummary:
    """Log the summary, per source too; keep it in the stats (``ingest/summary``) and the store's
    ``crawls`` table; write the final stats as JSON to ``INGEST_STATS_FILE`` when set."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats_file: str = crawler.settings.get("INGEST_STATS_FILE")
        settings = crawler.settings
        self.store = CrawlStore.of(crawler)
        self.record = settings.getbool("INGEST_CRAWL_RECORD")
        self.tally = CrawlTally()
        self.started = datetime.now(UTC)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlSummary:
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        # Every response downloaded (a retried 500 too), as the summary's "pages fetched"
        # (downloader/response_count) counts them: the report and the summary agree.
        crawler.signals.connect(ext.response_downloaded, signal=signals.response_downloaded)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.item_dropped, signal=signals.item_dropped)
        return ext

    def response_downloaded(self, response: Response, request: Any, spider: Any) -> None:
        self.tally.page(response.url, len(response.body))

    def item_scraped(self, item: Any) -> None:
        if isinstance(item, Article):
            self.tally.article(item)

    def item_dropped(self, item: Any, exception: BaseException) -> None:
        if isinstance(exception, ArticleDropped):
            self.tally.dropped(exception.url, exception.reason)
        else:  # another pipeline's DropItem: counted, its reason unknown
            self.tally.dropped(getattr(item, "url", "") or "", "dropped")

    async def spider_closed(self, spider: Any, reason: str) -> None:
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        per_source = self._per_source(stats)
        if self.record and self.store.location:
            await maybe_deferred_to_future(self.store.run(self._record, spider, reason, per_source))
        outcome = crawl_outcome(stats)
        if self.crawler.stats is not None:
            self.crawler.stats.set_value("ingest/summary", per_source)
            self.crawler.stats.set_value("ingest/outcome", outcome.cause)
            self.crawler.stats.set_value("ingest/exit_code", outcome.code)
        summary = format_summary(stats, reason) + format_sources(per_source)
        summary += f"\n  outcome:           {outcome.cause} (exit {outcome.code})"
        (logger.error if outcome.code else logger.info)("%s", summary)
        if self.stats_file:
            stats = self.crawler.stats.get_stats() if self.crawler.stats else stats
            text = json.dumps(stats, default=_jsonable, indent=1, sort_keys=True)
            atomic.write_text(self.stats_file, text)

    def _per_source(self, stats: dict[str, Any]) -> dict[str, dict[str, Any]]:
        """Every source's summary; drops counted outside the pipelines (HTTP errors, non-HTML)
        go to the source that served most pages, as they cannot be told apart by the stats."""
        self.tally.boilerplate(stats)
        per_source = {name: t.summary() for name, t in sorted(self.tally.sources.items())}
        if per_source:
            main = max(per_source, key=lambda n: per_source[n]["pages"])
            counted: dict[str, int] = {}
            for summary in per_source.values():
                for why, n in summary["dropped"].items():
                    counted[why] = counted.get(why, 0) + n
            for key, n in stats.items():
                why = key.removeprefix("ingest/dropped/")
                if key.startswith("ingest/dropped/") and n > counted.get(why, 0):
                    dropped = per_source[main]["dropped"]
                    dropped[why] = dropped.get(why, 0) + n - counted.get(why, 0)
        elapsed = (datetime.now(UTC) - self.started).total_seconds()
        for summary in per_source.values():
            summary["seconds"] = round(elapsed, 1)
        return per_source

    def _record(self, spider: Any, reason: str, per_source: dict[str, dict[str, Any]]) -> None:
        """In the crawl store's thread: add the store's view (new and revised articles) and save
        the rows; never raises."""
        started = self.started.isoformat()
        try:
            store = self.store.opened()
            with as_store_errors(store):
                outcomes = store_outcomes(store, started)
                for name, summary in per_source.items():
                    summary.update(outcomes.get(name, {"new": 0, "revised": 0}))
                crawl_id = f"{spider.name}-{self.started:%Y%m%dT%H%M%S}-{os.getpid()}"
                finished = datetime.now(UTC).isoformat()
                record_crawl(store, [
                    CrawlRecord(crawl_id, name, spider.name, started, finished, reason, summary)
                    for name, summary in per_source.items()
                ])  # fmt: skip
        except StoreError as exc:
            logger.error("crawl summary not stored: %s", exc)


def format_summary(stats: dict[str, Any], reason: str = "") -> str:
    """The crawl in a few lines: what was stored, what was dropped and why, how long it took."""
    dropped = {
        k.removeprefix("ingest/dropped/"): v
        for k, v in stats.items()
        if k.startswith("ingest/dropped/")
    }
    elapsed = stats.get("elapsed_time_seconds")
    lines = [
        f"crawl finished ({reason or stats.get('finish_reason', '?')})"
        + (f" in {float(elapsed):.1f} s" if elapsed is not None else ""),
        f"  pages fetched:     {stats.get('downloader/response_count', 0)}",
        f"  articles extracted:{stats.get('ingest/extracted', 0):>5}",
        f"  stored: {stats.get('ingest/store/inserted', 0)} new, "
        f"{stats.get('ingest/store/updated', 0)} updated, "
        f"{stats.get('ingest/store/unchanged', 0)} unchanged",
        f"  duplicates:        {stats.get('ingest/duplicates/canonical_url', 0)} same URL, "
        f"{stats.get('ingest/duplicates/near', 0)} near-duplicate bodies",
        f"  already stored:    {stats.get('ingest/incremental/skipped', 0)} not re-fetched, "
        f"{stats.get('ingest/http/not_modified', 0)} answered 304 Not Modified",
        f"  dropped:           {sum(dropped.values())}"
        + "".join(f"\n    {reason_}: {n}" for reason_, n in sorted(dropped.items())),
    ]
    if stats.get("ingest/store/not_stored"):
        lines.append(
            f"  NOT STORED:        {stats['ingest/store/not_stored']} (store failures, see the log)"
        )
    return "\n".join(lines)


def format_sources(per_source: dict[str, dict[str, Any]]) -> str:
    """One block per source: pages, articles, store outcome, drops, fill rates."""
    lines = []
    for name, sm in per_source.items():
        fill = ", ".join(f"{f} {v:.0%}" for f, v in sm["fill"].items())
        drops = ", ".join(f"{k} {v}" for k, v in sm["dropped"].items()) or "none"
        removed = ", ".join(f"{k} {v}" for k, v in sm.get("boilerplate", {}).items()) or "none"
        lines.append(
            f"\n  [{name}] {sm['pages']} pages ({sm['bytes'] / 1e6:.2f} MB), {sm['articles']} "
            f"articles ({sm.get('new', 0)} new, {sm.get('revised', 0)} revised), "
            f"{sm['duplicates']} duplicates; dropped: {drops}\n    fill: {fill}"
            f"\n    boilerplate removed: {removed}"
        )
    return "".join(lines)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return str(value)
