"""Ctrl-C twice (Scrapy's forced shutdown) ends a real crawl process promptly, non-zero, with
every batch already committed still in the store; and ``ingest demo`` obeys SIGINT."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.settings import ITEM_PIPELINES
from tests.conftest import ROOT
from tests.crawling import snapshot_crawl

PIPELINES = {**ITEM_PIPELINES, "tests.crawl.holdpoint.HoldItem": 250}  # before the store
DEADLINE = 60.0


def _wait_for(log: Path, text: str, proc: subprocess.Popen[bytes], after: int = 0) -> int:
    """Wait (bounded) until ``text`` is in the log past offset ``after``; its end offset."""
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        content = log.read_bytes()
        found = content.find(text.encode(), after)
        if found >= 0:
            return found + len(text)
        if proc.poll() is not None:
            pytest.fail(
                f"the crawl ended (rc={proc.returncode}) before {text!r}:\n{content[-3000:]!r}"
            )
        time.sleep(0.05)
    pytest.fail(f"no {text!r} in the log within {DEADLINE} s")


def _rows(db: Path) -> int:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def _integrity(db: Path) -> str:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


@contextlib.contextmanager
def _started(
    cmd: list[str], log: Path, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as out:
        proc = subprocess.Popen(
            cmd, cwd=ROOT, stdout=out, stderr=out, env=env, start_new_session=True
        )
    try:
        yield proc
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def _forced_shutdown(
    proc: subprocess.Popen[bytes], log: Path, held_at: int, signum: int = signal.SIGINT
) -> float:
    """A signal, wait for the graceful shutdown to start, again; seconds until the exit."""
    proc.send_signal(signum)
    seen = _wait_for(log, "shutting down gracefully", proc, held_at)
    proc.send_signal(signum)
    _wait_for(log, "forcing unclean shutdown", proc, seen)
    forced = time.monotonic()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("the crawl still runs 30 s after a forced shutdown (a hang)")
    return time.monotonic() - forced


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_second_signal_ends_the_crawl_promptly_and_keeps_what_was_stored(
    signum: int, replay_server: str, tmp_path: Path
) -> None:
    db, stats, log = tmp_path / "articles.sqlite", tmp_path / "stats.json", tmp_path / "crawl.log"
    cmd = snapshot_crawl(
        replay_server, db, stats,
        "-s", "INGEST_STORE_BATCH=2",
        "-s", f"ITEM_PIPELINES={json.dumps(PIPELINES)}",
        "-s", "HOLD_AT=7",
        "-s", "LOG_LEVEL=INFO",
    )  # fmt: skip
    with _started(cmd, log) as proc:
        held_at = _wait_for(log, "holding item 7", proc)
        stored_before = _rows(db)
        took = _forced_shutdown(proc, log, held_at, signum)
    print(f"\nforced shutdown: rc={proc.returncode} after {took:.1f} s, {stored_before} stored")
    assert proc.returncode != 0
    assert stored_before >= 2  # batches of two committed before the hold
    assert _integrity(db) == "ok"
    assert _rows(db) >= stored_before


def test_sigint_to_the_demo_stops_it(tmp_path: Path) -> None:
    db, log = tmp_path / "demo.sqlite", tmp_path / "demo.log"
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "tests.crawl.hold_settings"}
    with _started([sys.executable, "-m", "ingest.cli", "demo", "--db", str(db)], log, env) as proc:
        held_at = _wait_for(log, "holding item 3", proc)
        took = _forced_shutdown(proc, log, held_at)
    output = log.read_text("utf-8")
    assert proc.returncode != 0, output
    assert took < 30
    assert "Traceback" not in output
    assert "crawl finished (forced shutdown)" in output
