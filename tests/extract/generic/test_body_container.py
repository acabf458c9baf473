"""The container choice of the generic body: class/id words weighed against the text itself."""

from __future__ import annotations

from datetime import UTC, datetime

from ingest.extract.generic import generic_body
from ingest.extract.page import parse_html

FETCHED = datetime(2026, 1, 8, 12, 0, tzinfo=UTC)
FIRST = (
    "The council voted on Tuesday to extend the tram line by four stations, a plan that "
    "residents had requested for years."
)
SECOND = (
    "Engineers will begin surveying the route in March, and the first trams are expected to "
    "run on the extension in the autumn of next year."
)
THIRD = "Construction starts in spring, the mayor said, and should take two years to finish."


def _body(middle: str) -> list[str]:
    html = (
        "<html><body><nav><a href='/'>Home</a></nav><div class='article-body'>"
        f"<p>{FIRST}</p>{middle}<p>{THIRD}</p></div><footer>Footer text</footer></body></html>"
    )
    return generic_body(parse_html(html, "https://news.example/a/", FETCHED))


def test_prose_in_a_weakly_hinted_block_is_kept() -> None:
    # Drupal marks every field "field--label-hidden": the hint words, not the text, say chrome.
    body = _body(f"<div class='field field--label-hidden'><p>{SECOND}</p></div>")
    assert body == [FIRST, SECOND, THIRD]


def test_paywall_marked_paragraphs_are_kept() -> None:
    assert _body(f"<div class='paywall'><p>{SECOND}</p></div>") == [FIRST, SECOND, THIRD]


def test_a_weakly_hinted_widget_is_still_dropped() -> None:
    body = _body("<div class='widget'><span>Weather</span><span>12°C</span><p>Sunny</p></div>")
    assert body == [FIRST, THIRD]


def test_css_hidden_and_strong_words_drop_prose() -> None:
    body = _body(
        f"<div class='promo hidden'><p>{SECOND}</p></div>"
        "<div class='comment-list'><p>I have waited for this tram line for ten years, "
        "finally some good news from the council!</p></div>"
    )
    assert body == [FIRST, THIRD]


def test_a_streamed_segment_is_content_other_hidden_blocks_are_not() -> None:
    # React's streaming puts resolved content in <div hidden id="S:0"> for its script to move
    # into place; read without scripts, that is where the article is.
    html = (
        "<html><body><nav><a href='/'>Home</a></nav><main><div id='B:0'></div></main>"
        f"<div hidden id='S:0'><article><p>{FIRST}</p><p>{SECOND}</p></article></div>"
        f"<div hidden id='promo'><p>{THIRD}</p></div></body></html>"
    )
    body = generic_body(parse_html(html, "https://news.example/a/", FETCHED))
    assert body == [FIRST, SECOND]
