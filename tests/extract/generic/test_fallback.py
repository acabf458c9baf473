"""The second opinion: readability-lxml where our main text holds too little of the page's prose."""

from __future__ import annotations

from datetime import UTC, datetime

import lxml.html

from ingest.extract.generic import generic_body
from ingest.extract.generic.fallback import in_doubt, second_opinion
from ingest.extract.page import parse_html

FETCHED = datetime(2026, 1, 8, 12, 0, tzinfo=UTC)
STORY = [
    f"Paragraph {i} of the story: the council voted on Tuesday to extend the tram line by four "
    "stations, a plan residents had requested for years."
    for i in range(6)
]
TEASERS = [f"Other story number {i} with a long enough headline" for i in range(5)]


def _page(wrapper: str) -> str:
    paragraphs = "".join(f"<div class='{wrapper}'><p>{p}</p></div>" for p in STORY)
    teasers = "".join(f"<li><a href='/x{i}'>{t}</a></li>" for i, t in enumerate(TEASERS))
    return (
        "<html><body><h1>Tram line grows</h1>"
        f"<div class='story'>{paragraphs}</div><div class='teaser-list'><ul>{teasers}</ul></div>"
        "</body></html>"
    )


def test_a_body_our_rules_lose_is_found_by_the_second_opinion() -> None:
    # Every paragraph sits in a block whose class reads as an ad slot ("ad-free-…"): our rules
    # drop them all, readability (which does not weigh that word) keeps them.
    body = generic_body(parse_html(_page("ad-free-text"), "https://n.example/a", FETCHED))
    assert [line for line in body if line in STORY] == STORY
    assert not set(TEASERS) & set(body)
    assert "Tram line grows" not in body  # the headline repeated is not body


def test_ours_is_kept_when_it_holds_the_pages_prose() -> None:
    page = parse_html(_page("text"), "https://n.example/a", FETCHED)
    assert generic_body(page) == STORY
    assert not in_doubt(sum(map(len, STORY)), sum(map(len, STORY)))
    assert second_opinion(page.tree, sum(map(len, STORY))) is None  # not clearly longer


def test_a_page_readability_cannot_read_gives_no_second_opinion() -> None:
    tree = lxml.html.document_fromstring("<html><body></body></html>")
    assert second_opinion(tree, 0) is None
