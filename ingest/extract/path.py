"""The one record path: a fetched page → an ``Article``, or an ``ExtractionError`` with its reason.

decode → parse once → fields → discovery evidence → HTTP validators → normalize → output safety.
The crawl's pipelines, ``ingest reprocess``, ``ingest extract`` and ``ingest eval`` all call
:func:`record_of`, so a page gives the same record whichever of them reads it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ingest.article import Article
from ingest.errors import ExtractionError
from ingest.extract.dates import local_iso, utc_iso
from ingest.extract.encoding import decode_html
from ingest.extract.evidence import Evidence, apply_evidence
from ingest.extract.fields import extract_fields
from ingest.extract.generic.published import fallback_published_at
from ingest.extract.page import Page, cut_short, parse_html
from ingest.extract.urls import declared_url
from ingest.fetched import FetchedPage
from ingest.normalize import normalize_article
from ingest.sanitize import defang_article
from ingest.sites import SITES, site_for_url
from ingest.sites.base import SiteProfile

__all__ = ["Record", "record_of"]


@dataclass(frozen=True)
class Record:
    """The stored article, what cleaning removed (boilerplate kind → lines) and the evidence flags
    raised (``published_from_sitemap``, ``title_differs_from_discovery``…), for the crawl stats."""

    article: Article
    removed: dict[str, int] = field(default_factory=dict)
    flags: tuple[str, ...] = ()


def record_of(fetched: FetchedPage, site: SiteProfile | None = None) -> Record:
    """The record of ``fetched``; raises ExtractionError (``reason`` = the drop's stats key).

    ``site`` overrides the registered source named by ``fetched.source`` (else the URL's host);
    an empty ``fetched.url`` means "the page's own canonical or og:url" (saved files).
    """
    text = _text(fetched)
    page = parse_html(text, fetched.url, _moment(fetched.fetched_at, fetched.url))
    if not page.url:
        page.url = declared_url(page.tree)
        if not page.url:
            raise ExtractionError("no_url", "(no URL)", "no canonical or og:url in the page")
    site = site or SITES.get(fetched.source) or site_for_url(page.url)
    if site is not None:
        site = site.version_at(page.fetched_at)  # the version valid when the page was fetched
    evidence = Evidence.from_hints(fetched.hints)
    done = extract_fields(page, site, evidence.title)
    article, flags = apply_evidence(done.article, evidence)
    if article.published_at is None:  # not on the page, in its site module, nor in discovery
        article = _fallback_date(article, page, site)
    hints = fetched.hints
    article = dataclasses.replace(
        article,
        http_etag=str(hints.get("http_etag") or ""),
        http_last_modified=str(hints.get("http_last_modified") or ""),
    )
    if cut_short(text):  # stored, as much as arrived, and counted
        flags.append("html_cut_short")
    return Record(_safe(normalize_article(article)), done.removed, (*done.flags, *flags))


def _fallback_date(article: Article, page: Page, site: SiteProfile | None) -> Article:
    """The publish date htmldate finds in the parsed page, the last resort."""
    found = fallback_published_at(
        page.tree, page.url, site.timezone if site else "UTC", page.fetched_at
    )
    if found is None:
        return article
    return dataclasses.replace(
        article, published_at=utc_iso(found), published_at_local=local_iso(found)
    )


def _text(fetched: FetchedPage) -> str:
    """The page's text: bytes decoded by the crawl's one decoder, with the HTTP Content-Type."""
    body = fetched.body
    return decode_html(body, fetched.content_type or None) if isinstance(body, bytes) else body


def _moment(value: str | datetime, url: str) -> datetime:
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"{url}: fetched_at {value!r} is not an ISO 8601 time") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _safe(article: Article) -> Article:
    """Output safety, last: no markup or ``javascript:`` in text, http(s) URLs only. A cut tag
    leaves a space, so one-line fields are re-joined as normalization left them."""
    safe = defang_article(article)
    if safe == article:
        return safe
    return dataclasses.replace(
        safe,
        title=" ".join(safe.title.split()),
        lead=" ".join(safe.lead.split()),
        authors=[" ".join(a.split()) for a in safe.authors if a.strip()],
        tags=[" ".join(t.split()) for t in safe.tags if t.strip()],
    )
