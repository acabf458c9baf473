"""``ingest report``: the store's recent crawls as one self-contained HTML page with charts."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, timedelta

from ingest import atomic
from ingest.errors import InputError
from ingest.report.page import ReportData, render
from ingest.store import command_location, opened
from ingest.store.crawls import articles_per_hour, recent_crawls
from ingest.store.export import parse_time


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``report`` subcommand."""
    parser = subparsers.add_parser(
        "report", help="render recent crawls (per source) as a self-contained HTML page"
    )
    parser.add_argument("out", metavar="OUT.html", help="the page to write")
    parser.add_argument(
        "--since", metavar="T", help="crawls finished at or after T (default: 7 days ago)"
    )
    parser.add_argument("--db", metavar="URL", help="store (default: INGEST_DATABASE_URL/PATH)")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Read the crawls and new articles of the window, write the page."""
    since = (
        parse_time(args.since, "--since")
        if args.since
        else (datetime.now(UTC) - timedelta(days=7)).isoformat()
    )
    with opened(command_location(args.db)) as store:
        data = ReportData(since, recent_crawls(store, since), articles_per_hour(store, since))
    try:
        atomic.write_text(args.out, render(data))
    except OSError as exc:
        raise InputError(f"{args.out}: cannot write ({exc.strerror or exc})") from exc
    print(f"{len(data.crawls)} crawl rows since {since[:16]} → {args.out}", file=sys.stderr)
    return 0
