"""Discovery evidence (sitemap ``news:`` facts, feed items) applied to an extracted article.

It fills what the page lacks and cross-checks what both say: a page date later than the
sitemap's, or days away from it, is flagged for the crawl stats, never silently trusted.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ingest.article import Article
from ingest.extract.dates import local_iso, utc_iso
from ingest.sites import SITES

# Pages round to the minute and sitemaps are written a moment after publishing: a page date
# within this of the sitemap's agrees with it.
LATER_TOLERANCE = timedelta(minutes=2)
FAR_APART = timedelta(days=1)


@dataclass
class Evidence:
    """What discovery said about an article before it was fetched."""

    published: datetime | None = None
    published_by: str = ""  # "sitemap" or "feed": which document said so
    title: str = ""
    keywords: list[str] = field(default_factory=list)
    language: str = ""
    author: str = ""
    publication: str = ""  # the sitemap's news:name: never an author

    @classmethod
    def from_hints(cls, hints: dict[str, Any]) -> Evidence:
        """Read the hints a spider attached (``SitemapEntry.as_hints``, ``FeedEntry.as_hints``)."""
        evidence = cls(
            title=str(hints.get("news_title") or hints.get("feed_title") or ""),
            keywords=list(hints.get("news_keywords") or hints.get("feed_categories") or []),
            language=_language(str(hints.get("news_language") or "")),
            author=str(hints.get("feed_author") or ""),
            publication=str(hints.get("news_publication") or ""),
        )
        for key, by in (("news_publication_date", "sitemap"), ("feed_published", "feed")):
            moment = _moment(hints.get(key))
            if moment is not None:
                evidence.published, evidence.published_by = moment, by
                break
        return evidence


def apply_evidence(article: Article, evidence: Evidence) -> tuple[Article, list[str]]:
    """The article with missing fields filled from ``evidence``, and the flags raised
    (stats suffixes such as ``published_from_sitemap`` or ``published_later_than_sitemap``)."""
    flags: list[str] = []
    changes: dict[str, Any] = {}
    by = evidence.published_by
    if evidence.published is not None:
        page = _moment(article.published_at)
        if page is None:
            changes["published_at"] = utc_iso(evidence.published)
            changes["published_at_local"] = local_iso(evidence.published)
            flags.append(f"published_from_{by}")
        else:
            if page - evidence.published > LATER_TOLERANCE:
                flags.append(f"published_later_than_{by}")
            if abs(page - evidence.published) >= FAR_APART:
                flags.append(f"published_days_from_{by}")
    if not article.tags and evidence.keywords:
        changes["tags"] = evidence.keywords
        flags.append("tags_from_discovery")
    if (
        not article.authors
        and evidence.author
        and not _is_site_name(evidence.author, article, evidence)
    ):
        changes["authors"] = [evidence.author]
        flags.append("authors_from_feed")
    if evidence.language:
        if not article.language:
            changes["language"] = evidence.language
            flags.append("language_from_sitemap")
        elif article.language != evidence.language:
            flags.append("language_differs_from_sitemap")
    if evidence.title and article.title and _norm(evidence.title) != _norm(article.title):
        flags.append("title_differs_from_discovery")
    return (dataclasses.replace(article, **changes) if changes else article), flags


def _is_site_name(name: str, article: Article, evidence: Evidence) -> bool:
    """Feeds often credit the outlet itself ("Корреспондент.net"): a site is not an author."""
    site = SITES.get(article.source)
    names = {article.source, evidence.publication, *(site.boilerplate.site_names if site else ())}
    return _norm(name) in {_norm(n) for n in names if n}


def _moment(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else None
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None


def _language(code: str) -> str:
    """``uk``, ``zh-cn`` → ``zh``: the ISO 639-1 part of a sitemap's language code."""
    return code.strip().lower().replace("_", "-").split("-")[0]


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()
