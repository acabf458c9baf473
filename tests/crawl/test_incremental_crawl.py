"""Scheduled re-crawls of the snapshot: nothing new when nothing changed, a revision when one page
changed, one row for a tracking-parameter duplicate; skips and 304s counted."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from ingest.article import Article
from ingest.replay.server import ReplayServer, Snapshot
from ingest.store import open_store
from tests.conftest import ROOT, SNAPSHOT
from tests.pgcluster import PgCluster
from tests.snapshot_data import articles, captured_at

CHANGED = "https://korrespondent.net/world/4601259-es-vydelit-ukraine-1-5-mlrd-evro-na-vosstanovlenie-energetiki/"
OLD_SENTENCE = "Решение было принято в четверг"
NEW_SENTENCE = "Решение было принято в среду"
TRACKED = CHANGED + "?utm_source=telegram&utm_medium=social"
RECHECK_ALL = "INGEST_RECHECK_HOURS=10000000"


@dataclass
class Run:
    returncode: int
    stats: dict[str, Any]
    log: str

    def stat(self, name: str) -> int:
        return int(self.stats.get(name, 0))


def crawl(
    proxy: str,
    db: str,
    tmp: Path,
    *settings: str,
    preexec_fn: Callable[[], None] | None = None,
    window: tuple[str, str] | None = None,
    feed: Path | None = None,
) -> Run:
    """The real spider in a subprocess against ``proxy``, storing into ``db`` (path or URL);
    ``window`` is since/until (default: the snapshot's last three days); ``feed``: ``-O`` it."""
    until = captured_at().date()
    since, until_ = window or (str(until - timedelta(days=2)), str(until))
    stats = tmp / f"stats{len(list(tmp.glob('stats*')))}.json"
    cmd = [
        sys.executable, "-m", "scrapy", "crawl", "korrespondent",
        "-a", f"since={since}", "-a", f"until={until_}",
        "-s", f"INGEST_REPLAY_PROXY={proxy}", "-s", f"INGEST_DATABASE_URL={db}",
        "-s", f"INGEST_STATS_FILE={stats}", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "LOG_LEVEL=INFO",
        # One request at a time: which of feed, sitemap or archive finds an article first is
        # then the same in every run, and so are the discovery hints extraction may use.
        "-s", "CONCURRENT_REQUESTS=1",
        *[arg for s in settings for arg in ("-s", s)],
        *(["-O", str(feed)] if feed else []),
    ]  # fmt: skip
    done = subprocess.run(
        cmd, cwd=ROOT, capture_output=True, text=True, timeout=300, preexec_fn=preexec_fn
    )
    loaded = json.loads(stats.read_text("utf-8")) if stats.exists() else {}
    return Run(done.returncode, loaded, done.stderr)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReplayServer]:
    """A private copy of the snapshot (the tests edit it), served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("site") / "snapshot"
    shutil.copytree(SNAPSHOT, root)
    with ReplayServer(Snapshot.load(root)) as server:
        yield server


def _edit_site(snapshot: Snapshot) -> None:
    """Change one sentence of one article; list it again under a tracking-parameter URL."""
    root = snapshot.root
    page = root / snapshot.resources[CHANGED]["file"]
    html = page.read_text("utf-8")
    assert OLD_SENTENCE in html
    page.write_text(html.replace(OLD_SENTENCE, NEW_SENTENCE), "utf-8")
    snapshot.resources[TRACKED] = dict(snapshot.resources[CHANGED])
    sitemap = root / "korrespondent.net" / "sitemap" / "ru" / "2026-11.xml"
    xml = sitemap.read_text("utf-8")
    entry = f"<url><loc>{TRACKED.replace('&', '&amp;')}</loc><lastmod>2026-11-20T11:40:00+02:00</lastmod></url>"
    sitemap.write_text(re.sub(r"(<urlset[^>]*>)", r"\1\n" + entry, xml, count=1), "utf-8")


@pytest.fixture(scope="module")
def runs(site: ReplayServer, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """First crawl, three kinds of re-crawl of the unchanged site, then two after the edit."""
    proxy = site.url
    tmp = tmp_path_factory.mktemp("incremental")
    db = str(tmp / "articles.sqlite")
    out: dict[str, Any] = {"first": crawl(proxy, db, tmp)}
    out["skip"] = crawl(proxy, db, tmp, "INGEST_RECHECK_HOURS=0")
    out["conditional"] = crawl(proxy, db, tmp, RECHECK_ALL)
    out["rows_before"] = {a.canonical_url: a for a in _stored(db)}
    _edit_site(site.snapshot)
    out["full"] = crawl(proxy, db, tmp, "INGEST_INCREMENTAL=False")
    out["after_edit"] = crawl(proxy, db, tmp, RECHECK_ALL)
    store = open_store(db)
    out["rows_after"] = {a.canonical_url: a for a in store.iter_articles()}
    out["revisions"] = store.revisions(CHANGED)
    store.close()
    return out


def _stored(db: str) -> list[Article]:
    store = open_store(db)
    try:
        return list(store.iter_articles())
    finally:
        store.close()


def test_first_crawl_stores_every_article_with_its_validators(runs: dict[str, Any]) -> None:
    first: Run = runs["first"]
    assert first.returncode == 0, first.log[-3000:]
    assert first.stat("ingest/store/inserted") == len(articles())
    assert all(a.http_etag and a.http_last_modified for a in runs["rows_before"].values())


def test_recrawl_older_than_the_window_fetches_no_article(runs: dict[str, Any]) -> None:
    skip: Run = runs["skip"]
    assert skip.returncode == 0, skip.log[-3000:]
    assert skip.stat("ingest/incremental/skipped") == len(articles())
    assert skip.stat("ingest/extracted") == 0 and skip.stat("ingest/store/inserted") == 0
    assert not any(k.startswith("ingest/dropped/fetch_") for k in skip.stats)
    # Feeds and sitemaps were read all the same.
    assert skip.stat("downloader/response_count") > 0


def test_recrawl_within_the_window_revalidates_with_304s(runs: dict[str, Any]) -> None:
    again: Run = runs["conditional"]
    assert again.returncode == 0, again.log[-3000:]
    assert again.stat("ingest/http/conditional") == len(articles())
    assert again.stat("ingest/http/not_modified") == len(articles())
    assert again.stat("downloader/response_status_count/304") == len(articles())
    assert again.stat("ingest/store/inserted") == again.stat("ingest/store/updated") == 0
    assert len(runs["rows_before"]) == len(articles())


def test_changed_article_gets_one_new_revision(runs: dict[str, Any]) -> None:
    full: Run = runs["full"]
    assert full.returncode == 0, full.log[-3000:]
    assert full.stat("ingest/store/updated") == 1
    assert full.stat("ingest/store/inserted") == 0
    before, after = runs["rows_before"][CHANGED], runs["rows_after"][CHANGED]
    assert NEW_SENTENCE in after.body and OLD_SENTENCE not in after.body
    assert after.modified_at and after.modified_at != before.modified_at
    assert after.http_etag != before.http_etag
    assert [r.body for r in runs["revisions"]] == [before.body]
    unchanged = {u: a for u, a in runs["rows_after"].items() if u != CHANGED}
    assert unchanged == {u: a for u, a in runs["rows_before"].items() if u != CHANGED}


def test_tracking_parameter_duplicate_is_still_one_row(runs: dict[str, Any]) -> None:
    full: Run = runs["full"]
    assert full.stat("ingest/duplicates/canonical_url") == 1  # fetched, recognised, counted
    assert len(runs["rows_after"]) == len(articles())
    assert not any("utm_" in url for url in runs["rows_after"])


def test_recrawl_after_the_change_is_quiet_again(runs: dict[str, Any]) -> None:
    after: Run = runs["after_edit"]
    assert after.returncode == 0, after.log[-3000:]
    assert after.stat("ingest/store/inserted") == after.stat("ingest/store/updated") == 0
    # Every article and the tracking-parameter URL of one of them: 304, nothing extracted.
    assert after.stat("ingest/http/not_modified") == len(articles()) + 1
    assert after.stat("ingest/extracted") == 0


def test_recrawl_into_postgres_adds_no_rows(postgres_server: PgCluster, tmp_path: Path) -> None:
    """The same on PostgreSQL: every article stored once, then only 304s."""
    location = postgres_server.new_database()
    with ReplayServer(Snapshot.load(SNAPSHOT)) as server:
        first = crawl(server.url, location, tmp_path)
        again = crawl(server.url, location, tmp_path, RECHECK_ALL)
    assert first.returncode == again.returncode == 0, again.log[-3000:]
    assert first.stat("ingest/store/inserted") == len(articles())
    assert again.stat("ingest/http/not_modified") == len(articles())
    assert again.stat("ingest/store/inserted") == again.stat("ingest/store/updated") == 0
    assert len(_stored(location)) == len(articles())
