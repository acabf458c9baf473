"""The per-source crawl summary (stats, log, store) and the HTML report rendered in Chromium."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ingest.store import open_store
from ingest.store.crawls import CrawlRecord, recent_crawls, record_crawl
from tests.conftest import ROOT
from tests.crawling import snapshot_crawl
from tests.servers import program
from tests.snapshot_data import articles

HOSTILE = '<img src=x onerror="document.body.dataset.pwned=1">'


@pytest.fixture(scope="module")
def crawl(replay_server: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("report")
    cmd = snapshot_crawl(replay_server, tmp / "store.sqlite", tmp / "stats.json")
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    stats = json.loads((tmp / "stats.json").read_text("utf-8"))
    return {"tmp": tmp, "db": tmp / "store.sqlite", "stats": stats, "log": done.stderr}


def test_every_crawl_ends_with_a_per_source_summary(crawl: dict[str, Any]) -> None:
    stats = crawl["stats"]
    mine = stats["ingest/summary"]["korrespondent"]
    assert mine["articles"] == stats["ingest/extracted"] == len(articles())
    assert mine["new"] == stats["ingest/store/inserted"] and mine["revised"] == 0
    # The summary's "pages fetched" and the report's pages: every response, retried ones too.
    assert mine["pages"] == stats["downloader/response_count"] > stats["response_received_count"]
    assert mine["bytes"] > 0 and mine["seconds"] > 0
    dropped = {k.removeprefix("ingest/dropped/"): v for k, v in stats.items()
               if k.startswith("ingest/dropped/")}  # fmt: skip
    assert mine["dropped"] == dropped
    assert mine["fill"]["published_at"] == 1.0 and 0 < mine["fill"]["authors"] < 1
    # Boilerplate rules that fired: each kind the snapshot planted as paragraph text shows up.
    planted = {k for a in articles() for k in a.expected.get("planted", {})}
    for kind in planted & {"promo", "read_also", "related_headline", "source_attribution"}:
        assert mine["boilerplate"].get(kind, 0) > 0, kind
    assert "boilerplate removed: " in crawl["log"]
    assert re.search(r"\[korrespondent\] \d+ pages .* 42 articles \(42 new", crawl["log"])
    store = open_store(str(crawl["db"]))
    rows = recent_crawls(store)
    store.close()
    assert [(r.source, r.spider, r.finish_reason) for r in rows] == [
        ("korrespondent", "korrespondent", "finished")
    ]
    assert rows[0].summary == mine


def test_report_page_draws_its_charts_in_headless_chromium(crawl: dict[str, Any]) -> None:
    chromium = program("chromium", "chromium-browser")
    store = open_store(str(crawl["db"]))
    first = recent_crawls(store)[0]
    hostile = dict(first.summary, dropped={HOSTILE: 1}, articles=3)
    record_crawl(store, [CrawlRecord("hostile-1", f"</script>{HOSTILE}", "news", first.started_at,
                                     first.finished_at, HOSTILE, hostile)])  # fmt: skip
    store.close()
    page = crawl["tmp"] / "report.html"
    done = subprocess.run(
        [sys.executable, "-m", "ingest.cli", "report", "--db", str(crawl["db"]),
         "--since", "2000-01-01", str(page)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    html = page.read_text("utf-8")
    assert not re.search(r"<[^>]*\b(src|href)=", html)  # nothing to fetch
    assert "Content-Security-Policy" in html and HOSTILE not in html

    dom = _dump_dom(chromium, page, crawl["tmp"] / "chromium")
    assert 'data-charts-drawn="2"' in dom
    per_hour = re.search(r'id="chart-per-hour"[^>]*data-drawn="(\d+)"', dom)
    fill = re.search(r'id="chart-fill"[^>]*data-drawn="(\d+)"', dom)
    assert per_hour and per_hour.group(1) == "1"  # one source stored articles
    assert fill and fill.group(1) == "2"  # one line per source with articles (and the hostile)
    hours = len(_chart_data(html)["per_hour"][0]["points"])
    assert dom.count('class="bar"') == hours >= 1  # a bar per source per hour
    assert dom.count("<polyline") == 2 and dom.count("<circle") == 2  # a crawl each
    assert "data-pwned" not in dom and "<img" not in dom  # the hostile values stayed text
    assert "&lt;img src=x" in dom


def _chart_data(html: str) -> dict[str, Any]:
    found = re.search(
        r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S
    )
    assert found
    return dict(json.loads(found.group(1)))


def _dump_dom(chromium: str, page: Path, profile: Path) -> str:
    cmd = [
        chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        f"--user-data-dir={profile}", "--dump-dom", page.resolve().as_uri(),
    ]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout
