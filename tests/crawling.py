"""The command line every crawl test runs: the real spider over the snapshot's days."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

from tests.snapshot_data import captured_at


def snapshot_crawl(proxy: str, db: Path, stats: Path, *extra: str) -> list[str]:
    """``scrapy crawl korrespondent`` through the replay ``proxy`` into the SQLite ``db``,
    final stats as JSON to ``stats``; ``extra`` adds ``-a``/``-s`` arguments."""
    until = captured_at().date()
    return [
        sys.executable, "-m", "scrapy", "crawl", "korrespondent",
        "-a", f"since={until - timedelta(days=2)}", "-a", f"until={until}",
        "-s", f"INGEST_REPLAY_PROXY={proxy}",
        "-s", f"INGEST_DATABASE_PATH={db}",
        "-s", f"INGEST_STATS_FILE={stats}",
        "-s", "AUTOTHROTTLE_ENABLED=False",
        *extra,
    ]  # fmt: skip
