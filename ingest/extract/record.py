"""The record path as a picklable call: a ``FetchedPage`` in, a plain dict or a drop reason out.

This is what a crawl hands to its extraction worker processes (and calls inline when it has
none), so both paths run the same code and give the same records.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from typing import Any

from ingest.errors import ExtractionError
from ingest.extract.path import record_of
from ingest.fetched import FetchedPage


@dataclass(frozen=True)
class Extracted:
    """``Article.to_dict()`` of the page, the boilerplate kinds cleaning removed (counts) and the
    evidence flags raised."""

    record: dict[str, Any]
    removed: dict[str, int]
    flags: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Dropped:
    """Why a page gave no article: the stats key suffix, and a detail for the log."""

    reason: str
    detail: str = ""


def extract_record(fetched: FetchedPage) -> Extracted | Dropped:
    """The page's record (``Extracted``) or Dropped; never raises, so one page never stops a crawl."""
    try:
        done = record_of(fetched)
    except ExtractionError as exc:
        return Dropped(exc.reason, str(exc))
    except Exception as exc:  # a bug on one page: report it with its traceback, keep crawling
        detail = f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=-3)}"
        return Dropped("extractor_error", detail)
    return Extracted(done.article.to_dict(), done.removed, done.flags)
