"""SQLite store: the embedded default (``data/articles.sqlite``), WAL mode, one transaction a batch."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ingest.article import SCHEMA_VERSION, Article
from ingest.errors import IngestError
from ingest.store.base import UpsertResult

_JSON_FIELDS = ("authors", "tags", "images")
_FIELDS = tuple(f for f in Article.__dataclass_fields__)
# A re-crawl that only differs in when it was fetched changes nothing.
_COMPARED = tuple(f for f in _FIELDS if f != "fetched_at")
_DDL = f"""
CREATE TABLE IF NOT EXISTS schema_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    {", ".join(("canonical_url TEXT PRIMARY KEY" if f == "canonical_url" else f) for f in _FIELDS)},
    first_stored_at TEXT NOT NULL,
    last_stored_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_source_id ON articles (source, source_article_id);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published_at);
"""


class StoreError(IngestError):
    """The store file cannot be used (unreadable, or written by a newer schema)."""


class SqliteStore:
    """Articles in one SQLite file; safe to re-run: upserts keyed by canonical URL."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_DDL)
            self._check_version()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable SQLite store ({exc})") from exc

    def _check_version(self) -> None:
        row = self._db.execute(
            "SELECT value FROM schema_info WHERE key='schema_version'"
        ).fetchone()
        if row is None:
            with self._db:
                self._db.execute(
                    "INSERT INTO schema_info VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                )
        elif int(row[0]) > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by schema version {row[0]}, this code knows {SCHEMA_VERSION}"
            )

    def upsert(self, articles: Sequence[Article]) -> UpsertResult:
        """Insert new articles, update changed ones, leave identical ones untouched."""
        result = UpsertResult()
        now = datetime.now(UTC).isoformat()
        with self._db:
            for article in articles:
                row = _to_row(article)
                old = self._db.execute(
                    f"SELECT {', '.join(_COMPARED)} FROM articles WHERE canonical_url = ?",
                    (article.canonical_url,),
                ).fetchone()
                if old is None:
                    cols = ", ".join((*_FIELDS, "first_stored_at", "last_stored_at"))
                    marks = ", ".join("?" * (len(_FIELDS) + 2))
                    self._db.execute(
                        f"INSERT INTO articles ({cols}) VALUES ({marks})",
                        (*[row[f] for f in _FIELDS], now, now),
                    )
                    result.inserted += 1
                elif tuple(old) == tuple(row[f] for f in _COMPARED):
                    result.unchanged += 1
                else:
                    sets = ", ".join(f"{f} = ?" for f in _FIELDS if f != "canonical_url")
                    self._db.execute(
                        f"UPDATE articles SET {sets}, last_stored_at = ? WHERE canonical_url = ?",
                        (
                            *[row[f] for f in _FIELDS if f != "canonical_url"],
                            now,
                            article.canonical_url,
                        ),
                    )
                    result.updated += 1
        return result

    def get(self, canonical_url: str) -> Article | None:
        """The stored article for ``canonical_url``, or None."""
        cur = self._db.execute(
            f"SELECT {', '.join(_FIELDS)} FROM articles WHERE canonical_url = ?", (canonical_url,)
        )
        row = cur.fetchone()
        return _from_row(row) if row else None

    def iter_articles(self, source: str | None = None) -> Iterator[Article]:
        """Every stored article (optionally of one source), in canonical-URL order."""
        sql = f"SELECT {', '.join(_FIELDS)} FROM articles"
        args: tuple[Any, ...] = ()
        if source:
            sql += " WHERE source = ?"
            args = (source,)
        for row in self._db.execute(sql + " ORDER BY canonical_url", args):
            yield _from_row(row)

    def count(self) -> int:
        """Number of stored articles."""
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def close(self) -> None:
        """Close the connection."""
        self._db.close()


def _to_row(article: Article) -> dict[str, Any]:
    data = article.to_dict()
    for name in _JSON_FIELDS:
        data[name] = json.dumps(data[name], ensure_ascii=False)
    return data


def _from_row(row: Sequence[Any]) -> Article:
    data = dict(zip(_FIELDS, row, strict=True))
    for name in _JSON_FIELDS:
        data[name] = json.loads(data[name])
    return Article.from_dict(data)
