"""One crawl of the snapshot with WARC capture on, shared by the tests of this folder."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.crawling import snapshot_crawl


@pytest.fixture(scope="session")
def captured(replay_server: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One crawl of the snapshot with capture on: its store, WARC folder and stats."""
    tmp = tmp_path_factory.mktemp("warc")
    cmd = snapshot_crawl(
        replay_server, tmp / "crawl.sqlite", tmp / "stats.json",
        "-s", "INGEST_WARC_ENABLED=1", "-s", f"INGEST_WARC_DIR={tmp / 'warc'}",
    )  # fmt: skip
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    stats = json.loads((tmp / "stats.json").read_text("utf-8"))
    return {"tmp": tmp, "warc": tmp / "warc", "db": tmp / "crawl.sqlite", "stats": stats}
