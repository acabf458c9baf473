"""``scrapy crawl … -O articles.jsonl`` gives the articles, also when they are already stored."""

from __future__ import annotations

import json
from pathlib import Path

from tests.crawl.test_incremental_crawl import crawl
from tests.snapshot_data import articles


def _feed(path: Path) -> set[str]:
    return {json.loads(line)["canonical_url"] for line in path.read_text("utf-8").splitlines()}


def test_a_feed_export_holds_every_article_on_a_second_run(
    replay_server: str, tmp_path: Path
) -> None:
    db, out = tmp_path / "articles.sqlite", tmp_path / "articles.jsonl"
    first = crawl(replay_server, str(db), tmp_path, "INGEST_EXTRACT_WORKERS=0", feed=out)
    assert first.returncode == 0, first.log[-3000:]
    want = {a.expected["canonical_url"] for a in articles()}
    assert _feed(out) == want
    second = crawl(replay_server, str(db), tmp_path, "INGEST_EXTRACT_WORKERS=0", feed=out)
    assert second.returncode == 0, second.log[-3000:]
    assert _feed(out) == want  # not an empty file: already stored is not "not wanted"
    assert second.stat("ingest/store/unchanged") == len(want)
    assert second.stat("ingest/store/inserted") == 0
    assert "incremental skipping is off" in second.log
    # Without a feed export the same re-crawl stays incremental.
    third = crawl(replay_server, str(db), tmp_path, "INGEST_EXTRACT_WORKERS=0")
    assert third.stat("ingest/incremental/skipped") == len(want)
