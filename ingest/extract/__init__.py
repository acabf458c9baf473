"""Extraction: pure functions from a fetched page to an Article. Never imports Scrapy.

Every caller goes through :func:`ingest.extract.path.record_of`; :func:`extract` is its
shorthand for a page in hand (tests, tools). The package itself imports nothing, so a site
module can import extraction helpers without loading the registry.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when called: site modules import ingest.extract.fields, and the
    # record path imports the registry of site modules
    from ingest.article import Article
    from ingest.sites.base import SiteProfile

__all__ = ["extract"]


def extract(
    html: str | bytes,
    url: str,
    fetched_at: datetime,
    site: SiteProfile | None = None,
    fallback_title: str = "",
    content_type: str = "",
) -> Article:
    """The record path's article of ``html``; raises ExtractionError with a drop reason.

    ``fallback_title`` (e.g. a sitemap's ``news:title``) is used only when the page has none.
    """
    from ingest.extract.path import record_of
    from ingest.fetched import FetchedPage

    hints = {"news_title": fallback_title} if fallback_title else {}
    fetched = FetchedPage(url, html, fetched_at, content_type=content_type, hints=hints)
    return record_of(fetched, site).article
