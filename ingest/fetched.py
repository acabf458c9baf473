"""What a spider hands on for an article URL: the response, untouched, plus discovery hints."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class FetchedPage:
    """An article response as fetched; extraction happens later, in a pipeline."""

    url: str
    html: str
    fetched_at: str  # ISO 8601 UTC: the server's Date header when sane, else the local clock
    status: int = 200
    source: str = ""  # registered source name, "" for the generic path
    hints: dict[str, Any] = field(default_factory=dict)  # e.g. feed pubDate, sitemap lastmod
