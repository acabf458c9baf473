"""Link following for the ``news`` spider: listings' links, and pages whose URL cannot say what
they are, fetched and judged by their own kind (``ingest.discovery.pagekind``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TypeGuard

import scrapy
from scrapy.http import Response, TextResponse, XmlResponse
from scrapy.linkextractors import LinkExtractor

from ingest.discovery.links import on_site, url_kind
from ingest.discovery.pagekind import page_kind
from ingest.fetched import FetchedPage
from middlewares.warc import PAGE_JUDGED

_LINKS = LinkExtractor(tags=("a",), attrs=("href",))
_STAT = "ingest/discovery"


def is_html(response: Response) -> TypeGuard[TextResponse]:
    """Whether ``response`` is a page whose ``selector`` parses it as HTML (not a feed's XML)."""
    return isinstance(response, TextResponse) and not isinstance(response, XmlResponse)


class LinkFollowing:
    """Mixin of the ``news`` spider: listings → articles and candidates, bounded by ``max_depth``."""

    crawler: Any
    logger: Any
    allowed_domains: list[str]
    max_depth: int
    seen_articles: set[str]
    seen_candidates: set[str]

    def page_links(self, response: TextResponse) -> list[str]:
        """Every link of an HTML page, absolute, in page order, once (Scrapy's LinkExtractor on
        the response's own parsed tree)."""
        return [link.url for link in _LINKS.extract_links(response)]

    def parse_listing(self, response: Response, depth: int) -> Iterator[scrapy.Request]:
        """A page of links (home, section): articles, and listings one level deeper."""
        if is_html(response):
            yield from self._follow(self.page_links(response), response.url, depth)

    def parse_candidate(
        self, response: Response, hints: dict[str, Any], depth: int | None
    ) -> Iterator[scrapy.Request | FetchedPage]:
        """A page whose URL could not say what it is: the page's own kind decides. An article is
        handed on; anything else gives no item (counted), and a listing's links are followed
        when ``depth`` is not None (link following; a sitemap's pages are not followed)."""
        if not is_html(response):
            yield from self.parse_article(response, hints)  # counted as not_html there
            return
        kind = page_kind(response.selector.root)  # the tree LinkExtractor reads too
        self.crawler.stats.inc_value(f"{_STAT}/page_kind/{kind}")
        self.crawler.signals.send_catch_log(PAGE_JUDGED, response=response, kind=kind)
        if kind == "article":
            if self._room_for(response.url, "article page"):
                self.seen_articles.add(response.request.url if response.request else response.url)
                yield from self.parse_article(response, hints)
            return
        self.logger.info("no item from %s: the page is a %s, not an article", response.url, kind)
        if depth is not None and kind == "listing":
            yield from self._follow(self.page_links(response), response.url, depth)

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

    if TYPE_CHECKING:  # provided by the spider and ArticleRequests

        def parse_article(self, response: Response, hints: dict[str, Any]) -> Iterator[FetchedPage]:
            raise NotImplementedError

        def article_failed(self, failure: Any) -> None:
            raise NotImplementedError

        def _article(self, url: str, hints: dict[str, Any]) -> Iterator[scrapy.Request]:
            raise NotImplementedError

        def _room_for(self, url: str, what: str) -> bool:
            raise NotImplementedError

        def _registered(self, url: str) -> bool:
            raise NotImplementedError

        def _is_article(self, url: str) -> bool:
            raise NotImplementedError
