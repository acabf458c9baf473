"""A crawl opens no server: Scrapy's remote-control HTTP server (it runs the code it is sent) and
its telnet console are off unless a setting turns them on."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from ingest.settings import EXTENSIONS
from tests.conftest import ROOT
from tests.crawling import snapshot_crawl


def _listened(proxy: str, tmp_path: Path, *extra: str) -> list[int]:
    ports = tmp_path / "ports.json"
    cmd = snapshot_crawl(
        proxy, tmp_path / "articles.sqlite", tmp_path / "stats.json",
        "-a", "limit=2", "-a", "discover=feeds",
        "-s", f"EXTENSIONS={json.dumps({**EXTENSIONS, 'tests.crawl.listeners.Listeners': 0})}",
        "-s", f"LISTENERS_FILE={ports}",
        "-s", f"REMOTE_CONTROL_JOBS_DIR={tmp_path / 'jobs'}",
        *extra,
    )  # fmt: skip
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert ports.exists(), done.stderr[-3000:]
    return list(json.loads(ports.read_text("utf-8")))


def test_a_crawl_listens_on_no_port(replay_server: str, tmp_path: Path) -> None:
    assert _listened(replay_server, tmp_path) == []


def test_the_remote_control_server_is_there_when_turned_on(
    replay_server: str, tmp_path: Path
) -> None:
    # The probe sees a listener when there is one: the documented way to turn it on works.
    assert len(_listened(replay_server, tmp_path, "-s", "REMOTE_CONTROL_ENABLED=True")) == 1
