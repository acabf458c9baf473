"""The real spider through Scrapy's real downloader over the chaos site (the snapshot, faulted)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from itertools import pairwise
from typing import Any
from urllib.parse import urlsplit

import pytest

from ingest.article import Article
from ingest.discovery.feeds import parse_feed
from ingest.discovery.sitemaps import parse_sitemap
from ingest.extract.path import record_of
from ingest.fetched import FetchedPage
from ingest.replay.chaos import ArrivalCounter, ChaosRoute, ChaosServer, load_routes
from ingest.replay.server import Snapshot
from ingest.settings import INGEST_SITEMAP_MAX_DEPTH as SITEMAP_MAX_DEPTH
from ingest.store import open_store
from tests.conftest import ROOT, SNAPSHOT
from tests.snapshot_data import COMPARED_FIELDS, articles, captured_at

ROUTES = ROOT / "data" / "chaos" / "routes.json"
IMPOSTOR_FEED = "https://impostor.example/feed.xml"  # crawled after the site, same store
ALLOWED_HOSTS = {"korrespondent.net", "ua.korrespondent.net", "k.img.com.ua", "impostor.example"}
FIELDS = tuple(f for f in COMPARED_FIELDS if f != "url")  # a redirected article keeps its hop URL


@dataclass
class ChaosRun:
    spider: str
    returncode: int
    log: str
    stats: dict[str, Any]
    stored: list[Article]
    routes: list[ChaosRoute]
    requests: list[str]
    faults_served: Counter[str]
    hit_times: dict[str, list[float]]
    private_arrivals: int
    other_returncode: int  # the crawl of another site into the same store, after this one
    other_log: str
    other_stats: dict[str, Any]


# The source's spider and the news spider given the source: one spider, both names must hold.
SPIDERS = {"korrespondent": [], "news": ["-a", "source=korrespondent"]}


@pytest.fixture(scope="module", params=sorted(SPIDERS))
def chaos(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ChaosRun]:
    spider = request.param
    tmp = tmp_path_factory.mktemp(f"chaos-{spider}")
    db, stats_file = tmp / "articles.sqlite", tmp / "stats.json"
    until = captured_at().date()
    with ArrivalCounter("127.0.0.2") as private:
        routes = load_routes(ROUTES, private.netloc)
        with ChaosServer(Snapshot.load(SNAPSHOT), routes) as server:
            options = [
                "-a", f"since={until - timedelta(days=2)}", "-a", f"until={until}",
                "-s", f"INGEST_REPLAY_PROXY={server.url}",
                "-s", "INGEST_ALLOWED_PRIVATE_HOSTS=127.0.0.1",
                "-s", f"INGEST_DATABASE_PATH={db}",
                "-s", "DOWNLOAD_TIMEOUT=2",
                "-s", "AUTOTHROTTLE_ENABLED=False",
            ]  # fmt: skip
            crawl = [sys.executable, "-m", "scrapy", "crawl"]
            cmd = [
                *crawl,
                spider,
                *SPIDERS[spider],
                *options,
                "-s",
                f"INGEST_STATS_FILE={stats_file}",
            ]
            done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
            # Then another site into the same store: a page there claims a stored article.
            other = [*crawl, "news", "-a", f"url={IMPOSTOR_FEED}", *options]
            other += ["-s", f"INGEST_STATS_FILE={tmp / 'other.json'}"]
            impostor = subprocess.run(other, cwd=ROOT, capture_output=True, text=True, timeout=300)
        arrivals = private.arrivals
    stats = json.loads(stats_file.read_text("utf-8")) if stats_file.exists() else {}
    other_file = tmp / "other.json"
    other_stats = json.loads(other_file.read_text("utf-8")) if other_file.exists() else {}
    store = open_store(str(db))
    stored = list(store.iter_articles())
    store.close()
    yield ChaosRun(
        spider, done.returncode, done.stderr, stats, stored, routes,
        list(server.requests), server.faults_served, dict(server.hit_times), arrivals,
        impostor.returncode, impostor.stderr, other_stats,
    )  # fmt: skip


def _expected_by_canonical() -> dict[str, dict[str, Any]]:
    return {a.url: a.expected for a in articles()}


def test_prints_the_figures(chaos: ChaosRun, capsys: pytest.CaptureFixture[str]) -> None:
    drops = {k: v for k, v in sorted(chaos.stats.items()) if "dropped/" in k or "filtered" in k}
    stored_urls = [a.canonical_url for a in chaos.stored]
    offsite = [u for u in chaos.requests if urlsplit(u).hostname not in ALLOWED_HOSTS]
    with capsys.disabled():
        print(f"\nchaos crawl figures ({chaos.spider} spider)")
        print(
            f"  faults served:      {sum(chaos.faults_served.values())} {dict(chaos.faults_served)}"
        )
        print(f"  requests served:    {len(chaos.requests)}")
        print(f"  articles stored:    {len(stored_urls)}")
        print(f"  drops by reason:    {drops}")
        print(
            f"  duplicate copies dropped: {chaos.stats.get('ingest/duplicates/canonical_url', 0)}"
        )
        print(f"  stored twice:       {len(stored_urls) - len(set(stored_urls))}")
        print(
            f"  off-site requests:  {len(offsite)} (127.0.0.2 arrivals: {chaos.private_arrivals})"
        )
    assert chaos.faults_served


def test_crawl_completes(chaos: ChaosRun) -> None:
    assert chaos.returncode == 0, chaos.log[-3000:]
    assert chaos.stats["finish_reason"] == "finished"
    assert "Traceback" not in chaos.log, chaos.log[-5000:]
    assert chaos.stats.get("ingest/dropped/extractor_error", 0) == 0


def test_every_recoverable_article_stored_once_and_correct(chaos: ChaosRun) -> None:
    expected = _expected_by_canonical()  # both read the source's feeds, sitemaps and archives
    lost = {r.url for r in chaos.routes if r.expect.startswith("dropped:")}
    cut_short = {r.url for r in chaos.routes if r.expect == "cut_short"}
    by_url = Counter(a.canonical_url for a in chaos.stored)
    got = {a.canonical_url: a.to_dict() for a in chaos.stored}
    wrong = []
    for url, want in expected.items():
        canonical = want["canonical_url"]
        if url in lost:
            assert canonical not in got, f"{url} should have been lost"
            continue
        assert by_url[canonical] == 1, f"{url} stored {by_url[canonical]} times"
        if url in cut_short:
            continue  # stored as far as it arrived: test_a_page_cut_short_is_stored_and_counted
        wrong += [(url, n, got[canonical][n]) for n in FIELDS if got[canonical][n] != want[n]]
    assert wrong == [], [(u.rstrip("/").rsplit("/", 1)[-1][:7], n, v) for u, n, v in wrong]


def test_every_lost_article_is_counted_with_its_reason(chaos: ChaosRun) -> None:
    wanted = Counter(
        r.expect.removeprefix("dropped:") for r in chaos.routes if r.expect.startswith("dropped:")
    )
    for key, count in wanted.items():
        assert chaos.stats.get(key, 0) >= count, f"{key}: {chaos.stats.get(key, 0)} < {count}"


def test_tracking_copies_are_duplicates_not_new_rows(chaos: ChaosRun) -> None:
    assert chaos.stats.get("ingest/duplicates/canonical_url") == 2
    urls = [a.canonical_url for a in chaos.stored]
    assert len(urls) == len(set(urls))
    assert not any("utm_" in u or "fbclid" in u for u in urls)


def test_nothing_leaves_the_allowed_hosts(chaos: ChaosRun) -> None:
    offsite = [u for u in chaos.requests if urlsplit(u).hostname not in ALLOWED_HOSTS]
    assert offsite == []
    assert chaos.private_arrivals == 0
    assert chaos.stats.get("offsite/filtered", 0) >= 2


def test_every_fault_was_served(chaos: ChaosRun) -> None:
    assert set(chaos.faults_served) == {r.fault for r in chaos.routes}


def test_entity_declarations_lose_no_listed_url(chaos: ChaosRun) -> None:
    """A sitemap or feed declaring an entity bomb is read whole, without it, and counted."""
    requested = {u.split("?")[0] for u in chaos.requests}
    good = set(_expected_by_canonical())
    for route in (r for r in chaos.routes if r.fault == "xml_entities"):
        clean = (SNAPSHOT / Snapshot.load(SNAPSHOT).lookup(route.url)["file"]).read_bytes()
        parsed = parse_feed(clean, route.url) if route.args["what"] == "feed" else None
        listed = {e.url for e in parsed.entries} if parsed else set()
        listed |= {e.loc for e in parse_sitemap(clean, route.url).entries}
        assert listed & good, route.url
        assert listed & good <= requested, (route.url, sorted(listed & good - requested))
        assert chaos.stats.get(f"ingest/discovery/dtd_ignored/{route.args['what']}", 0) >= 1


def test_sitemap_indexes_are_read_to_a_bounded_depth(chaos: ChaosRun) -> None:
    """An index that always names one more index is read INGEST_SITEMAP_MAX_DEPTH deep, counted."""
    loop = next(r.url for r in chaos.routes if r.fault == "sitemap_index_loop")
    levels = [u for u in chaos.requests if u.split("?")[0] == loop]
    assert 1 < len(levels) <= SITEMAP_MAX_DEPTH + 1, len(levels)
    assert chaos.stats.get("ingest/discovery/skipped/sitemap_depth_limit", 0) >= 1


def test_retry_after_is_waited_for_then_the_article_is_stored(chaos: ChaosRun) -> None:
    """429/503 with Retry-After: each retry comes no sooner than asked; three refusals cost nothing."""
    for route in (r for r in chaos.routes if r.fault == "refused_with_retry_after"):
        times = chaos.hit_times[route.url]
        assert len(times) == len(route.args["statuses"]) + 1, times
        gaps = [later - earlier for earlier, later in pairwise(times)]
        assert min(gaps) >= route.args["seconds"] * 0.9, gaps
    assert chaos.stats.get("ingest/retry_after/count", 0) >= 3


_UNPRINTABLE = ("\x00", "\x07", "\udfff")


def _texts(article: Article) -> list[str]:
    record = article.to_dict()
    out = [v for v in record.values() if isinstance(v, str)]
    for value in record.values():
        if isinstance(value, list):
            out += [json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v
                    for v in value]  # fmt: skip
    return out


def test_controls_and_surrogates_in_structured_data_are_cleaned_and_cost_nothing(
    chaos: ChaosRun,
) -> None:
    """NUL, BEL and a lone surrogate in a page's JSON-LD byline and keywords: the article is
    stored with them deleted (the fields equal the clean page's), and so is every other one."""
    route = next(r for r in chaos.routes if r.fault == "jsonld_controls")
    assert chaos.faults_served["jsonld_controls"] >= 1
    got = {a.canonical_url: a for a in chaos.stored}
    want = _expected_by_canonical()[route.url]
    article = got[want["canonical_url"]]
    assert (article.authors, article.tags) == (want["authors"], want["tags"])
    bad = [(a.url, t) for a in chaos.stored for t in _texts(a) if any(c in t for c in _UNPRINTABLE)]
    assert bad == []
    assert chaos.stats.get("ingest/store/not_stored", 0) == 0


def test_a_page_cannot_take_over_another_sites_article(chaos: ChaosRun) -> None:
    """A page declaring another site's canonical URL is stored under its own URL, counted."""
    assert chaos.other_returncode == 0, chaos.other_log[-3000:]
    route = next(r for r in chaos.routes if r.fault == "impostor")
    real = _expected_by_canonical()[route.args["copy_of"]]
    by_canonical = {a.canonical_url: a for a in chaos.stored}
    assert by_canonical[real["canonical_url"]].title == real["title"]
    assert by_canonical[route.url].source == "impostor.example"  # keyed by the URL it came from
    copies = [r for r in chaos.routes if "copy_of" in r.args]  # each keeps its canonical link
    assert chaos.other_stats.get("ingest/evidence/canonical_off_site") == len(copies)


def test_a_raw_script_end_inside_json_ld_costs_nothing(chaos: ChaosRun) -> None:
    """A ``</script>`` quoted in a JSON-LD string ends no script: the record is the clean page's."""
    for route in (r for r in chaos.routes if r.fault == "jsonld_script_close"):
        clean = Snapshot.load(SNAPSHOT).lookup(route.args["copy_of"])
        html = (SNAPSHOT / clean["file"]).read_bytes()
        want = record_of(FetchedPage(route.url, html, captured_at().isoformat())).article
        got = next(a for a in chaos.stored if a.url == route.url)
        assert (got.title, got.body) == (want.title, want.body)
        assert "</script>" not in got.body and "articleBody" not in got.body


def test_a_page_cut_short_is_stored_and_counted(chaos: ChaosRun) -> None:
    """A page that ends before its </body> (the server closed it early) is kept, and counted."""
    routes = [r for r in chaos.routes if r.expect == "cut_short"]
    expected = _expected_by_canonical()
    for route in (r for r in routes if r.url in expected):
        want = expected[route.url]
        got = next(a for a in chaos.stored if a.canonical_url == want["canonical_url"])
        assert want["body"].startswith(got.body.split("\n")[0]) and got.body != want["body"]
    assert chaos.stats.get("ingest/evidence/html_cut_short", 0) == len(routes)
