"""Day archives are data: any source whose edition carries ``archive_day_url`` has them read."""

from __future__ import annotations

import re
from datetime import date

import pytest

from ingest import sites
from ingest.discovery.archives import day_archive_urls
from ingest.sites.base import Edition, SiteProfile
from spiders.news import NewsSpider


def test_one_url_per_day_with_english_month_names() -> None:
    urls = day_archive_urls(
        "https://s.example/{year}/{month_name}/{day}/?m={month}",
        date(2026, 11, 30),
        date(2026, 12, 1),
    )
    assert urls == [
        "https://s.example/2026/november/30/?m=11",
        "https://s.example/2026/december/1/?m=12",
    ]


def _source(archive: str) -> SiteProfile:
    return SiteProfile(
        name="dayly",
        parser_version="dayly/1",
        timezone="UTC",
        editions=(
            Edition(language="en", host="dayly.example", feeds=("https://dayly.example/rss",),
                    archive_day_url=archive),
        ),
        article_url=re.compile(r"^https://dayly\.example/a/(?P<id>\d+)$"),
    )  # fmt: skip


@pytest.mark.parametrize("discover", ["", "archives", "feeds"])
def test_a_source_with_day_archives_has_them_read(
    monkeypatch: pytest.MonkeyPatch, discover: str
) -> None:
    monkeypatch.setitem(
        sites.SITES, "dayly", _source("https://dayly.example/{year}/{month}/{day}/")
    )
    spider = NewsSpider(source="dayly", since="2026-11-19", until="2026-11-20", discover=discover)
    requests = [r for e in spider.editions for r in spider._edition_requests(e)]
    archives = [r.url for r in requests if r.callback == spider.parse_archive]
    feeds = [r.url for r in requests if r.callback == spider.parse_feed]
    if discover == "feeds":
        assert archives == [] and feeds == ["https://dayly.example/rss"]
    else:
        assert archives == [
            "https://dayly.example/2026/11/19/",
            "https://dayly.example/2026/11/20/",
        ]
        assert feeds == ([] if discover == "archives" else ["https://dayly.example/rss"])


def test_a_source_without_archives_or_feeds_has_its_home_page_followed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bare = _source("")
    bare = SiteProfile(
        **{**bare.__dict__, "editions": (Edition(language="en", host="dayly.example"),)}
    )
    monkeypatch.setitem(sites.SITES, "dayly", bare)
    spider = NewsSpider(source="dayly", since="2026-11-19", until="2026-11-20")
    requests = [r for e in spider.editions for r in spider._edition_requests(e)]
    assert [(r.url, r.callback) for r in requests] == [
        ("https://dayly.example/", spider.parse_listing)
    ]
