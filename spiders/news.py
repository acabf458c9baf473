"""The one discovery spider: any news site, or a registered source bound by ``-a source=``.

From a URL: robots.txt → sitemaps (indexes, Google News), declared or usual feeds, and link
following where a site has neither. From a source's data (``ingest/sites/``): each edition's
feeds, sitemaps and day archives (``Edition.archive_day_url``), or its home page's links when
it has none of them. ``scrapy crawl korrespondent`` is this spider bound to that source.

What a sitemap, feed or day archive lists is fetched whatever its URL looks like; the URL
heuristic only orders and bounds link following, and a page whose URL cannot say is fetched
and decides itself (``ingest.discovery.pagekind``). Discovery only: article responses become
``FetchedPage`` items, with what discovery said about them as ``hints`` (evidence).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from twisted.python.failure import Failure

from ingest.discovery import parse_day
from ingest.discovery.archives import day_archive_urls
from ingest.discovery.feeds import parse_feed
from ingest.discovery.kinds import parse_count, parse_discover
from ingest.discovery.links import on_site, site_domain, url_kind
from ingest.discovery.lists import links_in
from ingest.discovery.sitemaps import parse_sitemap
from ingest.sites import get_site, site_for_url
from ingest.sites.base import Edition, SiteProfile
from spiders.articles import ArticleRequests, failed_request, failure_reason
from spiders.links import LinkFollowing, is_html
from spiders.start import StartPage

_STAT = "ingest/discovery"


class NewsSpider(StartPage, LinkFollowing, ArticleRequests, scrapy.Spider):
    """``scrapy crawl news -a url=URL|source=NAME [-a editions=ru,uk] [-a since=D] [-a until=D]
    [-a limit=N] [-a depth=N] [-a discover=feeds,sitemaps,archives]``."""

    name = "news"

    def __init__(
        self,
        url: str | None = None,
        source: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: str | int | None = None,
        depth: str | int = 2,
        discover: str | None = None,
        editions: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.discover = parse_discover(discover)
        if not url and not source:
            raise ValueError("give -a url=https://site/ (home page, feed or sitemap) or -a source=")
        self.start_url = url or ""
        self.site: SiteProfile | None = get_site(source) if source else site_for_url(url or "")
        self.source_name = self.site.name if self.site else ""
        self.editions = _editions(self.site, editions)
        domains = set(self.site.domains) if self.site else set()
        if url:
            domains.add(site_domain(url))
        self.allowed_domains = sorted(domains)
        self.zone = ZoneInfo(self.site.timezone if self.site else "UTC")
        self.until: date = parse_day(until, "until") if until else datetime.now(self.zone).date()
        self.since: date = parse_day(since, "since") if since else self.until - timedelta(days=1)
        if self.since > self.until:
            raise ValueError(f"since={self.since} is after until={self.until}")
        self.limit = parse_count(limit, "limit")
        self.max_depth = parse_count(depth, "depth", 2, least=0) or 0
        self.seen_articles: set[str] = set()
        self.seen_candidates: set[str] = set()
        self.robots_seen: dict[str, Response] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.remember_robots, signal=signals.response_received)
        return spider

    @property
    def sitemap_max_depth(self) -> int:
        """How many levels of sitemap indexes below a start sitemap are followed."""
        return self.crawler.settings.getint("INGEST_SITEMAP_MAX_DEPTH")

    async def start(self) -> AsyncIterator[scrapy.Request]:
        if self.start_url:
            yield scrapy.Request(self.start_url, self.parse_start, errback=self.discovery_failed)
            return
        for edition in self.editions:
            for request in self._edition_requests(edition):
                yield request

    def _edition_requests(self, edition: Edition) -> Iterator[scrapy.Request]:
        """What the source's data says to read for one edition, as far as ``discover`` allows."""
        for url in edition.feeds if "feeds" in self.discover else ():
            yield scrapy.Request(url, self.parse_feed, errback=self.discovery_failed)
        for url in edition.sitemaps if "sitemaps" in self.discover else ():
            yield scrapy.Request(url, self.parse_sitemap, errback=self.discovery_failed)
        if "archives" not in self.discover:
            return
        if edition.archive_day_url:
            for url in day_archive_urls(edition.archive_day_url, self.since, self.until):
                yield scrapy.Request(url, self.parse_archive, errback=self.discovery_failed)
        elif not edition.sitemaps and not edition.feeds:
            yield scrapy.Request(edition.home, self.parse_listing, cb_kwargs={"depth": 0})

    # --- discovery documents ----------------------------------------------------------------
    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        """Indexes → child sitemaps in range; url sets → articles, newest first."""
        document = parse_sitemap(response.body, response.url)
        self._count_dtd("sitemap", document.dtd_ignored, response.url)
        depth = response.meta.get("sitemap_depth", 0)
        if document.error:
            self._count_bad("bad_sitemap", document.error, response.url)
            return
        entries = sorted(document.entries, key=_newest_first(lambda e: e.best_date))
        for entry in entries:
            if document.kind == "sitemapindex":
                if not self._allowed(entry.loc, "sitemap"):
                    continue
                if entry.lastmod is not None and not self._in_range(entry.lastmod, slack_days=1):
                    self.crawler.stats.inc_value(f"{_STAT}/sitemap_out_of_range")
                    continue
                if depth >= self.sitemap_max_depth:
                    self.crawler.stats.inc_value(f"{_STAT}/skipped/sitemap_depth_limit")
                    self.logger.warning(
                        "sitemap index %s: too deep, %s skipped", response.url, entry.loc
                    )
                    continue
                yield scrapy.Request(
                    entry.loc,
                    self.parse_sitemap,
                    errback=self.discovery_failed,
                    meta={"sitemap_depth": depth + 1},
                )
            else:
                listed_in = "news_sitemap" if entry.is_news else "sitemap"
                yield from self._listed(entry.loc, entry.best_date, entry.as_hints(), listed_in)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        """Feed items → articles, newest first, filtered by their dates."""
        document = parse_feed(response.body, response.url)
        self._count_dtd("feed", document.dtd_ignored, response.url)
        if document.error:
            self._count_bad("bad_feed", document.error, response.url)
            return
        for entry in sorted(document.entries, key=_newest_first(lambda e: e.published)):
            yield from self._listed(entry.url, entry.published, entry.as_hints(), "feed")

    def parse_archive(self, response: Response) -> Iterator[scrapy.Request]:
        """A day-archive page → its articles (the source's list selectors), and its next page."""
        if not is_html(response) or self.site is None:
            return
        links = links_in(response.selector.root, response.url, self.site.list_selectors)
        for url in links.articles:
            yield from self._listed(url, None, {"archive": response.url}, "day_archive")
        if links.next_page and self._allowed(links.next_page, "archive"):
            yield scrapy.Request(links.next_page, self.parse_archive, errback=self.discovery_failed)

    # --- articles ---------------------------------------------------------------------------
    def _listed(
        self, url: str, published: datetime | None, hints: dict[str, Any], listed_in: str
    ) -> Iterator[scrapy.Request]:
        """A URL the site lists (feed, news sitemap, sitemap): fetched, whatever its shape, unless
        off-site, dated out of range or (a registered source) outside the source's URL pattern;
        every such skip is counted and logged with its reason."""
        if not self._allowed(url, "article"):
            return
        if published is not None and not self._in_range(published):
            self._skip_listed(url, listed_in, "out_of_range", f"dated {published.isoformat()}")
            return
        if self._registered(url) and not self._is_article(url):
            self._skip_listed(url, listed_in, "not_source_article", "not the source's article URL")
            return
        if listed_in != "sitemap" or self._is_article(url):
            yield from self._article(url, hints)
        else:  # a plain sitemap lists every kind of page: the page decides
            yield from self._candidate(url, hints, None)

    def _article(self, url: str, hints: dict[str, Any]) -> Iterator[scrapy.Request]:
        if url in self.seen_articles or not self._room_for(url, "article"):
            return
        self.seen_articles.add(url)
        yield self.article_request(url, hints)

    def _room_for(self, url: str, what: str) -> bool:
        """Whether the ``limit`` leaves room for one more article; a refusal is counted and logged."""
        if self.limit is None or len(self.seen_articles) < self.limit:
            return True
        self.crawler.stats.inc_value(f"{_STAT}/over_limit")
        self.logger.info("skipped %s %s: over the limit of %d articles", what, url, self.limit)
        return False

    def _skip_listed(self, url: str, listed_in: str, reason: str, why: str) -> None:
        self.crawler.stats.inc_value(f"{_STAT}/{reason}")
        self.logger.info("skipped %s listed in a %s: %s (%s)", url, listed_in, reason, why)

    def discovery_failed(self, failure: Failure) -> None:
        """A sitemap, feed or start page that could not be fetched: counted, the crawl goes on."""
        reason = failure_reason(failure)
        self.crawler.stats.inc_value(f"{_STAT}/failed/{reason}")
        self.logger.warning("discovery page %s failed: %s", failed_request(failure).url, reason)

    # --- helpers ----------------------------------------------------------------------------
    def _registered(self, url: str) -> bool:
        """Whether ``url`` belongs to the registered source, whose URL pattern is known."""
        return self.site is not None and self.site.edition_for_url(url) is not None

    def _is_article(self, url: str) -> bool:
        if self.site is not None and self._registered(url):
            return self.site.article_id(url) is not None
        return url_kind(url) == "article"

    def _allowed(self, url: str, what: str) -> bool:
        """Whether ``url`` is on the crawled site; an off-site one is counted, never requested."""
        if on_site(url, self.allowed_domains):
            return True
        self.crawler.stats.inc_value(f"{_STAT}/offsite_{what}")
        self.logger.info("skipped off-site %s %s", what, url)
        return False

    def _count_bad(self, what: str, reason: str, url: str) -> None:
        self.crawler.stats.inc_value(f"{_STAT}/{what}/{reason}")
        self.logger.warning("%s %s: %s", what.replace("_", " "), url, reason)

    def _count_dtd(self, what: str, ignored: bool, url: str) -> None:
        if ignored:  # entities are an attack or junk in a sitemap or feed: read without them
            self.crawler.stats.inc_value(f"{_STAT}/dtd_ignored/{what}")
            self.logger.warning("%s %s declares a DTD: read without its entities", what, url)

    def _in_range(self, moment: datetime, slack_days: int = 0) -> bool:
        day = moment.astimezone(self.zone).date()
        slack = timedelta(days=slack_days)
        return self.since - slack <= day <= self.until + slack


def _newest_first(date_of: Any) -> Any:
    """Sort key: dated entries newest first, undated ones after them in document order."""

    def key(entry: Any) -> tuple[int, float]:
        moment = date_of(entry)
        return (0, -moment.timestamp()) if moment is not None else (1, 0.0)

    return key


def _editions(site: SiteProfile | None, wanted: str | None) -> list[Edition]:
    """The source's editions named by ``-a editions=ru,uk`` (``ua`` means ``uk``); all by default."""
    if site is None:
        if wanted:
            raise ValueError(f"editions={wanted!r}: only for a registered source (-a source=)")
        return []
    if not wanted or not wanted.strip():
        return list(site.editions)
    names = {"uk" if e.strip() == "ua" else e.strip() for e in wanted.split(",") if e.strip()}
    chosen = [e for e in site.editions if e.language in names]
    if not chosen or len(chosen) < len(names):
        known = ", ".join(e.language for e in site.editions)
        raise ValueError(f"editions={wanted!r}: choose from {known}")
    return chosen
