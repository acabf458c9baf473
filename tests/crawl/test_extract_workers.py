"""Extraction in worker processes stores exactly what inline extraction stores."""

from __future__ import annotations

from pathlib import Path

from ingest.store import open_store
from tests.crawl.test_korrespondent_crawl import _crawl
from tests.snapshot_data import articles


def _stored(db: Path) -> dict[str, dict]:
    store = open_store(str(db))
    try:
        return {a.canonical_url: a.to_dict() for a in store.iter_articles()}
    finally:
        store.close()


def test_two_workers_store_the_same_articles_as_inline(replay_server: str, tmp_path: Path) -> None:
    pooled = _crawl(
        replay_server, tmp_path / "p.sqlite", tmp_path / "p.json", "-s", "INGEST_EXTRACT_WORKERS=2"
    )
    inline = _crawl(
        replay_server, tmp_path / "i.sqlite", tmp_path / "i.json", "-s", "INGEST_EXTRACT_WORKERS=0"
    )
    assert pooled.returncode == 0, pooled.log[-3000:]
    assert inline.returncode == 0, inline.log[-3000:]
    assert "extracting in 2 worker processes" in pooled.log
    assert "worker processes" not in inline.log
    pooled_rows, inline_rows = _stored(tmp_path / "p.sqlite"), _stored(tmp_path / "i.sqlite")
    assert len(pooled_rows) == len(articles())
    assert pooled_rows == inline_rows
    for key in ("ingest/extracted", "item_dropped_count"):
        assert pooled.stats.get(key) == inline.stats.get(key), key
    drops = {k: v for k, v in pooled.stats.items() if k.startswith("ingest/dropped/")}
    assert drops == {k: v for k, v in inline.stats.items() if k.startswith("ingest/dropped/")}
