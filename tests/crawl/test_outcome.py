"""Exit codes a scheduler can trust: a crawl that stored nothing says why and exits 4."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from ingest.report.outcome import NOTHING_STORED
from tests.conftest import ROOT
from tests.crawl.test_incremental_crawl import crawl


def test_every_entry_outside_the_window_is_named_and_fails(
    replay_server: str, tmp_path: Path
) -> None:
    db = tmp_path / "articles.sqlite"
    run = crawl(
        replay_server,
        str(db),
        tmp_path,
        "INGEST_EXTRACT_WORKERS=0",
        window=("2020-01-01", "2020-01-02"),
    )
    assert run.returncode == NOTHING_STORED, run.log[-3000:]
    assert run.stat("ingest/discovery/out_of_range") > 0
    assert "dated outside the date window" in run.stats["ingest/outcome"]
    assert "dated outside the date window" in run.log
    assert "Traceback" not in run.log


def test_a_site_that_does_not_resolve_is_named_and_fails(tmp_path: Path) -> None:
    stats = tmp_path / "stats.json"
    cmd = [
        sys.executable, "-m", "scrapy", "crawl", "news", "-a", "url=https://nowhere.invalid/",
        "-s", f"INGEST_DATABASE_PATH={tmp_path / 'a.sqlite'}", "-s", f"INGEST_STATS_FILE={stats}",
        "-s", "RETRY_TIMES=0", "-s", "INGEST_EXTRACT_WORKERS=0",
    ]  # fmt: skip
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == NOTHING_STORED, done.stderr[-3000:]
    outcome = json.loads(stats.read_text("utf-8"))["ingest/outcome"]
    assert outcome.startswith("nothing stored: no page could be fetched"), outcome
    assert "no page could be fetched" in done.stderr
