"""One batch gives exactly the rows the same articles upserted one at a time give: revisions, a
URL key met twice, editions and near-duplicate copies arriving in the same batch."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from ingest.article import Article
from ingest.store import open_store
from tests.store.conftest import make_article

_WORDS = "рада киев энергетика экономика спорт погода выборы налоги банк армия".split()
_TIMES = (
    "first_stored_at", "last_stored_at", "changed_at", "modified_at", "stored_at",
    "superseded_at", "first_seen_at",
)  # fmt: skip


def _body(n: int, words: int = 60) -> str:
    return " ".join(
        _WORDS[(n * 7 + i * (n % 5 + 1)) % len(_WORDS)] + str(i % 9) for i in range(words)
    )


def _copy(article: Article, source: str, n: int, **fields: Any) -> Article:
    url = f"https://{source}/news/{n}/"
    values = dict(url=url, canonical_url=url, source=source, source_article_id="", **fields)
    return dataclasses.replace(article, **values)


def _batches() -> list[list[Article]]:
    stored = [make_article(n, body=_body(n)) for n in range(6)]
    uk = f"https://ua.korrespondent.net/world/{4600000 + 7}-slug/"
    second = [
        make_article(1, body=_body(1) + " исправлено"),  # a revision
        make_article(2, http_etag='"v2"'),  # new validators only... and a changed body
        make_article(3, body=_body(3), http_etag='"v3"'),  # unchanged content, new validator
        make_article(7, body=_body(7)),
        make_article(7, body=_body(7), url=uk, canonical_url=uk, language="uk"),  # its edition
        _copy(stored[4], "copies.example", 1, published_at="2026-11-21T00:00:00+00:00"),
        _copy(stored[5], "first.example", 2, published_at="2026-11-19T00:00:00+00:00"),
        _copy(stored[5], "second.example", 3, original_source="first.example"),
        make_article(4, body=_body(4) + " снова", url=stored[4].url + "?utm_source=x"),
        make_article(4, body=_body(4) + " и снова"),  # the same key again in one batch
    ]
    return [stored, second]


def _dump(location: str) -> dict[str, list[tuple[Any, ...]]]:
    store = open_store(location)
    tables = {}
    for table, order in (
        ("articles", "canonical_url"),
        ("revisions", "canonical_url, revision"),
        ("article_urls", "url"),
        ("shingle_bands", "band, bucket, source, canonical_url"),
    ):
        cursor = store.run(f"SELECT * FROM {table} ORDER BY {order}")
        names = [d[0] for d in cursor.description]
        tables[table] = [
            tuple(v for name, v in zip(names, row, strict=True) if name not in _TIMES)
            for row in cursor.fetchall()
        ]
    store.close()
    return tables


def test_a_batch_stores_what_one_by_one_upserts_store(new_location: Callable[[], str]) -> None:
    batched, single = new_location(), new_location()
    store = open_store(batched)
    results = [store.upsert(batch) for batch in _batches()]
    store.close()
    store = open_store(single)
    for batch in _batches():
        for article in batch:
            store.upsert([article])
    store.close()
    second = results[1]
    assert (second.inserted, second.updated, second.unchanged) == (5, 4, 1)
    assert second.near_duplicates == 3
    got, want = _dump(batched), _dump(single)
    assert got["articles"] and got["revisions"] and got["shingle_bands"]
    assert got == want
