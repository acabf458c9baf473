"""Links between stored articles: near-duplicate copies across sources, editions of one article.

Both are kept as links, never by discarding a row: a republished copy is stored with
``duplicate_of`` naming the original, and the ru and uk editions of one article list each other in
``translations`` (same source and source article id, another language). The write path
(``ingest.store.write``) asks for what a batch needs here in one query each and decides in Python.
"""

from __future__ import annotations

from bisect import insort
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ingest.article import Article

if TYPE_CHECKING:
    from ingest.store.sql import SqlStore

MAX_CANDIDATES = 50
PER_BUCKET = 20
_CHUNK = 2000  # (band, bucket) pairs per query: well under both databases' parameter limits

Bucket = tuple[int, int]
Postings = dict[Bucket, list[tuple[str, str]]]


@dataclass(frozen=True)
class Match:
    """A stored article whose body resembles the incoming one at least THRESHOLD."""

    canonical_url: str
    source: str
    original_source: str
    published_at: str | None
    duplicate_of: str | None
    similarity: float


def sources(store: SqlStore) -> set[str]:
    """The sources with stored articles (asked once per batch: near-duplicates cross sources)."""
    return {row[0] for row in store.all("SELECT DISTINCT source FROM articles")}


def postings(store: SqlStore, buckets: Iterable[Bucket], per_source: int) -> Postings:
    """For each (band, bucket), the first ``per_source`` indexed articles of each source, as
    sorted (source, canonical_url): the index order, so a lookup's first PER_BUCKET of the
    other sources is the prefix of this list without the article's own source."""
    wanted = sorted(set(buckets))
    found: Postings = {bucket: [] for bucket in wanted}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        values = ", ".join("(?, ?)" for _ in chunk)
        # CROSS JOIN: SQLite probes the primary key once per pair (a row-value IN would scan).
        rows = store.all(
            f"WITH k (band, bucket) AS (VALUES {values}) "
            "SELECT band, bucket, source, canonical_url FROM (SELECT s.band, s.bucket, s.source, "
            "s.canonical_url, ROW_NUMBER() OVER (PARTITION BY s.band, s.bucket, s.source "
            "ORDER BY s.canonical_url) AS n FROM k CROSS JOIN shingle_bands s "
            "WHERE s.band = k.band AND s.bucket = k.bucket) AS hits WHERE n <= ?",
            [v for pair in chunk for v in pair] + [per_source],
        )
        for band, bucket, source, url in rows:
            found[(int(band), int(bucket))].append((source, url))
    for entries in found.values():
        entries.sort()
    return found


def add_posting(found: Postings, buckets: Iterable[Bucket], source: str, url: str) -> None:
    """Mirror an index write in ``found`` (only the buckets it tracks: the batch's lookups)."""
    for bucket in buckets:
        entries = found.get(bucket)
        if entries is not None and (source, url) not in entries:
            insort(entries, (source, url))


def remove_posting(found: Postings, buckets: Iterable[Bucket], source: str, url: str) -> None:
    """Mirror an index delete in ``found``."""
    for bucket in buckets:
        entries = found.get(bucket)
        if entries is not None and (source, url) in entries:
            entries.remove((source, url))


def ranked_candidates(found: Postings, buckets: list[Bucket], others: set[str]) -> list[str]:
    """Stored articles of ``others`` sharing a bucket, most shared bands first: per band the
    first PER_BUCKET of the other sources (an equality prefix of the index key)."""
    shared: Counter[str] = Counter()
    for bucket in buckets:
        hits = [url for source, url in found.get(bucket, ()) if source in others]
        shared.update(hits[:PER_BUCKET])
    return sorted(shared, key=lambda url: (-shared[url], url))


def match_of(row: dict[str, Any], similarity: float) -> Match:
    """The Match for a stored row (a dict of articles columns)."""
    return Match(
        row["canonical_url"],
        row["source"],
        row["original_source"],
        row["published_at"],
        row["duplicate_of"],
        similarity,
    )


def incoming_is_original(article: Article, match: Match) -> bool:
    """Which of the two is the original: the one the other credits, else the earlier published;
    on a tie the stored one (it was here first)."""
    if _credits(match.original_source, article.source):
        return True
    if _credits(article.original_source, match.source):
        return False
    if article.published_at and match.published_at:
        return article.published_at < match.published_at
    return False


def _credits(attribution: str, source: str) -> bool:
    attribution, source = attribution.casefold().strip(), source.casefold()
    return bool(attribution) and (attribution == source or attribution in source.split("."))
