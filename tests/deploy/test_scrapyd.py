"""The project as an egg on a real scrapyd on 127.0.0.1: deploy, schedule a crawl of the snapshot
through schedule.json, wait for it in listjobs.json, read the articles from the store."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from ingest.store import open_store
from tests.conftest import ROOT
from tests.servers import free_port, unavailable
from tests.snapshot_data import articles, captured_at

# Every package pyproject.toml includes, and what the egg build reads.
PROJECT_FILES = ("ingest", "spiders", "pipelines", "middlewares", "extensions", "handlers",
                 "commands", "setup.py", "pyproject.toml", "scrapy.cfg", "README.md")  # fmt: skip


def _api(base: str, path: str, data: dict[str, Any] | None = None, body: bytes | None = None,
         headers: dict[str, str] | None = None) -> dict[str, Any]:  # fmt: skip
    if data is not None:
        body = urllib.parse.urlencode(data, doseq=True).encode()
    request = urllib.request.Request(base + path, data=body, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:
        reply = json.loads(response.read())
    assert reply.get("status") == "ok", reply
    return reply


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """scrapyd on a free port, everything (eggs, logs, its databases) in a temp folder."""
    folder = tmp_path_factory.mktemp("scrapyd")
    port = free_port()
    (folder / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = {folder}/eggs\n"
        f"logs_dir = {folder}/logs\ndbs_dir = {folder}/dbs\nitems_dir =\nmax_proc = 2\n"
        "poll_interval = 0.2\n"
    )
    proc = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=folder, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip
    assert proc.stdout is not None
    seen = []
    for line in proc.stdout:  # twistd logs when the web service listens; it exits if it cannot
        seen.append(line)
        if f"Site starting on {port}" in line:
            break
    if proc.poll() is not None:
        unavailable(f"scrapyd did not start: {''.join(seen)[-800:]}")
    try:
        yield f"http://127.0.0.1:{port}/", folder
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _build_egg(tmp: Path) -> Path:
    """``scrapyd-deploy --build-egg`` on a copy of the project (it writes build files in place)."""
    project = tmp / "project"
    project.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, project / name)
    egg = tmp / "ingest.egg"
    deploy = Path(sys.executable).with_name("scrapyd-deploy")
    done = subprocess.run([str(deploy), f"--build-egg={egg}"], cwd=project, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0 and egg.exists(), done.stderr[-2000:]
    return egg


def test_a_crawl_scheduled_on_scrapyd_stores_the_snapshot(
    scrapyd: tuple[str, Path], replay_server: str, tmp_path: Path
) -> None:
    base, folder = scrapyd
    egg = _build_egg(tmp_path)
    boundary = "ingest-egg-boundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in (("project", "ingest"), ("version", "1"))
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="egg"; filename="ingest.egg"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n".encode()
        + egg.read_bytes()
        + b"\r\n"
    )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    added = _api(base, "addversion.json", body=body,
                 headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})  # fmt: skip
    assert added["spiders"] >= 2
    assert "korrespondent" in _api(base, "listspiders.json?project=ingest")["spiders"]

    db, warc = tmp_path / "store.sqlite", tmp_path / "warc"
    until = captured_at().date()
    job = _api(base, "schedule.json", data={
        "project": "ingest", "spider": "korrespondent",
        "since": str(until - timedelta(days=2)), "until": str(until),
        "setting": [f"INGEST_REPLAY_PROXY={replay_server}", f"INGEST_DATABASE_PATH={db}",
                    f"INGEST_WARC_DIR={warc}", "AUTOTHROTTLE_ENABLED=False"],
    })["jobid"]  # fmt: skip

    deadline = time.monotonic() + 90
    while True:  # scrapyd reports a job's state only through listjobs.json: poll it
        jobs = _api(base, "listjobs.json?project=ingest")
        if any(j["id"] == job for j in jobs["finished"]):
            break
        assert time.monotonic() < deadline, jobs
        time.sleep(0.25)

    log = (folder / "logs" / "ingest" / "korrespondent" / f"{job}.log").read_text("utf-8")
    assert "Spider closed (finished)" in log and "Traceback" not in log, log[-3000:]
    store = open_store(str(db))
    stored = sorted(a.canonical_url for a in store.iter_articles())
    store.close()
    assert stored == sorted(a.expected["canonical_url"] for a in articles())
    assert list(warc.glob("korrespondent-*.warc.gz"))  # scheduled jobs capture WARC by default
