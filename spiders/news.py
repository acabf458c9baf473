"""Any news site: robots.txt → sitemaps (indexes, Google News), declared or usual feeds, and
link following with an article-URL heuristic where a site has neither.

``scrapy crawl news -a url=https://site/`` (a home page, a feed or a sitemap) or
``scrapy crawl news -a source=NAME`` (a registered source, with its feeds, sitemaps and URL
pattern). Discovery only: article responses become ``FetchedPage`` items, with what the sitemap
or feed said about them as ``hints`` for the extraction pipeline to use as evidence.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from ingest.discovery import archive_links, parse_day
from ingest.discovery.feeds import USUAL_FEED_PATHS, declared_feeds, parse_feed
from ingest.discovery.kinds import parse_discover
from ingest.discovery.links import on_site, site_domain, url_kind
from ingest.discovery.sitemaps import parse_sitemap, robots_sitemaps
from ingest.extract.page import parse_tree
from ingest.sites import get_site, site_for_url
from ingest.sites.base import ListSelectors, SiteProfile
from spiders.articles import ArticleRequests, failure_reason

_ALL_LINKS = ListSelectors(article_link="a[href]", next_page="a[rel=next]")
_STAT = "ingest/discovery"


class NewsSpider(ArticleRequests, scrapy.Spider):
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

    # --- what the start URL is --------------------------------------------------------------
    def parse_start(self, response: Response) -> Iterable[scrapy.Request]:
        """A sitemap or a feed is read as one; an HTML page is a home page: robots.txt next."""
        head = response.body[:2048].lstrip().lower()
        if head.startswith(b"\x1f\x8b") or b"<urlset" in head or b"<sitemapindex" in head:
            return self.parse_sitemap(response)
        if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
            return self.parse_feed(response)
        if not isinstance(response, TextResponse):
            self.crawler.stats.inc_value(f"{_STAT}/bad_start/not_html")
            return []
        tree = parse_tree(response.text)
        feeds = [f for f in declared_feeds(tree, response.url) if self._allowed(f, "feed")]
        links = archive_links(response.text, response.url, _ALL_LINKS).articles
        home = {"home": response.url, "has_feeds": bool(feeds), "links": links}
        robots = urljoin(response.url, "/robots.txt")
        requests = [
            scrapy.Request(f, self.parse_feed, errback=self.discovery_failed) for f in feeds
        ]
        requests.append(
            scrapy.Request(
                robots, self.parse_robots, errback=self.robots_failed, cb_kwargs=home, meta=home
            )
        )
        return requests

    def parse_robots(
        self, response: Response, home: str, has_feeds: bool, links: list[str]
    ) -> Iterator[scrapy.Request]:
        """``Sitemap:`` lines → sitemaps; with neither sitemaps nor feeds, look further."""
        text = response.text if isinstance(response, TextResponse) else ""
        sitemaps = [s for s in robots_sitemaps(text, response.url) if self._allowed(s, "sitemap")]
        for url in sitemaps:
            yield scrapy.Request(url, self.parse_sitemap, errback=self.discovery_failed)
        if not sitemaps and not has_feeds:
            yield from self._probe_feeds(home, links, 0)

    def robots_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        """No robots.txt: no sitemaps from it; the home page's feeds or links decide."""
        self.crawler.stats.inc_value(f"{_STAT}/no_robots")
        meta = failure.request.meta
        if not meta["has_feeds"]:
            yield from self._probe_feeds(meta["home"], meta["links"], 0)

    def _probe_feeds(self, home: str, links: list[str], index: int) -> Iterator[scrapy.Request]:
        """Try the usual feed paths one by one; when none is a feed, follow the home page's links."""
        if index < len(USUAL_FEED_PATHS):
            state = {"home": home, "links": links, "index": index}
            yield scrapy.Request(
                urljoin(home, USUAL_FEED_PATHS[index]),
                self.parse_probe,
                errback=self.probe_failed,
                cb_kwargs=state,
                meta={"probe": state},
            )
            return
        self.crawler.stats.inc_value(f"{_STAT}/link_following")
        yield from self._follow(links, home, depth=0)

    def parse_probe(
        self, response: Response, home: str, links: list[str], index: int
    ) -> Iterable[scrapy.Request]:
        document = parse_feed(response.body, response.url)
        if document.error:
            return self._probe_feeds(home, links, index + 1)
        self.crawler.stats.inc_value(f"{_STAT}/feed_at_usual_path")
        return self.parse_feed(response)

    def probe_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        state = failure.request.meta["probe"]
        yield from self._probe_feeds(state["home"], state["links"], state["index"] + 1)

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
                yield from self._article(entry.loc, entry.best_date, entry.as_hints())

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        """Feed items → articles, newest first, filtered by their dates."""
        document = parse_feed(response.body, response.url)
        self._count_dtd("feed", document.dtd_ignored, response.url)
        if document.error:
            self._count_bad("bad_feed", document.error, response.url)
            return
        for entry in sorted(document.entries, key=_newest_first(lambda e: e.published)):
            yield from self._article(entry.url, entry.published, entry.as_hints())

    def parse_listing(self, response: Response, depth: int) -> Iterator[scrapy.Request]:
        """A page of links (home, section): articles, and listings one level deeper."""
        if isinstance(response, TextResponse):
            links = archive_links(response.text, response.url, _ALL_LINKS).articles
            yield from self._follow(links, response.url, depth)

    def _follow(self, links: list[str], page_url: str, depth: int) -> Iterator[scrapy.Request]:
        for link in links:
            if not on_site(link, self.allowed_domains):
                self.crawler.stats.inc_value(f"{_STAT}/skipped/offsite")
                continue
            if self._is_article(link):
                yield from self._article(link, None, {"found_on": page_url})
            elif url_kind(link) in ("listing", "home"):
                if depth < self.max_depth:
                    yield scrapy.Request(link, self.parse_listing, cb_kwargs={"depth": depth + 1})
                else:
                    self.crawler.stats.inc_value(f"{_STAT}/skipped/depth_limit")
            else:
                self.crawler.stats.inc_value(f"{_STAT}/skipped/{url_kind(link)}")

    # --- articles ---------------------------------------------------------------------------
    def _article(
        self, url: str, published: datetime | None, hints: dict[str, Any]
    ) -> Iterator[scrapy.Request]:
        if not self._allowed(url, "article"):
            return
        if not self._is_article(url):
            self.crawler.stats.inc_value(f"{_STAT}/skipped/{url_kind(url)}")
            return
        if published is not None and not self._in_range(published):
            self.crawler.stats.inc_value(f"{_STAT}/out_of_range")
            return
        if url in self.seen_articles:
            return
        if self.limit is not None and len(self.seen_articles) >= self.limit:
            self.crawler.stats.inc_value(f"{_STAT}/over_limit")
            return
        self.seen_articles.add(url)
        yield self.article_request(url, hints)

    def discovery_failed(self, failure: Failure) -> None:
        """A sitemap, feed or start page that could not be fetched: counted, the crawl goes on."""
        reason = failure_reason(failure)
        self.crawler.stats.inc_value(f"{_STAT}/failed/{reason}")
        self.logger.warning("discovery page %s failed: %s", failure.request.url, reason)

    # --- helpers ----------------------------------------------------------------------------
    def _is_article(self, url: str) -> bool:
        if self.site is not None and self.site.edition_for_url(url) is not None:
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
