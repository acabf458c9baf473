"""The ``news`` spider through Scrapy's real downloader against the generic snapshot on 127.0.0.1:
one crawl per site, run side by side: one discovery path each (sitemaps, feeds, link following),
with article URLs that carry a date or a slug, and again with URLs that carry neither."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from ingest.article import Article
from ingest.discovery.links import url_kind
from ingest.replay.server import ReplayServer, Snapshot
from ingest.store import open_store
from tests.conftest import ROOT

SNAPSHOT = ROOT / "data" / "snapshot-generic"
MANIFEST = json.loads((SNAPSHOT / "manifest.json").read_text("utf-8"))
SITES = {site["discovery"]: site for site in MANIFEST["sites"]}
OPAQUE = ("sitemap-opaque", "feed-opaque", "links-opaque")
COMPARED = ("url", "canonical_url", "source", "language", "title", "body", "authors",
            "published_at", "published_at_local", "tags")  # fmt: skip


def _host(url: str) -> str:
    return urlsplit(url).hostname or ""


def _articles(stored: dict[str, Article]) -> dict[str, Article]:
    return {url: a for url, a in stored.items() if a.kind == "article"}


def _expected(discovery: str) -> dict[str, dict[str, Any]]:
    host = _host(SITES[discovery]["start_url"])
    return {
        url: json.loads((SNAPSHOT / res["expected"]).read_text("utf-8"))
        for url, res in MANIFEST["resources"].items()
        if res["kind"] == "article" and _host(url) == host
    }


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Crawl the three sites at once (three processes); their stats, records and requests."""
    tmp = tmp_path_factory.mktemp("news")
    with ReplayServer(Snapshot.load(SNAPSHOT)) as server:
        running = {}
        for discovery, site in SITES.items():
            cmd = [
                sys.executable, "-m", "scrapy", "crawl", "news",
                "-a", f"url={site['start_url']}", "-a", "since=2026-11-18", "-a", "until=2026-11-20",
                "-s", f"INGEST_REPLAY_PROXY={server.url}",
                "-s", f"INGEST_DATABASE_PATH={tmp / discovery}.sqlite",
                "-s", f"INGEST_STATS_FILE={tmp / discovery}.json",
                "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "INGEST_EXTRACT_WORKERS=0",
            ]  # fmt: skip
            running[discovery] = subprocess.Popen(
                cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
            )
        logs = {d: p.communicate(timeout=300)[1] for d, p in running.items()}
        requested = list(server.requested)
    out: dict[str, Any] = {"requested": requested}
    for discovery, process in running.items():
        stats_file = tmp / f"{discovery}.json"
        store = open_store(str(tmp / f"{discovery}.sqlite"))
        out[discovery] = {
            "returncode": process.returncode,
            "log": logs[discovery],
            "stats": json.loads(stats_file.read_text("utf-8")) if stats_file.exists() else {},
            "stored": {a.url: a for a in store.iter_articles()},
        }
        store.close()
    yield out


@pytest.mark.parametrize("discovery", sorted(SITES))
def test_crawl_finishes_cleanly(crawls: dict[str, Any], discovery: str) -> None:
    run = crawls[discovery]
    assert run["returncode"] == 0, run["log"][-3000:]
    assert run["stats"]["finish_reason"] == "finished"
    assert "Traceback" not in run["log"], run["log"][-3000:]


@pytest.mark.parametrize("discovery", sorted(SITES))
def test_exactly_the_articles_are_stored(crawls: dict[str, Any], discovery: str) -> None:
    stored: dict[str, Article] = crawls[discovery]["stored"]
    assert sorted(_articles(stored)) == sorted(_expected(discovery))
    live = len(stored) - len(_articles(stored))  # live blogs: stored too, see below
    assert crawls[discovery]["stats"]["ingest/extracted"] == len(_expected(discovery)) + live


@pytest.mark.parametrize("discovery", sorted(SITES))
def test_stored_records_match_the_specs(crawls: dict[str, Any], discovery: str) -> None:
    stored: dict[str, Article] = crawls[discovery]["stored"]
    for url, expected in _expected(discovery).items():
        got = stored[url].to_dict()
        for name in COMPARED:
            assert got[name] == expected[name], f"{url} {name}"


def test_live_blogs_are_stored_marked_as_such(crawls: dict[str, Any]) -> None:
    live = {u for u, r in MANIFEST["resources"].items() if r["kind"] == "liveblog"}
    assert live
    for discovery in ("sitemap", "sitemap-opaque"):
        stored = crawls[discovery]["stored"]
        found = {url: stored[url] for url in live if url in stored}
        assert len(found) == 1, discovery  # each of these sites lists one in its news sitemap
        assert all(a.kind == "liveblog" and a.body for a in found.values())
        assert all(a.kind == "article" for url, a in stored.items() if url not in live)
        assert "ingest/dropped/not_article_live" not in crawls[discovery]["stats"]


def test_pages_that_are_not_articles_give_no_item(crawls: dict[str, Any]) -> None:
    not_articles = [u for u, r in MANIFEST["resources"].items() if r["kind"] == "not_article"]
    skipped = [u for links in MANIFEST["skipped_links"].values() for u in links]
    assert not_articles and skipped
    for discovery in SITES:
        stored = crawls[discovery]["stored"]
        assert not set(stored) & {*not_articles, *skipped}
    assert crawls["links"]["stats"]["ingest/dropped/not_article_video"] == 1
    # Found by links with a URL that cannot say: fetched, and the page said it is a video.
    assert crawls["links-opaque"]["stats"]["ingest/discovery/page_kind/video"] == 1
    for discovery, kinds in {
        "links": ("tag", "video", "live", "service"),
        "links-opaque": ("tag", "service"),
    }.items():
        stats = crawls[discovery]["stats"]
        for kind in kinds:
            assert stats.get(f"ingest/discovery/skipped/{kind}", 0) >= 1, (discovery, kind)


def test_what_a_site_lists_is_fetched_whatever_its_url_looks_like(crawls: dict[str, Any]) -> None:
    """A tag, video or live URL in a news sitemap or a feed is not vetoed by its shape: it is
    requested, and the page (here: missing, 404) gives no item."""
    requested = {u.replace("http://", "https://") for u in crawls["requested"]}
    for discovery in ("sitemap", "feed"):
        on_site = [
            u
            for u in MANIFEST["skipped_links"][discovery]
            if _host(u) == _host(SITES[discovery]["start_url"])
        ]
        assert on_site and set(on_site) <= requested, discovery
        assert not crawls[discovery]["stats"].get("ingest/discovery/skipped/tag")
        assert crawls[discovery]["stats"]["ingest/dropped/http_404"] == len(on_site)


@pytest.mark.parametrize("discovery", OPAQUE)
def test_article_urls_without_date_or_slug_are_all_stored(
    crawls: dict[str, Any], discovery: str
) -> None:
    expected = _expected(discovery)
    assert len(expected) >= 3
    assert all(url_kind(url) != "article" for url in expected)  # the URL cannot tell
    assert sorted(_articles(crawls[discovery]["stored"])) == sorted(expected)
    assert not crawls[discovery]["stats"].get("ingest/discovery/skipped/listing")


def test_link_following_without_url_shapes_is_bounded_by_depth(crawls: dict[str, Any]) -> None:
    stats = crawls["links-opaque"]["stats"]
    assert stats["ingest/discovery/link_following"] == 1
    assert stats["ingest/discovery/page_kind/article"] == len(_expected("links-opaque"))
    assert stats["ingest/discovery/page_kind/listing"] == 2  # the section and its page 2
    assert stats["ingest/discovery/skipped/depth_limit"] >= 1
    assert "http://chernihiv-daily.example/rubric/5e1d9c.html" not in crawls["requested"]


def test_skips_of_listed_urls_are_logged_with_their_reason(crawls: dict[str, Any]) -> None:
    log = crawls["sitemap"]["log"]
    old = "https://dnipro-visti.example/news/2026/11/10/stara-novyna-pro-remont-dorih-u-dnipri/"
    assert f"skipped {old} listed in a news_sitemap: out_of_range" in log
    assert "skipped off-site article https://partner-news.example/" in log
    log = crawls["feed"]["log"]
    assert "https://lvivski-novyny.example/novyny/2026/11/01/" in log
    assert "listed in a feed: out_of_range" in log


def test_no_request_ever_left_the_site(crawls: dict[str, Any]) -> None:
    hosts = {_host(s["start_url"]) for s in SITES.values()}
    requested_hosts = {_host(u) for u in crawls["requested"]}
    assert requested_hosts == hosts
    assert crawls["sitemap"]["stats"]["ingest/discovery/offsite_sitemap"] == 2
    assert crawls["sitemap"]["stats"]["ingest/discovery/offsite_article"] == 1
    assert crawls["feed"]["stats"]["ingest/discovery/offsite_feed"] == 1
    assert crawls["feed"]["stats"]["ingest/discovery/offsite_article"] == 1
    assert crawls["links"]["stats"]["ingest/discovery/skipped/offsite"] == 1
    for discovery in SITES:
        assert "offsite/filtered" not in crawls[discovery]["stats"]  # we never even asked


def test_sitemap_path_reads_index_news_gzip_and_counts_bad_sitemaps(crawls: dict[str, Any]) -> None:
    requested = set(crawls["requested"])
    root = "http://dnipro-visti.example"
    for path in (
        "/robots.txt",
        "/sitemap_index.xml",
        "/sitemaps/news.xml",
        "/sitemaps/pages.xml.gz",
    ):
        assert root + path in requested
    assert root + "/sitemaps/2026-10.xml" not in requested  # its lastmod is out of range
    stats = crawls["sitemap"]["stats"]
    assert stats["ingest/discovery/bad_sitemap/bad_gzip"] == 1
    assert stats["ingest/discovery/bad_sitemap/not_xml"] == 1
    assert stats["ingest/discovery/sitemap_out_of_range"] == 1
    assert stats["ingest/discovery/out_of_range"] == 2  # an old story, and /about/ of 2025


def test_feed_path_uses_declared_feeds_and_counts_a_broken_one(crawls: dict[str, Any]) -> None:
    stats = crawls["feed"]["stats"]
    assert stats["ingest/discovery/bad_feed/not_a_feed"] == 1
    assert stats["ingest/discovery/out_of_range"] == 1
    assert "ingest/discovery/link_following" not in stats
    assert not any(u.startswith("http://lvivski-novyny.example/feed") for u in crawls["requested"])


def test_link_following_only_when_no_sitemap_or_feed(crawls: dict[str, Any]) -> None:
    assert crawls["links"]["stats"]["ingest/discovery/link_following"] == 1
    assert crawls["links"]["stats"]["ingest/discovery/skipped/depth_limit"] >= 1
    assert "http://poltava-daily.example/novyny/page/3/" not in crawls["requested"]
    for discovery in ("sitemap", "feed"):
        assert "ingest/discovery/link_following" not in crawls[discovery]["stats"]


def test_undated_page_takes_its_date_from_the_news_sitemap(crawls: dict[str, Any]) -> None:
    url = "https://dnipro-visti.example/news/u-dnipri-vidkryly-pidzemnyi-perekhid-na-prospekti-yavornytskoho/"
    page = (SNAPSHOT / MANIFEST["resources"][url]["file"]).read_text("utf-8")
    assert "2026-11-20" not in page and "<time" not in page  # the page really shows no date
    article = crawls["sitemap"]["stored"][url]
    assert article.published_at == "2026-11-20T06:25:00+00:00"  # news:publication_date 08:25+02:00
    assert article.published_at_local == "2026-11-20T08:25:00+02:00"
    assert crawls["sitemap"]["stats"]["ingest/evidence/published_from_sitemap"] == 1


def test_page_date_disagreeing_with_the_sitemap_is_counted(crawls: dict[str, Any]) -> None:
    url = "https://dnipro-visti.example/news/2026/11/20/na-dniprovskii-ges-zavershyly-remont-druhoho-ahrehatu/"
    article = crawls["sitemap"]["stored"][url]
    assert article.published_at == "2026-11-20T09:45:00+00:00"  # the page's own date is kept
    stats = crawls["sitemap"]["stats"]
    flagged = [f for e in _expected("sitemap").values() for f in e["evidence_flags"]]
    assert stats["ingest/evidence/published_later_than_sitemap"] == 1
    assert stats["ingest/evidence/published_days_from_sitemap"] == 1
    for flag in set(flagged):
        assert stats[f"ingest/evidence/{flag}"] == flagged.count(flag)


def test_robots_txt_is_fetched_once_per_site(crawls: dict[str, Any]) -> None:
    """RobotsTxtMiddleware's fetch is the one the spider reads its Sitemap: lines from."""
    for discovery, site in SITES.items():
        robots = site["start_url"].replace("https://", "http://") + "robots.txt"
        assert crawls["requested"].count(robots) == 1, discovery
    assert "ingest/discovery/no_robots" not in crawls["sitemap"]["stats"]


def test_without_robots_middleware_the_spider_reads_robots_itself(tmp_path: Path) -> None:
    site = SITES["sitemap-opaque"]
    with ReplayServer(Snapshot.load(SNAPSHOT)) as server:
        cmd = [
            sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={site['start_url']}",
            "-a", "since=2026-11-18", "-a", "until=2026-11-20", "-s", "ROBOTSTXT_OBEY=False",
            "-s", f"INGEST_REPLAY_PROXY={server.url}", "-s", f"INGEST_DATABASE_PATH={tmp_path}/a.db",
            "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "INGEST_EXTRACT_WORKERS=0",
        ]  # fmt: skip
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
        requested = list(server.requested)
    assert done.returncode == 0, done.stderr[-3000:]
    assert requested.count("http://sumski-visti.example/robots.txt") == 1
    store = open_store(str(tmp_path / "a.db"))
    articles = [a.url for a in store.iter_articles() if a.kind == "article"]
    assert sorted(articles) == sorted(_expected("sitemap-opaque"))
    store.close()
