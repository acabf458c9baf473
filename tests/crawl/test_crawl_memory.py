"""Peak memory of a real crawl of the largest pages Scrapy accepts (DOWNLOAD_MAXSIZE): a page of
100k short paragraphs and one of a single huge paragraph, both of distinct word triples, beside
a control article, from the chaos site. Extraction runs inline, so the one process measured holds
the download, extraction, near-duplicate signatures and the store. Not a timing test."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from ingest.extract.path import record_of
from ingest.fetched import FetchedPage
from ingest.replay.chaos import ChaosRoute, ChaosServer
from ingest.replay.server import Snapshot
from ingest.settings import DOWNLOAD_MAXSIZE
from ingest.store import open_store
from tests.conftest import ROOT, SNAPSHOT
from tests.snapshot_data import articles, captured_at

PEAK_RSS_LIMIT = 400 * 1024 * 1024
SITE = "https://big.example"
COPY_OF = articles()[0].url
PAGE_BYTES = DOWNLOAD_MAXSIZE - 64 * 1024  # the largest a crawl accepts, less the headers
ROUTES = [
    ChaosRoute(
        f"{SITE}/feed.xml",
        "feed",
        {
            "links": [f"{SITE}/news/1-paragraphs.html", f"{SITE}/news/2-one.html", f"{SITE}/news/3-control.html"],
            "date": "Fri, 20 Nov 2026 08:00:00 +0200",
        },
    ),
    ChaosRoute(f"{SITE}/news/1-paragraphs.html", "huge_article", {"copy_of": COPY_OF, "bytes": PAGE_BYTES, "paragraph_words": 8}),
    ChaosRoute(f"{SITE}/news/2-one.html", "huge_article", {"copy_of": COPY_OF, "bytes": PAGE_BYTES, "paragraph_words": 0}),
    ChaosRoute(f"{SITE}/news/3-control.html", "impostor", {"copy_of": COPY_OF}),
]  # fmt: skip
# Runs the crawl as its only child: RUSAGE_CHILDREN's ru_maxrss (KiB on Linux) is then its peak.
_MEASURE = (
    "import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024); sys.exit(done.returncode)"
)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("memory")
    with ChaosServer(Snapshot.load(SNAPSHOT), ROUTES) as server:
        cmd = [
            sys.executable, "-c", _MEASURE,
            sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={SITE}/feed.xml",
            "-a", "since=2026-11-18", "-a", "until=2026-11-20",
            "-s", f"INGEST_REPLAY_PROXY={server.url}",
            "-s", "INGEST_ALLOWED_PRIVATE_HOSTS=127.0.0.1",
            "-s", f"INGEST_DATABASE_PATH={tmp / 'articles.sqlite'}",
            "-s", f"INGEST_STATS_FILE={tmp / 'stats.json'}",
            "-s", "INGEST_EXTRACT_WORKERS=0", "-s", "AUTOTHROTTLE_ENABLED=False",
            "-s", "DOWNLOAD_TIMEOUT=120",
        ]  # fmt: skip
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    store = open_store(str(tmp / "articles.sqlite"))
    stored = {a.url: a for a in store.iter_articles()}
    store.close()
    yield {
        "returncode": done.returncode,
        "log": done.stderr,
        "peak": int(done.stdout.strip().splitlines()[-1]),
        "stats": json.loads((tmp / "stats.json").read_text("utf-8")),
        "stored": stored,
    }


def test_peak_rss_of_a_crawl_of_the_largest_pages(
    crawl: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert crawl["returncode"] == 0, crawl["log"][-3000:]
    with capsys.disabled():
        print(
            f"\ncrawl memory: peak RSS {crawl['peak'] / 2**20:.0f} MiB, pages of {PAGE_BYTES / 2**20:.1f} MiB"
        )
    assert crawl["peak"] < PEAK_RSS_LIMIT, f"{crawl['peak'] / 2**20:.0f} MiB"


def test_the_large_pages_and_the_control_are_stored(crawl: dict[str, Any]) -> None:
    html, url = articles()[0].html_path.read_bytes(), f"{SITE}/news/3-control.html"
    control = record_of(FetchedPage(url, html, captured_at().isoformat())).article
    stored = crawl["stored"]
    assert stored[url].body == control.body
    for name in ("1-paragraphs", "2-one"):
        body = stored[f"{SITE}/news/{name}.html"].body
        assert len(body) > 1_000_000 and body.startswith(control.body.split("\n")[0])
