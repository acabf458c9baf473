"""Dates as pages write them (ISO, "24 сентября 2022, 14:35", "Сегодня, 14:35") → aware datetimes."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
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
_DAY_MONTH_YEAR = re.compile(
    r"\d{1,2}\s+\w+\.?\s+\d{4}(?:\s*(?:г\.|р\.)?,?\s*(?:в|о|at)?\s*\d{1,2}:\d{2})?"
)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")


def parse_datetime(
    text: str,
    timezone: str = "UTC",
    reference: datetime | None = None,
    languages: tuple[str, ...] = ("ru", "uk", "en"),
) -> datetime | None:
    """Parse a date as a page shows it; naive times are in ``timezone``; relative days count back
    from ``reference`` (the fetch time) as seen in that zone. Returns an aware datetime or None."""
    text = " ".join(text.split())
    if not text:
        return None
    zone = ZoneInfo(timezone)
    if _ISO.match(text):
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            parsed = None
        if parsed is not None:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)
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
        return datetime.combine(day, clock, tzinfo=zone)
    settings = {
        "TIMEZONE": timezone,
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "past",
    }
    if reference is not None:
        settings["RELATIVE_BASE"] = reference.astimezone(zone).replace(tzinfo=None)
    parsed = dateparser.parse(text, languages=list(languages), settings=settings)
    if parsed is None:
        # Bylines glue names to dates ("Иван Петров, 20 листопада 2026, 14:35"): parse the date part.
        found = _DAY_MONTH_YEAR.search(text)
        if found is None or found.group(0) == text:
            return None
        parsed = dateparser.parse(found.group(0), languages=list(languages), settings=settings)
        if parsed is None:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)


def utc_iso(value: datetime | None) -> str | None:
    """ISO 8601 in UTC with an explicit +00:00, or None."""
    if value is None:
        return None
    return value.astimezone(ZoneInfo("UTC")).isoformat()


def local_iso(value: datetime | None) -> str | None:
    """ISO 8601 keeping the datetime's own offset, or None."""
    return value.isoformat() if value is not None else None
