"""What a spider hands on for an article URL: the response, untouched, plus discovery hints."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass
class FetchedPage:
    """An article response as fetched; the record path (``ingest.extract.path``) makes it a record.

    ``body`` is the response's bytes (decoded by the record path with ``content_type``), or text
    already decoded; ``hints`` holds discovery evidence (sitemap ``news:``, feed item) and the
    response's validators (``http_etag``, ``http_last_modified``).
    """

    url: str
    body: bytes | str
    fetched_at: str | datetime  # ISO 8601 UTC: the server's Date header when sane, else the clock
    status: int = 200
    source: str = ""  # registered source name, "" for the generic path
    hints: dict[str, Any] = field(default_factory=dict)  # e.g. feed pubDate, sitemap lastmod
    content_type: str = ""  # the HTTP Content-Type header, for its charset
