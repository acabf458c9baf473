"""Times of discovery: when a response was served, and the days a crawl covers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime

# A Date header further than this from our clock is ignored, except for replays (older).
_MAX_FUTURE = timedelta(minutes=10)


def fetched_at_of(date_header: bytes | str | None, now: datetime | None = None) -> str:
    """The moment the page was served, UTC ISO: the server's Date header when plausible, else now.

    Relative dates on a page ("Сегодня, 14:35") are relative to when the server rendered it; for a
    replayed snapshot that is the capture time its server reports.
    """
    now = now or datetime.now(UTC)
    served = None
    if date_header:
        text = date_header.decode("latin-1") if isinstance(date_header, bytes) else date_header
        try:
            served = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            served = None
    if served is None or served.tzinfo is None or served > now + _MAX_FUTURE:
        served = now
    return served.astimezone(UTC).isoformat()


def parse_day(text: str, name: str) -> date:
    """``YYYY-MM-DD`` for a spider argument; ValueError names the argument."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{name}={text!r}: expected a date as YYYY-MM-DD") from None
