"""Dates as pages write them (ISO, "24 сентября 2022, 14:35", "Сегодня, 14:35") → aware datetimes."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta
from datetime import timezone as dt_timezone
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import dateparser

# Relative day words of en/ru/uk → days before the reference date.
_RELATIVE_DAYS = {
    "today": 0,
    "сегодня": 0,
    "сьогодні": 0,
    "yesterday": 1,
    "вчера": 1,
    "вчора": 1,
    "позавчера": 2,
    "позавчора": 2,
}
_RELATIVE = re.compile(
    r"\b(?P<day>" + "|".join(_RELATIVE_DAYS) + r")\b[\s,в о at]*(?P<h>\d{1,2})[:.](?P<m>\d{2})",
    re.IGNORECASE,
)
# The date inside a longer text ("Posted: July 18, 2020 - 4:01 PM", "Иван Петров, 20 листопада
# 2026, 14:35"): day month year, month day year, or numeric, with a time of day if one follows.
_CLOCK = r"(?:\s*(?:г\.|р\.)?[\s,–-]*(?:в|о|at|um|à|alle|a las)?\s*\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?)?"
_DATE_PART = re.compile(
    r"(?:(?<!\d)\d{4}-\d\d-\d\d(?!\d)|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|\d{1,2}\.?\s+[^\W\d_]+\.?,?\s+\d{4}|[^\W\d_]+\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{4})" + _CLOCK
)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")
# English formats common in page metadata, read without dateparser (a millisecond a call):
# "19 Nov 2019 07:09 GMT", "2019-11-18 17:19:53 UTC", "Monday, November 18, 2019" (a day: no
# zone stated), "Tue Nov 19 2019 03:05:46 GMT+0530" (kept at +05:30). dateparser gives the same
# instants (tested on a grid of dates); an impossible date ("November 31") is left to it.
_MONTH_NAMES = (
    "January February March April May June July August September October November December"
)
_MONTH = {name: n for n, name in enumerate(_MONTH_NAMES.split(), 1)}
_MONTH.update({name[:3]: n for name, n in list(_MONTH.items())})
_FULL = "|".join(_MONTH_NAMES.split())
_ABBR = "|".join(name[:3] for name in _MONTH_NAMES.split())
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WDAY = "Mon|Tue|Wed|Thu|Fri|Sat|Sun"
_TIME = r"(?P<H>[0-9]{2}):(?P<M>[0-9]{2})"
_ENGLISH = tuple(
    re.compile(pattern)
    for pattern in (
        rf"(?P<d>[0-9]{{1,2}}) (?P<m>{_ABBR}) (?P<y>[0-9]{{4}}) {_TIME}(?::(?P<S>[0-9]{{2}}))?"
        r" (?:GMT|UTC)",
        rf"(?P<y>[0-9]{{4}})-(?P<n>[0-9]{{2}})-(?P<d>[0-9]{{2}}) {_TIME}:(?P<S>[0-9]{{2}}) (?:GMT|UTC)",
        rf"(?:(?:{_WEEKDAY}), )?(?P<m>{_FULL}) (?P<d>[0-9]{{1,2}}), (?P<y>[0-9]{{4}})",
        rf"(?:{_WDAY}) (?P<m>{_ABBR}) (?P<d>[0-9]{{2}}) (?P<y>[0-9]{{4}}) {_TIME}:(?P<S>[0-9]{{2}})"
        r" GMT(?P<z>[+-][0-9]{4})",
    )
)


def parse_datetime(
    text: str,
    timezone: str = "UTC",
    reference: datetime | None = None,
    languages: tuple[str, ...] = ("ru", "uk", "en"),
) -> datetime | None:
    """Parse a date as a page shows it; naive times are in ``timezone``; relative days count back
    from ``reference`` (the fetch time) as seen in that zone. Returns an aware datetime or None;
    an offset the text states is kept (a local time is never turned into UTC)."""
    parsed = parse_wallclock(text, timezone, reference, languages)
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=ZoneInfo(timezone))


def parse_wallclock(
    text: str,
    timezone: str = "UTC",
    reference: datetime | None = None,
    languages: tuple[str, ...] = ("ru", "uk", "en"),
) -> datetime | None:
    """As :func:`parse_datetime`, but a text that states no offset gives a naive datetime (its
    wall clock), so a caller can tell a local rendering from an instant."""
    text = " ".join(text.split())
    if not text:
        return None
    zone = ZoneInfo(timezone)
    if _ISO.match(text):
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            pass
    if text.strip(" ,.").lower() in _RELATIVE_DAYS:
        return None  # a day without a time: any instant we made up would be false precision
    relative = _RELATIVE.search(text)
    if relative and reference is not None:
        day = reference.astimezone(zone).date() - timedelta(
            days=_RELATIVE_DAYS[relative["day"].lower()]
        )
        try:
            clock = time(int(relative["h"]), int(relative["m"]))
        except ValueError:  # "Сегодня, 25:99" (found by fuzzing)
            return None
        return datetime.combine(day, clock)
    languages = supported_languages(languages)
    if "en" in languages:
        found = _english(text)
        if found is not None:
            return found
    # A date without its year ("Jul 10", "06月24日") is not taken for this year's: too often wrong.
    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    if reference is not None:
        settings["RELATIVE_BASE"] = reference.astimezone(zone).replace(tzinfo=None)
    parsed = _dateparser(text, languages, settings)
    if parsed is None:
        # Bylines glue names to dates ("Иван Петров, 20 листопада 2026, 14:35"): parse the date part.
        glued = _DATE_PART.search(text)
        if glued is None or glued.group(0) == text:
            return None
        parsed = _dateparser(glued.group(0), languages, settings)
    return parsed


def date_part(text: str) -> str:
    """The date (and time of day) inside ``text`` by its shape, "" when it holds none."""
    found = _DATE_PART.search(text)
    return found.group(0) if found else ""


def supported_languages(languages: tuple[str, ...]) -> tuple[str, ...]:
    """The ``languages`` dateparser knows (English when it knows none of them)."""
    known = tuple(lang for lang in languages if lang in _dateparser_languages())
    return known or ("en",)


@lru_cache(maxsize=1)
def _dateparser_languages() -> frozenset[str]:
    from dateparser.languages.loader import default_loader

    return frozenset(default_loader.get_locale_map())


def _dateparser(text: str, languages: tuple[str, ...], settings: dict[str, Any]) -> datetime | None:
    parsed = dateparser.parse(text, languages=list(languages), settings=settings)
    if parsed is None or parsed.tzinfo is None:
        return parsed
    # dateparser's zone objects (StaticTzInfo) do not pickle or compare well: a fixed offset.
    offset = parsed.utcoffset()
    return parsed.replace(tzinfo=dt_timezone(offset) if offset else UTC)


def _english(text: str) -> datetime | None:
    """``text`` in one of the ``_ENGLISH`` formats, at the offset it states, else None."""
    for pattern in _ENGLISH:
        found = pattern.fullmatch(text)
        if found is not None:
            break
    else:
        return None
    g = found.groupdict()
    month = _MONTH[g["m"]] if g.get("m") else int(g["n"])
    if "H" not in g:  # a day alone states no zone: its wall clock
        try:
            return datetime(int(g["y"]), month, int(g["d"]))
        except ValueError:
            return None
    zone = g.get("z") or "+0000"
    offset = timedelta(hours=int(zone[1:3]), minutes=int(zone[3:]))
    if zone[0] == "-":
        offset = -offset
    try:
        return datetime(
            int(g["y"]),
            month,
            int(g["d"]),
            int(g.get("H") or 0),
            int(g.get("M") or 0),
            int(g.get("S") or 0),
            tzinfo=dt_timezone(offset) if offset else UTC,
        )
    except (ValueError, OverflowError):
        return None


def utc_iso(value: datetime | None) -> str | None:
    """ISO 8601 in UTC with an explicit +00:00, or None."""
    if value is None:
        return None
    return value.astimezone(ZoneInfo("UTC")).isoformat()


def local_iso(value: datetime | None) -> str | None:
    """ISO 8601 keeping the datetime's own offset, or None."""
    return value.isoformat() if value is not None else None
