"""``ingest export`` and ``ingest stats``: the stored dataset for analysts and downstream systems."""

from __future__ import annotations

import argparse
import json
import sys

from ingest.store import command_location, opened
from ingest.store.export import FORMATS, export, parse_time
from ingest.store.stats import dataset_stats, print_stats


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help="store: postgresql://… or an SQLite path (default: INGEST_DATABASE_URL, else "
        "INGEST_DATABASE_PATH, else data/articles.sqlite)",
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``export`` and ``stats`` subcommands."""
    ex = subparsers.add_parser(
        "export",
        help="write the stored articles as JSON Lines, CSV or Parquet",
        description="Rows are the article record plus revision, first_stored_at and changed_at. "
        "Parquet to a folder is partitioned by source and published_date; to a .parquet path, "
        "one file. Every file carries the schema version.",
    )
    ex.add_argument("out", metavar="OUT", help="file, folder (parquet), or - for stdout")
    ex.add_argument("--format", choices=FORMATS, default="jsonl")
    ex.add_argument("--since", metavar="T", help="published at or after T (date or ISO time)")
    ex.add_argument("--changed-since", metavar="T", help="stored or revised at or after T")
    ex.add_argument("--source", metavar="S", help="only this source")
    ex.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_db(ex)
    ex.set_defaults(handler=_export)

    st = subparsers.add_parser(
        "stats", help="counts per source, language and day; duplicates and revisions"
    )
    st.add_argument("--json", action="store_true", help="print the counts as JSON")
    _add_db(st)
    st.set_defaults(handler=_stats)


def _export(args: argparse.Namespace) -> int:
    since = parse_time(args.since, "--since") if args.since else None
    changed = parse_time(args.changed_since, "--changed-since") if args.changed_since else None
    with opened(command_location(args.db)) as store:
        n = export(store, args.format, args.out, args.source, since, changed, not args.quiet)
    if args.out != "-":
        print(f"{n} articles → {args.out} ({args.format})", file=sys.stderr)
    return 0


def _stats(args: argparse.Namespace) -> int:
    with opened(command_location(args.db)) as store:
        stats = dataset_stats(store)
    if args.json:
        print(json.dumps(stats, indent=2, ensure_ascii=False))
    else:
        print_stats(stats, store.describe, sys.stdout)
    return 0
