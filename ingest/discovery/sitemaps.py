"""Sitemaps (url sets, indexes, Google News ``news:`` elements, gzip).

Scrapy's own Sitemap drops the nested ``news:`` elements we use as evidence, so we read them here.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from lxml import etree

from ingest.discovery.xmldoc import parse_xml
from ingest.extract.dates import parse_datetime
from ingest.sanitize import join_url

# The sitemaps protocol caps a file at 50 MB uncompressed; more is not a sitemap we read.
MAX_SITEMAP_BYTES = 50 * 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass
class SitemapEntry:
    """One ``<url>`` or ``<sitemap>``: its location, lastmod and, for news sitemaps, the news facts."""

    loc: str
    lastmod: datetime | None = None
    news_published: datetime | None = None
    news_title: str = ""
    news_keywords: list[str] = field(default_factory=list)
    news_language: str = ""
    news_publication: str = ""

    @property
    def is_news(self) -> bool:
        """Whether a Google News ``<news:news>`` element listed it: the site says it is news."""
        return bool(self.news_published or self.news_title or self.news_publication)

    @property
    def best_date(self) -> datetime | None:
        """The date to filter by before fetching: the news publication date, else lastmod."""
        return self.news_published or self.lastmod

    def as_hints(self) -> dict[str, Any]:
        """What the sitemap says about the article, as request hints (JSON-serializable)."""
        hints: dict[str, Any] = {}
        if self.lastmod:
            hints["sitemap_lastmod"] = self.lastmod.isoformat()
        if self.news_published:
            hints["news_publication_date"] = self.news_published.isoformat()
        for key in ("news_title", "news_keywords", "news_language", "news_publication"):
            if getattr(self, key):
                hints[key] = getattr(self, key)
        return hints


@dataclass
class SitemapDocument:
    """A parsed sitemap: ``kind`` is ``urlset``, ``sitemapindex`` or ``""`` when ``error`` says why."""

    kind: str = ""
    entries: list[SitemapEntry] = field(default_factory=list)
    error: str = ""  # a stats reason: bad_gzip, too_large, not_xml, not_a_sitemap, empty
    dtd_ignored: bool = False  # it declared a DTD (entities): parsed without it


def parse_sitemap(
    body: bytes, base_url: str, max_bytes: int = MAX_SITEMAP_BYTES
) -> SitemapDocument:
    """Entries of a sitemap or sitemap index, gzipped or not; never raises on bad input."""
    if body[:2] == _GZIP_MAGIC:
        try:
            body = _gunzip(body, max_bytes)
        except ValueError:
            return SitemapDocument(error="too_large")
        except (OSError, EOFError, zlib.error):
            return SitemapDocument(error="bad_gzip")
    elif base_url.split("?")[0].endswith(".gz") and not body.lstrip().startswith(b"<"):
        return SitemapDocument(error="bad_gzip")
    if len(body) > max_bytes:
        return SitemapDocument(error="too_large")
    if not body.strip():
        return SitemapDocument(error="empty")
    root, dtd = parse_xml(body)
    if root is None or not isinstance(root.tag, str):
        return SitemapDocument(error="not_xml", dtd_ignored=dtd)
    try:
        kind = etree.QName(root).localname.lower()
    except ValueError:  # recover mode keeps tag names QName refuses (found by fuzzing)
        return SitemapDocument(error="not_a_sitemap", dtd_ignored=dtd)
    if kind not in ("urlset", "sitemapindex"):
        return SitemapDocument(error="not_a_sitemap", dtd_ignored=dtd)
    child = "url" if kind == "urlset" else "sitemap"
    entries = []
    for node in root.iterchildren("{*}" + child):
        entry = _entry(node, base_url)
        if entry is not None:
            entries.append(entry)
    return SitemapDocument(kind=kind, entries=entries, dtd_ignored=dtd)


def _gunzip(body: bytes, max_bytes: int) -> bytes:
    """Decompress at most ``max_bytes`` (a bomb stops there); ValueError when it would exceed."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = inflater.decompress(body, max_bytes + 1)
    if len(out) > max_bytes:
        raise ValueError("too large")
    if not inflater.eof:
        raise EOFError("truncated gzip")
    return out


def _entry(node: etree._Element, base_url: str) -> SitemapEntry | None:
    loc = _text(node, "loc")
    loc = join_url(base_url, loc) if loc else ""  # "" for junk too (found by fuzzing)
    if not loc:
        return None
    entry = SitemapEntry(loc=loc, lastmod=_date(_text(node, "lastmod")))
    news = node.find("{*}news")
    if news is not None:
        entry.news_published = _date(_text(news, "publication_date"))
        entry.news_title = _text(news, "title")
        keywords = _text(news, "keywords")
        entry.news_keywords = [k.strip() for k in keywords.split(",") if k.strip()]
        publication = news.find("{*}publication")
        if publication is not None:
            entry.news_language = _text(publication, "language").lower()
            entry.news_publication = _text(publication, "name")
    return entry


def _text(node: etree._Element, name: str) -> str:
    found = node.find("{*}" + name)
    return " ".join(found.xpath("string()").split()) if found is not None else ""


def _date(text: str) -> datetime | None:
    """W3C datetime (or a looser date a sitemap wrote), keeping its offset; naive means UTC."""
    if not text:
        return None
    try:
        return parse_datetime(text, "UTC", None, ("en",))
    except (ValueError, OverflowError, TypeError):
        return None
