"""The start of a crawl from one URL: a sitemap or feed is read as one; a home page leads to
robots.txt (sitemaps), the feeds it declares, the usual feed paths, and at last its links.

robots.txt is fetched once: RobotsTxtMiddleware fetches it before the first page of a host, and
the spider reads that response (``response_received``) instead of asking for it again."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.utils.sitemap import sitemap_urls_from_robots
from twisted.python.failure import Failure

from ingest.discovery.feeds import USUAL_FEED_PATHS, declared_feeds, parse_feed
from spiders.articles import failed_request
from spiders.links import is_html

_STAT = "ingest/discovery"


class StartPage:
    """Mixin of the ``news`` spider: what the start URL is, and where discovery goes next."""

    crawler: Any
    robots_seen: dict[str, Response]

    if TYPE_CHECKING:  # provided by the spider and its other mixins

        def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
            raise NotImplementedError

        def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
            raise NotImplementedError

        def discovery_failed(self, failure: Failure) -> None:
            raise NotImplementedError

        def _allowed(self, url: str, what: str) -> bool:
            raise NotImplementedError

        def _follow(self, links: list[str], page_url: str, depth: int) -> Iterator[scrapy.Request]:
            raise NotImplementedError

        def page_links(self, response: TextResponse) -> list[str]:
            raise NotImplementedError

    def remember_robots(self, response: Response, request: scrapy.Request, spider: Any) -> None:
        """``response_received``: keep robots.txt as RobotsTxtMiddleware fetched it (before any
        page of that host), so its ``Sitemap:`` lines are read without fetching it again."""
        if request.meta.get("dont_obey_robotstxt") and urlsplit(request.url).path == "/robots.txt":
            self.robots_seen[urlsplit(request.url).netloc] = response

    def parse_start(self, response: Response) -> Iterable[scrapy.Request]:
        """A sitemap or a feed is read as one; an HTML page is a home page: robots.txt next."""
        head = response.body[:2048].lstrip().lower()
        if head.startswith(b"\x1f\x8b") or b"<urlset" in head or b"<sitemapindex" in head:
            return self.parse_sitemap(response)
        if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
            return self.parse_feed(response)
        if not is_html(response):
            self.crawler.stats.inc_value(f"{_STAT}/bad_start/not_html")
            return []
        tree = response.selector.root  # parsed once: feeds, links (LinkExtractor) and all
        feeds = [f for f in declared_feeds(tree, response.url) if self._allowed(f, "feed")]
        home = {"home": response.url, "has_feeds": bool(feeds), "links": self.page_links(response)}
        requests = [
            scrapy.Request(f, self.parse_feed, errback=self.discovery_failed) for f in feeds
        ]
        return [*requests, *self._robots(home)]

    def _robots(self, home: dict[str, Any]) -> Iterator[scrapy.Request]:
        """The home page's robots.txt: the one RobotsTxtMiddleware fetched, else fetch it."""
        seen = self.robots_seen.get(urlsplit(home["home"]).netloc)
        if seen is not None:
            if seen.status == 200:
                yield from self.parse_robots(seen, **home)
            else:
                yield from self._no_robots(home)
        elif self.crawler.settings.getbool("ROBOTSTXT_OBEY"):
            yield from self._no_robots(home)  # the middleware tried: there is none to read
        else:
            robots = urljoin(home["home"], "/robots.txt")
            yield scrapy.Request(
                robots, self.parse_robots, errback=self.robots_failed, cb_kwargs=home, meta=home
            )

    def parse_robots(
        self, response: Response, home: str, has_feeds: bool, links: list[str]
    ) -> Iterator[scrapy.Request]:
        """``Sitemap:`` lines → sitemaps; with neither sitemaps nor feeds, look further."""
        listed = sitemap_urls_from_robots(response.body, base_url=response.url)
        sitemaps = [s for s in dict.fromkeys(listed) if self._allowed(s, "sitemap")]
        for url in sitemaps:
            yield scrapy.Request(url, self.parse_sitemap, errback=self.discovery_failed)
        if not sitemaps and not has_feeds:
            yield from self._probe_feeds(home, links, 0)

    def robots_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        """No robots.txt: no sitemaps from it; the home page's feeds or links decide."""
        yield from self._no_robots(failed_request(failure).meta)

    def _no_robots(self, home: dict[str, Any]) -> Iterator[scrapy.Request]:
        self.crawler.stats.inc_value(f"{_STAT}/no_robots")
        if not home["has_feeds"]:
            yield from self._probe_feeds(home["home"], home["links"], 0)

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
        state = failed_request(failure).meta["probe"]
        yield from self._probe_feeds(state["home"], state["links"], state["index"] + 1)
