"""Two crawler processes sharing one Redis frontier and duplicate filter, storing to PostgreSQL;
a worker killed mid-crawl, then the crawl re-run under a new crawl id."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from ingest.store import open_store
from tests.conftest import ROOT
from tests.pgcluster import PgCluster
from tests.servers import free_port, program, unavailable
from tests.snapshot_data import articles, captured_at


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A redis-server of our own on 127.0.0.1, no persistence."""
    binary = program("redis-server")
    folder = tmp_path_factory.mktemp("redis")
    port = free_port()
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder),
         "--save", "", "--appendonly", "no"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    seen = []
    for line in proc.stdout:  # redis-server says when it is ready; it exits if it cannot start
        seen.append(line)
        if "Ready to accept connections" in line:
            break
    if proc.poll() is not None:
        unavailable(f"redis-server did not start: {''.join(seen)[-500:]}")
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _worker(
    proxy: str, redis: str, crawl_id: str, db: str, stats: Path, delay: float
) -> subprocess.Popen[str]:
    until = captured_at().date()
    cmd = [
        sys.executable, "-m", "scrapy", "crawl", "korrespondent",
        "-a", f"since={until - timedelta(days=2)}", "-a", f"until={until}",
        "-s", f"INGEST_REPLAY_PROXY={proxy}", "-s", f"INGEST_DATABASE_URL={db}",
        "-s", f"INGEST_DISTRIBUTED={redis}", "-s", f"INGEST_CRAWL_ID={crawl_id}",
        "-s", f"INGEST_STATS_FILE={stats}", "-s", "AUTOTHROTTLE_ENABLED=False",
        # A polite delay, as on a real site; it also keeps both workers busy at the same time.
        "-s", f"DOWNLOAD_DELAY={delay}", "-s", "INGEST_EXTRACT_WORKERS=0", "-s", "INGEST_STORE_BATCH=5",
    ]  # fmt: skip
    return subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )


def _finish(proc: subprocess.Popen[str], stats: Path) -> dict[str, Any]:
    _, err = proc.communicate(timeout=240)
    assert proc.returncode == 0, err[-3000:]
    assert "Traceback" not in err, err[-3000:]
    return json.loads(stats.read_text("utf-8"))


def _stored(db: str) -> list[str]:
    store = open_store(db)
    try:
        return [a.canonical_url for a in store.iter_articles()]
    finally:
        store.close()


EXPECTED = sorted(a.expected["canonical_url"] for a in articles())


def test_two_workers_share_the_frontier_and_store_every_article_once(
    replay_server: str, redis_url: str, postgres_server: PgCluster, tmp_path: Path
) -> None:
    db = postgres_server.new_database()
    procs = [_worker(replay_server, redis_url, "shared-1", db, tmp_path / f"{n}.json", 0.05)
             for n in ("a", "b")]  # fmt: skip
    stats = [_finish(p, tmp_path / f"{n}.json") for p, n in zip(procs, ("a", "b"), strict=True)]
    assert _stored(db) == EXPECTED  # every article exactly once (the store is keyed by URL)
    extracted = [s.get("ingest/extracted", 0) for s in stats]
    assert all(n > 0 for n in extracted), extracted  # both did work
    assert sum(extracted) == len(EXPECTED)  # and no article page was fetched by both
    assert all(s.get("scheduler/dequeued/redis", 0) > 0 for s in stats)


def test_a_killed_workers_articles_are_stored_when_the_crawl_is_re_run(
    replay_server: str, redis_url: str, postgres_server: PgCluster, tmp_path: Path
) -> None:
    db = postgres_server.new_database()
    victim = _worker(replay_server, redis_url, "killed-1", db, tmp_path / "v.json", 0.15)
    deadline = time.monotonic() + 120
    store = open_store(db)
    try:
        while store.count() < 5:  # mid-crawl: some batches stored, most of the frontier not
            assert victim.poll() is None and time.monotonic() < deadline, "no progress"
            time.sleep(0.1)
    finally:
        store.close()
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    before = _stored(db)
    assert 0 < len(before) < len(EXPECTED)

    # The same crawl id would not fetch the killed worker's in-flight pages again (they are in
    # the shared duplicate filter); a new crawl id rediscovers everything, and what is already
    # stored is skipped or revalidated by the incremental middleware.
    rerun = _finish(_worker(replay_server, redis_url, "killed-2", db, tmp_path / "r.json", 0.0),
                    tmp_path / "r.json")  # fmt: skip
    assert _stored(db) == EXPECTED
    assert rerun.get("ingest/store/inserted", 0) == len(EXPECTED) - len(before)
