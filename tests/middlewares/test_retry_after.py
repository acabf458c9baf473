"""Retry-After values as servers write them (the crawl behaviour is in tests/crawl/test_chaos_crawl.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from middlewares.retry_after import retry_after_seconds

NOW = datetime(2026, 11, 20, 10, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (b"5", 5.0),
        (" 120 ", 120.0),
        (b"Fri, 20 Nov 2026 10:00:30 GMT", 30.0),
        (b"Fri, 20 Nov 2026 09:00:00 GMT", 0.0),  # already past: no wait
        (b"soon", None),
        (b"-3", None),
        (b"", None),
        (None, None),
    ],
)
def test_retry_after_values(value: bytes | str | None, seconds: float | None) -> None:
    assert retry_after_seconds(value, NOW) == seconds
