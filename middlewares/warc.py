"""Write every response the crawl receives, with its request, to WARC files (``INGEST_WARC_ENABLED``:
``1`` on, ``0`` off, ``auto`` (default) on in scrapyd jobs only; ``ingest job`` passes ``1``).

It sits next to the download handler (950), so it sees requests as sent and responses as
received (still compressed, before redirects and retries are handled), always under the real
URL: the replay handler puts the site's URL back before any middleware sees a response.

What the crawl decides about a page after its fetch (a candidate's page kind) comes later, by
the ``PAGE_JUDGED`` signal, and is written as one more metadata record of that response.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from pathlib import Path
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.statscollectors import StatsCollector
from scrapy.utils.httpobj import urlparse_cached

from ingest.warc.writer import Exchange, RotatingWarcWriter

logger = logging.getLogger(__name__)

# Sent by a spider when a fetched page's own kind decided what to do with it (response=, kind=):
# ``ingest reprocess`` then re-extracts only the pages the crawl judged articles.
PAGE_JUDGED = object()
RECORD_META = "ingest_warc_record"  # request.meta: the WARC-Record-ID of the captured response


class WarcCaptureMiddleware:
    """Downloader middleware: one request + response (+ discovery metadata) record set per response."""

    def __init__(self, crawler: Crawler, folder: Path, max_bytes: int, only_jobs: bool) -> None:
        self.crawler = crawler
        self.only_jobs = only_jobs
        self.stats: StatsCollector | None = crawler.stats
        self.folder = folder
        self.max_bytes = max_bytes
        self.writer: RotatingWarcWriter | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcCaptureMiddleware:
        settings = crawler.settings
        mode = str(settings.get("INGEST_WARC_ENABLED")).strip().lower()
        if mode in ("0", "false", "off", "no", ""):
            raise NotConfigured("INGEST_WARC_ENABLED is off")
        megabytes = settings.getfloat("INGEST_WARC_MAX_MB")
        folder = Path(settings.get("INGEST_WARC_DIR"))
        mw = cls(crawler, folder, int(megabytes * 2**20), only_jobs=mode == "auto")
        crawler.signals.connect(mw.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(mw.page_judged, signal=PAGE_JUDGED)
        return mw

    def spider_opened(self, spider: Any) -> None:
        if self.only_jobs and not getattr(spider, "_job", None):
            return  # "auto": scrapyd jobs (they carry a _job argument) capture, one-off runs do not
        info = {"operator": self.crawler.settings.get("INGEST_CONTACT"), "spider": spider.name}
        # Files named after what was crawled: the bound source (news -a source=S), else the spider.
        prefix = getattr(spider, "source_name", "") or spider.name
        self.writer = RotatingWarcWriter(self.folder, prefix, self.max_bytes, info)
        logger.info("capturing responses as WARC in %s", self.folder)

    def spider_closed(self, spider: Any) -> None:
        if self.writer is not None:
            self.writer.close()
            if self.stats is not None:
                self.stats.set_value("ingest/warc/files", [str(p) for p in self.writer.files])

    def process_response(self, request: Request, response: Response) -> Response:
        if self.writer is None:
            return response
        try:
            record_id, written = self.writer.write(
                _exchange(request, response, self.crawler.spider)
            )
        except OSError as exc:  # a full disk must not stop the crawl; it is counted and logged
            self._write_failed(response.url, exc)
            return response
        request.meta[RECORD_META] = record_id
        if self.stats is not None:
            self.stats.inc_value("ingest/warc/records")
            self.stats.inc_value("ingest/warc/bytes", written)
        return response

    def page_judged(self, response: Response, kind: str) -> None:
        """Record the kind the crawl found ``response`` to be, next to its capture."""
        record_id = response.meta.get(RECORD_META)
        if self.writer is None or not record_id:
            return
        try:
            written = self.writer.annotate(response.url, record_id, {"page_kind": kind})
        except OSError as exc:
            self._write_failed(response.url, exc)
            return
        if self.stats is not None:
            self.stats.inc_value("ingest/warc/bytes", written)

    def _write_failed(self, url: str, exc: OSError) -> None:
        logger.error("WARC write failed for %s: %s", url, exc)
        if self.stats is not None:
            self.stats.inc_value("ingest/warc/write_errors")


def _exchange(request: Request, response: Response, spider: Any) -> Exchange:
    # What reprocessing needs and the page cannot tell: is it an article, whose, what did
    # discovery (feed, sitemap) say about it.
    # Spiders mark article requests (meta ingest_article) or hand them to a parse_article callback.
    article = bool(request.meta.get("ingest_article")) or (
        getattr(request.callback, "__name__", "") == "parse_article"
    )
    metadata = {
        "ingest_article": article,
        "source": getattr(getattr(spider, "site", None), "name", "") or "",
        "hints": (request.cb_kwargs or {}).get("hints") or {} if article else {},
    }
    request_headers = _headers(request.headers)
    if not any(k.lower() == "host" for k, _ in request_headers):
        request_headers.insert(0, ("Host", urlparse_cached(request).netloc))
    return Exchange(
        url=response.url,
        method=request.method,
        request_headers=request_headers,
        request_body=request.body or b"",
        status=response.status,
        reason=_reason(response.status),
        response_headers=_headers(response.headers),
        body=response.body,
        metadata=metadata,
    )


def _headers(headers: Any) -> list[tuple[str, str]]:
    return [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in headers.items()
        for value in values
    ]


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
