"""Correspondent.net discovery: RSS feeds, sitemaps and day archives → article responses.

Discovery only: article pages are handed on as ``FetchedPage`` items and extracted in a pipeline.
The same code crawls the live site and the bundled snapshot (``-s INGEST_REPLAY_PROXY=…``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import date, datetime, timedelta
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

import scrapy
from scrapy.http import Response, TextResponse

from ingest.discovery import (
    ArchiveLinks,
    archive_links,
    parse_day,
)
from ingest.discovery.feeds import parse_feed
from ingest.discovery.kinds import parse_discover
from ingest.discovery.sitemaps import parse_sitemap
from ingest.sites.korrespondent import MONTHS_EN, SITE
from spiders.articles import ArticleRequests


class KorrespondentSpider(ArticleRequests, scrapy.Spider):
    """``scrapy crawl korrespondent [-a editions=ru,uk] [-a since=D] [-a until=D] [-a limit=N]``."""

    name = "korrespondent"
    site = SITE
    source_name = SITE.name
    allowed_domains: ClassVar[list[str]] = ["korrespondent.net", "k.img.com.ua"]

    def __init__(
        self,
        editions: str = "ru,uk",
        since: str | None = None,
        until: str | None = None,
        limit: str | int | None = None,
        discover: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.discover = parse_discover(discover)
        wanted = {e.strip() for e in editions.split(",") if e.strip()}
        wanted = {"uk" if e == "ua" else e for e in wanted}
        self.editions = [e for e in self.site.editions if e.language in wanted]
        if not self.editions:
            known = ", ".join(e.language for e in self.site.editions)
            raise ValueError(f"editions={editions!r}: choose from {known}")
        zone = ZoneInfo(self.site.timezone)
        today = datetime.now(zone).date()
        self.until: date = parse_day(until, "until") if until else today
        self.since: date = parse_day(since, "since") if since else self.until - timedelta(days=1)
        if self.since > self.until:
            raise ValueError(f"since={self.since} is after until={self.until}")
        self.limit = int(limit) if limit not in (None, "") else None
        self.seen_articles: set[str] = set()

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for edition in self.editions:
            for url in edition.feeds if "feeds" in self.discover else ():
                yield scrapy.Request(
                    url, callback=self.parse_feed, cb_kwargs={"lang": edition.language}
                )
            for url in edition.sitemaps if "sitemaps" in self.discover else ():
                yield scrapy.Request(url, callback=self.parse_sitemap)
            day = self.since
            while "archives" in self.discover and day <= self.until:
                url = edition.archive_day_url.format(
                    year=day.year, month_name=MONTHS_EN[day.month - 1], month=day.month, day=day.day
                )
                yield scrapy.Request(url, callback=self.parse_archive)
                day += timedelta(days=1)

    def parse_feed(self, response: Response, lang: str) -> Iterator[scrapy.Request]:
        """RSS items → article requests, filtered by pubDate when the feed gives one."""
        feed = parse_feed(response.body, response.url)
        self._count_dtd("feed", feed.dtd_ignored, response.url)
        for entry in feed.entries:
            yield from self._article(entry.url, response, entry.published, entry.as_hints())

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        """Sitemap indexes → child sitemaps; url sets → article requests filtered by lastmod."""
        sitemap = parse_sitemap(response.body, response.url)
        self._count_dtd("sitemap", sitemap.dtd_ignored, response.url)
        if sitemap.error:
            self.logger.warning("unreadable sitemap %s: %s", response.url, sitemap.error)
            self.crawler.stats.inc_value(f"ingest/discovery/bad_sitemap/{sitemap.error}")
            return
        for entry in sitemap.entries:
            if sitemap.kind == "sitemapindex":
                if entry.lastmod is not None and not self._in_range(entry.lastmod, slack_days=1):
                    continue
                depth = response.meta.get("sitemap_depth", 0)
                if depth >= self.crawler.settings.getint("INGEST_SITEMAP_MAX_DEPTH"):
                    self.crawler.stats.inc_value("ingest/discovery/skipped/sitemap_depth_limit")
                    self.logger.warning(
                        "sitemap index %s: too deep, %s skipped", response.url, entry.loc
                    )
                    continue
                yield response.follow(
                    entry.loc, callback=self.parse_sitemap, meta={"sitemap_depth": depth + 1}
                )
            else:
                yield from self._article(entry.loc, response, entry.best_date, entry.as_hints())

    def parse_archive(self, response: Response) -> Iterator[scrapy.Request]:
        """A day-archive page → article requests, and its next page."""
        if not isinstance(response, TextResponse):
            return
        links: ArchiveLinks = archive_links(response.text, response.url, self.site.list_selectors)
        for url in links.articles:
            yield from self._article(url, response, None, {"archive": response.url})
        if links.next_page:
            yield response.follow(links.next_page, callback=self.parse_archive)

    def _article(
        self, url: str, response: Response, published: datetime | None, hints: dict[str, Any]
    ) -> Iterator[scrapy.Request]:
        url = response.urljoin(url)
        if self.site.article_id(url) is None:
            return
        if published is not None and not self._in_range(published):
            self.crawler.stats.inc_value("ingest/discovery/out_of_range")
            return
        if url in self.seen_articles:
            return
        if self.limit is not None and len(self.seen_articles) >= self.limit:
            return
        self.seen_articles.add(url)
        yield self.article_request(url, hints)

    def _count_dtd(self, what: str, ignored: bool, url: str) -> None:
        if ignored:  # entities are an attack or junk in a sitemap or feed: read without them
            self.crawler.stats.inc_value(f"ingest/discovery/dtd_ignored/{what}")
            self.logger.warning("%s %s declares a DTD: read without its entities", what, url)

    def _in_range(self, moment: datetime, slack_days: int = 0) -> bool:
        day = moment.astimezone(ZoneInfo(self.site.timezone)).date()
        return (
            self.since - timedelta(days=slack_days)
            <= day
            <= self.until + timedelta(days=slack_days)
        )
