"""A host that accepts connections and never answers: robots.txt is asked for once, within its
own short timeout, with one log line and no traceback; the host's pages then get no retries, so
the crawl gives up after two waits (robots.txt, the page) instead of six."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture
def silent_host() -> Iterator[tuple[int, list[socket.socket]]]:
    """127.0.0.1:port accepting every connection and never writing a byte."""
    accepted: list[socket.socket] = []
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)

    def accept() -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = server.accept()
                accepted.append(conn)  # held open, never answered

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield server.getsockname()[1], accepted
    finally:
        server.close()
        for conn in accepted:
            conn.close()


def test_a_silent_host_costs_two_short_waits_and_one_line(
    silent_host: tuple[int, list[socket.socket]], tmp_path: Path
) -> None:
    port, accepted = silent_host
    stats = tmp_path / "stats.json"
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url=http://127.0.0.1:{port}/",
         "-s", "INGEST_ALLOWED_PRIVATE_HOSTS=127.0.0.1",
         "-s", f"INGEST_DATABASE_PATH={tmp_path / 'a.sqlite'}",
         "-s", f"INGEST_STATS_FILE={stats}",
         "-s", "DOWNLOAD_TIMEOUT=2", "-s", "INGEST_ROBOTS_TIMEOUT=1",
         "-s", "LOG_LEVEL=INFO"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    log = done.stderr
    assert "Traceback" not in log, log[-3000:]
    assert len(accepted) == 2, log[-3000:]  # robots.txt once, the home page once: no retries
    robots_lines = [line for line in log.splitlines() if "robots.txt" in line and "WARNING" in line]
    assert len(robots_lines) == 1 and "not read" in robots_lines[0], log[-3000:]
    figures = json.loads(stats.read_text("utf-8"))
    assert figures["ingest/robots/unreadable/TimeoutError"] == 1
    assert figures["downloader/request_count"] == 2
    assert done.returncode != 0  # nothing could be fetched
