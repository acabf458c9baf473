"""One record the database cannot take costs only itself: on SQLite and on PostgreSQL."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from ingest.printable import printable, printable_article
from ingest.store import StoreDataError, open_store
from pipelines.store import StorePipeline
from tests.store.conftest import make_article

LONE_SURROGATE = "Заголовок \udfff"  # what a JSON "\udfff" escape decodes to


def test_a_batch_with_an_unencodable_record_is_refused_as_data(location: str) -> None:
    store = open_store(location)
    with pytest.raises(StoreDataError, match="Unicode"):
        store.upsert([make_article(1), make_article(2, title=LONE_SURROGATE), make_article(3)])
    assert store.count() == 0  # one transaction: nothing of it
    store.close()


def test_one_by_one_the_others_are_stored_and_the_bad_one_named(location: str) -> None:
    store = open_store(location)
    bad = make_article(2, title=LONE_SURROGATE)
    result, rejected = store.upsert_each([make_article(1), bad, make_article(3)])
    assert (result.inserted, [a.url for a, _ in rejected]) == (2, [bad.url])
    assert "UnicodeEncodeError" in rejected[0][1]
    assert store.upsert([make_article(4)]).inserted == 1  # later batches are not held up
    assert sorted(a.source_article_id for a in store.iter_articles()) == [
        "4600001", "4600003", "4600004",
    ]  # fmt: skip
    store.close()


def test_the_pipeline_drops_only_the_bad_record_and_counts_it(tmp_path: Path) -> None:
    """The writer's turn as the crawl runs it, on a real SQLite file; the record is handed to
    the writer directly (the pipeline's own cleaning would have repaired it)."""
    crawler = get_crawler()
    crawler.stats.open_spider()
    pipeline = StorePipeline(str(tmp_path / "a.sqlite"), 3, crawler.stats)
    pipeline.store = open_store(pipeline.location)
    bad = make_article(2, title=LONE_SURROGATE)
    pipeline._count(pipeline._write([make_article(1), bad, make_article(3)]))
    pipeline._count(pipeline._write([make_article(4)]))
    assert pipeline.pending == []
    assert crawler.stats.get_value("ingest/dropped/unstorable") == 1
    assert crawler.stats.get_value("ingest/store/inserted") == 3
    assert crawler.stats.get_value("ingest/store/not_stored") is None
    pipeline.store.close()


def test_printable_deletes_controls_surrogates_and_noncharacters_only() -> None:
    assert printable("a\x00b\udfffc\x07d\ufffee\x85f") == "abcdef"
    assert printable("абзац\tодин\nабзац два") == "абзац\tодин\nабзац два"
    text = "чистый текст"
    assert printable(text) is text


def test_printable_article_cleans_every_text_field_and_rehashes_the_body() -> None:
    want = make_article(1, body="Первый абзац.\nВторой абзац.", section="мир")
    dirty = dataclasses.replace(
        want, body="Первый\x00 абзац.\nВторой абзац.\udfff", authors=["Иван\x00 Петров\udfff"],
        tags=["\x07", "Украина\x00"], section="мир\x1b", source_article_id="46\x0000001",
    )  # fmt: skip
    clean = printable_article(dirty)
    assert clean.to_dict() == {**want.to_dict(), "source_article_id": "4600001"}
    assert printable_article(want) is want
