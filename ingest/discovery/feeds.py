"""RSS 2.0 and Atom feeds → entries with the metadata a feed item carries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

from lxml import etree

_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)


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


def feed_entries(body: bytes, base_url: str) -> list[FeedEntry]:
    """Entries of an RSS or Atom document; a broken feed yields what could be recovered."""
    if not body.strip():
        return []
    try:
        root = etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    entries = []
    for item in root.iter("{*}item", "{*}entry"):
        url = _link(item)
        if url:
            entries.append(
                FeedEntry(
                    url=urljoin(base_url, url),
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
        return None
    return value if value.tzinfo else None
