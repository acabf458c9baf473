"""The generic path on small synthetic pages: structure, chrome removal, metadata, odd HTML."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ingest.extract.generic import generic_body, generic_metadata
from ingest.extract.page import parse_html

FETCHED = datetime(2026, 1, 8, 12, 0, tzinfo=UTC)
PROSE = (
    "The council voted on Tuesday to extend the tram line by four stations, a plan that "
    "residents had requested for years."
)


def _page(html: str, url: str = "https://news.example/2026/01/08/tram/"):
    return parse_html(html, url, FETCHED)


def _article(extra: str = "") -> str:
    return (
        "<html lang='en'><head><title>Tram line grows | City News</title>"
        "<meta property='og:site_name' content='City News'></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/x'>Politics</a></li></ul></nav>"
        f"<div class='article-body'><h1>Tram line grows</h1><p>{PROSE}</p>"
        "<h2>What changes</h2><ul><li>Four new stations in the north.</li>"
        "<li>Trams every six minutes.</li></ul>"
        f"<p>Construction starts in spring, the mayor said, and should take two years.</p>{extra}"
        "<div class='share-buttons'><a href='#'>Share on Facebook</a> Share this story</div>"
        "<div class='related-stories'><p>Buses cut in the south as drivers strike again, "
        "union leaders warned on Monday evening.</p></div></div>"
        "<div class='comments'><p>Great news, finally, I have waited for this for ten years!</p>"
        "</div><footer><p>Copyright City News. All rights reserved, every one of them.</p>"
        "</footer></body></html>"
    )


def test_body_keeps_paragraphs_headings_and_items_in_order() -> None:
    assert generic_body(_page(_article())) == [
        PROSE,
        "What changes",
        "Four new stations in the north.",
        "Trams every six minutes.",
        "Construction starts in spring, the mayor said, and should take two years.",
    ]


def test_body_keeps_embedded_quotes_and_table_rows() -> None:
    extra = (
        "<blockquote class='twitter-tweet'><p>The tram is coming back to our street!</p>"
        "</blockquote><table><tr><td>Line</td><td>Stations</td></tr>"
        "<tr><td>North</td><td>4</td></tr></table>"
    )
    body = generic_body(_page(_article(extra)))
    assert "The tram is coming back to our street!" in body
    assert "North 4" in body


def test_metadata_prefers_structured_sources() -> None:
    html = _article().replace(
        "</head>",
        "<meta property='og:title' content='Tram line grows'>"
        "<meta property='article:published_time' content='2026-01-08T10:30:00+02:00'>"
        "<meta property='article:tag' content='transport'><meta name='author' content='By Ann Lee'>"
        "<link rel='canonical' href='https://news.example/tram'></head>",
    )
    meta = generic_metadata(_page(html))
    assert meta.title == "Tram line grows"
    assert meta.authors == ["Ann Lee"]
    assert meta.published_at == datetime(2026, 1, 8, 8, 30, tzinfo=UTC)
    assert meta.tags == ["transport"]
    assert meta.canonical_url == "https://news.example/tram"
    assert meta.site_name == "City News"
    assert meta.language == "en"


def test_metadata_reads_json_ld_and_keeps_organisations_as_authors() -> None:
    # A newsroom or agency named as author is an author (the labelled sets count them).
    html = _article().replace(
        "</head>",
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
        '"headline": "Tram line grows", "datePublished": "2026-01-08T09:00:00Z", '
        '"author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Organization", '
        '"name": "City News"}], "articleSection": "Transport", "keywords": ["trams", "city"]}]}'
        "</script></head>",
    )
    meta = generic_metadata(_page(html))
    assert meta.authors == ["Ann Lee", "City News"]
    assert meta.section == "Transport"
    assert meta.tags == ["trams", "city"]
    assert meta.published_at == datetime(2026, 1, 8, 9, 0, tzinfo=UTC)


def test_title_without_og_drops_the_site_name() -> None:
    html = _article().replace("<h1>Tram line grows</h1>", "")
    assert generic_metadata(_page(html)).title == "Tram line grows"


def test_date_falls_back_to_the_url() -> None:
    meta = generic_metadata(_page(_article()))
    assert meta.published_at is not None
    assert meta.published_at.date().isoformat() == "2026-01-08"


@pytest.mark.parametrize(
    "html",
    [
        "<p>only a paragraph</p>",
        "<html><body></body></html>",
        "<html><head><script type='application/ld+json'>{broken, json</script></head>"
        "<body><p>x</p></body></html>",
        '<html><head><script type=\'application/ld+json\'>[1, "a", null, {"@type": 5, '
        '"author": {"name": 7}, "datePublished": "not a date"}]</script></head><body>'
        "<div><div><div>" * 300 + "deep</div></div></div>" * 300 + "</body></html>",
        "<html><body><!-- c --><?php x ?><table><tr><td>a</td></tr></table></body></html>",
    ],
)
def test_odd_html_never_raises(html: str) -> None:
    page = _page(html)
    generic_metadata(page)
    generic_body(page)
