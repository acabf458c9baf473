"""Re-run today's extraction over captured pages, with no network, and upsert the results.

The store's own revision logic decides what changed: an article whose output is the same keeps
its revision (only its ``parser`` stamp moves to the new version); a changed one gets a revision.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from tqdm import tqdm

from ingest.article import Article
from ingest.discovery.timing import fetched_at_of
from ingest.extract.record import Dropped, extract_record
from ingest.fetched import FetchedPage
from ingest.normalize import url_key
from ingest.sites import site_for_url
from ingest.store.sql import SqlStore
from ingest.warc.reader import CapturedPage, read_body


@dataclass
class ReprocessReport:
    """What a reprocess did, page by page and in the store."""

    captured: int = 0  # article responses found in the WARC files
    selected: int = 0  # after --source/--since and keeping the latest capture of each URL
    extracted: int = 0
    inserted: int = 0
    revised: int = 0
    unchanged: int = 0
    stamped: int = 0  # unchanged articles whose parser version was updated
    superseded: int = 0  # the store holds a later fetch of the article: left alone
    duplicates: int = 0  # another capture of the same canonical URL was newer
    dropped: Counter[str] = field(default_factory=Counter)


def source_of(page: CapturedPage) -> str:
    """The registered source of a capture: as the crawl recorded it, else by its host."""
    if page.source:
        return page.source
    site = site_for_url(page.url)
    return site.name if site else ""


def select_pages(
    pages: Sequence[CapturedPage], source: str | None = None, since: datetime | None = None
) -> list[CapturedPage]:
    """Article responses to re-extract: filtered, and only the latest capture of each URL."""
    chosen: dict[str, CapturedPage] = {}
    for page in pages:
        if not page.is_html or page.article is False:
            continue
        if source and source_of(page) != source:
            continue
        if since and page.captured_at < since:
            continue
        held = chosen.get(page.url)
        if held is None or page.captured_at > held.captured_at:
            chosen[page.url] = page
    return sorted(chosen.values(), key=lambda p: p.captured_at, reverse=True)


def extract_capture(page: CapturedPage) -> Article | Dropped:
    """The article of one captured page, by the record path the crawl's pipelines run."""
    fetched = FetchedPage(
        url=page.url,
        body=read_body(page),
        fetched_at=fetched_at_of(page.date_header or None, now=page.captured_at),
        source=source_of(page),
        hints={**page.hints, "http_etag": page.etag, "http_last_modified": page.last_modified},
        content_type=page.content_type,
    )
    result = extract_record(fetched)
    if isinstance(result, Dropped):
        return result
    return Article.from_dict(result.record)


def reprocess(
    store: SqlStore, pages: Sequence[CapturedPage], batch_size: int = 50, progress: bool = True
) -> ReprocessReport:
    """Extract ``pages`` (newest first) and upsert them ``batch_size`` at a time."""
    report = ReprocessReport(selected=len(pages))
    seen: set[str] = set()
    batch: list[Article] = []
    for page in tqdm(pages, desc="reprocess", unit="page", disable=not progress):
        outcome = extract_capture(page)
        if isinstance(outcome, Dropped):
            report.dropped[outcome.reason] += 1
            continue
        report.extracted += 1
        key = url_key(outcome.canonical_url)
        if key in seen:
            report.duplicates += 1
            continue
        seen.add(key)
        stored = store.get(outcome.canonical_url)
        if stored is not None and _later(stored.fetched_at, outcome.fetched_at):
            report.superseded += 1
            continue
        batch.append(outcome)
        if len(batch) >= batch_size:
            _flush(store, batch, report)
            batch = []
    _flush(store, batch, report)
    return report


def _flush(store: SqlStore, batch: list[Article], report: ReprocessReport) -> None:
    if not batch:
        return
    result = store.upsert(batch)
    report.inserted += result.inserted
    report.revised += result.updated
    report.unchanged += result.unchanged
    with store.transaction():  # same output, newer parser: stamp it without a revision
        for article in batch:
            cursor = store.run(
                "UPDATE articles SET parser = ? WHERE url_key = ? AND parser <> ?",
                (article.parser, url_key(article.canonical_url), article.parser),
            )
            report.stamped += max(0, cursor.rowcount or 0)


def _later(stored: str, captured: str) -> bool:
    try:
        return datetime.fromisoformat(stored) > datetime.fromisoformat(captured)
    except (TypeError, ValueError):
        return False
