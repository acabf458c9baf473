"""One check per parser: feed it any input; it may only raise our documented errors, must finish
in bounded time, and no output field may carry script code, ``javascript:`` or event handlers."""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from ingest.discovery.feeds import feed_entries
from ingest.discovery.lists import archive_links
from ingest.discovery.sitemaps import parse_sitemap
from ingest.errors import IngestError
from ingest.extract import extract
from ingest.extract.dates import parse_datetime
from ingest.extract.encoding import decode_html
from ingest.extract.textclean import clean_text
from ingest.sites.korrespondent import SITE

URL = "https://korrespondent.net/world/4601241-iz-livana-evakuirovali-esche-45-grazhdan-ukrainy/"
FETCHED = datetime(2026, 11, 20, 10, 30, tzinfo=UTC)
MAX_SECONDS = 5.0  # per input; a page taking longer is a hang for a crawl
# Script tags ("<" then the name, as HTML parses tags), javascript: URLs, event-handler
# attributes (inside a tag: "one=1" is prose).
UNSAFE = re.compile(r"<script|javascript\s*:|<[a-z][^>]*\bon[a-z]+\s*=", re.IGNORECASE)


class UnsafeOutput(AssertionError):
    """An output field carries script code, a ``javascript:`` URL or an event handler."""


class TooSlow(AssertionError):
    """One input took longer than MAX_SECONDS."""


def strings(value: Any) -> list[str]:
    """Every string inside ``value`` (dataclasses, dicts, lists, datetimes as ISO)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return strings(dataclasses.asdict(value))
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings(v)]
    if isinstance(value, datetime):
        return [value.isoformat()]
    return [value] if isinstance(value, str) else []


def assert_safe(value: Any) -> None:
    """Raise UnsafeOutput naming the first offending string in ``value``."""
    for text in strings(value):
        match = UNSAFE.search(text)
        if match:
            raise UnsafeOutput(f"{match.group(0)!r} in output {text[:200]!r}")


def _timed(run: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    try:
        return run()
    except IngestError:
        return None  # documented: a page with no article, a bad input
    finally:
        if time.perf_counter() - start > MAX_SECONDS:
            raise TooSlow(f"took {time.perf_counter() - start:.1f} s")


def check_extract(data: bytes) -> None:
    """Bytes as a fetched page, through the record path the crawl runs (it decodes them)."""
    assert_safe(_timed(lambda: extract(data, URL, FETCHED, content_type="text/html")))
    assert_safe(_timed(lambda: extract(data, URL, FETCHED, SITE, content_type="text/html")))


def check_clean_text(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    assert_safe(_timed(lambda: clean_text(text)) if "<" not in text else None)


def check_parse_datetime(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    result = _timed(lambda: parse_datetime(text, "Europe/Kyiv", FETCHED))
    assert result is None or result.tzinfo is not None


def check_feed(data: bytes) -> None:
    assert_safe(_timed(lambda: feed_entries(data, "https://k.img.com.ua/rss/ru/all_news2.0.xml")))


def check_sitemap(data: bytes) -> None:
    assert_safe(_timed(lambda: parse_sitemap(data, "https://korrespondent.net/sitemap.xml")))


def check_archive(data: bytes) -> None:
    html = decode_html(data, "text/html")
    url = "https://korrespondent.net/all/2026/november/20/"
    assert_safe(_timed(lambda: archive_links(html, url, SITE.list_selectors)))


CHECKS: dict[str, Callable[[bytes], None]] = {
    "extract": check_extract,
    "clean_text": check_clean_text,
    "parse_datetime": check_parse_datetime,
    "feed": check_feed,
    "sitemap": check_sitemap,
    "archive": check_archive,
}
