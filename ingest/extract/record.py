"""Extraction as a picklable call: plain arguments in, a plain dict or a drop reason out.

This is what a crawl hands to its extraction worker processes (and calls inline when it has
none), so both paths run the same code and give the same records.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ingest.errors import ExtractionError
from ingest.extract import extract_detailed
from ingest.sites import SITES


@dataclass(frozen=True)
class Extracted:
    """``Article.to_dict()`` of the page, and the boilerplate kinds cleaning removed (counts)."""

    record: dict[str, Any]
    removed: dict[str, int]


@dataclass(frozen=True)
class Dropped:
    """Why a page gave no article: the stats key suffix, and a detail for the log."""

    reason: str
    detail: str = ""


def extract_record(
    html: str, url: str, fetched_at: str, source: str = "", fallback_title: str = ""
) -> Extracted | Dropped:
    """The page's record (``Extracted``) or Dropped; never raises, so one page never stops a crawl.

    ``fetched_at`` is ISO 8601; ``source`` a registered source name ("" for the generic path);
    ``fallback_title`` a title discovery saw, used only when the page has none.
    """
    try:
        site = SITES.get(source)
        when = datetime.fromisoformat(fetched_at)
        done = extract_detailed(html, url, when, site, fallback_title=fallback_title)
    except ExtractionError as exc:
        return Dropped(exc.reason, str(exc))
    except Exception as exc:  # a bug on one page: report it with its traceback, keep crawling
        detail = f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=-3)}"
        return Dropped("extractor_error", detail)
    return Extracted(done.article.to_dict(), done.removed)
