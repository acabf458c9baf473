"""When a page was served: the Date header when plausible, else our clock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ingest.discovery import fetched_at_of, parse_day

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_date_header_of_a_replay_is_the_capture_time() -> None:
    assert fetched_at_of(b"Fri, 20 Nov 2026 10:30:00 GMT", NOW) == "2026-11-20T10:30:00+00:00"


@pytest.mark.parametrize("header", [None, b"", b"garbage", b"Fri, 20 Nov 2099 10:30:00 GMT"])
def test_missing_broken_or_future_header_falls_back_to_now(header: bytes | None) -> None:
    assert fetched_at_of(header, NOW) == NOW.isoformat()


def test_parse_day_names_the_argument() -> None:
    assert parse_day("2026-11-20", "since").isoformat() == "2026-11-20"
    with pytest.raises(ValueError, match=r"since='20\.11\.2026'"):
        parse_day("20.11.2026", "since")
