"""Feed autodiscovery, feed-level errors, and what a URL of an unknown site probably is."""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.discovery.feeds import declared_feeds, parse_feed
from ingest.discovery.links import on_site, url_kind
from ingest.extract.page import parse_tree


def test_declared_feeds_are_found_and_made_absolute() -> None:
    tree = parse_tree(
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml">'
        '<link rel="alternate" type="application/atom+xml; charset=utf-8" href="https://x.example/a">'
        '<link rel="alternate" hreflang="ru" href="/ru/"><link rel="stylesheet" href="/s.css">'
        "</head><body></body></html>"
    )
    assert declared_feeds(tree, "https://site.example/news/") == [
        "https://site.example/rss.xml",
        "https://x.example/a",
    ]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty"),
        (b"\x00 not xml", "not_xml"),
        (b"<html><body>502</body></html>", "not_a_feed"),
        (b"<rss>" + b" " * 200 + b"</rss>", "too_large"),
    ],
)
def test_bad_feeds_give_a_reason(body: bytes, reason: str) -> None:
    assert parse_feed(body, "https://site.example/rss", max_bytes=100).error == reason


def test_odd_feed_dates_are_read_or_left_empty() -> None:
    feed = b"""<rss><channel>
    <item><link>https://site.example/a/1-x-y-z</link><pubDate>20.11.2026 08:15 +0200</pubDate></item>
    <item><link>https://site.example/a/2-x-y-z</link><pubDate>yesterday-ish</pubDate></item>
    </channel></rss>"""
    first, second = parse_feed(feed, "https://site.example/rss").entries
    assert first.published == datetime.fromisoformat("2026-11-20T08:15:00+02:00")  # same instant
    assert second.published is None


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://s.example/news/2026/11/20/some-story/", "article"),
        ("https://s.example/world/4601259-es-vydelit-ukraine/", "article"),
        ("https://s.example/news/u-dnipri-vidkryly-novyi-perekhid/", "article"),
        ("https://www.site.example/rus/articles/2026/01/08/8015225/", "article"),
        ("https://s.example/", "home"),
        ("https://s.example/news/", "listing"),
        ("https://s.example/news/page/2/", "listing"),
        ("https://s.example/tag/ekonomika/", "tag"),
        ("https://s.example/tags/some-long-tag-name-here/", "tag"),
        ("https://s.example/video/2026/11/20/clip/", "video"),
        ("https://s.example/live/2026/11/20/war-updates-day-1000/", "live"),
        ("https://s.example/authors/ivan-petrenko/", "author"),
        ("https://s.example/about/", "service"),
        ("https://s.example/files/report-2026-11-20-final.pdf", "asset"),
    ],
)
def test_url_kind(url: str, kind: str) -> None:
    assert url_kind(url) == kind


def test_on_site() -> None:
    domains = ["site.example"]
    assert on_site("https://www.site.example/a", domains)
    assert on_site("http://m.site.example/a", domains)
    assert not on_site("https://evilsite.example/a", domains)
    assert not on_site("https://site.example.evil.example/a", domains)
    assert not on_site("mailto:x@site.example", domains)
