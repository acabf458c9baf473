"""SIGKILL the real crawl at ten points (mid-fetch, between batches, inside a store write), re-run
it, and check the store: integrity ok, every article exactly once, each one as its golden file."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ingest.settings import EXTENSIONS as PROJECT_EXTENSIONS
from ingest.store import open_store
from tests.conftest import ROOT
from tests.crawling import snapshot_crawl
from tests.snapshot_data import COMPARED_FIELDS, articles

CRASH_POINTS = [
    "response:1", "response:6", "response:25",  # mid-fetch, requests in flight
    "item:2", "item:9", "item:17",  # articles buffered, batch not yet written
    "sql:1", "sql:4", "sql:8", "sql:14",  # inside a batch's transaction, before COMMIT
]  # fmt: skip
EXTENSIONS = {**PROJECT_EXTENSIONS, "tests.crawl.crashpoint.CrashPoint": 0}


def _crawl(proxy: str, db: Path, stats: Path, crash_at: str = "") -> tuple[int, dict[str, Any]]:
    cmd = snapshot_crawl(
        proxy, db, stats,
        "-s", "INGEST_STORE_BATCH=4",
        "-s", f"EXTENSIONS={json.dumps(EXTENSIONS)}",
        "-s", f"CRASH_AT={crash_at}",
        "-s", "LOG_LEVEL=WARNING",
    )  # fmt: skip
    stats.unlink(missing_ok=True)
    with (stats.parent / "crawl.log").open("ab") as log:
        # Its own process group: whatever it started (extraction workers) is ended with it.
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=log, start_new_session=True)
        try:
            code = proc.wait(timeout=120)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
    return code, json.loads(stats.read_text("utf-8")) if stats.exists() else {}


def _integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def _stored(db: Path) -> list[Any]:
    store = open_store(str(db))
    try:
        return list(store.iter_articles())
    finally:
        store.close()


@pytest.fixture(scope="module")
def resumed(replay_server: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("kill")
    db, stats = tmp / "articles.sqlite", tmp / "stats.json"
    killed = []
    for point in CRASH_POINTS:
        code, _ = _crawl(replay_server, db, stats, point)
        killed.append((point, code, _integrity(db), len(_stored(db))))
    code, final_stats = _crawl(replay_server, db, stats)
    return {"killed": killed, "code": code, "stats": final_stats, "stored": _stored(db), "db": db}


def test_each_crawl_was_killed_and_left_a_sound_store(
    resumed: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    with capsys.disabled():
        print("\nkill and resume (SIGKILL = returncode -9)")
        for point, code, integrity, count in resumed["killed"]:
            print(f"  killed at {point:<12} rc={code} integrity={integrity} stored so far={count}")
        stats = resumed["stats"]
        print(
            f"  final run rc={resumed['code']}: inserted {stats.get('ingest/store/inserted', 0)}, "
            f"unchanged {stats.get('ingest/store/unchanged', 0)}, "
            f"pages fetched {stats.get('downloader/response_count', 0)}; "
            f"stored {len(resumed['stored'])} of {len(articles())}, integrity "
            f"{_integrity(resumed['db'])}"
        )
    for point, code, integrity, _ in resumed["killed"]:
        assert code == -9, f"{point}: the crawl was not killed (rc={code})"
        assert integrity == "ok", point
    before = resumed["killed"][-1][-1]
    assert before < len(articles()), "the kills never left work for the re-run"
    assert resumed["stats"].get("ingest/store/inserted") == len(articles()) - before


def test_after_resume_every_article_is_stored_exactly_once(resumed: dict[str, Any]) -> None:
    assert resumed["code"] == 0
    assert _integrity(resumed["db"]) == "ok"
    urls = [a.canonical_url for a in resumed["stored"]]
    assert len(urls) == len(set(urls))
    assert sorted(urls) == sorted(a.expected["canonical_url"] for a in articles())
    by_url = {a.canonical_url: a.to_dict() for a in resumed["stored"]}
    for item in articles():
        got = by_url[item.expected["canonical_url"]]
        assert got["body"] == item.expected["body"], item.name
        assert got["title"] == item.expected["title"], item.name
    assert "url" in COMPARED_FIELDS
