"""``ingest reprocess``: re-extract captured pages from WARC files into the store, offline."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from ingest.store import command_location, open_store
from ingest.store.export import parse_time
from ingest.warc.reader import index_pages, warc_files
from ingest.warc.reprocess import reprocess, select_pages


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``reprocess`` subcommand."""
    parser = subparsers.add_parser(
        "reprocess",
        help="re-run today's extraction over captured WARC files and upsert the results",
        description="No network: pages come from the WARC files (folders are searched). Only "
        "articles whose output changed get a revision; the others get the new parser stamp. "
        "The latest capture of each URL is used; a store that holds a later fetch wins.",
    )
    parser.add_argument("warcs", nargs="+", metavar="WARC", help="WARC files or folders")
    parser.add_argument("--source", metavar="S", help="only pages of this source")
    parser.add_argument("--since", metavar="T", help="only pages captured at or after T")
    parser.add_argument("--db", metavar="URL", help="store (default: INGEST_DATABASE_URL/PATH)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Index the WARC files, re-extract the chosen pages, print what changed."""
    since = datetime.fromisoformat(parse_time(args.since, "--since")) if args.since else None
    pages = index_pages(warc_files(args.warcs))
    chosen = select_pages(pages, args.source, since)
    location = command_location(args.db)
    store = open_store(location)
    try:
        report = reprocess(store, chosen, progress=not args.quiet)
    finally:
        store.close()
    print(
        f"{len(pages)} responses captured, {report.selected} article pages re-extracted into "
        f"{store.describe}: {report.extracted} articles; {report.inserted} new, "
        f"{report.revised} revised, {report.unchanged} unchanged ({report.stamped} re-stamped "
        f"with the new parser), {report.superseded} superseded by a later fetch, "
        f"{report.duplicates} duplicate captures",
        file=sys.stderr,
    )
    for reason, n in sorted(report.dropped.items()):
        print(f"  dropped {reason}: {n}", file=sys.stderr)
    return 0
