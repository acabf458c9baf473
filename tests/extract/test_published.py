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


def test_a_date_without_its_year_or_a_bare_year_is_no_date() -> None:
    # "Jul 10" is not this year's July 10th; "1988" (a cited work's microdata) is not a day.
    body = "<span class='date'>Jul 10</span>" + BODY.format(title="Plan", text=TEXT_EN)
    assert _local("", body, "https://news.example/2020/07/11/plan") == "2020-07-11T00:00:00+00:00"
    head = (
        "<meta itemprop='datePublished' content='1988'><meta name='dc.date' content='2017-01-30'>"
    )
    assert _local(head, BODY.format(title="Plan", text=TEXT_EN)) == "2017-01-30T00:00:00+00:00"


def test_microdata_on_the_visible_date_beats_a_generic_date_meta() -> None:
    head = "<meta name='date' content='2022-01-21T15:38:44+01:00'>"
    body = BODY.format(title="Plan", text=TEXT_DE) + (
        "<p><time itemprop='datePublished' datetime='2022-01-27'>27.01.2022</time></p>"
    )
    assert _local(head, body, lang="de") == "2022-01-27T00:00:00+00:00"


def test_a_time_element_not_in_iso_form_is_read_as_the_page_writes_dates() -> None:
    body = BODY.format(title="Plan", text=TEXT_DE) + (
        "<time datetime='01-11-2023 10:29'>1. November 2023 10:29</time>"
    )
    assert _local("", body, lang="de") == "2023-11-01T10:29:00+00:00"


def test_the_date_next_to_the_headline_dates_a_page_without_metadata() -> None:
    # A logo is the first <h1>; the site's header shows today; a teaser's title holds a date.
    body = (
        "<header><span>Tuesday, 8 December 2026</span><h1>News Site</h1></header>"
        "<main><article><h1>Plan approved</h1><p>1. Februar 2022, Daniel Dillenburg</p>"
        f"<p>{TEXT_DE}</p><p>{TEXT_DE}</p></article>"
        "<a href='/b'>Wochenende in Wien 12.10. - 15.10.2023</a></main>"
    )
    head = "<meta property='og:title' content='Plan approved'>"
    assert _local(head, body, lang="de") == "2022-02-01T00:00:00+00:00"
    teaser_first = body.replace("<p>1. Februar 2022, Daniel Dillenburg</p>", "")
    teaser_first = teaser_first.replace(
        "</article>", "<a href='/b'>Konzert am 15.10.2023 in Wien</a></article>"
    )
    assert _local(head, teaser_first, lang="de") is None


def test_a_later_update_the_page_shows_and_declares_is_its_date() -> None:
    head = (
        "<meta property='article:published_time' content='2021-11-29T14:13:37+00:00'>"
        "<meta property='article:modified_time' content='2022-01-12T14:27:30+00:00'>"
    )
    shown = f"<article><h1>Plan approved</h1><p>12.01.2022</p><p>{TEXT_DE}</p></article>"
    assert _local(head, shown, lang="de") == "2022-01-12T14:27:30+00:00"
    # Shown but not declared, or a day apart (an offset, a print edition): the declared date.
    assert _local(head.split("<meta property='article:modified")[0], shown, lang="de") == (
        "2021-11-29T14:13:37+00:00"
    )
    next_day = head.replace("2022-01-12T14:27:30", "2021-11-30T09:00:00")
    assert _local(next_day, shown.replace("12.01.2022", "30.11.2021"), lang="de") == (
        "2021-11-29T14:13:37+00:00"
    )
