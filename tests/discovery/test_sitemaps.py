"""Sitemap parsing: url sets, indexes, Google News elements, gzip, and every kind of bad input."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import pytest

from ingest.discovery.sitemaps import parse_sitemap

BASE = "https://site.example/sitemap.xml"
NEWS = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://site.example/a/1-first-story</loc>
 <news:news><news:publication><news:name>Site</news:name><news:language>UK</news:language>
 </news:publication><news:publication_date>2026-11-20T09:10:00+02:00</news:publication_date>
 <news:title>First  story</news:title><news:keywords>budget, city , </news:keywords></news:news></url>
<url><loc>/a/2-relative</loc><lastmod>2026-11-19</lastmod></url>
<url><lastmod>2026-11-19</lastmod></url>
</urlset>"""


def test_news_elements_are_read() -> None:
    doc = parse_sitemap(NEWS, BASE)
    assert doc.kind == "urlset" and not doc.error
    first, second = doc.entries
    assert first.news_published == datetime.fromisoformat("2026-11-20T09:10:00+02:00")
    assert first.news_title == "First story"
    assert first.news_keywords == ["budget", "city"]
    assert first.news_language == "uk"
    assert first.best_date == first.news_published
    assert first.as_hints()["news_publication_date"] == "2026-11-20T09:10:00+02:00"
    assert second.loc == "https://site.example/a/2-relative"
    assert second.best_date == datetime(2026, 11, 19, tzinfo=UTC)


def test_index_and_gzip() -> None:
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://site.example/news.xml</loc><lastmod>2026-11-20T10:00:00Z</lastmod></sitemap>
    </sitemapindex>"""
    doc = parse_sitemap(gzip.compress(index), "https://site.example/index.xml.gz")
    assert doc.kind == "sitemapindex"
    assert [e.loc for e in doc.entries] == ["https://site.example/news.xml"]


def test_wrong_namespace_and_odd_dates_are_tolerated() -> None:
    body = b"""<urlset xmlns="http://www.google.com/schemas/sitemap/0.84">
    <url><loc>https://site.example/x</loc><lastmod>20 November 2026</lastmod></url>
    <url><loc>https://site.example/y</loc><lastmod>not a date</lastmod></url></urlset>"""
    doc = parse_sitemap(body, BASE)
    assert [e.loc for e in doc.entries] == ["https://site.example/x", "https://site.example/y"]
    assert (
        doc.entries[0].lastmod is not None
        and doc.entries[0].lastmod.date().isoformat() == "2026-11-20"
    )
    assert doc.entries[1].lastmod is None


@pytest.mark.parametrize(
    ("body", "url", "reason"),
    [
        (b"this is not gzip", "https://site.example/s.xml.gz", "bad_gzip"),
        (b"\x1f\x8b\x08\x00garbage", BASE, "bad_gzip"),
        (gzip.compress(NEWS)[:-12], BASE, "bad_gzip"),  # truncated
        (b"", BASE, "empty"),
        (b"\x00\x01\x02 binary", BASE, "not_xml"),
        (b"<html><body>502 Bad Gateway</body></html>", BASE, "not_a_sitemap"),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
            BASE,
            "not_a_sitemap",
        ),
    ],
)
def test_bad_sitemaps_give_a_reason_never_an_exception(body: bytes, url: str, reason: str) -> None:
    doc = parse_sitemap(body, url)
    assert (doc.kind, doc.error, doc.entries) == ("", reason, [])


def test_size_caps_stop_huge_files_and_gzip_bombs() -> None:
    big = b"<urlset>" + b" " * 5000 + b"</urlset>"
    assert parse_sitemap(big, BASE, max_bytes=1000).error == "too_large"
    bomb = gzip.compress(b"<urlset>" + b"\x20" * (4 * 1024 * 1024) + b"</urlset>")
    assert len(bomb) < 10_000
    assert parse_sitemap(bomb, BASE, max_bytes=1024 * 1024).error == "too_large"


def test_entities_are_not_resolved() -> None:
    body = b"""<?xml version="1.0"?><!DOCTYPE u [<!ENTITY e SYSTEM "file:///etc/hostname">]>
    <urlset><url><loc>https://site.example/&e;</loc></url></urlset>"""
    for entry in parse_sitemap(body, BASE).entries:
        assert "\n" not in entry.loc and entry.loc.startswith("https://site.example/")


def _laughs(root: str) -> bytes:
    """A DTD whose last entity expands to 10^9 characters: libxml2 stops parsing at its use."""
    ents = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    return f'<?xml version="1.0"?>\n<!DOCTYPE {root} [{ents} <!-- a lone \' here -->]>\n'.encode()


def test_entity_declarations_cost_no_entry_and_are_reported() -> None:
    locs = [f"https://site.example/a/{i}" for i in range(8)]
    urls = "".join(
        f"<url><loc>{loc}{'&l9;' if i == 3 else ''}</loc></url>" for i, loc in enumerate(locs)
    )
    body = _laughs("urlset") + f"<urlset>{urls}</urlset>".encode()
    document = parse_sitemap(body, BASE)
    assert [e.loc for e in document.entries] == locs
    assert document.dtd_ignored
    assert not parse_sitemap(f"<urlset>{urls}</urlset>".encode(), BASE).dtd_ignored
