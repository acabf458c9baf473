"""Which canonical URL keys an article: only one on the fetched page's own site."""

from __future__ import annotations

import pytest

from ingest.extract.path import record_of
from ingest.extract.urls import registrable_domain, trusted_canonical
from ingest.fetched import FetchedPage
from ingest.sites import SITES
from tests.snapshot_data import articles, captured_at


@pytest.mark.parametrize(
    ("page", "canonical", "kept"),
    [
        ("https://www.site.example/a?utm_source=x", "https://site.example/a", True),
        ("https://m.news.co.uk/story/1", "https://www.news.co.uk/story/1", True),
        ("https://other.example/copy/1", "https://korrespondent.net/world/1-x/", False),
        ("https://news.co.uk/a", "https://evil.co.uk/a", False),  # a public suffix is no site
        ("https://alice.github.io/a", "https://bob.github.io/a", False),  # nor a private one
        ("http://127.0.0.1:8000/a", "http://127.0.0.1:8000/b", True),
    ],
)
def test_a_canonical_counts_on_the_pages_own_site_only(
    page: str, canonical: str, kept: bool
) -> None:
    assert trusted_canonical(page, canonical, None) == (canonical if kept else page)


def test_hosts_a_source_declares_are_one_site() -> None:
    site = SITES["korrespondent"]
    feed_host = "https://k.img.com.ua/rss/ru/x/"  # declared by the source (its feeds)
    real = "https://korrespondent.net/world/4601259-x/"
    assert registrable_domain("k.img.com.ua") != registrable_domain("korrespondent.net")
    assert trusted_canonical(feed_host, real, site) == real
    # Declaring a source does not lend its hosts to a page that is not on them.
    assert trusted_canonical("https://other.example/4601259-x/", real, site).startswith(
        "https://other"
    )


def test_a_page_claiming_another_sites_article_is_keyed_by_its_own_url_and_flagged() -> None:
    item = articles()[0]
    url = "https://impostor.example/news/copy.html"
    fetched = FetchedPage(url, item.html_path.read_bytes(), captured_at().isoformat())
    record = record_of(fetched)
    assert record.article.canonical_url == url
    assert record.article.source == "impostor.example"
    assert "canonical_off_site" in record.flags
    own = record_of(FetchedPage(item.url, item.html_path.read_bytes(), captured_at().isoformat()))
    assert own.article.canonical_url == item.expected["canonical_url"]
    assert "canonical_off_site" not in own.flags
