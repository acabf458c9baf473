"""The store's write path: a batch upserted with a few set-wise queries and ``executemany``.

The outcome is the one upserting the articles one by one would give (revisions, one row per URL
key, translations, near-duplicate links): the rows a batch touches are read in one query each
(``BatchRows``), every decision is taken in Python in batch order, then the writes go out together.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ingest.article import SCHEMA_VERSION, Article
from ingest.neardup import THRESHOLD, body_buckets, buckets_of, jaccard, shingles
from ingest.normalize import url_key
from ingest.store import links
from ingest.store.base import UpsertResult
from ingest.store.batchrows import COLUMNS, BatchRows, Row
from ingest.store.schema import RECORD_COLUMNS

if TYPE_CHECKING:
    from ingest.store.sql import SqlStore

_JSON = ("authors", "tags", "images", "translations")
# What makes a new revision: the article's content and editorial metadata. Not the fetch (url,
# fetched_at, validators), the parser version, modified_at (set by the store on a revision) or the
# links the store maintains.
COMPARED = (
    "source", "source_article_id", "language", "title", "lead", "body", "authors",
    "published_at", "published_at_local", "section", "tags", "images", "original_source",
    "content_hash",
)  # fmt: skip
_KEPT = tuple(c for c in RECORD_COLUMNS if c != "canonical_url")
_CHANGED = tuple(c for c in _KEPT if c not in ("duplicate_of", "translations", "schema_version"))
Prints = tuple[set[int], list[links.Bucket]]  # a body's shingles and LSH buckets


def upsert_batch(store: SqlStore, articles: Sequence[Article], now: str) -> UpsertResult:
    """Upsert ``articles`` inside the caller's transaction; what happened, counted."""
    result = UpsertResult()
    known_sources = links.sources(store)
    for run in _runs(articles):
        _Run(store, run, known_sources, now, result).write()
    return result


def _runs(articles: Sequence[Article]) -> Iterator[list[tuple[str, Article]]]:
    """Stretches of distinct URL keys: a key met again starts a new stretch, which then reads
    the first one's write, as one-by-one upserts would."""
    run: list[tuple[str, Article]] = []
    keys: set[str] = set()
    for article in articles:
        key = url_key(article.canonical_url or article.url)
        if key in keys:
            yield run
            run, keys = [], set()
        run.append((key, article))
        keys.add(key)
    if run:
        yield run


class _Run:
    """One stretch of a batch: decided over ``BatchRows``, written at the end."""

    def __init__(
        self,
        store: SqlStore,
        items: list[tuple[str, Article]],
        known_sources: set[str],
        now: str,
        result: UpsertResult,
    ) -> None:
        self.store, self.items, self.sources, self.now = store, items, known_sources, now
        self.result = result
        self.new = [_to_row(a) for _, a in items]  # data that cannot be stored fails before a write
        self.view = BatchRows(store)
        self.found: links.Postings = {}  # the near-duplicate index around the new articles
        self.shingled: dict[str, tuple[str, set[int]]] = {}  # URL → (body, its shingles)
        self.inserts: list[Row] = []
        self.revisions: list[tuple[Any, ...]] = []
        self.updates: list[tuple[Any, ...]] = []
        self.validators: list[tuple[str, str, str]] = []
        self.unindexed: list[tuple[int, int, str, str]] = []
        self.indexed: list[tuple[int, int, str, str]] = []
        self.urls_seen: list[tuple[str, str, str]] = []

    def write(self) -> None:
        existing = self.view.by_key([key for key, _ in self.items])
        fresh = [(i, a) for i, (key, a) in enumerate(self.items) if key not in existing]
        prints = {i: _prints(a.body) for i, a in fresh}
        self.view.by_pairs((a.source, a.source_article_id) for _, a in fresh if a.source_article_id)
        if len(self.sources | {a.source for _, a in fresh}) > 1:  # else nothing to compare with
            revised = sum(
                1
                for i, (key, _) in enumerate(self.items)
                if key in existing and not _same(existing[key], self.new[i])
            )
            self._read_index(fresh, prints, revised)
        for i, (key, article) in enumerate(self.items):
            old = existing.get(key)
            if old is None:
                canonical = article.canonical_url
                self._insert(article, self.new[i], key, prints[i])
            else:
                canonical = old["canonical_url"]
                self._update(article, self.new[i], old)
            self.urls_seen.append((article.url, canonical, self.now))
        self._flush()

    def _read_index(
        self, fresh: list[tuple[int, Article]], prints: dict[int, Prints], revised: int
    ) -> None:
        """The index entries of the new articles' buckets, and the rows they name, read once.
        A revision removes at most one entry a bucket: read that many more than PER_BUCKET."""
        wanted = [bucket for i, _ in fresh for bucket in prints[i][1]]
        self.found = links.postings(self.store, wanted, links.PER_BUCKET + revised)
        near: set[str] = set()
        for i, article in fresh:
            others = self.sources - {article.source}
            near.update(links.ranked_candidates(self.found, prints[i][1], others))
        self.view.by_url(near)

    # --- decisions, in batch order ----------------------------------------------------------------
    def _insert(self, article: Article, new: Row, key: str, prints: Prints) -> None:
        match = self._best_match(article, *prints)
        if match is not None:
            new["duplicate_of"] = self._link_copy(article, match)
            self.result.near_duplicates += 1
        url = article.canonical_url
        editions = self.view.editions_of(
            article.source, article.source_article_id, article.language, url
        )
        new["translations"] = json.dumps(editions)
        new["schema_version"] = SCHEMA_VERSION
        now = self.now
        row = {**new, "url_key": key, "revision": 1, "first_stored_at": now}
        row.update(last_stored_at=now, changed_at=now)
        self.view.remember(row)
        self.inserts.append(row)
        self._index(url, article.source, prints[1])
        for other in editions:
            self.view.add_translation(other, url)
        self.sources.add(article.source)
        self.result.inserted += 1

    def _update(self, article: Article, new: Row, old: Row) -> None:
        canonical = old["canonical_url"]
        if _same(old, new):
            self.result.unchanged += 1
            validators = (new["http_etag"], new["http_last_modified"])
            if (old["http_etag"], old["http_last_modified"]) != validators:
                self.validators.append((*validators, canonical))
                old.update(http_etag=validators[0], http_last_modified=validators[1])
            return
        # Keep the current version in revisions, then overwrite it with the new one.
        self.revisions.append(
            (canonical, old["revision"], *[old[c] for c in _KEPT], old["changed_at"], self.now)
        )
        new["modified_at"] = _revised_at(article, old["modified_at"], self.now)
        self.updates.append((*[new[c] for c in _CHANGED], self.now, self.now, canonical))
        self._unindex(canonical, old["source"], body_buckets(old["body"] or ""))
        self._index(canonical, article.source, body_buckets(article.body))
        self.view.forget_pair(old)
        old.update({c: new[c] for c in _CHANGED})
        old.update(revision=old["revision"] + 1, changed_at=self.now, last_stored_at=self.now)
        self.view.remember(old)
        self.result.updated += 1

    def _best_match(
        self, article: Article, mine: set[int], buckets: list[links.Bucket]
    ) -> links.Match | None:
        others = self.sources - {article.source}
        if not buckets or not others:
            return None
        ranked = links.ranked_candidates(self.found, buckets, others)
        self.view.by_url(ranked)  # normally all read already
        best: links.Match | None = None
        for url in [u for u in ranked if u in self.view.rows][: links.MAX_CANDIDATES]:
            row = self.view.rows[url]
            score = jaccard(mine, self._shingles(url, row["body"] or ""))
            if score >= THRESHOLD and (best is None or score > best.similarity):
                best = links.match_of(row, score)
        return best

    def _link_copy(self, article: Article, match: links.Match) -> str | None:
        """Record the pair; returns the incoming article's ``duplicate_of``."""
        if not links.incoming_is_original(article, match):
            return match.duplicate_of or match.canonical_url
        self.view.repoint(article.canonical_url, match.canonical_url)  # the stored one is the copy
        return None

    def _shingles(self, url: str, body: str) -> set[int]:
        cached = self.shingled.get(url)
        if cached is None or cached[0] is not body:  # first use, or revised in this batch
            cached = self.shingled[url] = (body, shingles(body))
        return cached[1]

    def _index(self, url: str, source: str, buckets: list[links.Bucket]) -> None:
        self.indexed += [(band, bucket, source, url) for band, bucket in buckets]
        links.add_posting(self.found, buckets, source, url)

    def _unindex(self, url: str, source: str, buckets: list[links.Bucket]) -> None:
        self.unindexed += [(band, bucket, source, url) for band, bucket in buckets]
        links.remove_posting(self.found, buckets, source, url)

    # --- the writes -------------------------------------------------------------------------------
    def _flush(self) -> None:
        kept, rows = ", ".join(_KEPT), self.view.rows
        inserted = {row["canonical_url"] for row in self.inserts}
        for sql, params in (
            (
                f"INSERT INTO revisions (canonical_url, revision, {kept}, stored_at, "
                f"superseded_at) VALUES ({', '.join('?' * (len(_KEPT) + 4))})",
                self.revisions,
            ),
            (
                f"UPDATE articles SET {', '.join(f'{c} = ?' for c in _CHANGED)}, revision = "
                "revision + 1, changed_at = ?, last_stored_at = ? WHERE canonical_url = ?",
                self.updates,
            ),
            (
                f"INSERT INTO articles ({', '.join(COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(COLUMNS))})",
                [[row[c] for c in COLUMNS] for row in self.inserts],
            ),
            (
                "UPDATE articles SET http_etag = ?, http_last_modified = ? WHERE canonical_url = ?",
                self.validators,
            ),
            (
                "DELETE FROM shingle_bands WHERE band = ? AND bucket = ? AND source = ? "
                "AND canonical_url = ?",
                sorted(self.unindexed),
            ),
            (
                "INSERT INTO shingle_bands (band, bucket, source, canonical_url) "
                "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                sorted(self.indexed),  # in key order: neighbouring entries share index pages
            ),
            (
                "UPDATE articles SET duplicate_of = ? WHERE canonical_url = ? OR duplicate_of = ?",
                self.view.repoints,  # in order, after the inserts: they reach rows not read too
            ),
            (
                "UPDATE articles SET translations = ? WHERE canonical_url = ?",
                [(rows[u]["translations"], u) for u in sorted(self.view.retranslated - inserted)],
            ),
            (
                "INSERT INTO article_urls (url, canonical_url, first_seen_at) VALUES (?, ?, ?) "
                "ON CONFLICT (url) DO NOTHING",
                self.urls_seen,
            ),
        ):
            if params:
                self.store.many(sql, params)


def _prints(body: str) -> Prints:
    found = shingles(body)
    return found, buckets_of(found)


def _same(old: Row, new: Row) -> bool:
    return all(old[c] == new[c] for c in COMPARED)


def _revised_at(article: Article, stored: str | None, now: str) -> str:
    """A revision's modified_at: the page's own when it moved forward, else when we saw it."""
    declared = article.modified_at
    if declared and (stored is None or _instant(declared) > _instant(stored)):
        return declared
    return article.fetched_at or now


def _instant(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _to_row(article: Article) -> dict[str, Any]:
    data = article.to_dict()
    for name in _JSON:
        data[name] = json.dumps(data[name], ensure_ascii=False)
    return data
