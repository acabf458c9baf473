"""The SQLite store: idempotent upserts, updates, read-back, and refusal of newer schemas."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from ingest.article import Article, Image, content_hash
from ingest.store import open_store
from ingest.store.sqlite import StoreError


def _article(n: int, body: str = "Первый абзац.\nВторой абзац.") -> Article:
    return Article(
        url=f"https://korrespondent.net/world/{4600000 + n}-slug/",
        canonical_url=f"https://korrespondent.net/world/{4600000 + n}-slug/",
        source="korrespondent",
        source_article_id=str(4600000 + n),
        language="ru",
        title=f"Заголовок {n}",
        body=body,
        authors=["Иван Петров"],
        tags=["Украина"],
        images=[Image("https://kor.ill.in.ua/m/610x385/1.jpg", "Подпись", "Reuters")],
        published_at="2026-11-20T07:15:00+00:00",
        fetched_at="2026-11-20T10:30:00+00:00",
        content_hash=content_hash(body),
    )


def test_upsert_is_idempotent_and_reads_back(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "a.sqlite"))
    articles = [_article(i) for i in range(3)]
    first = store.upsert(articles)
    again = store.upsert(
        [dataclasses.replace(a, fetched_at="2026-11-21T00:00:00+00:00") for a in articles]
    )
    assert (first.inserted, first.updated, first.unchanged) == (3, 0, 0)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)
    assert store.count() == 3
    assert store.get(articles[1].canonical_url) == articles[1]
    assert [a.canonical_url for a in store.iter_articles("korrespondent")] == sorted(
        a.canonical_url for a in articles
    )
    store.close()


def test_changed_article_updates_in_place(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "a.sqlite"))
    store.upsert([_article(1)])
    changed = _article(1, body="Исправленный абзац.")
    result = store.upsert([changed])
    assert (result.inserted, result.updated) == (0, 1)
    assert store.count() == 1
    assert store.get(changed.canonical_url).body == "Исправленный абзац."


def test_store_written_by_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    open_store(str(path)).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE schema_info SET value='99' WHERE key='schema_version'")
    with pytest.raises(StoreError, match="schema version 99"):
        open_store(str(path))


def test_a_file_that_is_not_sqlite_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="not a usable SQLite store"):
        open_store(str(path))
    assert path.read_bytes().startswith(b"this is not a database")  # nothing overwritten
