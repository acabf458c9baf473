"""A fetched page of unknown URL shape: its declarations, then its structure, say what it is."""

from __future__ import annotations

import pytest

from ingest.discovery.pagekind import page_kind, prose_run
from ingest.extract.page import parse_tree

SENTENCE = "Міська рада ухвалила рішення про ремонт мосту через річку до кінця весни. "


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def _article_body(sentences: int) -> str:
    return "<article><h1>Заголовок</h1>" + f"<p>{SENTENCE * sentences}</p>" * 3 + "</article>"


def _listing_body(items: int, summaries: bool) -> str:
    teaser = '<li><a href="/news/{i:x}.html">Заголовок новини номер {i} про місто</a>{summary}</li>'
    summary = f"<p>{SENTENCE * 3}</p>" if summaries else ""
    rows = "".join(teaser.format(i=4096 + i, summary=summary) for i in range(items))
    return f"<main><h1>Новини</h1><ul>{rows}</ul></main>"


@pytest.mark.parametrize(
    ("head", "body", "kind"),
    [
        ('<meta property="og:type" content="article">', _article_body(1), "article"),
        ("", _article_body(2), "article"),  # undeclared, a real body
        ("", _article_body(1), "listing"),  # undeclared and too little prose
        ("", _listing_body(20, summaries=False), "listing"),
        ("", _listing_body(20, summaries=True), "listing"),  # teasers: one paragraph per item
        ('<meta property="og:type" content="article">', _listing_body(20, True), "listing"),
        ('<meta property="og:type" content="video.other">', _article_body(2), "video"),
        (
            '<script type="application/ld+json">{"@type": "LiveBlogPosting"}</script>',
            _article_body(2),
            "live",
        ),
        (
            '<script type="application/ld+json">{"@type": "CollectionPage"}</script>',
            _listing_body(5, False),
            "listing",
        ),
    ],
)
def test_page_kind(head: str, body: str, kind: str) -> None:
    assert page_kind(parse_tree(_page(head, body))) == kind


def test_prose_run_ignores_link_text_teasers_and_lone_paragraphs() -> None:
    first = "Сорок символів тексту поза посиланнями тут."
    tree = parse_tree(
        _page(
            "",
            f"<div><p>{first}</p>"
            '<p>Текст і <a href="/x">посилання</a> всередині.</p>'
            '<p><a href="/y">Майже весь абзац є посиланням</a> так.</p></div>'
            f"<div><p>{SENTENCE * 9}</p></div>",  # more prose, but one paragraph alone
        )
    )
    assert prose_run(tree) == len(first) + len("Текст і посилання всередині.") - len("посилання")
