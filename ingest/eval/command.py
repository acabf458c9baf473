"""``ingest eval [DIR...]``: every labelled set, ours beside trafilatura and htmldate, one run.

A DIR is one labelled set (its layout is recognised by its labels file) or a folder of sets
(``../shared/eval``, the default). Each page is extracted once by us; the baselines run on the
same pages in the same process unless ``--fast``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, TextIO

from ingest import atomic
from ingest.errors import InputError
from ingest.eval import aeb, dates, fundus, ruuk, traf
from ingest.eval.sample import RAISED, Run, Sample, ours, run_extractor

OURS = "ingest"
LAYOUTS: tuple[ModuleType, ...] = (aeb, traf, dates, fundus, ruuk)
DEFAULT_DIR = Path("..") / "shared" / "eval"
MIN_LANGUAGE_PAGES = 5  # smaller groups are printed together as "other" (all are in --json)


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``eval`` subcommand; its handler is ``args.handler(args) -> exit code``."""
    parser = subparsers.add_parser(
        "eval",
        help="score extraction on every labelled set, beside trafilatura and htmldate",
        description=__doc__.split("\n\n")[0],
    )
    parser.add_argument("dirs", type=Path, nargs="*", metavar="DIR", help="a set or sets folder")
    parser.add_argument("--fast", action="store_true", help="ours only: no baselines")
    parser.add_argument(
        "--compare",
        action="append",
        choices=["trafilatura"],
        default=[],
        help="accepted for old scripts: the baselines run unless --fast",
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the figures as JSON")
    parser.add_argument("--worst", type=int, default=10, metavar="N", help="pages listed (10)")
    parser.set_defaults(handler=handle)
    return parser


def find_sets(dirs: list[Path]) -> list[tuple[str, ModuleType, Path]]:
    """(set name, layout, folder) of each DIR, or of each set inside a DIR of sets."""
    found = []
    for folder in dirs or [DEFAULT_DIR]:
        if not folder.is_dir():
            raise InputError(f"{folder}: not a directory")
        layout = _layout(folder)
        if layout is not None:
            found.append((folder.resolve().name, layout, folder))
            continue
        inner = [(sub.name, _layout(sub), sub) for sub in sorted(folder.iterdir()) if sub.is_dir()]
        sets = [(name, layout, sub) for name, layout, sub in inner if layout is not None]
        if not sets:
            raise InputError(
                f"{folder}: no labelled set here (no ground-truth.json, items.json, "
                "gold.json, pages.json or *_meta.info)"
            )
        found.extend(sets)
    return found


def evaluate(name: str, layout: ModuleType, folder: Path, baselines: bool) -> dict[str, Any]:
    """Load one set, run ours (and the baselines), and return its figures and weakest pages."""
    samples = layout.load(folder)
    if not samples:
        raise InputError(f"{folder}: no labelled pages")
    runs = [run_extractor(OURS, ours, samples, progress=True)]
    if baselines:
        for label, extractor in layout.baselines().items():
            runs.append(run_extractor(label, extractor, samples, progress=True))
    return summarize(name, layout, samples, runs)


def summarize(name: str, layout: ModuleType, samples: list[Sample], runs: list[Run]) -> dict:
    """Figures per run, per language (the labels' language, else ours), and our weakest pages."""
    languages = [
        s.language or o.language or "?" for s, o in zip(samples, runs[0].outputs, strict=True)
    ]
    by_language: dict[str, dict[str, Any]] = {}
    for language in sorted(set(languages)):
        idx = [i for i, lang in enumerate(languages) if lang == language]
        by_language[language] = {"pages": len(idx)} | {
            r.name: layout.figures([samples[i] for i in idx], [r.outputs[i] for i in idx])
            for r in runs
        }
    ours_run = runs[0]
    scored = sorted(
        (layout.page_score(s, o), s.page_id, s.url, o.error)
        for s, o in zip(samples, ours_run.outputs, strict=True)
    )
    return {
        "layout": layout.NAME,
        "pages": len(samples),
        "headline": layout.HEADLINE,
        "columns": list(layout.COLUMNS),
        "runs": {
            r.name: layout.figures(samples, r.outputs)
            | {
                "errors": sum(1 for o in r.outputs if o.error.startswith(RAISED)),
                "seconds": r.seconds,
                "pages_per_second": r.pages_per_second,
            }
            for r in runs
        },
        "languages": by_language,
        "worst": [{"id": i, "url": u, "score": sc, "error": e} for sc, i, u, e in scored],
    }


def handle(args: argparse.Namespace) -> int:
    """Run every set named by ``args``; print the tables; 0 on success."""
    report: dict[str, Any] = {"sets": {}}
    sets = find_sets(args.dirs)
    if args.json:
        try:
            atomic.check_writable(args.json)
        except OSError as exc:
            raise InputError(f"{args.json}: cannot write ({exc.strerror or exc})") from None
    for name, layout, folder in sets:
        report["sets"][name] = evaluate(name, layout, folder, baselines=not args.fast)
        print_set(name, report["sets"][name], args.worst, sys.stdout)
    if args.json:
        for figures in report["sets"].values():
            figures["worst"] = figures["worst"][: args.worst]
        atomic.write_text(args.json, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return 0


def print_set(name: str, figures: dict[str, Any], worst: int, out: TextIO) -> None:
    """One set: a row per extractor, the headline per language, our weakest pages."""
    columns = figures["columns"]
    out.write(
        f"\n== {name} ({figures['layout']} layout, {figures['pages']} pages; "
        "pages/s is extraction alone, one process)\n"
    )
    widths = [max(len(c), 7) for c in columns]
    out.write(
        f"{'extractor':<30} " + " ".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True))
    )
    out.write(f" {'errors':>6} {'pages/s':>8}\n")
    for run_name, row in figures["runs"].items():
        cells = " ".join(_cell(row[c], w) for c, w in zip(columns, widths, strict=True))
        out.write(f"{run_name:<30} {cells} {row['errors']:>6} {row['pages_per_second']:>8.1f}\n")
    headline, names = figures["headline"], list(figures["runs"])
    out.write(f"\n{headline} per language: " + " | ".join(names) + "\n")
    other: list[str] = []
    for language, group in figures["languages"].items():
        if group["pages"] < MIN_LANGUAGE_PAGES:
            other.append(f"{language}:{group['pages']}")
            continue
        cells = " ".join(_cell(group[n][headline], 8) for n in names)
        out.write(f"  {language:<6} {group['pages']:>4} pages  {cells}\n")
    if other:
        out.write(f"  other (under {MIN_LANGUAGE_PAGES} pages each): {' '.join(other)}\n")
    if worst > 0:
        out.write(f"lowest {headline} ({OURS}):\n")
        for page in figures["worst"][:worst]:
            note = f"  [{page['error']}]" if page["error"] else ""
            out.write(f"  {page['score']:.3f}  {page['id'][:40]}  {page['url'][:70]}{note}\n")


def _cell(value: float | int, width: int) -> str:
    return f"{value:>{width}}" if isinstance(value, int) else f"{value:>{width}.4f}"


def _layout(folder: Path) -> ModuleType | None:
    return next((layout for layout in LAYOUTS if layout.detect(folder)), None)
