"""Dates as pages write them, in the site's zone, relative days counted from the serving time."""

from __future__ import annotations

from datetime import UTC, datetime

import dateparser
import pytest

from ingest.extract import dates
from ingest.extract.dates import local_iso, parse_datetime, utc_iso

SERVED = datetime(2026, 11, 20, 10, 30, tzinfo=UTC)  # 12:30 in Kyiv


@pytest.mark.parametrize(
    ("text", "utc", "local"),
    [
        ("Сегодня, 09:15", "2026-11-20T07:15:00+00:00", "2026-11-20T09:15:00+02:00"),
        ("Вчера, 22:05", "2026-11-19T20:05:00+00:00", "2026-11-19T22:05:00+02:00"),
        ("Сьогодні, 11:20", "2026-11-20T09:20:00+00:00", "2026-11-20T11:20:00+02:00"),
        ("Вчора, 09:10", "2026-11-19T07:10:00+00:00", "2026-11-19T09:10:00+02:00"),
        ("18 ноября 2026, 14:35", "2026-11-18T12:35:00+00:00", "2026-11-18T14:35:00+02:00"),
        (
            "Іван Петренко, 18 листопада 2026, 14:35",
            "2026-11-18T12:35:00+00:00",
            "2026-11-18T14:35:00+02:00",
        ),
        ("24 сентября 2022, 14:35", "2022-09-24T11:35:00+00:00", "2022-09-24T14:35:00+03:00"),
        ("2026-11-20T09:15:00+02:00", "2026-11-20T07:15:00+00:00", "2026-11-20T09:15:00+02:00"),
    ],
)
def test_kyiv_dates(text: str, utc: str, local: str) -> None:
    parsed = parse_datetime(text, "Europe/Kyiv", SERVED)
    assert (utc_iso(parsed), local_iso(parsed)) == (utc, local)


def test_relative_day_crossing_midnight_uses_the_site_zone() -> None:
    # 23:30 UTC on the 19th is already the 20th in Kyiv: "Сегодня" is the 20th there.
    served = datetime(2026, 11, 19, 23, 30, tzinfo=UTC)
    assert (
        utc_iso(parse_datetime("Сегодня, 01:10", "Europe/Kyiv", served))
        == "2026-11-19T23:10:00+00:00"
    )


@pytest.mark.parametrize("text", ["", "   ", "нет даты здесь", "Сегодня"])
def test_no_date_is_none(text: str) -> None:
    assert parse_datetime(text, "Europe/Kyiv", SERVED) is None


# Common English formats are read without dateparser: the instants must be dateparser's, at the
# offset the text states (dateparser, told a zone, would move them to it).
ENGLISH = [
    "19 Nov 2019 07:09 GMT",
    "5 Mar 2021 23:59:59 UTC",
    "2019-11-18 17:19:53 GMT",
    "2024-02-29 00:00:00 UTC",
    "October 12, 2017",
    "Monday, November 18, 2019",
    "Tuesday, November 18, 2019",  # a wrong weekday is ignored, as dateparser ignores it
    "Tue Nov 19 2019 03:05:46 GMT+0000",
    "Tue Nov 19 2019 03:05:46 GMT+0530",
    "Sun Jan 01 2023 00:10:00 GMT-0800",
    "November 31, 2019",  # impossible: left to dateparser, which gives None
    "19 Nov 2019 25:09 GMT",
    "2023-02-29 10:00:00 GMT",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_formats_read_as_dateparser_reads_them(text: str) -> None:
    expected = dateparser.parse(
        text,
        languages=["ru", "uk", "en"],
        settings={
            "TIMEZONE": "UTC",
            "RETURN_AS_TIMEZONE_AWARE": True,
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": SERVED.replace(tzinfo=None),
        },
    )
    fast = dates._english(text)
    if expected is None:
        assert fast is None and parse_datetime(text, "UTC", SERVED) is None
    else:
        assert fast is not None, "the format should not need dateparser"
        parsed = parse_datetime(text, "UTC", SERVED)
        assert utc_iso(parsed) == utc_iso(expected)
        assert parsed.strftime("%z") == (text.partition(" GMT")[2] or "+0000")


@pytest.mark.parametrize(
    ("text", "local"),
    [
        ("Sat, 19 Oct 2019 00:04:00 +0200", "2019-10-19T00:04:00+02:00"),
        ("Tue Nov 19 2019 03:05:46 GMT+0530", "2019-11-19T03:05:46+05:30"),
        ("2019-10-19T00:04:00-04:00", "2019-10-19T00:04:00-04:00"),
    ],
)
def test_a_stated_offset_is_kept_whatever_the_zone(text: str, local: str) -> None:
    for zone in ("UTC", "Europe/Kyiv"):
        assert local_iso(parse_datetime(text, zone, SERVED)) == local


@pytest.mark.parametrize(
    ("text", "languages", "expected"),
    [
        ("19. Oktober 2019, 00:04 Uhr", ("de",), "2019-10-19T00:04:00"),
        ("8 novembre 2023 alle 18:09", ("it",), "2023-11-08T18:09:00"),
        ("2 de marzo de 2021", ("es",), "2021-03-02T00:00:00"),
        ("03/04/2021", ("fr",), "2021-04-03T00:00:00"),  # the language's day order
        ("03/04/2021", ("en",), "2021-03-04T00:00:00"),
        ("3 March 2021", ("xx",), "2021-03-03T00:00:00"),  # a language dateparser lacks: English
    ],
)
def test_visible_dates_in_the_pages_language(text: str, languages: tuple, expected: str) -> None:
    parsed = dates.parse_wallclock(text, "UTC", SERVED, languages)
    assert parsed is not None and parsed.tzinfo is None  # no zone stated: the wall clock
    assert parsed.isoformat() == expected
