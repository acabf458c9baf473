"""Any news site: robots.txt → sitemaps (indexes, Google News), declared or usual feeds, and
link following where a site has neither.

What a sitemap or feed lists is fetched whatever its URL looks like; the URL heuristic only
orders and bounds link following, and a page whose URL cannot say is fetched and decides
itself (``ingest.discovery.pagekind``).

``scrapy crawl news -a url=https://site/`` (a home page, a feed or a sitemap) or
``scrapy crawl news -a source=NAME`` (a registered source, with its feeds, sitemaps and URL
pattern). Discovery only: article responses become ``FetchedPage`` items, with what the sitemap
or feed said about them as ``hints`` for the extraction pipeline to use as evidence.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from ingest.discovery import archive_links, parse_day
from ingest.discovery.feeds import parse_feed
from ingest.discovery.kinds import parse_discover
from ingest.discovery.links import on_site, site_domain, url_kind
from ingest.discovery.lists import links_in
from ingest.discovery.pagekind import page_kind
from ingest.discovery.sitemaps import parse_sitemap
from ingest.extract.page import parse_tree
from ingest.fetched import FetchedPage
from ingest.sites import get_site, site_for_url
from ingest.sites.base import SiteProfile
from spiders.articles import ArticleRequests, failure_reason
from spiders.start import ALL_LINKS, StartPage

_STAT = "ingest/discovery"


class NewsSpider(StartPage, ArticleRequests, scrapy.Spider):
    """``scrapy crawl news -a url=URL|source=NAME [-a since=D] [-a until=D] [-a limit=N] [-a depth=N]
    [-a discover=feeds,sitemaps,archives]`` (``archives``: link following from the home page)."""

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
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.discover = parse_discover(discover)
        if not url and not source:
            raise ValueError("give -a url=https://site/ (home page, feed or sitemap) or -a source=")
        self.start_url = url or ""
        self.site: SiteProfile | None = get_site(source) if source else site_for_url(url or "")
        self.source_name = self.site.name if self.site else ""
        domains = set(self.site.domains) if self.site else set()
        if url:
            domains.add(site_domain(url))
        self.allowed_domains = sorted(domains)
        self.zone = ZoneInfo(self.site.timezone if self.site else "UTC")
        self.until: date = parse_day(until, "until") if until else datetime.now(self.zone).date()
        self.since: date = parse_day(since, "since") if since else self.until - timedelta(days=1)
        if self.since > self.until:
            raise ValueError(f"since={self.since} is after until={self.until}")
        self.limit = int(limit) if limit not in (None, "") else None
        self.max_depth = int(depth)
        self.seen_articles: set[str] = set()
        self.seen_candidates: set[str] = set()

    @property
    def sitemap_max_depth(self) -> int:
        """How many levels of sitemap indexes below a start sitemap are followed."""
        return self.crawler.settings.getint("INGEST_SITEMAP_MAX_DEPTH")

    async def start(self) -> AsyncIterator[scrapy.Request]:
        if self.start_url:
            yield scrapy.Request(self.start_url, self.parse_start, errback=self.discovery_failed)
            return
        assert self.site is not None
        for edition in self.site.editions:
            for url in edition.sitemaps if "sitemaps" in self.discover else ():
                yield scrapy.Request(url, self.parse_sitemap, errback=self.discovery_failed)
            for url in edition.feeds if "feeds" in self.discover else ():
                yield scrapy.Request(url, self.parse_feed, errback=self.discovery_failed)
            if not edition.sitemaps and not edition.feeds and "archives" in self.discover:
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

    def parse_listing(self, response: Response, depth: int) -> Iterator[scrapy.Request]:
        """A page of links (home, section): articles, and listings one level deeper."""
        if isinstance(response, TextResponse):
            links = archive_links(response.text, response.url, ALL_LINKS).articles
            yield from self._follow(links, response.url, depth)

    def parse_candidate(
        self, response: Response, hints: dict[str, Any], depth: int | None
    ) -> Iterator[scrapy.Request | FetchedPage]:
        """A page whose URL could not say what it is: the page's own kind decides. An article is
        handed on; anything else gives no item (counted), and a listing's links are followed
        when ``depth`` is not None (link following; a sitemap's pages are not followed)."""
        if not isinstance(response, TextResponse):
            yield from self.parse_article(response, hints)  # counted as not_html there
            return
        tree = parse_tree(response.text)
        kind = page_kind(tree)
        self.crawler.stats.inc_value(f"{_STAT}/page_kind/{kind}")
        if kind == "article":
            if self._room_for(response.url, "article page"):
                self.seen_articles.add(response.request.url if response.request else response.url)
                yield from self.parse_article(response, hints)
            return
        self.logger.info("no item from %s: the page is a %s, not an article", response.url, kind)
        if depth is not None and kind == "listing":
            yield from self._follow(
                links_in(tree, response.url, ALL_LINKS).articles, response.url, depth
            )

    def _follow(self, links: list[str], page_url: str, depth: int) -> Iterator[scrapy.Request]:
        """Links of a listing: article URLs are fetched as articles; URLs of unknown shape
        (the shape of most listings, and of articles on some sites) are fetched while the
        depth allows and their pages decide; tag, video, author, service… pages are skipped."""
        for link in links:
            if not on_site(link, self.allowed_domains):
                self.crawler.stats.inc_value(f"{_STAT}/skipped/offsite")
                continue
            kind = "article" if self._is_article(link) else url_kind(link)
            if kind == "article":
                yield from self._article(link, {"found_on": page_url})
            elif kind in ("listing", "home"):
                if depth >= self.max_depth:
                    self.crawler.stats.inc_value(f"{_STAT}/skipped/depth_limit")
                elif self._registered(link):  # the source's URL pattern says: not an article
                    yield scrapy.Request(link, self.parse_listing, cb_kwargs={"depth": depth + 1})
                else:
                    yield from self._candidate(link, {"found_on": page_url}, depth + 1)
            else:
                self.crawler.stats.inc_value(f"{_STAT}/skipped/{kind}")

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

    def _candidate(
        self, url: str, hints: dict[str, Any], depth: int | None
    ) -> Iterator[scrapy.Request]:
        """A page that may be an article: fetched after the article URLs (lower priority), as an
        article for the incremental store (a stored one is skipped or revalidated)."""
        if url in self.seen_articles or url in self.seen_candidates:
            return
        self.seen_candidates.add(url)
        yield scrapy.Request(
            url,
            self.parse_candidate,
            errback=self.article_failed,
            cb_kwargs={"hints": hints, "depth": depth},
            meta={"ingest_article": True},
            priority=-1,
        )

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
        self.logger.warning("discovery page %s failed: %s", failure.request.url, reason)

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
