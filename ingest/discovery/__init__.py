"""Pure parsers for discovery pages (feeds, list pages): bytes in, URLs and hints out."""

from ingest.discovery.feeds import FeedEntry, feed_entries
from ingest.discovery.lists import ArchiveLinks, archive_links
from ingest.discovery.timing import fetched_at_of, parse_day

__all__ = [
    "ArchiveLinks",
    "FeedEntry",
    "archive_links",
    "feed_entries",
    "fetched_at_of",
    "parse_day",
]
