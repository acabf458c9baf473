"""The rows one batch of upserts touches: read set-wise, then held and changed in memory.

The write path (``ingest.store.write``) decides every article of a batch in order over this view,
so each decision sees the ones before it, as if they had been written one by one.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ingest.store.schema import RECORD_COLUMNS

if TYPE_CHECKING:
    from ingest.store.sql import SqlStore

COLUMNS = (
    *RECORD_COLUMNS, "url_key", "revision", "first_stored_at", "last_stored_at", "changed_at",
)  # fmt: skip
_CHUNK = 500  # keys per IN (…) query
Row = dict[str, Any]
Repoint = tuple[str, str, str]  # (original, copy, copy): copy and what points at it → original


class BatchRows:
    """Articles rows by canonical URL, as they stand after the decisions taken so far."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store
        self.rows: dict[str, Row] = {}
        self.by_pair: dict[tuple[str, str], set[str]] = defaultdict(set)  # (source, id) → URLs
        self.repoints: list[Repoint] = []
        self.retranslated: set[str] = set()

    def by_key(self, keys: Sequence[str]) -> dict[str, Row]:
        """The stored rows of these URL keys, by key."""
        return {row["url_key"]: row for row in self.load(self._select("url_key", keys))}

    def by_url(self, urls: Iterable[str]) -> None:
        """Read the rows of these canonical URLs that are not held yet."""
        self.load(self._select("canonical_url", sorted(set(urls) - self.rows.keys())))

    def by_pairs(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Read every row of these (source, source article id) pairs: the editions of them."""
        wanted = sorted(set(pairs))
        picked = ", ".join(f"a.{c}" for c in COLUMNS)
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            self.load(
                self.store.all(
                    f"WITH k (source, sid) AS (VALUES {', '.join('(?, ?)' for _ in chunk)}) "
                    f"SELECT {picked} FROM k CROSS JOIN articles a "
                    "WHERE a.source = k.source AND a.source_article_id = k.sid",
                    [v for pair in chunk for v in pair],
                )
            )

    def load(self, rows: Iterable[Sequence[Any]]) -> list[Row]:
        """Hold rows read from the database (the held version wins: it may have changed)."""
        out = []
        for values in rows:
            row = dict(zip(COLUMNS, values, strict=True))
            url = row["canonical_url"]
            if url not in self.rows:
                for step in self.repoints:
                    _repoint(row, step)
                self.remember(row)
            out.append(self.rows[url])
        return out

    def remember(self, row: Row) -> None:
        """Hold a row (new, or revised with another source or id)."""
        self.rows[row["canonical_url"]] = row
        if row["source_article_id"]:
            self.by_pair[(row["source"], row["source_article_id"])].add(row["canonical_url"])

    def forget_pair(self, row: Row) -> None:
        """Before a revision changes a row's source or id."""
        if row["source_article_id"]:
            self.by_pair[(row["source"], row["source_article_id"])].discard(row["canonical_url"])

    def editions_of(
        self, source: str, source_article_id: str, language: str, url: str
    ) -> list[str]:
        """Canonical URLs of the same article's other-language editions held (all stored ones
        when ``by_pairs`` read its pair), in URL order."""
        if not source_article_id:
            return []
        return sorted(
            other
            for other in self.by_pair.get((source, source_article_id), ())
            if other != url
            and self.rows[other]["language"] is not None
            and self.rows[other]["language"] != language
        )

    def add_translation(self, other: str, url: str) -> None:
        """List ``url`` among the translations of the held row ``other``."""
        row = self.rows[other]
        current = set(json.loads(row["translations"] or "[]"))
        if url not in current:
            row["translations"] = json.dumps(sorted({*current, url}))
            self.retranslated.add(other)

    def repoint(self, original: str, copy: str) -> None:
        """``copy``, and every copy pointing at it, now point at ``original``."""
        step = (original, copy, copy)
        self.repoints.append(step)
        for row in self.rows.values():
            _repoint(row, step)

    def _select(self, column: str, values: Sequence[str]) -> Iterator[Sequence[Any]]:
        for start in range(0, len(values), _CHUNK):
            chunk = values[start : start + _CHUNK]
            yield from self.store.all(
                f"SELECT {', '.join(COLUMNS)} FROM articles "
                f"WHERE {column} IN ({', '.join('?' * len(chunk))})",
                chunk,
            )


def _repoint(row: Row, step: Repoint) -> None:
    original, copy, _ = step
    if row["canonical_url"] == copy or row["duplicate_of"] == copy:
        row["duplicate_of"] = original
