"""extract_record: what the crawl's worker processes run; plain, picklable in and out."""

from __future__ import annotations

import pickle

from ingest.article import Article
from ingest.extract import extract
from ingest.extract.record import Dropped, Extracted, extract_record
from ingest.fetched import FetchedPage
from ingest.sites import SITES
from tests.snapshot_data import articles, captured_at


def test_record_is_the_extracted_article_as_a_dict() -> None:
    fetched = captured_at().isoformat()
    for item in articles():
        html = item.html_path.read_bytes()
        result = extract_record(FetchedPage(item.url, html, fetched, source="korrespondent"))
        assert isinstance(result, Extracted), item.name
        expected = extract(html, item.url, captured_at(), SITES["korrespondent"])
        assert Article.from_dict(result.record) == expected, item.name
        assert pickle.loads(pickle.dumps(result)) == result
        planted = set(item.expected.get("planted", {}))
        # Every kind planted as paragraph text was removed and reported under its own name.
        for kind in planted & {"promo", "read_also", "related_headline", "source_attribution"}:
            assert result.removed.get(kind, 0) >= 1, f"{item.name}: {kind} not reported"


def test_a_page_without_an_article_is_a_drop_reason() -> None:
    dropped = extract_record(
        FetchedPage("https://korrespondent.net/world/1-x/", "   ", captured_at().isoformat())
    )
    assert dropped == Dropped("empty_page", dropped.detail)
    assert pickle.loads(pickle.dumps(dropped)) == dropped


def test_a_crash_is_a_drop_with_its_traceback_never_an_exception() -> None:
    item = articles()[0]
    dropped = extract_record(FetchedPage(item.url, item.html_path.read_bytes(), "not a time"))
    assert isinstance(dropped, Dropped)
    assert dropped.reason == "extractor_error"
    assert "ValueError" in dropped.detail and "Traceback" in dropped.detail
