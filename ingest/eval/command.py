"""``ingest eval DIR``: score our extractor on a labelled folder, optionally beside trafilatura."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from ingest import atomic
from ingest.errors import InputError
from ingest.eval.baselines import COMPARABLE
from ingest.eval.runner import RunResult, ingest_extractor, load_pages, run

OURS = "ingest"


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``eval`` subcommand; its handler is ``args.handler(args) -> exit code``."""
    parser = subparsers.add_parser(
        "eval",
        help="score the extractor on a labelled folder (ground-truth.json + html/*.html.gz)",
        description="Benchmark metric: 4-token shingles, per-page normalized, mean P and R.",
    )
    parser.add_argument("dir", type=Path, metavar="DIR", help="labelled folder, aeb-dev layout")
    parser.add_argument(
        "--compare",
        action="append",
        choices=sorted(COMPARABLE),
        default=[],
        help="also run this extractor on the same pages in the same process (all its modes)",
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the figures as JSON")
    parser.add_argument("--worst", type=int, default=10, metavar="N", help="pages listed (10)")
    parser.set_defaults(handler=handle)
    return parser


def handle(args: argparse.Namespace) -> int:
    """Run the evaluation described by ``args``; print the table; 0 on success."""
    if not args.dir.is_dir():
        raise InputError(f"{args.dir}: not a directory")
    pages = load_pages(args.dir)
    if not pages:
        raise InputError(f"{args.dir}: no labelled pages")
    runs = [run(OURS, ingest_extractor(), pages, progress=True)]
    for name in args.compare:
        for label, extractor in COMPARABLE[name]().items():
            runs.append(run(label, extractor, pages, progress=True))
    print_report(runs, args.worst, sys.stdout)
    if args.json:
        atomic.write_text(args.json, json.dumps(report_dict(runs, args.worst), indent=2) + "\n")
    return 0


def print_report(runs: list[RunResult], worst: int, out: TextIO) -> None:
    """The side-by-side table of all runs, then our weakest pages."""
    pages = len(runs[0].pages)
    out.write(f"{pages} pages; pages/s is extraction alone, one process\n\n")
    header = f"{'extractor':<30} {'precision':>9} {'recall':>7} {'F1':>7} {'mean F1':>8}"
    out.write(f"{header} {'empty':>6} {'errors':>6} {'pages/s':>8}\n")
    for result in runs:
        s = result.summary
        errors = sum(1 for p in result.pages if p.error)
        out.write(
            f"{result.name:<30} {s.precision:>9.4f} {s.recall:>7.4f} {s.f1:>7.4f} "
            f"{s.mean_page_f1:>8.4f} {s.empty:>6} {errors:>6} {result.pages_per_second:>8.1f}\n"
        )
    if worst > 0:
        out.write(f"\nlowest F1 ({runs[0].name}):\n")
        for page in runs[0].worst(worst):
            sc = page.score
            note = f"  [{page.error}]" if page.error else ""
            out.write(
                f"  F1 {sc.f1:.3f}  P {sc.precision:.3f}  R {sc.recall:.3f}  "
                f"{page.page_id[:12]}  {page.url}{note}\n"
            )


def report_dict(runs: list[RunResult], worst: int) -> dict[str, Any]:
    """The figures for machines: one entry per run, and our weakest pages."""
    figures = {}
    for result in runs:
        s = result.summary
        figures[result.name] = {
            "precision": s.precision,
            "recall": s.recall,
            "f1": s.f1,
            "mean_page_f1": s.mean_page_f1,
            "empty": s.empty,
            "errors": sum(1 for p in result.pages if p.error),
            "pages": s.pages,
            "pages_per_second": result.pages_per_second,
            "seconds": result.seconds,
        }
    return {
        "runs": figures,
        "worst": [
            {
                "id": p.page_id,
                "url": p.url,
                "f1": p.score.f1,
                "precision": p.score.precision,
                "recall": p.score.recall,
                "error": p.error,
            }
            for p in runs[0].worst(worst)
        ],
    }
