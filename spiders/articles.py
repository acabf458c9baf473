"""What every spider does with an article URL: request it marked as one, hand the response on.

Shared by the ``korrespondent`` and ``news`` spiders so both get the same incremental behaviour
(``meta["ingest_article"]``), WARC marking, validators for conditional GET and drop reasons.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from ingest.discovery import fetched_at_of
from ingest.fetched import FetchedPage

if TYPE_CHECKING:  # a mixin of spiders: their crawler and logger are what it uses
    _Spider = scrapy.Spider
else:
    _Spider = object


class ArticleRequests(_Spider):
    """Mixin for spiders: ``article_request`` out, ``FetchedPage`` items back in."""

    source_name: str = ""  # registered source of the articles, "" for the generic path

    def article_request(self, url: str, hints: dict[str, Any]) -> scrapy.Request:
        """A request for an article page; middlewares.incremental may skip or revalidate it."""
        return scrapy.Request(
            url,
            callback=self.parse_article,
            errback=self.article_failed,
            cb_kwargs={"hints": hints},
            meta={"ingest_article": True},
        )

    def parse_article(self, response: Response, hints: dict[str, Any]) -> Iterator[FetchedPage]:
        """Hand the article response on; extraction is the pipeline's job."""
        content_type = _header(response, b"Content-Type").lower()
        if not isinstance(response, TextResponse) or (
            content_type and "html" not in content_type
        ):  # Scrapy makes a TextResponse of some binary types (a PDF): trust the header
            self.crawler.stats.inc_value("ingest/dropped/not_html")
            self.logger.warning("dropped %s: not an HTML response", response.url)
            return
        yield FetchedPage(
            url=response.url,
            body=response.body,
            fetched_at=fetched_at_of(response.headers.get(b"Date")),
            status=response.status,
            source=self.source_name,
            hints={**hints, **_validators(response)},
            content_type=content_type,
        )

    def article_failed(self, failure: Failure) -> None:
        """Count an article that could not be fetched (after retries) by its reason."""
        if failed_request(failure).meta.get("ingest_unchanged"):
            return  # skipped or 304: already stored, counted by middlewares.incremental
        reason = failure_reason(failure)
        self.crawler.stats.inc_value(f"ingest/dropped/{reason}")
        self.logger.warning("dropped %s: %s", failed_request(failure).url, reason)


def failed_request(failure: Failure) -> scrapy.Request:
    """The request of a download failure: Scrapy attaches it to the Failure at run time."""
    request: scrapy.Request = failure.request  # type: ignore[attr-defined]
    return request


def failure_reason(failure: Failure) -> str:
    """A drop reason for a failed request: ``http_404``, ``fetch_TimeoutError``…"""
    if isinstance(failure.value, HttpError):
        return f"http_{failure.value.response.status}"
    return f"fetch_{type(failure.value).__name__}"


def _header(response: Response, name: bytes) -> str:
    return (response.headers.get(name) or b"").decode("latin-1")


def _validators(response: Response) -> dict[str, str]:
    """The response's ETag and Last-Modified, for a later conditional GET."""
    return {
        "http_etag": _header(response, b"ETag"),
        "http_last_modified": _header(response, b"Last-Modified"),
    }
