"""Links between stored articles: near-duplicate copies across sources, editions of one article.

Both are kept as links, never by discarding a row: a republished copy is stored with
``duplicate_of`` naming the original, and the ru and uk editions of one article list each other in
``translations`` (same source and source article id, another language).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ingest.article import Article
from ingest.neardup import THRESHOLD, jaccard, shingles

if TYPE_CHECKING:
    from ingest.store.sql import SqlStore

MAX_CANDIDATES = 50
PER_BUCKET = 20


@dataclass(frozen=True)
class Match:
    """A stored article whose body resembles the incoming one at least THRESHOLD."""

    canonical_url: str
    source: str
    original_source: str
    published_at: str | None
    duplicate_of: str | None
    similarity: float


Buckets = list[tuple[int, int]]


def unindex_body(store: SqlStore, canonical_url: str, source: str, buckets: Buckets) -> None:
    """Remove the LSH buckets an article's previous body was indexed under."""
    store.many(
        "DELETE FROM shingle_bands WHERE band = ? AND bucket = ? AND source = ? "
        "AND canonical_url = ?",
        [(band, bucket, source, canonical_url) for band, bucket in buckets],
    )


def index_body(store: SqlStore, canonical_url: str, source: str, buckets: Buckets) -> None:
    """Write the LSH buckets of an article's body (``ingest.neardup.body_buckets``)."""
    store.many(
        "INSERT INTO shingle_bands (band, bucket, source, canonical_url) VALUES (?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        [(band, bucket, source, canonical_url) for band, bucket in buckets],
    )


def sources(store: SqlStore) -> set[str]:
    """The sources with stored articles (asked once per batch: near-duplicates cross sources)."""
    return {row[0] for row in store.all("SELECT DISTINCT source FROM articles")}


def best_match(
    store: SqlStore, article: Article, mine: set[int], buckets: Buckets, others: set[str]
) -> Match | None:
    """The most similar stored article of another source at or above THRESHOLD, or None;
    ``mine`` and ``buckets`` are the article's shingles and their LSH buckets, ``others`` the
    stored sources other than the article's (none: nothing to compare with)."""
    if not buckets or not others:
        return None
    # Per band, at most PER_BUCKET rows of the other sources (an equality prefix of the key, so
    # the article's own source costs nothing); the more bands shared, the likelier a copy.
    marks = ", ".join("?" * len(others))
    ranges = " UNION ALL ".join(
        f"SELECT * FROM (SELECT canonical_url FROM shingle_bands WHERE band = ? AND bucket = ? "
        f"AND source IN ({marks}) LIMIT {PER_BUCKET}) AS band{n}"
        for n in range(len(buckets))
    )
    ordered = sorted(others)
    params = [v for band, bucket in buckets for v in (band, bucket, *ordered)]
    candidates = store.all(
        "SELECT a.canonical_url, a.source, a.original_source, a.published_at, a.duplicate_of, "
        f"a.body FROM (SELECT canonical_url, COUNT(*) AS shared FROM ({ranges}) AS hits "
        "GROUP BY canonical_url) c JOIN articles a ON a.canonical_url = c.canonical_url "
        f"ORDER BY c.shared DESC, a.canonical_url LIMIT {MAX_CANDIDATES}",
        params,
    )
    best: Match | None = None
    for url, source, original_source, published_at, duplicate_of, body in candidates:
        score = jaccard(mine, shingles(body or ""))
        if score >= THRESHOLD and (best is None or score > best.similarity):
            best = Match(url, source, original_source, published_at, duplicate_of, score)
    return best


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


def link_copy(store: SqlStore, article: Article, match: Match) -> str | None:
    """Record the pair; returns the incoming article's ``duplicate_of``."""
    if not incoming_is_original(article, match):
        return match.duplicate_of or match.canonical_url
    # The stored one is the copy: it, and every copy pointing at it, now point at the original.
    store.run(
        "UPDATE articles SET duplicate_of = ? WHERE canonical_url = ? OR duplicate_of = ?",
        (article.canonical_url, match.canonical_url, match.canonical_url),
    )
    return None


def editions_of(store: SqlStore, article: Article) -> list[str]:
    """Canonical URLs of the same article's other-language editions already stored."""
    if not article.source_article_id:
        return []
    rows = store.all(
        "SELECT canonical_url FROM articles WHERE source = ? AND source_article_id = ? "
        "AND language <> ? AND canonical_url <> ? ORDER BY canonical_url",
        (article.source, article.source_article_id, article.language, article.canonical_url),
    )
    return [r[0] for r in rows]


def link_editions(store: SqlStore, canonical_url: str, editions: list[str]) -> None:
    """Add ``canonical_url`` to the translations of each of its stored editions."""
    for other in editions:
        row = store.one("SELECT translations FROM articles WHERE canonical_url = ?", (other,))
        current = set(json.loads(row[0] or "[]")) if row else set()
        if canonical_url not in current:
            store.run(
                "UPDATE articles SET translations = ? WHERE canonical_url = ?",
                (json.dumps(sorted({*current, canonical_url})), other),
            )
