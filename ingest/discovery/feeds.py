"""RSS 2.0 and Atom feeds → entries with the metadata a feed item carries; feeds a page declares."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from ingest.discovery.xmldoc import parse_xml
from ingest.extract.dates import parse_datetime
from ingest.sanitize import join_url

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
# Where feeds usually live when a page declares none (WordPress, Drupal, common CMSs).
USUAL_FEED_PATHS = ("/rss.xml", "/feed/", "/rss/", "/feed.xml", "/atom.xml")
MAX_FEED_BYTES = 16 * 1024 * 1024


@dataclass
class FeedEntry:
    """One feed item: its link and what the feed says about it."""

    url: str
    title: str = ""
    published: datetime | None = None
    categories: list[str] = field(default_factory=list)
    author: str = ""

    def as_hints(self) -> dict[str, Any]:
        """The entry's metadata as request hints (JSON-serializable)."""
        return {
            "feed_title": self.title,
            "feed_published": self.published.isoformat() if self.published else "",
            "feed_categories": self.categories,
            "feed_author": self.author,
        }


@dataclass
class FeedDocument:
    """A parsed feed; ``error`` is a stats reason (``empty``, ``too_large``, ``not_xml``, ``not_a_feed``)."""

    entries: list[FeedEntry] = field(default_factory=list)
    error: str = ""
    dtd_ignored: bool = False  # it declared a DTD (entities): parsed without it


def feed_entries(body: bytes, base_url: str) -> list[FeedEntry]:
    """Entries of an RSS or Atom document; a broken feed yields what could be recovered."""
    return parse_feed(body, base_url).entries


def parse_feed(body: bytes, base_url: str, max_bytes: int = MAX_FEED_BYTES) -> FeedDocument:
    """An RSS/RDF/Atom document's entries, or the reason it is not a feed; never raises."""
    if not body.strip():
        return FeedDocument(error="empty")
    if len(body) > max_bytes:
        return FeedDocument(error="too_large")
    root, dtd = parse_xml(body)
    if root is None or not isinstance(root.tag, str):
        return FeedDocument(error="not_xml", dtd_ignored=dtd)
    try:
        kind = etree.QName(root).localname.lower()
    except ValueError:  # a namespace with "}" in it survives recover mode (found by fuzzing)
        return FeedDocument(error="not_a_feed", dtd_ignored=dtd)
    if kind not in ("rss", "feed", "rdf", "channel"):
        return FeedDocument(error="not_a_feed", dtd_ignored=dtd)
    return FeedDocument(entries=_entries(root, base_url), dtd_ignored=dtd)


def declared_feeds(tree: HtmlElement, base_url: str) -> list[str]:
    """Feeds a page declares with ``<link rel="alternate" type="application/rss+xml" href>``."""
    found = []
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        href = (link.get("href") or "").strip()
        if "alternate" in rel and kind in FEED_TYPES and href:
            found.append(join_url(base_url, href))
    return [u for u in dict.fromkeys(found) if u]


def _entries(root: etree._Element, base_url: str) -> list[FeedEntry]:
    entries = []
    for item in root.iter("{*}item", "{*}entry"):
        url = _link(item)
        url = join_url(base_url, url) if url else ""  # "" for junk too (found by fuzzing)
        if url:
            entries.append(
                FeedEntry(
                    url=url,
                    title=_text(item, "title"),
                    published=_date(
                        _text(item, "pubDate")
                        or _text(item, "published")
                        or _text(item, "updated")
                        or _text(item, "date")
                    ),
                    categories=[
                        _clean(c.text or c.get("term") or "")
                        for c in item.iter("{*}category")
                        if (c.text or c.get("term"))
                    ],
                    author=_text(item, "author") or _text(item, "creator"),
                )
            )
    return entries


def _link(item: etree._Element) -> str:
    for link in item.iter("{*}link"):
        href = link.get("href")
        if href and link.get("rel", "alternate") == "alternate":
            return href.strip()
        if link.text and link.text.strip():
            return link.text.strip()
    guid = item.find("{*}guid")
    if guid is not None and guid.get("isPermaLink", "true") == "true" and guid.text:
        return guid.text.strip()
    return ""


def _text(item: etree._Element, name: str) -> str:
    node = item.find("{*}" + name)
    if node is None:
        return ""
    name_node = node.find("{*}name")  # Atom <author><name>
    return _clean((name_node if name_node is not None else node).xpath("string()"))


def _clean(text: str) -> str:
    return " ".join(text.split())


def _date(text: str) -> datetime | None:
    if not text:
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError):
        pass
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        value = None
    if value is not None:
        return value if value.tzinfo else None
    try:  # odd formats some feeds write ("20.11.2026 10:15 +0200", localized month names)
        return parse_datetime(text, "UTC", None, ("en", "uk", "ru"))
    except (ValueError, OverflowError, TypeError):
        return None
