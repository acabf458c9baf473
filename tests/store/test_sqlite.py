"""SQLite only: a store written by version 1 is upgraded in place; a non-database is refused."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from ingest.article import SCHEMA_VERSION
from ingest.store import StoreError, open_store
from tests.store.conftest import make_article

# Exactly what version 1 (ingest/store/sqlite.py before schema 2) created.
V1_FIELDS = (
    "url", "canonical_url", "source", "source_article_id", "language", "title", "lead", "body",
    "authors", "published_at", "published_at_local", "modified_at", "section", "tags", "images",
    "original_source", "fetched_at", "parser", "content_hash", "schema_version",
)  # fmt: skip
V1_DDL = f"""
CREATE TABLE IF NOT EXISTS schema_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    {", ".join(("canonical_url TEXT PRIMARY KEY" if f == "canonical_url" else f) for f in V1_FIELDS)},
    first_stored_at TEXT NOT NULL,
    last_stored_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_source_id ON articles (source, source_article_id);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published_at);
INSERT INTO schema_info VALUES ('schema_version', '1');
"""
UK = "https://ua.korrespondent.net/world/4600001-slug/"
NO_SLASH = "https://korrespondent.net/world/4600001-slug"


def _v1_store(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.executescript(V1_DDL)
        rows = [
            (make_article(1), "2026-11-20T10:00:00+00:00"),
            (make_article(1, url=UK, canonical_url=UK, language="uk", body="Перший."), "2026-11-20T10:01:00+00:00"),
            (make_article(1, url=NO_SLASH, canonical_url=NO_SLASH, body="Позже."), "2026-11-21T10:00:00+00:00"),
            (make_article(2), "2026-11-20T10:02:00+00:00"),
        ]  # fmt: skip
        for article, stored_at in rows:
            data = article.to_dict()
            data["schema_version"] = 1
            for name in ("authors", "tags", "images"):
                data[name] = json.dumps(data[name], ensure_ascii=False)
            db.execute(
                f"INSERT INTO articles VALUES ({', '.join('?' * (len(V1_FIELDS) + 2))})",
                (*[data[f] for f in V1_FIELDS], stored_at, stored_at),
            )


def test_version_1_store_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite"
    _v1_store(path)
    store = open_store(str(path))
    assert store.one("SELECT value FROM schema_info WHERE key = 'schema_version'")[0] == str(
        SCHEMA_VERSION
    )
    assert store.count() == 3  # the two spellings of one URL are one article now
    kept = store.get(NO_SLASH)
    assert kept.canonical_url == make_article(1).canonical_url and kept.translations == [UK]
    assert [r.body for r in store.revisions(NO_SLASH)] == ["Позже."]  # kept, not dropped
    assert store.get(UK).translations == [make_article(1).canonical_url]
    assert {a.schema_version for a in store.iter_articles()} == {SCHEMA_VERSION}
    assert {a.kind for a in store.iter_articles()} == {"article"}  # v3: all were articles
    assert [r.kind for r in store.revisions(NO_SLASH)] == ["article"]
    assert store.fetch_state(NO_SLASH).canonical_url == kept.canonical_url
    assert store.upsert([make_article(2)]).unchanged == 1  # still the same article
    store.close()
    open_store(str(path)).close()  # upgraded once: a second open changes nothing


def test_a_file_that_is_not_sqlite_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="not a usable SQLite store"):
        open_store(str(path))
    assert path.read_bytes().startswith(b"this is not a database")  # nothing overwritten


def test_sqlite_url_form_is_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    store = open_store(f"sqlite://{path}")
    store.upsert([make_article(1)])
    store.close()
    assert open_store(str(path)).count() == 1
