"""The database failing mid-crawl: what was committed stays, what was not is reported, and a
restarted server is reconnected to. Disk full is a size limit on the crawl process's files."""

from __future__ import annotations

import resource
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ingest.replay.server import ReplayServer, Snapshot
from ingest.store import open_store
from tests.conftest import SNAPSHOT
from tests.crawl.test_incremental_crawl import Run, crawl
from tests.pgcluster import PgCluster
from tests.snapshot_data import articles
from tests.store.damage import store_with_damaged_page

# Small batches, extraction inline: items reach the store in the order pages are served.
BATCH = "INGEST_STORE_BATCH=4"
INLINE = "INGEST_EXTRACT_WORKERS=0"


@pytest.fixture
def replay() -> Iterator[ReplayServer]:
    """The snapshot on 127.0.0.1, on a server of this test's own (it may be given a hook)."""
    with ReplayServer(Snapshot.load(SNAPSHOT)) as server:
        yield server


def _on_article_request(server: ReplayServer, nth: int, action: Callable[[], None]) -> None:
    """Run ``action`` inside the server just before it answers the nth article page request;
    the crawl (one request at a time) waits for that answer."""
    snapshot = server.snapshot
    lookup = snapshot.lookup
    seen = 0

    def hooked(url: str) -> dict[str, Any] | None:
        nonlocal seen
        resource_ = lookup(url)
        if resource_ is not None and resource_.get("kind") == "article":
            seen += 1
            if seen == nth:
                action()
        return resource_

    snapshot.lookup = hooked  # type: ignore[method-assign]


def _stored_urls(location: str) -> set[str]:
    store = open_store(location)
    try:
        return {a.url for a in store.iter_articles()}
    finally:
        store.close()


def _assert_reported(run: Run, location: str) -> set[str]:
    """Stored and not-stored together are every extracted article; nothing is both; the crawl
    exits 3 (articles not stored) and its summary says so."""
    assert run.returncode == 3, run.log[-3000:]
    assert "Traceback" not in run.log, run.log[-5000:]
    assert "NOT STORED" in run.log
    assert run.stats["finish_reason"] == "finished"
    missing = set(run.stats.get("ingest/store/not_stored_urls", []))
    stored = _stored_urls(location)
    assert run.stat("ingest/store/not_stored") == len(missing) > 0
    assert run.stat("ingest/store/inserted") == len(stored) > 0
    assert not stored & missing
    assert len(stored | missing) == run.stat("ingest/extracted") == len(articles())
    assert "not stored: " in run.log
    return missing


def test_disk_full_loses_nothing_committed_and_reports_the_rest(
    replay: ReplayServer, tmp_path: Path
) -> None:
    db = tmp_path / "articles.sqlite"
    open_store(str(db)).close()
    limit = db.stat().st_size + 128 * 1024  # room for a batch or two in the WAL, not for 42

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails, no signal
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    run = crawl(replay.url, str(db), tmp_path, BATCH, INLINE, preexec_fn=small_disk)
    missing = _assert_reported(run, str(db))
    store = open_store(str(db))
    assert store.one("PRAGMA integrity_check")[0] == "ok"
    store.close()
    # With room again, the next crawl stores exactly what was missing.
    again = crawl(replay.url, str(db), tmp_path, BATCH)
    assert again.stat("ingest/store/inserted") == len(missing)
    assert len(_stored_urls(str(db))) == len(articles())


def test_postgres_restart_mid_crawl_is_reconnected(
    replay: ReplayServer, postgres_server: PgCluster, tmp_path: Path
) -> None:
    location = postgres_server.new_database()
    _on_article_request(replay, 15, postgres_server.restart)
    run = crawl(replay.url, location, tmp_path, BATCH, INLINE)
    assert run.returncode == 0, run.log[-3000:]
    # The old connection died under a write or a lookup (they share it), and was replaced.
    assert (
        run.stat("ingest/store/failed_writes") + run.stat("ingest/incremental/lookup_failed") >= 1
    )
    assert run.stat("ingest/store/reconnects") >= 1
    assert run.stat("ingest/store/not_stored") == 0
    assert run.stat("ingest/store/inserted") == len(articles())
    assert len(_stored_urls(location)) == len(articles())


def test_postgres_gone_mid_crawl_keeps_what_was_committed(
    replay: ReplayServer, postgres_server: PgCluster, tmp_path: Path
) -> None:
    location = postgres_server.new_database()
    _on_article_request(replay, 15, postgres_server.stop)
    try:
        run = crawl(replay.url, location, tmp_path, BATCH, INLINE)
    finally:
        postgres_server.start()
    _assert_reported(run, location)


def test_a_store_with_a_damaged_page_fails_the_crawl_with_one_clear_cause(
    replay: ReplayServer, tmp_path: Path
) -> None:
    db = tmp_path / "articles.sqlite"
    store_with_damaged_page(db)
    run = crawl(replay.url, str(db), tmp_path, BATCH, INLINE)
    assert run.returncode == 3, run.log[-3000:]
    assert "Traceback" not in run.log, run.log[-5000:]
    assert run.stat("ingest/extracted") == len(articles())
    assert run.stat("ingest/store/not_stored") == len(articles())
    assert run.stat("ingest/store/inserted") == 0
    assert "crawl finished" in run.log  # the summary was written, not crashed
    assert f"NOT STORED:        {len(articles())}" in run.log
    assert run.stats["ingest/outcome"].startswith(
        f"{len(articles())} extracted articles not stored"
    )
