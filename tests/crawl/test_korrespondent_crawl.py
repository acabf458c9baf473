"""The real spider through Scrapy's real downloader against the snapshot served on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from ingest.article import Article
from ingest.store import open_store
from tests.conftest import ROOT
from tests.crawling import snapshot_crawl
from tests.snapshot_data import COMPARED_FIELDS, articles, bad_resources

SCHEMA = json.loads((ROOT / "ingest" / "schema" / "article-v3.json").read_text("utf-8"))


@dataclass
class CrawlRun:
    returncode: int
    stats: dict[str, Any]
    log: str


def _crawl(proxy: str, db: Path, stats: Path, *args: str) -> CrawlRun:
    cmd = snapshot_crawl(proxy, db, stats, "-s", "LOG_LEVEL=INFO", *args)
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    loaded = json.loads(stats.read_text("utf-8")) if stats.exists() else {}
    return CrawlRun(done.returncode, loaded, done.stderr)


@pytest.fixture(scope="module")
def crawled(replay_server: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Crawl the snapshot twice into one store; both runs' stats and the stored articles."""
    tmp = tmp_path_factory.mktemp("crawl")
    db = tmp / "articles.sqlite"
    first = _crawl(replay_server, db, tmp / "stats1.json")
    second = _crawl(replay_server, db, tmp / "stats2.json")
    store = open_store(str(db))
    stored = list(store.iter_articles())
    store.close()
    return {"first": first, "second": second, "stored": stored}


def test_crawl_finishes(crawled: dict[str, Any]) -> None:
    first: CrawlRun = crawled["first"]
    assert first.returncode == 0, first.log[-3000:]
    assert first.stats["finish_reason"] == "finished"
    assert "Traceback" not in first.log, first.log[-3000:]


def test_every_good_article_stored_exactly_once(crawled: dict[str, Any]) -> None:
    stored: list[Article] = crawled["stored"]
    expected_urls = sorted(a.expected["canonical_url"] for a in articles())
    assert sorted(a.canonical_url for a in stored) == expected_urls


def test_stored_records_match_their_golden_files(crawled: dict[str, Any]) -> None:
    by_url = {a.canonical_url: a.to_dict() for a in crawled["stored"]}
    for item in articles():
        got = by_url[item.expected["canonical_url"]]
        for name in COMPARED_FIELDS:
            assert got[name] == item.expected[name], f"{item.name} {name}"


def test_no_planted_boilerplate_in_any_stored_body(crawled: dict[str, Any]) -> None:
    by_url = {a.canonical_url: a for a in crawled["stored"]}
    checked = 0
    for item in articles():
        article = by_url[item.expected["canonical_url"]]
        for kind, snippets in item.expected.get("planted", {}).items():
            for snippet in snippets:
                assert snippet not in article.body, f"{item.name}: {kind} {snippet!r}"
                checked += 1
    assert checked > 0


def test_every_stored_record_validates_against_the_schema(crawled: dict[str, Any]) -> None:
    for article in crawled["stored"]:
        jsonschema.validate(article.to_dict(), SCHEMA)


def test_stored_urls_are_the_real_ones(crawled: dict[str, Any]) -> None:
    for article in crawled["stored"]:
        for url in (article.url, article.canonical_url):
            assert url.startswith(("https://korrespondent.net/", "https://ua.korrespondent.net/"))
        assert "127.0.0.1" not in json.dumps(article.to_dict())


def test_both_editions_and_shared_ids(crawled: dict[str, Any]) -> None:
    stored: list[Article] = crawled["stored"]
    assert {a.language for a in stored} == {"ru", "uk"}
    by_id: dict[str, set[str]] = {}
    for article in stored:
        by_id.setdefault(article.source_article_id, set()).add(article.language)
    assert any(langs == {"ru", "uk"} for langs in by_id.values())


def test_bad_pages_are_counted_drops(crawled: dict[str, Any]) -> None:
    stats = crawled["first"].stats
    dropped = {
        k.removeprefix("ingest/dropped/"): v
        for k, v in stats.items()
        if k.startswith("ingest/dropped/")
    }
    statuses = [r.get("status", 200) for r in bad_resources().values()]
    assert dropped.get("http_404", 0) == statuses.count(404)
    assert dropped.get("http_500", 0) == statuses.count(500)
    # The 200s with nothing in them: every one dropped with a reason, none stored.
    assert sum(v for k, v in dropped.items() if not k.startswith("http_")) == sum(
        1 for s in statuses if s == 200
    )
    assert stats.get("ingest/extracted") == len(articles())


def test_second_crawl_stores_nothing_new(crawled: dict[str, Any]) -> None:
    second: CrawlRun = crawled["second"]
    assert second.returncode == 0
    assert second.stats.get("ingest/store/inserted", 0) == 0
    assert second.stats.get("ingest/store/updated", 0) == 0
    # Unchanged as stored, or not fetched again at all (incremental: skipped, or 304).
    quiet = ("ingest/store/unchanged", "ingest/incremental/skipped", "ingest/http/not_modified")
    assert sum(second.stats.get(k, 0) for k in quiet) == len(articles())
    assert len(crawled["stored"]) == len(articles())


def test_one_edition_with_a_limit(replay_server: str, tmp_path: Path) -> None:
    run = _crawl(
        replay_server,
        tmp_path / "a.sqlite",
        tmp_path / "s.json",
        "-a",
        "editions=uk",
        "-a",
        "limit=5",
    )
    assert run.returncode == 0, run.log[-3000:]
    store = open_store(str(tmp_path / "a.sqlite"))
    stored = list(store.iter_articles())
    store.close()
    requested = run.stats.get("downloader/request_count", 0)
    assert 0 < len(stored) <= 5
    assert {a.language for a in stored} == {"uk"}
    assert all(a.url.startswith("https://ua.korrespondent.net/") for a in stored)
    # At most 5 article pages were fetched; the rest were discovery pages (feeds, sitemaps, archives).
    article_fetches = run.stats.get("ingest/extracted", 0) + sum(
        v for k, v in run.stats.items() if k.startswith("ingest/dropped/")
    )
    assert article_fetches <= 5 < requested


def test_bad_arguments_fail_with_a_message(replay_server: str, tmp_path: Path) -> None:
    run = _crawl(replay_server, tmp_path / "a.sqlite", tmp_path / "s.json", "-a", "editions=en")
    assert run.returncode != 0
    assert "editions='en': choose from ru, uk" in run.log


def test_feeds_only_crawl_reads_no_sitemap_or_archive(replay_server: str, tmp_path: Path) -> None:
    run = _crawl(replay_server, tmp_path / "a.sqlite", tmp_path / "s.json", "-a", "discover=feeds")
    assert run.returncode == 0, run.log[-3000:]
    store = open_store(str(tmp_path / "a.sqlite"))
    ids = {f"{a.source_article_id}-{a.language}" for a in store.iter_articles()}
    store.close()
    assert "4601262-ru" in ids  # listed in the feeds only
    assert not ids & {"4601221-ru", "4601215-ru", "4601226-uk"}  # listed in sitemaps only
    assert not ids & {"4601244-ru", "4601225-ru", "4601247-uk"}  # on archive page 2 only
