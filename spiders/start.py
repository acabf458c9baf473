"""The start of a crawl from one URL: a sitemap or feed is read as one; a home page leads to
robots.txt (sitemaps), the feeds it declares, the usual feed paths, and at last its links."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from ingest.discovery.feeds import USUAL_FEED_PATHS, declared_feeds, parse_feed
from ingest.discovery.lists import links_in
from ingest.discovery.sitemaps import robots_sitemaps
from ingest.extract.page import parse_tree
from spiders.links import ALL_LINKS

_STAT = "ingest/discovery"


class StartPage:
    """Mixin of the ``news`` spider: what the start URL is, and where discovery goes next."""

    crawler: Any

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
        links = links_in(tree, response.url, ALL_LINKS).articles
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
