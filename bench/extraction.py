"""Extraction speed and quality on a labelled folder: ours beside trafilatura, readability, the floor.

    python -m bench.extraction [DIR] [--passes 5] [--json PATH]

Every extractor runs over every page in each pass (passes interleaved, so a busy moment of the
machine hits all of them alike); pages/s is the median over passes of extraction time alone.
F1 is the benchmark metric of ``ingest eval`` (``ingest.eval.metric``) on the first pass.
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path
from typing import Any

import lxml.html

from bench import report
from ingest.eval.baselines import trafilatura_extractors
from ingest.eval.runner import Extractor, decode_html, ingest_extractor, load_pages, run

AEB_DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "aeb-dev"


def readability_text(html: bytes, url: str) -> str:
    """readability-lxml's main content alone, as text (no metadata, no cleaning of ours)."""
    from readability import Document

    summary = Document(decode_html(html), url=url).summary(html_partial=True)
    return lxml.html.fromstring(summary).text_content() if summary.strip() else ""


def parse_floor(html: bytes, url: str) -> str:
    """The least any extractor must do: parse the page with lxml and take the text of <body>."""
    tree = lxml.html.document_fromstring(html)
    body = tree.find("body")
    return (body if body is not None else tree).text_content()


def extractors() -> dict[str, Extractor]:
    """Ours (the full orchestrator, as stored), the baselines, and the floor."""
    traf = trafilatura_extractors()
    return {
        "ingest": ingest_extractor(),
        "trafilatura default": traf["trafilatura default"],
        "trafilatura fast": traf["trafilatura fast"],
        "readability-lxml": readability_text,
        "parse floor": parse_floor,
    }


def measure(folder: Path, passes: int) -> dict[str, Any]:
    """Median pages/s and ms/page of each extractor over ``passes`` passes, with its F1."""
    pages = load_pages(folder)
    runs: dict[str, list[float]] = {}
    figures: dict[str, dict[str, Any]] = {}
    for n in range(passes):
        for name, extractor in extractors().items():
            result = run(name, extractor, pages)
            runs.setdefault(name, []).append(result.pages_per_second)
            if n == 0:
                s = result.summary
                errors = sum(1 for p in result.pages if p.error)
                figures[name] = {"f1": s.f1, "precision": s.precision, "recall": s.recall}
                figures[name]["errors"] = errors
    for name, rates in runs.items():
        median = statistics.median(rates)
        figures[name].update(
            pages_per_second=median, ms_per_page=1000 / median, passes=[round(r, 1) for r in rates]
        )
    return {"folder": str(folder), "pages": len(pages), "passes": passes, "extractors": figures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path, nargs="?", default=AEB_DEV)
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    results = measure(args.dir, args.passes)
    report(results, args.json)


if __name__ == "__main__":
    main()
