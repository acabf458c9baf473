"""Scrapy add-on: ``INGEST_DISTRIBUTED=redis://…`` makes workers share one frontier and one
duplicate filter in Redis (scrapy-redis), keyed by ``INGEST_CRAWL_ID``.

Every worker of one crawl runs the same command with the same crawl id, on any machine; each
writes to the shared store (``INGEST_DATABASE_URL``, PostgreSQL). A worker that dies loses its
in-flight requests: scrapy-redis has popped them from the queue and marked them seen
(rmax/scrapy-redis#177). Re-running the crawl under a new crawl id is the recovery: discovery
finds them again, and the incremental middleware skips or revalidates what is already stored.
"""

from __future__ import annotations

from scrapy.settings import BaseSettings

PREFIX = "ingest"


class DistributedError(ValueError):
    """The distributed settings are incomplete or wrong."""


class DistributedAddon:
    """Switch the scheduler and duplicate filter to scrapy-redis when INGEST_DISTRIBUTED is set."""

    def update_settings(self, settings: BaseSettings) -> None:
        url = (settings.get("INGEST_DISTRIBUTED") or "").strip()
        if not url:
            return
        if not url.startswith(("redis://", "rediss://", "unix://")):
            raise DistributedError(f"INGEST_DISTRIBUTED={url!r}: give a redis:// URL")
        crawl = (settings.get("INGEST_CRAWL_ID") or "").strip()
        if not crawl:
            raise DistributedError(
                "INGEST_DISTRIBUTED needs INGEST_CRAWL_ID: the same id for every worker of one "
                "crawl, a new one for the next crawl (e.g. -s INGEST_CRAWL_ID=$(date -u +%Y%m%dT%H))"
            )
        for name, value in (
            ("SCHEDULER", "scrapy_redis.scheduler.Scheduler"),
            ("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter"),
            ("REDIS_URL", url),
            # Kept when one worker finishes: the others are still reading the queue.
            ("SCHEDULER_PERSIST", True),
            ("SCHEDULER_QUEUE_KEY", f"{PREFIX}:{crawl}:%(spider)s:requests"),
            ("SCHEDULER_DUPEFILTER_KEY", f"{PREFIX}:{crawl}:%(spider)s:dupefilter"),
            ("DUPEFILTER_KEY", f"{PREFIX}:{crawl}:dupefilter:%(timestamp)s"),
        ):
            settings.set(name, value, priority="addon")
