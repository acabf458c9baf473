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


def _page(html: str) -> list[str]:
    return generic_body(
        parse_html(f"<html><body>{html}</body></html>", "https://news.example/a/", FETCHED)
    )


def test_taxonomy_classes_of_a_post_are_not_its_role() -> None:
    # A CMS names a post's tags and categories in its classes ("tag-social", "category-video"):
    # the subject's words, which must not mark the post as a share bar or a player.
    post = f"<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p>"
    body = _page(
        "<div class='post-7 post type-post category-video tag-social tag-comment'>"
        f"<div class='text'>{post}</div></div><div class='more'><p>{SECOND}</p><p>{FIRST}</p></div>"
    )
    assert body == [FIRST, SECOND, THIRD]


def test_a_long_reader_comment_does_not_outvote_the_post() -> None:
    comment = " ".join([FIRST, SECOND, THIRD, SECOND, FIRST])
    long_comment = "".join(f"<p>{comment}, as I wrote.</p>" for _ in range(2))
    body = _page(
        f"<div class='entry'><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></div>"
        f"<ol class='comment-list'><li><div class='text'>{long_comment}</div></li></ol>"
    )
    assert body == [FIRST, SECOND, THIRD]


def test_ruby_readings_are_not_text() -> None:
    sentence = "法律では<ruby>虐待<rt>ぎゃくたい</rt></ruby>をした親に専門家が子どもの育て方を教えることになりました。"
    body = _page(f"<article><p>{sentence * 3}</p></article>")
    assert body == ["法律では虐待をした親に専門家が子どもの育て方を教えることになりました。" * 3]
