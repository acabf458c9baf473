"""Per-source counts gathered while a crawl runs: pages, bytes, articles, drops, field fill."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ingest.article import Article
from ingest.sites import SITES, site_for_url

# The metadata a reader filters on; an empty value means the page (or extraction) lacked it.
FILLED_FIELDS = (
    "lead", "authors", "published_at", "modified_at", "section", "tags", "images",
    "original_source", "source_article_id",
)  # fmt: skip


def source_of_url(url: str) -> str:
    """The registered source serving ``url``, else its host without ``www.``."""
    site = site_for_url(url)
    if site is not None:
        return site.name
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    owner = next((s for s in SITES.values() if host in s.domains), None)  # feed and image hosts
    return owner.name if owner else host


@dataclass
class SourceTally:
    """One source's numbers in one crawl."""

    pages: int = 0
    bytes: int = 0
    articles: int = 0
    duplicates: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    filled: Counter[str] = field(default_factory=Counter)
    boilerplate: Counter[str] = field(default_factory=Counter)  # kind → paragraphs removed

    def summary(self) -> dict[str, Any]:
        """JSON-ready numbers, fill rates as fractions of the articles."""
        n = self.articles
        return {
            "pages": self.pages,
            "bytes": self.bytes,
            "articles": n,
            "duplicates": self.duplicates,
            "dropped": dict(sorted(self.dropped.items())),
            "fill": {f: round(self.filled[f] / n, 4) if n else 0.0 for f in FILLED_FIELDS},
            "boilerplate": dict(sorted(self.boilerplate.items())),
        }


class CrawlTally:
    """Every source's tally in one crawl, keyed by source name."""

    def __init__(self) -> None:
        self.sources: dict[str, SourceTally] = {}

    def _of(self, source: str) -> SourceTally:
        return self.sources.setdefault(source or "unknown", SourceTally())

    def page(self, url: str, size: int) -> None:
        """A response was received."""
        tally = self._of(source_of_url(url))
        tally.pages += 1
        tally.bytes += size

    def article(self, article: Article) -> None:
        """An article went through every pipeline."""
        tally = self._of(article.source)
        tally.articles += 1
        for name in FILLED_FIELDS:
            if getattr(article, name):
                tally.filled[name] += 1

    def boilerplate(self, stats: dict[str, Any]) -> None:
        """Take the extraction pipeline's ``ingest/boilerplate/<source>/<kind>`` counts."""
        for key, count in stats.items():
            if key.startswith("ingest/boilerplate/") and key.count("/") == 3:
                source, kind = key.split("/")[2:]
                self._of(source).boilerplate[kind] += int(count)

    def dropped(self, url: str, reason: str) -> None:
        """A page or item was dropped for ``reason`` (``duplicate`` counts as a duplicate)."""
        tally = self._of(source_of_url(url))
        if reason == "duplicate":
            tally.duplicates += 1
        else:
            tally.dropped[reason] += 1
