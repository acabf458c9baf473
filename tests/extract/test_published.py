"""Publish dates: structured first, the visible date in the page's language, the local offset kept."""

from __future__ import annotations

from datetime import UTC, datetime

from ingest.extract import extract
from ingest.extract.dates import local_iso
from ingest.extract.generic import generic_metadata
from ingest.extract.page import parse_html

FETCHED = datetime(2026, 1, 8, 12, 0, tzinfo=UTC)
BODY = "<article><h1>{title}</h1><p>{text}</p><p>{text}</p></article>"
TEXT_DE = (
    "Die Regierung hat den Plan am Montag gebilligt, und die ersten Zahlungen sind für Juli "
    "geplant, wie das Ministerium in Berlin mitteilte."
)
TEXT_EN = (
    "The council approved the plan on Monday, and the first payments are due in July, the "
    "ministry said in a statement on its website."
)


def _page(head: str, body: str, url: str = "https://news.example/a/1", lang: str = "en"):
    html = f"<html lang='{lang}'><head><title>Plan approved</title>{head}</head><body>{body}</body></html>"
    return parse_html(html, url, FETCHED)


def _local(head: str, body: str, url: str = "https://news.example/a/1", lang: str = "en") -> str:
    return local_iso(generic_metadata(_page(head, body, url, lang)).published_at)


def test_a_utc_instant_takes_the_offset_of_its_local_rendering() -> None:
    # The same moment twice: 01:09:55 UTC and a wall clock of 18:09:55 → the page is at -07:00.
    head = (
        "<meta property='article:published_time' content='2023-11-09T01:09:55+00:00'>"
        "<meta name='pubdate' content='2023-11-08 18:09:55'>"
    )
    assert _local(head, BODY.format(title="Plan", text=TEXT_EN)) == "2023-11-08T18:09:55-07:00"


def test_a_stated_offset_is_never_turned_into_utc() -> None:
    head = "<meta name='date' content='Sat, 19 Oct 2019 00:04:00 +0200'>"
    assert _local(head, BODY.format(title="Plan", text=TEXT_EN)) == "2019-10-19T00:04:00+02:00"


def test_the_visible_date_is_read_in_the_pages_language() -> None:
    # "03.11.2021" is the 3rd of November on a German page (dateparser given de and en at once
    # reads March); the month name "Mai" is German.
    body = "<span class='meta__date'>03.11.2021</span>" + BODY.format(title="Plan", text=TEXT_DE)
    assert _local("", body, lang="de") == "2021-11-03T00:00:00+00:00"
    body = "<p class='date'>Veröffentlicht am 13. Mai 2026 um 15:44</p>" + BODY.format(
        title="Plan", text=TEXT_DE
    )
    assert _local("", body, lang="de") == "2026-05-13T15:44:00+00:00"


def test_a_url_day_next_to_the_utc_day_moves_the_instant_onto_it() -> None:
    head = "<meta property='article:published_time' content='2023-11-01T23:01:00Z'>"
    page = BODY.format(title="Plan", text=TEXT_EN)
    url = "https://news.example/2023/11/02/plan"
    found = generic_metadata(_page(head, page, url)).published_at
    assert found == datetime(2023, 11, 1, 23, 1, tzinfo=UTC)  # the same instant
    assert local_iso(found) == "2023-11-02T00:01:00+01:00"  # on the day the page names
    # A page that also shows the UTC day keeps it.
    shown = "<span class='date'>1 November 2023</span>" + page
    assert _local(head, shown, url) == "2023-11-01T23:01:00+00:00"


def test_htmldate_dates_a_page_that_gives_no_date_of_its_own() -> None:
    body = (
        "<article><h1>Plan approved</h1><p>Posted on the first of March.</p>"
        f"<p>{TEXT_EN}</p><p>{TEXT_EN}</p></article>"
        "<div class='byline'>Last edited: 2021/03/01</div>"
    )
    html = f"<html lang='en'><head><title>Plan approved</title></head><body>{body}</body></html>"
    assert (
        generic_metadata(parse_html(html, "https://news.example/a/1", FETCHED)).published_at is None
    )
    article = extract(html, "https://news.example/a/1", FETCHED)
    assert article.published_at_local is not None
    assert article.published_at_local.startswith("2021-03-01")
