"""A store that cannot be opened (a PostgreSQL URL nobody answers on, a folder where the SQLite
file should be) is one error line and a non-zero exit, before anything is crawled."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.pgcluster import PgCluster
from tests.servers import free_port


def _run(cmd: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, **env}
    )


def _one_error_line(done: subprocess.CompletedProcess[str], prefix: str, what: str) -> None:
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Traceback" not in output and "Unhandled error" not in output, output
    assert " 0 new" not in output, output  # no store summary for a store never opened
    errors = [line for line in output.splitlines() if "error" in line.lower()]
    assert len(errors) == 1, output
    assert errors[0] == output.strip().splitlines()[-1]
    assert errors[0].startswith(prefix) and what in errors[0], errors[0]


def test_scrapy_crawl_with_a_dead_postgresql_url(tmp_path: Path) -> None:
    url = f"postgresql://ingest@127.0.0.1:{free_port()}/news"
    done = _run(
        [sys.executable, "-m", "scrapy", "crawl", "korrespondent", "-a", "limit=2",
         "-s", f"INGEST_DATABASE_URL={url}"],
    )  # fmt: skip
    _one_error_line(done, "scrapy crawl korrespondent: error: ", f"{url}: cannot connect")
    assert "Connection refused" in done.stderr


def test_scrapy_crawl_and_demo_with_a_stopped_postgresql(postgres_server: PgCluster) -> None:
    url = postgres_server.new_database()
    postgres_server.stop()
    try:
        crawled = _run(
            [sys.executable, "-m", "scrapy", "crawl", "korrespondent", "-a", "limit=2",
             "-s", f"INGEST_DATABASE_URL={url}"],
        )  # fmt: skip
        demo = _run([sys.executable, "-m", "ingest.cli", "demo"], INGEST_DATABASE_URL=url)
    finally:
        postgres_server.start()
    _one_error_line(crawled, "scrapy crawl korrespondent: error: ", f"{url}: cannot connect")
    _one_error_line(demo, "ingest demo: error: ", f"{url}: cannot connect")


def test_scrapy_crawl_with_a_folder_for_a_store(tmp_path: Path) -> None:
    done = _run(
        [sys.executable, "-m", "scrapy", "crawl", "news", "-a", "url=http://127.0.0.2/",
         "-s", f"INGEST_DATABASE_PATH={tmp_path}"],
    )  # fmt: skip
    _one_error_line(done, "scrapy crawl news: error: ", str(tmp_path))


def test_ingest_demo_with_a_dead_postgresql_url() -> None:
    url = f"postgresql://ingest@127.0.0.1:{free_port()}/news"
    done = _run([sys.executable, "-m", "ingest.cli", "demo"], INGEST_DATABASE_URL=url)
    _one_error_line(done, "ingest demo: error: ", f"{url}: cannot connect")
    assert "data/articles.sqlite" not in done.stdout  # it does not claim to write elsewhere
