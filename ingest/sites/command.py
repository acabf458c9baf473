"""``ingest sources``: the registered sources and what we know of each, as a table or JSON."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ingest.sites import SITES
from ingest.sites.base import SiteProfile


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``sources`` subcommand; its handler is ``args.handler(args) -> exit code``."""
    parser = subparsers.add_parser(
        "sources", help="list the registered sources (crawl one with scrapy crawl news -a source=)"
    )
    parser.add_argument("--json", action="store_true", help="print every source as JSON")
    parser.set_defaults(handler=handle)
    return parser


def handle(args: argparse.Namespace) -> int:
    """Print the registry."""
    if args.json:
        print(json.dumps([describe(s) for s in SITES.values()], ensure_ascii=False, indent=2))
        return 0
    print(f"{'source':<14} {'languages':<10} {'cadence':>8}  {'tz':<14} hosts")
    for site in SITES.values():
        info = describe(site)
        print(
            f"{site.name:<14} {','.join(info['languages']):<10} "
            f"{info['cadence_minutes']:>6} m  {site.timezone:<14} {' '.join(info['hosts'])}"
        )
    return 0


def describe(site: SiteProfile) -> dict[str, Any]:
    """What the registry knows of ``site``, JSON-ready."""
    return {
        "name": site.name,
        "parser": site.parser_version,
        "languages": [e.language for e in site.editions],
        "hosts": list(dict.fromkeys(e.host for e in site.editions)),
        "homes": [e.home for e in site.editions],
        "feeds": [f for e in site.editions for f in e.feeds],
        "sitemaps": [s for e in site.editions for s in e.sitemaps],
        "timezone": site.timezone,
        "cadence_minutes": int(site.cadence.total_seconds() // 60),
        "has_selectors": bool(site.selectors.body or site.selectors.title),
        "versions": [
            {"parser": v.parser_version, "valid_until": str(v.valid_until)} for v in site.earlier
        ],
        "note": site.fixtures_note,
    }
