"""Discovery evidence: fills what the page lacks, flags what disagrees, never overrides the page."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ingest.article import Article
from ingest.errors import ExtractionError
from ingest.extract import extract
from ingest.extract.evidence import Evidence, apply_evidence

HINTS = {
    "news_publication_date": "2026-11-20T08:25:00+02:00",
    "news_title": "Title",
    "news_keywords": ["a", "b"],
    "news_language": "uk-UA",
}


def test_missing_fields_are_filled_from_the_sitemap() -> None:
    article, flags = apply_evidence(Article(url="u", title="Title"), Evidence.from_hints(HINTS))
    assert article.published_at == "2026-11-20T06:25:00+00:00"
    assert article.published_at_local == "2026-11-20T08:25:00+02:00"
    assert article.tags == ["a", "b"] and article.language == "uk"
    assert set(flags) == {"published_from_sitemap", "tags_from_discovery", "language_from_sitemap"}


@pytest.mark.parametrize(
    ("page", "flags"),
    [
        ("2026-11-20T06:26:00+00:00", set()),  # a minute later: rounding, agrees
        ("2026-11-20T06:00:00+00:00", set()),  # earlier than the sitemap: normal
        ("2026-11-20T09:00:00+00:00", {"published_later_than_sitemap"}),
        (
            "2026-11-22T09:00:00+00:00",
            {"published_later_than_sitemap", "published_days_from_sitemap"},
        ),
        ("2026-11-17T09:00:00+00:00", {"published_days_from_sitemap"}),
    ],
)
def test_disagreeing_dates_are_flagged_and_the_page_kept(page: str, flags: set[str]) -> None:
    article = Article(url="u", title="Title", published_at=page, language="uk", tags=["t"])
    result, raised = apply_evidence(article, Evidence.from_hints(HINTS))
    assert set(raised) == flags
    assert result.published_at == page


def test_feed_evidence() -> None:
    hints = {"feed_published": "2026-11-20T09:40:00+02:00", "feed_author": "A. Author",
             "feed_categories": ["City"], "feed_title": "T"}  # fmt: skip
    article, flags = apply_evidence(Article(url="u", title="T"), Evidence.from_hints(hints))
    assert article.authors == ["A. Author"] and article.tags == ["City"]
    assert "published_from_feed" in flags


def test_a_title_from_discovery_saves_a_page_without_one() -> None:
    html = "<html><body><article>" + "<p>Body text of the story, long enough.</p>" * 5
    html += "</article></body></html>"
    at = datetime(2026, 11, 20, tzinfo=UTC)
    with pytest.raises(ExtractionError):
        extract(html, "https://s.example/a/1-b-c-d", at)
    assert extract(
        html, "https://s.example/a/1-b-c-d", at, fallback_title="From sitemap"
    ).title == ("From sitemap")


@pytest.mark.parametrize(
    ("head", "reason"),
    [
        ('<meta property="og:type" content="video.other">', "not_article_video"),
        (
            '<script type="application/ld+json">{"@type":"VideoObject","headline":"V"}</script>',
            "not_article_video",
        ),
        (
            '<script type="application/ld+json">{"@type":"CollectionPage","name":"Tag"}</script>',
            "not_article_listing",
        ),
    ],
)
def test_pages_declaring_themselves_non_articles_are_dropped(head: str, reason: str) -> None:
    html = f"<html><head><title>X</title>{head}</head><body>" + "<p>Some words here.</p>" * 8
    with pytest.raises(ExtractionError) as raised:
        extract(
            html + "</body></html>",
            "https://s.example/a/1-b-c-d",
            datetime(2026, 11, 20, tzinfo=UTC),
        )
    assert raised.value.reason == reason


def test_a_live_blog_is_stored_marked_as_one() -> None:
    ld = '<script type="application/ld+json">{"@type":"LiveBlogPosting","headline":"Live"}</script>'
    updates = "".join(
        f"<p>Update {i}: the council session goes on, more soon.</p>" for i in range(6)
    )
    at = datetime(2026, 11, 20, tzinfo=UTC)
    html = f"<html><head><title>Live</title>{ld}</head><body><main>{updates}</main></body></html>"
    article = extract(html, "https://s.example/live/1-b-c-d", at)
    assert article.kind == "liveblog" and article.body.count("\n") == 5
    plain = extract(html.replace("LiveBlogPosting", "NewsArticle"), "https://s.example/a/1", at)
    assert plain.kind == "article"


def test_a_feed_crediting_the_outlet_gives_no_author() -> None:
    hints = {"feed_author": "Корреспондент.net"}
    article = Article(url="u", title="T", source="korrespondent")
    result, flags = apply_evidence(article, Evidence.from_hints(hints))
    assert result.authors == [] and "authors_from_feed" not in flags


def test_an_article_with_an_embedded_video_is_still_an_article() -> None:
    head = '<meta property="og:type" content="article"><title>Markets</title>'
    head += '<script type="application/ld+json">{"@type":"VideoObject","name":"clip"}</script>'
    html = f"<html><head>{head}</head><body><article>" + "<p>Stocks rose in Asia today.</p>" * 8
    article = extract(
        html + "</article></body></html>",
        "https://s.example/a/1-b-c-d",
        datetime(2026, 11, 20, tzinfo=UTC),
    )
    assert article.body
