"""The storage suite, run on SQLite and on a real PostgreSQL server: upserts, revisions, URL
variants, translations, near-duplicate links, reads for re-crawls, and refusal of newer schemas."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime

import psycopg
import pytest

from ingest.article import SCHEMA_VERSION
from ingest.store import StoreError, open_store
from tests.store.conftest import make_article


def test_upsert_is_idempotent_and_reads_back(location: str) -> None:
    store = open_store(location)
    articles = [make_article(i) for i in range(3)]
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
    assert store.revisions(articles[0].canonical_url) == []
    store.close()


def test_a_live_blogs_kind_is_stored_and_kept_in_its_revisions(location: str) -> None:
    store = open_store(location)
    live = make_article(7, kind="liveblog")
    store.upsert([live])
    assert store.get(live.canonical_url).kind == "liveblog"
    store.upsert([dataclasses.replace(live, body="Новое обновление.\nПервый абзац.")])
    assert store.get(live.canonical_url).kind == "liveblog"
    assert [r.kind for r in store.revisions(live.canonical_url)] == ["liveblog"]
    store.close()


def test_changed_body_is_a_new_revision_keeping_the_old(location: str) -> None:
    store = open_store(location)
    original = make_article(1)
    store.upsert([original])
    before = next(store.iter_stored())
    changed = make_article(1, body="Исправленный абзац.", fetched_at="2026-11-21T08:00:00+00:00")
    result = store.upsert([changed])
    assert (result.inserted, result.updated) == (0, 1)
    assert store.count() == 1
    current = next(store.iter_stored())
    assert current.article.body == "Исправленный абзац."
    assert current.revision == 2 and current.first_stored_at == before.first_stored_at
    assert current.changed_at > before.changed_at
    assert current.article.modified_at == "2026-11-21T08:00:00+00:00"  # page said nothing
    assert [r.body for r in store.revisions(original.canonical_url)] == [original.body]
    assert store.upsert([changed]).unchanged == 1  # the same again: nothing new
    assert len(store.revisions(original.canonical_url)) == 1
    store.close()


def test_a_declared_later_modified_at_is_kept(location: str) -> None:
    store = open_store(location)
    store.upsert([make_article(1)])
    store.upsert(
        [make_article(1, title="Новый заголовок", modified_at="2026-11-20T09:00:00+00:00")]
    )
    assert store.get(make_article(1).canonical_url).modified_at == "2026-11-20T09:00:00+00:00"
    store.close()


def test_changed_since_returns_only_later_changes(location: str) -> None:
    store = open_store(location)
    store.upsert([make_article(1), make_article(2)])
    mark = datetime.now(UTC).isoformat()  # a reader's "last time I looked"
    store.upsert([make_article(2, body="Другой текст."), make_article(3)])
    changed = [s.article.source_article_id for s in store.iter_stored(changed_since=mark)]
    assert sorted(changed) == ["4600002", "4600003"]
    assert store.count_where(changed_since=mark) == 2
    store.close()


@pytest.mark.parametrize(
    "variant",
    [
        "https://korrespondent.net/world/4600001-slug/?utm_source=telegram&utm_medium=social",
        "https://korrespondent.net/world/4600001-slug",
        "https://m.korrespondent.net/world/4600001-slug/",
        "https://korrespondent.net/world/4600001-slug/amp/",
        "http://www.korrespondent.net/world/4600001-slug/?amp=1#comments",
    ],
)
def test_url_variants_are_one_row(location: str, variant: str) -> None:
    store = open_store(location)
    original = make_article(1)
    store.upsert([original])
    result = store.upsert([dataclasses.replace(original, url=variant, canonical_url=variant)])
    assert (result.inserted, result.unchanged) == (0, 1)
    assert store.count() == 1
    assert store.get(variant).canonical_url == original.canonical_url
    assert store.fetch_state(variant).canonical_url == original.canonical_url
    store.close()


def test_editions_are_linked_as_translations(location: str) -> None:
    store = open_store(location)
    ru = make_article(1)
    uk_url = "https://ua.korrespondent.net/world/4600001-slug/"
    uk = make_article(1, url=uk_url, canonical_url=uk_url, language="uk", body="Перший абзац.")
    other = make_article(2)
    store.upsert([ru, other])
    store.upsert([uk])
    assert store.get(ru.canonical_url).translations == [uk_url]
    assert store.get(uk_url).translations == [ru.canonical_url]
    assert store.get(other.canonical_url).translations == []
    assert store.count() == 3
    store.close()


def test_fetch_state_carries_the_validators(location: str) -> None:
    store = open_store(location)
    store.upsert(
        [make_article(1, http_etag='"abc"', http_last_modified="Fri, 20 Nov 2026 10:30:00 GMT")]
    )
    state = store.fetch_state(make_article(1).url)
    assert (state.http_etag, state.http_last_modified) == ('"abc"', "Fri, 20 Nov 2026 10:30:00 GMT")
    assert state.published_at == "2026-11-20T07:15:00+00:00" and state.first_stored_at
    assert store.fetch_state("https://korrespondent.net/world/1-never/") is None
    # A new ETag on unchanged content is remembered without a revision.
    result = store.upsert([make_article(1, http_etag='"def"')])
    assert result.unchanged == 1 and store.fetch_state(make_article(1).url).http_etag == '"def"'
    assert store.revisions(make_article(1).canonical_url) == []
    store.close()


def test_store_is_created_at_the_current_version(location: str) -> None:
    store = open_store(location)
    assert store.one("SELECT value FROM schema_info WHERE key = 'schema_version'")[0] == str(
        SCHEMA_VERSION
    )
    store.upsert([make_article(1)])
    assert store.get(make_article(1).url).schema_version == SCHEMA_VERSION
    store.close()
    open_store(location).close()  # opening again migrates nothing and fails on nothing


def test_store_written_by_newer_schema_is_refused(location: str) -> None:
    store = open_store(location)
    store.upsert([make_article(1)])
    store.run("UPDATE schema_info SET value = '99' WHERE key = 'schema_version'")
    store.close()
    with pytest.raises(StoreError, match=rf"schema version 99.*schema version {SCHEMA_VERSION}"):
        open_store(location)


def test_failed_batch_stores_nothing_and_keeps_earlier_batches(location: str) -> None:
    store = open_store(location)
    store.upsert([make_article(1)])
    bad = make_article(2)
    bad.tags = [object()]  # type: ignore[list-item]  # not JSON: fails mid-batch
    with pytest.raises(TypeError):
        store.upsert([make_article(3), bad])
    assert sorted(a.source_article_id for a in store.iter_articles()) == ["4600001"]
    store.close()


def test_two_stores_at_once_set_up_the_schema_once(new_location: Callable[[], str]) -> None:
    location = new_location()
    first, second = open_store(location), open_store(location)
    first.upsert([make_article(1)])
    assert second.count() == 1
    first.close()
    second.close()


def test_unreachable_postgres_is_one_line() -> None:
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    message = str(caught.value)
    assert "cannot connect" in message and "secret" not in message and "\n" not in message
    assert isinstance(caught.value.__cause__, psycopg.Error)
