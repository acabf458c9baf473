"""Golden files: every snapshot article, extracted offline, matches its expected JSON field by field."""

from __future__ import annotations

import pytest

from ingest.extract import extract
from tests.snapshot_data import COMPARED_FIELDS, SnapshotArticle, articles, captured_at

ARTICLES = articles()


def test_snapshot_has_articles_to_check() -> None:
    assert len(ARTICLES) >= 40


@pytest.mark.parametrize("item", ARTICLES, ids=lambda a: a.name)
def test_article_matches_expected(item: SnapshotArticle) -> None:
    article = extract(item.html_path.read_bytes(), item.url, captured_at()).to_dict()
    mismatches = {
        name: (article[name], item.expected[name])
        for name in COMPARED_FIELDS
        if article[name] != item.expected[name]
    }
    assert not mismatches, "\n".join(
        f"{name}:\n  got      {got!r}\n  expected {want!r}"
        for name, (got, want) in mismatches.items()
    )


@pytest.mark.parametrize("item", ARTICLES, ids=lambda a: a.name)
def test_planted_boilerplate_is_gone(item: SnapshotArticle) -> None:
    article = extract(item.html_path.read_bytes(), item.url, captured_at())
    stored_text = f"{article.lead}\n{article.body}"
    for kind, snippets in item.expected.get("planted", {}).items():
        for snippet in snippets:
            assert snippet not in stored_text, f"{kind} left in the body: {snippet!r}"
